#include "coursepackage.h"

#include "ziparchive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <cmath>
#include <memory>

namespace xueshi::server {

namespace {

const QString Manifest = QStringLiteral("course.json");

// Where the package's files come from: a folder or a zip.
class Source
{
public:
    enum class Result { Ok, Missing, Failed };
    virtual ~Source() = default;
    // `path` has been checked by safePath(). Failed comes with the reason in *error. Each file is
    // read once (an image every lesson shows is one file in memory), and the files together stay
    // within CoursePackage::MaxPackageSize, checked against the size a file declares before it is
    // read: a small zip whose many entries, or one entry named by every lesson, would inflate to
    // gigabytes is refused without inflating them.
    Result read(const QString &path, QByteArray *bytes, QString *error)
    {
        if (const auto it = m_read.constFind(path); it != m_read.constEnd()) {
            *bytes = *it;
            return Result::Ok;
        }
        const qint64 size = declaredSize(path);
        if (m_total + size > CoursePackage::MaxPackageSize) {
            *error = QStringLiteral("the package's files come to more than the limit of %1 bytes")
                         .arg(CoursePackage::MaxPackageSize);
            return Result::Failed;
        }
        // Counted as declared even when the read then fails: the package is refused anyway.
        m_total += size;
        const Result result = fetch(path, bytes, error);
        if (result == Result::Ok) {
            m_total += bytes->size() - size;
            m_read.insert(path, *bytes);
        }
        return result;
    }

protected:
    // The size the file says it has before it is read; 0 when missing.
    virtual qint64 declaredSize(const QString &path) = 0;
    virtual Result fetch(const QString &path, QByteArray *bytes, QString *error) = 0;

private:
    QHash<QString, QByteArray> m_read;
    qint64 m_total = 0;
};

class FolderSource final : public Source
{
public:
    explicit FolderSource(const QString &root)
        : m_root(root)
        , m_canonicalRoot(QFileInfo(root).canonicalFilePath())
    { }

protected:
    qint64 declaredSize(const QString &path) override
    {
        const QFileInfo info(m_root + QLatin1Char('/') + path);
        return info.isFile() ? info.size() : 0;
    }

    Result fetch(const QString &path, QByteArray *bytes, QString *error) override
    {
        const QFileInfo info(m_root + QLatin1Char('/') + path);
        if (!info.isFile())
            return Result::Missing;
        // A symbolic link must not reach out of the package (Qt resources have no links).
        if (!m_root.startsWith(QLatin1Char(':'))
            && !info.canonicalFilePath().startsWith(m_canonicalRoot + QLatin1Char('/'))) {
            *error = QStringLiteral("is a link to a file outside the package");
            return Result::Failed;
        }
        if (info.size() > CoursePackage::MaxFileSize) {
            *error = QStringLiteral("%1 bytes, more than the limit of %2 bytes")
                         .arg(info.size())
                         .arg(CoursePackage::MaxFileSize);
            return Result::Failed;
        }
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot be read: %1").arg(file.errorString());
            return Result::Failed;
        }
        *bytes = file.readAll();
        return Result::Ok;
    }

private:
    QString m_root;
    QString m_canonicalRoot;
};

class ZipSource final : public Source
{
public:
    ZipSource(std::unique_ptr<ZipArchive> zip, const QString &prefix)
        : m_zip(std::move(zip))
        , m_prefix(prefix)
    { }

protected:
    qint64 declaredSize(const QString &path) override
    {
        const std::optional<ZipArchive::Entry> entry = m_zip->entry(m_prefix + path);
        return entry ? entry->size : 0;
    }

    Result fetch(const QString &path, QByteArray *bytes, QString *error) override
    {
        if (!m_zip->entry(m_prefix + path))
            return Result::Missing;
        QString why;
        std::optional<QByteArray> data
            = m_zip->read(m_prefix + path, CoursePackage::MaxFileSize, &why);
        if (!data) {
            // The archive's message names the zip and the entry; keep only the reason.
            const QString lead
                = m_zip->fileName() + QStringLiteral(": ") + m_prefix + path + QStringLiteral(": ");
            *error = why.startsWith(lead) ? why.mid(lead.size()) : why;
            return Result::Failed;
        }
        *bytes = *data;
        return Result::Ok;
    }

private:
    std::unique_ptr<ZipArchive> m_zip;
    QString m_prefix;
};

// Collects "file: field: message" lines.
class Errors
{
public:
    explicit Errors(QStringList *list)
        : m_list(list)
    { }
    void add(const QString &file, const QString &field, const QString &message)
    {
        m_list->append(field.isEmpty()
                ? file + QStringLiteral(": ") + message
                : file + QStringLiteral(": ") + field + QStringLiteral(": ") + message);
    }
    qsizetype count() const { return m_list->size(); }

private:
    QStringList *m_list;
};

// A relative path inside the package: '/' separators, no "..", ".", empty segments, drive letters
// or backslashes. Empty when fine, else why not.
QString unsafePathReason(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("the path is empty");
    if (path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char(':')))
        return QStringLiteral("\"%1\" is an absolute path; use a path inside the package")
            .arg(path);
    if (path.contains(QLatin1Char('\\')))
        return QStringLiteral("\"%1\" uses '\\'; separate folders with '/'").arg(path);
    if (path.size() > 255)
        return QStringLiteral("the path is longer than 255 characters");
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        if (segment == QLatin1String(".."))
            return QStringLiteral("\"%1\" leaves the package (\"..\")").arg(path);
        if (segment.isEmpty() || segment == QLatin1String("."))
            return QStringLiteral("\"%1\" is not a plain relative path").arg(path);
    }
    return {};
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    Q_UNUSED(text);
    return !decoder.hasError();
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return re;
}

// Reads a JSON document of the package; reports a syntax error with its line.
std::optional<QJsonDocument> readJson(
    Source &source, const QString &path, Errors &errors, const QString &referencedAs = {})
{
    QByteArray bytes;
    QString why;
    switch (source.read(path, &bytes, &why)) {
    case Source::Result::Missing:
        if (referencedAs.isEmpty())
            errors.add(path, {}, QStringLiteral("missing: the package has no %1").arg(path));
        else
            errors.add(Manifest, referencedAs,
                QStringLiteral("file \"%1\" is not in the package").arg(path));
        return std::nullopt;
    case Source::Result::Failed:
        errors.add(path, {}, why);
        return std::nullopt;
    case Source::Result::Ok:
        break;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(parse.offset).count('\n')) + 1;
        errors.add(path, {},
            QStringLiteral("line %1: not valid JSON (%2)").arg(line).arg(parse.errorString()));
        return std::nullopt;
    }
    return doc;
}

// Field readers: report what is wrong and return nullopt.
std::optional<QString> textField(const QString &file, const QJsonObject &o, const QString &key,
    const QString &field, Errors &errors, int maxLength)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        errors.add(file, field, QStringLiteral("missing"));
        return std::nullopt;
    }
    if (!v.isString()) {
        errors.add(file, field, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString text = v.toString().trimmed();
    if (text.isEmpty()) {
        errors.add(file, field, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    if (text.size() > maxLength) {
        errors.add(file, field, QStringLiteral("longer than %1 characters").arg(maxLength));
        return std::nullopt;
    }
    // PostgreSQL cannot keep it in text; the import would fail without naming the field.
    if (text.contains(QChar(0))) {
        errors.add(file, field, QStringLiteral("contains a NUL character (U+0000)"));
        return std::nullopt;
    }
    return text;
}

std::optional<int> intField(const QString &file, const QJsonObject &o, const QString &key,
    const QString &field, Errors &errors, int min, int max)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        errors.add(file, field, QStringLiteral("missing"));
        return std::nullopt;
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d)) {
        errors.add(file, field, QStringLiteral("must be a whole number"));
        return std::nullopt;
    }
    if (d < min || d > max) {
        errors.add(file, field, QStringLiteral("must be from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return int(d);
}

QJsonObject objectField(const QString &file, const QJsonObject &o, const QString &key,
    const QString &field, Errors &errors, bool *ok)
{
    const QJsonValue v = o.value(key);
    *ok = v.isObject();
    if (v.isUndefined() || v.isNull())
        errors.add(file, field, QStringLiteral("missing"));
    else if (!v.isObject())
        errors.add(file, field, QStringLiteral("must be an object"));
    return v.toObject();
}

QJsonArray arrayField(const QString &file, const QJsonObject &o, const QString &key,
    const QString &field, Errors &errors, bool *ok)
{
    const QJsonValue v = o.value(key);
    *ok = v.isArray();
    if (v.isUndefined() || v.isNull())
        errors.add(file, field, QStringLiteral("missing"));
    else if (!v.isArray())
        errors.add(file, field, QStringLiteral("must be a list"));
    return v.toArray();
}

// The images an HTML lesson shows: relative `<img src>` paths, resolved against the lesson's
// folder. Inline data: images need nothing; remote images would not show offline.
QList<CoursePackage::File> lessonImages(
    Source &source, const QString &lessonPath, const QString &html, Errors &errors)
{
    static const QRegularExpression img(
        QString::fromLatin1(R"re(<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList imageSuffixes { QStringLiteral("png"), QStringLiteral("jpg"),
        QStringLiteral("jpeg"), QStringLiteral("gif"), QStringLiteral("svg") };
    const QString folder = QFileInfo(lessonPath).path();
    QList<CoursePackage::File> images;
    QSet<QString> seen;
    for (auto it = img.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString src = (m.captured(1) + m.captured(2) + m.captured(3)).trimmed();
        const QString field = QStringLiteral("<img src=\"%1\">").arg(src);
        if (src.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
            continue;
        if (src.contains(QLatin1String("://")) || src.startsWith(QLatin1String("//"))) {
            errors.add(lessonPath, field,
                QStringLiteral("images must be files inside the package (lessons are studied "
                               "offline)"));
            continue;
        }
        static const QRegularExpression queryOrFragment(QStringLiteral("[?#].*$"));
        QString relative = src;
        relative.remove(queryOrFragment);
        relative = QUrl::fromPercentEncoding(relative.toUtf8());
        if (const QString why = unsafePathReason(relative); !why.isEmpty()) {
            errors.add(lessonPath, field, why);
            continue;
        }
        const QString path = folder == QLatin1String(".")
            ? relative
            : QDir::cleanPath(folder + QLatin1Char('/') + relative);
        if (const QString why = unsafePathReason(path); !why.isEmpty()) {
            errors.add(lessonPath, field, why);
            continue;
        }
        if (!imageSuffixes.contains(QFileInfo(path).suffix().toLower())) {
            errors.add(lessonPath, field,
                QStringLiteral("\"%1\" is not a PNG, JPEG, GIF or SVG image").arg(path));
            continue;
        }
        if (seen.contains(path))
            continue;
        seen.insert(path);
        CoursePackage::File file;
        file.path = path;
        QString why;
        switch (source.read(path, &file.bytes, &why)) {
        case Source::Result::Missing:
            errors.add(
                lessonPath, field, QStringLiteral("file \"%1\" is not in the package").arg(path));
            continue;
        case Source::Result::Failed:
            errors.add(path, {}, why);
            continue;
        case Source::Result::Ok:
            break;
        }
        file.sha256 = sha256Hex(file.bytes);
        images.append(file);
    }
    std::sort(images.begin(), images.end(),
        [](const CoursePackage::File &a, const CoursePackage::File &b) { return a.path < b.path; });
    return images;
}

QString lessonDigest(const CoursePackage::Lesson &lesson)
{
    QByteArray text = "xueshi-lesson-1\n" + lesson.file.sha256.toLatin1() + '\n';
    for (const CoursePackage::File &r : lesson.resources)
        text += r.path.toUtf8() + ' ' + r.sha256.toLatin1() + '\n';
    text += QByteArray::number(lesson.minSeconds) + '\n';
    return sha256Hex(text);
}

void readLessons(Source &source, const QJsonArray &list, CoursePackage &package, Errors &errors)
{
    if (list.isEmpty())
        errors.add(Manifest, QStringLiteral("lessons"), QStringLiteral("a course needs a lesson"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("lessons[%1]").arg(i);
        if (!list.at(i).isObject()) {
            errors.add(Manifest, at, QStringLiteral("must be an object"));
            continue;
        }
        const QJsonObject o = list.at(i).toObject();
        const qsizetype before = errors.count();
        CoursePackage::Lesson lesson;
        const auto id
            = textField(Manifest, o, QStringLiteral("id"), at + QStringLiteral(".id"), errors, 32);
        if (id && !idPattern().match(*id).hasMatch())
            errors.add(Manifest, at + QStringLiteral(".id"),
                QStringLiteral("\"%1\": use 1 to 32 letters, digits, '-' or '_'").arg(*id));
        else if (id && ids.contains(*id))
            errors.add(Manifest, at + QStringLiteral(".id"),
                QStringLiteral("\"%1\" is used by another lesson").arg(*id));
        if (id)
            ids.insert(*id);
        const auto title = textField(
            Manifest, o, QStringLiteral("title"), at + QStringLiteral(".title"), errors, 200);
        const auto minutes = intField(Manifest, o, QStringLiteral("minMinutes"),
            at + QStringLiteral(".minMinutes"), errors, 1, 600);
        const auto file = textField(
            Manifest, o, QStringLiteral("file"), at + QStringLiteral(".file"), errors, 255);
        if (file) {
            const QString suffix = QFileInfo(*file).suffix().toLower();
            if (const QString why = unsafePathReason(*file); !why.isEmpty()) {
                errors.add(Manifest, at + QStringLiteral(".file"), why);
            } else if (suffix != QLatin1String("html") && suffix != QLatin1String("htm")
                && suffix != QLatin1String("pdf")) {
                errors.add(Manifest, at + QStringLiteral(".file"),
                    QStringLiteral("\"%1\": a lesson is an .html, .htm or .pdf file").arg(*file));
            } else {
                lesson.kind = suffix == QLatin1String("pdf") ? QStringLiteral("pdf")
                                                             : QStringLiteral("html");
                lesson.file.path = *file;
                QString failure;
                switch (source.read(*file, &lesson.file.bytes, &failure)) {
                case Source::Result::Missing:
                    errors.add(Manifest, at + QStringLiteral(".file"),
                        QStringLiteral("file \"%1\" is not in the package").arg(*file));
                    break;
                case Source::Result::Failed:
                    errors.add(*file, {}, failure);
                    break;
                case Source::Result::Ok:
                    lesson.file.sha256 = sha256Hex(lesson.file.bytes);
                    if (lesson.kind == QLatin1String("pdf")) {
                        if (!lesson.file.bytes.startsWith("%PDF-"))
                            errors.add(*file, {},
                                QStringLiteral("not a PDF file (it does not start with %PDF-)"));
                    } else if (!isUtf8(lesson.file.bytes)) {
                        errors.add(*file, {},
                            QStringLiteral("not valid UTF-8 text; save the HTML as UTF-8"));
                    } else {
                        lesson.resources = lessonImages(
                            source, *file, QString::fromUtf8(lesson.file.bytes), errors);
                    }
                    break;
                }
            }
        }
        if (errors.count() != before)
            continue;
        lesson.id = *id;
        lesson.title = *title;
        lesson.minSeconds = *minutes * 60;
        lesson.digest = lessonDigest(lesson);
        package.lessons.append(lesson);
    }
}

void readQuestions(
    const QString &bank, const QJsonDocument &doc, CoursePackage &package, Errors &errors)
{
    if (!doc.isArray()) {
        errors.add(bank, {}, QStringLiteral("must be a list of questions"));
        return;
    }
    const QJsonArray list = doc.array();
    if (list.isEmpty())
        errors.add(bank, {}, QStringLiteral("the question bank is empty"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            errors.add(bank, QStringLiteral("[%1]").arg(i), QStringLiteral("must be an object"));
            continue;
        }
        const QJsonObject o = list.at(i).toObject();
        const qsizetype before = errors.count();
        // Errors name the question by its id when it has a usable one.
        const QString rawId = o.value(QStringLiteral("id")).toString();
        const bool goodId = idPattern().match(rawId).hasMatch() && !ids.contains(rawId);
        const QString at = goodId ? rawId : QStringLiteral("[%1]").arg(i);
        if (!o.value(QStringLiteral("id")).isString())
            errors.add(bank, at + QStringLiteral(".id"), QStringLiteral("missing"));
        else if (!idPattern().match(rawId).hasMatch())
            errors.add(bank, at + QStringLiteral(".id"),
                QStringLiteral("\"%1\": use 1 to 32 letters, digits, '-' or '_'").arg(rawId));
        else if (ids.contains(rawId))
            errors.add(bank, at + QStringLiteral(".id"),
                QStringLiteral("\"%1\" is used by another question").arg(rawId));
        ids.insert(rawId);

        CoursePackage::Question q;
        q.id = rawId;
        const auto type
            = textField(bank, o, QStringLiteral("type"), at + QStringLiteral(".type"), errors, 16);
        const auto text = textField(
            bank, o, QStringLiteral("text"), at + QStringLiteral(".text"), errors, 2000);
        if (type && *type != QLatin1String("single") && *type != QLatin1String("multiple")
            && *type != QLatin1String("trueFalse")) {
            errors.add(bank, at + QStringLiteral(".type"),
                QStringLiteral("\"%1\": use single, multiple or trueFalse").arg(*type));
            continue;
        }
        if (!type)
            continue;
        q.type = *type;
        const QJsonValue answer = o.value(QStringLiteral("answer"));
        if (q.type == QLatin1String("trueFalse")) {
            if (o.contains(QStringLiteral("options")))
                errors.add(bank, at + QStringLiteral(".options"),
                    QStringLiteral("a trueFalse question has no options"));
            if (answer.isUndefined() || answer.isNull())
                errors.add(bank, at, QStringLiteral("no correct answer"));
            else if (!answer.isBool())
                errors.add(
                    bank, at + QStringLiteral(".answer"), QStringLiteral("must be true or false"));
            q.options = { { QStringLiteral("true"), QStringLiteral("正确") },
                { QStringLiteral("false"), QStringLiteral("错误") } };
            q.answer = { answer.toBool() ? QStringLiteral("true") : QStringLiteral("false") };
        } else {
            bool ok = false;
            const QJsonArray options = arrayField(
                bank, o, QStringLiteral("options"), at + QStringLiteral(".options"), errors, &ok);
            if (ok && options.size() < 2)
                errors.add(bank, at + QStringLiteral(".options"),
                    QStringLiteral("a choice question needs at least 2 options"));
            QSet<QString> optionIds;
            for (qsizetype k = 0; k < options.size(); ++k) {
                const QString oat = at + QStringLiteral(".options[%1]").arg(k);
                if (!options.at(k).isObject()) {
                    errors.add(bank, oat, QStringLiteral("must be an object"));
                    continue;
                }
                const QJsonObject option = options.at(k).toObject();
                const auto optionId = textField(
                    bank, option, QStringLiteral("id"), oat + QStringLiteral(".id"), errors, 32);
                const auto optionText = textField(bank, option, QStringLiteral("text"),
                    oat + QStringLiteral(".text"), errors, 1000);
                if (optionId && !idPattern().match(*optionId).hasMatch()) {
                    errors.add(bank, oat + QStringLiteral(".id"),
                        QStringLiteral("\"%1\": use 1 to 32 letters, digits, '-' or '_'")
                            .arg(*optionId));
                } else if (optionId && optionIds.contains(*optionId)) {
                    errors.add(bank, oat + QStringLiteral(".id"),
                        QStringLiteral("\"%1\" is used by another option").arg(*optionId));
                } else if (optionId && optionText) {
                    optionIds.insert(*optionId);
                    q.options.append({ *optionId, *optionText });
                }
            }
            if (answer.isUndefined() || answer.isNull()
                || (answer.isArray() && answer.toArray().isEmpty())) {
                errors.add(bank, at, QStringLiteral("no correct answer"));
            } else if (!answer.isArray()) {
                errors.add(bank, at + QStringLiteral(".answer"),
                    QStringLiteral("must be a list of option ids, e.g. [\"a\"]"));
            } else {
                for (const QJsonValue &a : answer.toArray()) {
                    const QString choice = a.toString();
                    if (!a.isString() || !optionIds.contains(choice)) {
                        errors.add(bank, at + QStringLiteral(".answer"),
                            QStringLiteral("\"%1\" is not one of the options").arg(choice));
                    } else if (q.answer.contains(choice)) {
                        errors.add(bank, at + QStringLiteral(".answer"),
                            QStringLiteral("\"%1\" is listed twice").arg(choice));
                    } else {
                        q.answer.append(choice);
                    }
                }
                if (q.type == QLatin1String("single") && answer.toArray().size() != 1)
                    errors.add(bank, at,
                        QStringLiteral("a single-choice question has exactly one correct answer, "
                                       "not %1")
                            .arg(answer.toArray().size()));
            }
        }
        if (errors.count() != before)
            continue;
        q.text = *text;
        q.answer.sort();
        package.questions.append(q);
    }
}

std::optional<CoursePackage> loadFrom(Source &source, QStringList *errorList)
{
    Errors errors(errorList);
    const std::optional<QJsonDocument> doc = readJson(source, Manifest, errors);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        errors.add(Manifest, {}, QStringLiteral("must be a JSON object"));
        return std::nullopt;
    }
    const QJsonObject m = doc->object();
    CoursePackage package;

    const QJsonValue format = m.value(QStringLiteral("format"));
    if (format.isUndefined())
        errors.add(Manifest, QStringLiteral("format"), QStringLiteral("missing"));
    else if (format.toDouble() != CoursePackage::Format)
        errors.add(Manifest, QStringLiteral("format"),
            QStringLiteral("this server reads format %1").arg(CoursePackage::Format));

    if (const auto id
        = textField(Manifest, m, QStringLiteral("id"), QStringLiteral("id"), errors, 64)) {
        static const QRegularExpression courseId(QStringLiteral("^[a-z0-9][a-z0-9-]{2,63}$"));
        if (courseId.match(*id).hasMatch())
            package.id = *id;
        else
            errors.add(Manifest, QStringLiteral("id"),
                QStringLiteral("\"%1\": use 3 to 64 lower-case letters, digits or '-', starting "
                               "with a letter or digit")
                    .arg(*id));
    }
    package.version = intField(
        Manifest, m, QStringLiteral("version"), QStringLiteral("version"), errors, 1, 1000000)
                          .value_or(0);
    package.title
        = textField(Manifest, m, QStringLiteral("title"), QStringLiteral("title"), errors, 200)
              .value_or(QString());
    package.introduction = textField(
        Manifest, m, QStringLiteral("introduction"), QStringLiteral("introduction"), errors, 20000)
                               .value_or(QString());

    const QJsonValue hours = m.value(QStringLiteral("hours"));
    if (hours.isUndefined() || hours.isNull()) {
        errors.add(Manifest, QStringLiteral("hours"), QStringLiteral("missing"));
    } else {
        // Hours are kept in tenths: 7.5 is fine, 7.25 is not.
        const double tenths = hours.toDouble() * 10;
        if (!hours.isDouble() || std::abs(tenths - std::round(tenths)) > 1e-6)
            errors.add(Manifest, QStringLiteral("hours"),
                QStringLiteral("must be a number with at most one decimal, e.g. 10 or 7.5"));
        else if (tenths < 1 || tenths > 9999)
            errors.add(
                Manifest, QStringLiteral("hours"), QStringLiteral("must be from 0.1 to 999.9"));
        else
            package.hoursTenths = int(std::round(tenths));
    }

    bool ok = false;
    const QJsonArray years
        = arrayField(Manifest, m, QStringLiteral("years"), QStringLiteral("years"), errors, &ok);
    if (ok && years.isEmpty())
        errors.add(Manifest, QStringLiteral("years"),
            QStringLiteral("name at least one year the course is offered"));
    for (qsizetype i = 0; i < years.size(); ++i) {
        const QJsonValue y = years.at(i);
        if (!y.isDouble() || y.toDouble() != std::floor(y.toDouble()) || y.toDouble() < 2000
            || y.toDouble() > 2100) {
            errors.add(Manifest, QStringLiteral("years[%1]").arg(i),
                QStringLiteral("must be a year from 2000 to 2100"));
        } else if (package.years.contains(y.toInt())) {
            errors.add(Manifest, QStringLiteral("years[%1]").arg(i),
                QStringLiteral("%1 is listed twice").arg(y.toInt()));
        } else {
            package.years.append(y.toInt());
        }
    }
    std::sort(package.years.begin(), package.years.end());

    const QJsonArray lessons = arrayField(
        Manifest, m, QStringLiteral("lessons"), QStringLiteral("lessons"), errors, &ok);
    if (ok)
        readLessons(source, lessons, package, errors);

    const QJsonObject exam
        = objectField(Manifest, m, QStringLiteral("exam"), QStringLiteral("exam"), errors, &ok);
    if (ok) {
        const auto count = intField(Manifest, exam, QStringLiteral("questionCount"),
            QStringLiteral("exam.questionCount"), errors, 1, 1000);
        package.passMark = intField(Manifest, exam, QStringLiteral("passMark"),
            QStringLiteral("exam.passMark"), errors, 1, 100)
                               .value_or(0);
        package.attemptsAllowed = intField(Manifest, exam, QStringLiteral("attemptsAllowed"),
            QStringLiteral("exam.attemptsAllowed"), errors, 1, 20)
                                      .value_or(0);
        package.timeLimitMinutes = intField(Manifest, exam, QStringLiteral("timeLimitMinutes"),
            QStringLiteral("exam.timeLimitMinutes"), errors, 1, 300)
                                       .value_or(0);
        const auto bank = textField(Manifest, exam, QStringLiteral("questionBank"),
            QStringLiteral("exam.questionBank"), errors, 255);
        if (bank) {
            if (const QString why = unsafePathReason(*bank); !why.isEmpty()) {
                errors.add(Manifest, QStringLiteral("exam.questionBank"), why);
            } else if (const auto questions
                = readJson(source, *bank, errors, QStringLiteral("exam.questionBank"))) {
                const qsizetype before = errors.count();
                readQuestions(*bank, *questions, package, errors);
                if (count && errors.count() == before && *count > package.questions.size())
                    errors.add(Manifest, QStringLiteral("exam.questionCount"),
                        QStringLiteral("%1 questions are drawn but %2 has only %3")
                            .arg(*count)
                            .arg(*bank)
                            .arg(package.questions.size()));
            }
        }
        package.questionCount = count.value_or(0);
    }
    if (!errorList->isEmpty())
        return std::nullopt;
    return package;
}

} // namespace

qint64 CoursePackage::totalBytes() const
{
    QSet<QString> counted;
    qint64 total = 0;
    const auto add = [&](const File &f) {
        if (!counted.contains(f.sha256)) {
            counted.insert(f.sha256);
            total += f.bytes.size();
        }
    };
    for (const Lesson &lesson : lessons) {
        add(lesson.file);
        for (const File &r : lesson.resources)
            add(r);
    }
    return total;
}

std::optional<CoursePackage> CoursePackage::load(const QString &path, QStringList *errors)
{
    errors->clear();
    const QFileInfo info(path);
    if (info.isDir()) {
        if (!QFileInfo(info.filePath() + QLatin1Char('/') + Manifest).isFile()) {
            errors->append(
                QStringLiteral("%1: not a course package: it has no %2").arg(path, Manifest));
            return std::nullopt;
        }
        FolderSource source(info.filePath());
        return loadFrom(source, errors);
    }
    if (!info.isFile()) {
        errors->append(QStringLiteral("%1: no such file or folder").arg(path));
        return std::nullopt;
    }
    if (info.suffix().toLower() != QLatin1String("zip")) {
        errors->append(
            QStringLiteral("%1: a course package is a folder or a .zip of that folder").arg(path));
        return std::nullopt;
    }
    auto zip = std::make_unique<ZipArchive>();
    QString error;
    if (!zip->open(path, &error)) {
        errors->append(error);
        return std::nullopt;
    }
    // The files may sit at the top of the zip or in one top folder (what zipping a folder makes).
    QString prefix;
    if (!zip->entry(Manifest)) {
        QStringList tops;
        for (const ZipArchive::Entry &e : zip->entries()) {
            const QStringList parts = e.name.split(QLatin1Char('/'));
            if (parts.size() == 2 && parts.at(1) == Manifest)
                tops.append(parts.at(0) + QLatin1Char('/'));
        }
        if (tops.size() != 1) {
            errors->append(tops.isEmpty()
                    ? QStringLiteral("%1: not a course package: no %2 at the top or in one top "
                                     "folder")
                          .arg(path, Manifest)
                    : QStringLiteral("%1: more than one folder holds a %2").arg(path, Manifest));
            return std::nullopt;
        }
        prefix = tops.first();
    }
    for (const ZipArchive::Entry &e : zip->entries()) {
        if (!e.name.startsWith(prefix))
            continue;
        if (const QString why = unsafePathReason(e.name.mid(prefix.size())); !why.isEmpty())
            errors->append(QStringLiteral("%1: entry \"%2\": %3").arg(path, e.name, why));
    }
    if (!errors->isEmpty())
        return std::nullopt;
    ZipSource source(std::move(zip), prefix);
    return loadFrom(source, errors);
}

} // namespace xueshi::server
