// Fuzzes the course package's manifest and question bank (server/content/coursepackage.cpp) read
// from a folder: the input is course.json, optionally followed by a line "#questions.json" and
// the question bank; the folder also holds two lesson files and an image. Properties: no crash or
// sanitizer report; a refused package names at least one problem, each starting with the file at
// fault; a loaded package has no problems, a valid id, hours, years, lessons with their bytes and
// hashes, and enough questions for the exam, whose answers name existing options.

#include "content/coursepackage.h"
#include "fuzzing.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace xueshi;
using xueshi::server::CoursePackage;

namespace {

QString g_dir;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        fuzz::fail("cannot write the package folder");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialiseQt(argc, argv);
    g_dir = fuzz::scratchDirectory();
    const QString root = g_dir;
    QDir().mkpath(root + QStringLiteral("/lessons/images"));
    writeFile(root + QStringLiteral("/lessons/01.html"),
        QByteArrayLiteral("<html><body><h1>第一讲</h1><img src=\"images/a.png\"></body></html>"));
    writeFile(root + QStringLiteral("/lessons/02.pdf"), QByteArrayLiteral("%PDF-1.4\n%%EOF\n"));
    writeFile(root + QStringLiteral("/lessons/images/a.png"), QByteArrayLiteral("\x89PNG\r\n"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QByteArray separator = QByteArrayLiteral("\n#questions.json\n");
    const qsizetype cut = input.indexOf(separator);
    const QString root = g_dir;
    writeFile(root + QStringLiteral("/course.json"), cut < 0 ? input : input.left(cut));
    writeFile(root + QStringLiteral("/questions.json"),
        cut < 0 ? QByteArray() : input.mid(cut + separator.size()));

    QStringList errors;
    const std::optional<CoursePackage> package = CoursePackage::load(root, &errors);
    if (!package) {
        if (errors.isEmpty())
            fuzz::fail("a refused package has no problem listed");
        for (const QString &e : std::as_const(errors)) {
            if (!e.contains(QStringLiteral(": ")))
                fuzz::fail("a problem does not name its file");
        }
        return 0;
    }
    if (!errors.isEmpty())
        fuzz::fail("a loaded package came with problems");
    static const QRegularExpression courseId(QStringLiteral("^[a-z0-9][a-z0-9-]{2,63}$"));
    if (!courseId.match(package->id).hasMatch() || package->version < 1)
        fuzz::fail("a loaded package has a malformed id or version");
    if (package->hoursTenths < 1 || package->hoursTenths > 9999 || package->years.isEmpty())
        fuzz::fail("a loaded package has no hours or no years");
    if (package->lessons.isEmpty())
        fuzz::fail("a loaded package has no lessons");
    for (const CoursePackage::Lesson &lesson : package->lessons) {
        const QByteArray hash
            = QCryptographicHash::hash(lesson.file.bytes, QCryptographicHash::Sha256).toHex();
        if (lesson.file.bytes.isEmpty() || lesson.file.sha256 != QString::fromLatin1(hash))
            fuzz::fail("a lesson's bytes do not match its hash");
        if (lesson.minSeconds <= 0 || (lesson.kind != u"html" && lesson.kind != u"pdf"))
            fuzz::fail("a lesson has no minimum time or an unknown kind");
    }
    if (package->questionCount < 1 || package->questionCount > package->questions.size())
        fuzz::fail("the exam draws more questions than the bank holds");
    for (const CoursePackage::Question &q : package->questions) {
        QSet<QString> options;
        for (const CoursePackage::Option &o : q.options)
            options.insert(o.id);
        if (q.answer.isEmpty())
            fuzz::fail("a question has no answer");
        for (const QString &a : q.answer) {
            if (q.type != u"trueFalse" && !options.contains(a))
                fuzz::fail("an answer names an option the question does not have");
        }
    }
    return 0;
}
