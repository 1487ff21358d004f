// Fuzzes the ZIP reader (server/content/ziparchive.cpp) and the course package loaded from a .zip
// (server/content/coursepackage.cpp): the input is the zip file. Properties: no crash, sanitizer
// report or runaway allocation; an entry that reads returns exactly its declared size, never more
// than the limit asked for; a refused package names at least one problem.

#include "content/coursepackage.h"
#include "content/ziparchive.h"
#include "fuzzing.h"

#include <QFile>

using namespace xueshi;
using xueshi::server::CoursePackage;
using xueshi::server::ZipArchive;

namespace {

QString g_dir;
// The fuzz build limits memory; entries are read with this limit so a declared size alone cannot
// make the target allocate gigabytes (the package loader uses its own 50 MiB limit).
constexpr qint64 MaxEntryBytes = 4 * 1024 * 1024;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialiseQt(argc, argv);
    g_dir = fuzz::scratchDirectory();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = g_dir + QStringLiteral("/package.zip");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            fuzz::fail("cannot write the zip file");
    }

    ZipArchive zip;
    QString error;
    if (zip.open(path, &error)) {
        for (const ZipArchive::Entry &entry : zip.entries()) {
            if (!zip.entry(entry.name))
                fuzz::fail("a listed entry cannot be found by its name");
            QString why;
            const std::optional<QByteArray> bytes = zip.read(entry.name, MaxEntryBytes, &why);
            if (!bytes) {
                if (why.isEmpty())
                    fuzz::fail("an entry that does not read has no reason");
                continue;
            }
            if (bytes->size() != entry.size || bytes->size() > MaxEntryBytes)
                fuzz::fail("an entry read to a size other than the one it declares");
        }
    } else if (error.isEmpty()) {
        fuzz::fail("a zip that does not open has no reason");
    }

    QStringList errors;
    const std::optional<CoursePackage> package = CoursePackage::load(path, &errors);
    if (!package && errors.isEmpty())
        fuzz::fail("a refused package has no problem listed");
    if (package && (!errors.isEmpty() || package->lessons.isEmpty()))
        fuzz::fail("a loaded package has problems or no lessons");
    return 0;
}
