#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

// The libFuzzer entry points every target defines (docs/fuzzing.md). Built with clang and
// -fsanitize=fuzzer they are driven by libFuzzer; built with any compiler they are driven by
// replaymain.cpp, which replays the seed corpus and then mutates it for a set time.
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace xueshi::fuzz {

// Creates the one QCoreApplication the Qt code under test needs (SQL drivers, event loop,
// translations), with Qt's own warnings silenced so the fuzzer's output stays readable.
void initialiseQt(int *argc, char ***argv);

// A fresh folder for the files a target writes per input, kept until the process ends: in
// /dev/shm when there is one, since SQLite's fsync and ext4's flush on truncate would otherwise
// make the disk the bottleneck.
QString scratchDirectory();

// Stops the run: the input broke a property the target checks. libFuzzer (and the replay
// driver) report it as a crash and keep the input.
[[noreturn]] void fail(const char *what);

} // namespace xueshi::fuzz
