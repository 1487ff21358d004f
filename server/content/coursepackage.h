#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace xueshi::server {

// A public course package (docs/course-package.md) read from a folder (also a Qt resource folder
// ":/…") or a .zip of that folder, and validated whole: every problem found is reported, each
// naming the file and the field at fault, e.g.
//   course.json: lessons[2].file: file "lessons/03.html" is not in the package
//   questions.json: q7: no correct answer
// A package that loads is complete: every lesson file and every image its HTML shows is inside,
// with its bytes and SHA-256, ready for the ContentStore.
struct CoursePackage
{
    static constexpr qint64 MaxFileSize = 50 * 1024 * 1024;
    // All the files a package's course.json names, together (each counted once).
    static constexpr qint64 MaxPackageSize = 1024 * 1024 * 1024;
    static constexpr int Format = 1;

    struct File
    {
        QString path; // relative to the package root, '/' separators
        QByteArray bytes;
        QString sha256; // lower-case hex
    };
    struct Lesson
    {
        QString id;
        QString title;
        QString kind; // html | pdf
        int minSeconds = 0;
        File file;
        QList<File> resources; // the images an HTML lesson shows, sorted by path
        // SHA-256 over the file's hash, the resources' paths and hashes, and minSeconds: equal
        // digests on re-import mean the learner studied the same thing, so progress is kept.
        QString digest;
    };
    struct Option
    {
        QString id;
        QString text;
    };
    struct Question
    {
        QString id;
        QString type; // single | multiple | trueFalse
        QString text;
        QList<Option> options; // trueFalse: "true" 正确, "false" 错误
        QStringList answer; // the correct option ids, sorted; never leaves the server
    };

    QString id;
    int version = 0;
    QString title;
    QString introduction;
    int hoursTenths = 0;
    QList<int> years; // sorted ascending
    QList<Lesson> lessons;
    int questionCount = 0;
    int passMark = 0;
    int attemptsAllowed = 0;
    int timeLimitMinutes = 0;
    QList<Question> questions;

    // The bytes of every lesson file and resource (each distinct file once).
    qint64 totalBytes() const;

    // Loads the package at `path`: a directory, or a file ending in .zip. nullopt with every
    // problem in *errors when it is not a valid package.
    static std::optional<CoursePackage> load(const QString &path, QStringList *errors);
};

} // namespace xueshi::server
