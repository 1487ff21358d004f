// The driver of the fuzz targets when they are not built with libFuzzer (any compiler, e.g. the
// g++ `ci` build): it runs every file of the seed corpus, then inputs made by mutating the seeds
// with a fixed pseudo-random sequence, until a time or a number of runs is reached. It accepts
// libFuzzer's spelling of the options it shares, so the same command line works for both:
//   fuzz_http_head [-max_total_time=S] [-runs=N] [-seed=N] [-max_len=N] CORPUS_DIR_OR_FILE...
// An input that crashes the target is written to crash-<target>-<n> in the working directory
// (by the signal handler) before the process dies, to be replayed with the same command.

#include "fuzzing.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

// The input being run, for the crash handler (which may only make async-signal-safe calls).
const uint8_t *g_current = nullptr;
size_t g_currentSize = 0;
char g_crashPath[512] = "crash-input";

void onCrash(int signal)
{
    const int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t done = 0;
        while (g_current && done < g_currentSize) {
            const ssize_t n = ::write(fd, g_current + done, g_currentSize - done);
            if (n <= 0)
                break;
            done += size_t(n);
        }
        ::close(fd);
    }
    static const char note[] = "xueshi-fuzz: the input that crashed is in ";
    [[maybe_unused]] ssize_t ignored = ::write(2, note, sizeof note - 1);
    ignored = ::write(2, g_crashPath, std::strlen(g_crashPath));
    ignored = ::write(2, "\n", 1);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// xorshift64*: a small, fixed generator, so a run with the same seed makes the same inputs.
struct Random
{
    uint64_t state;
    uint64_t next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
    size_t below(size_t n) { return n == 0 ? 0 : size_t(next() % n); }
};

// Tokens that matter to the parsers under test: JSON structure and escapes, HTTP separators,
// number edge cases, invalid or tricky UTF-8, path tricks, SQL quoting.
const std::vector<std::string_view> &dictionary()
{
    static const std::vector<std::string_view> tokens {
        "\r\n",
        "\r\n\r\n",
        ": ",
        "\"",
        "\\",
        "\\u0000",
        "\\ud800",
        "{",
        "}",
        "[",
        "]",
        "{}",
        "[]",
        ",",
        ":",
        "null",
        "true",
        "false",
        "0",
        "-1",
        "-0",
        "1e308",
        "1e-400",
        "0.1",
        "9007199254740993",
        "9223372036854775807",
        "18446744073709551616",
        "NaN",
        "\"\"",
        std::string_view("\0", 1),
        "\xff",
        "\xc0\x80",
        "\xed\xa0\x80",
        "\xef\xbb\xbf",
        "\xe5\xad\xa6\xe6\x97\xb6",
        "..",
        "../",
        "%00",
        "%2e%2e",
        "%",
        "/",
        "?",
        "#",
        "=",
        "&",
        "'",
        "';--",
        " OR 1=1",
        "Content-Length",
        "Transfer-Encoding: chunked",
        "Host",
        "HTTP/1.1",
        "HTTP/1.0",
        "GET ",
        "POST ",
        "Connection: close",
        "Expect: 100-continue",
        "\t",
        " ",
        "\n",
        "\r",
        ",,",
        "\"\"\"",
        "PK\x03\x04",
        "PK\x01\x02",
        "PK\x05\x06",
        "mutations",
        "payload",
        "type",
        "id",
        "baseVersion",
        "changes",
        "cursor",
        "upsert",
        "delete",
        "version",
        "data",
    };
    return tokens;
}

Bytes mutate(Bytes input, const std::vector<Bytes> &seeds, Random &random, size_t maxLength)
{
    const size_t steps = 1 + random.below(6);
    for (size_t step = 0; step < steps; ++step) {
        const size_t size = input.size();
        switch (random.below(9)) {
        case 0: // flip a bit
            if (size > 0)
                input[random.below(size)] ^= uint8_t(1u << random.below(8));
            break;
        case 1: // a random byte
            if (size > 0)
                input[random.below(size)] = uint8_t(random.next());
            break;
        case 2: { // an interesting byte
            static const uint8_t interesting[]
                = { 0, 0xff, 0x7f, 0x80, '"', '\\', '{', '[', ',', ':', '\r', '\n', '%', '/', '.' };
            if (size > 0)
                input[random.below(size)] = interesting[random.below(sizeof interesting)];
            break;
        }
        case 3: { // insert random bytes
            const size_t at = random.below(size + 1);
            const size_t count = 1 + random.below(8);
            Bytes extra(count);
            for (uint8_t &b : extra)
                b = uint8_t(random.next());
            input.insert(input.begin() + long(at), extra.begin(), extra.end());
            break;
        }
        case 4: // delete a range
            if (size > 0) {
                const size_t at = random.below(size);
                const size_t count = 1 + random.below(std::min<size_t>(size - at, 32));
                input.erase(input.begin() + long(at), input.begin() + long(at + count));
            }
            break;
        case 5: // copy a range elsewhere
            if (size > 0) {
                const size_t from = random.below(size);
                const size_t count = 1 + random.below(std::min<size_t>(size - from, 64));
                const Bytes chunk(input.begin() + long(from), input.begin() + long(from + count));
                const size_t at = random.below(size + 1);
                input.insert(input.begin() + long(at), chunk.begin(), chunk.end());
            }
            break;
        case 6:
        case 7: { // insert or overwrite with a dictionary token
            const std::string_view token = dictionary()[random.below(dictionary().size())];
            const size_t at = random.below(size + 1);
            if (random.below(2) == 0 || at + token.size() > size) {
                input.insert(input.begin() + long(at), token.begin(), token.end());
            } else {
                std::copy(token.begin(), token.end(), input.begin() + long(at));
            }
            break;
        }
        case 8: { // splice: keep a head of this input and a tail of another seed
            const Bytes &other = seeds[random.below(seeds.size())];
            if (!other.empty()) {
                const size_t keep = random.below(size + 1);
                const size_t from = random.below(other.size());
                input.resize(keep);
                input.insert(input.end(), other.begin() + long(from), other.end());
            }
            break;
        }
        }
    }
    if (input.size() > maxLength)
        input.resize(maxLength);
    return input;
}

bool readFile(const std::filesystem::path &path, Bytes *out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

void run(const Bytes &input)
{
    g_current = input.data();
    g_currentSize = input.size();
    LLVMFuzzerTestOneInput(input.data(), input.size());
    g_current = nullptr;
    g_currentSize = 0;
}

} // namespace

int main(int argc, char **argv)
{
    double maxSeconds = 10;
    long long maxRuns = -1;
    uint64_t seed = 1;
    size_t maxLength = 64 * 1024;
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value
            = [&](std::string_view name) { return std::string(arg.substr(name.size())); };
        if (arg.rfind("-max_total_time=", 0) == 0)
            maxSeconds = std::atof(value("-max_total_time=").c_str());
        else if (arg.rfind("-runs=", 0) == 0)
            maxRuns = std::atoll(value("-runs=").c_str());
        else if (arg.rfind("-seed=", 0) == 0)
            seed = std::strtoull(value("-seed=").c_str(), nullptr, 10);
        else if (arg.rfind("-max_len=", 0) == 0)
            maxLength = std::strtoull(value("-max_len=").c_str(), nullptr, 10);
        else if (arg.rfind("-", 0) == 0)
            std::fprintf(stderr, "replay: ignoring the libFuzzer option %s\n", argv[i]);
        else
            inputs.emplace_back(argv[i]);
    }
    std::snprintf(g_crashPath, sizeof g_crashPath, "crash-%s-%d",
        std::filesystem::path(argv[0]).filename().c_str(), int(::getpid()));
    for (int signal : { SIGSEGV, SIGABRT, SIGFPE, SIGILL, SIGBUS })
        std::signal(signal, onCrash);

    std::vector<Bytes> seeds;
    for (const auto &path : inputs) {
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(path)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(path);
        }
        for (const auto &file : files) {
            Bytes bytes;
            if (!readFile(file, &bytes)) {
                std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
                return 2;
            }
            seeds.push_back(std::move(bytes));
        }
    }
    if (seeds.empty()) {
        std::fprintf(stderr, "replay: no seed inputs (give the corpus directory)\n");
        return 2;
    }

    LLVMFuzzerInitialize(&argc, &argv);
    const auto start = std::chrono::steady_clock::now();
    for (const Bytes &s : seeds)
        run(s);
    Random random { seed * 0x9E3779B97F4A7C15ULL + 1 };
    long long runs = 0;
    for (;;) {
        if (maxRuns >= 0 && runs >= maxRuns)
            break;
        // The clock is read every few runs: some targets take microseconds per input.
        if (runs % 16 == 0 && maxRuns < 0
            && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
                >= maxSeconds)
            break;
        run(mutate(seeds[random.below(seeds.size())], seeds, random, maxLength));
        ++runs;
    }
    const double seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("replay: %zu seeds and %lld mutated inputs in %.1f s, no property broken\n",
        seeds.size(), runs, seconds);
    return 0;
}
