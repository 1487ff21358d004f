#include "fuzzing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace xueshi::fuzz {

void initialiseQt(int *argc, char ***argv)
{
    if (QCoreApplication::instance())
        return;
    // QCoreApplication keeps references to argc and argv for its whole life.
    static int qtArgc = 1;
    static char name[] = "xueshi-fuzz";
    static char *qtArgv[] = { argc && *argc > 0 ? (*argv)[0] : name, nullptr };
    static std::unique_ptr<QCoreApplication> app
        = std::make_unique<QCoreApplication>(qtArgc, qtArgv);
    // The server logs every refused request and the client every failed sync; millions of them
    // would drown the fuzzer's own report.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n"
                                                    "*.warning=false\nxueshi.*=false"));
}

QString scratchDirectory()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    dirs.push_back(shm.isDir() && shm.isWritable()
            ? std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/xueshi-fuzz-XXXXXX"))
            : std::make_unique<QTemporaryDir>());
    if (!dirs.back()->isValid())
        fail("cannot create a scratch folder");
    return dirs.back()->path();
}

void fail(const char *what)
{
    std::fprintf(stderr, "xueshi-fuzz: property broken: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

} // namespace xueshi::fuzz
