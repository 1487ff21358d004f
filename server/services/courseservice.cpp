#include "courseservice.h"

#include "bindingservice.h"
#include "clock.h"
#include "content/contentstore.h"
#include "content/coursepackage.h"
#include "core/apierror.h"
#include "core/localizer.h"
#include "coursepolicy.h"
#include "entityids.h"
#include "errorcodes.h"
#include "hourrecordservice.h"
#include "mutationsupport.h"
#include "policyservice.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace {

// Study time a lesson.study may add at once: four hours, more than any session without a break.
constexpr int MaxStudySeconds = 4 * 3600;
// Grace on top of the exam's time limit for a slow network or a clock that drifts a little.
constexpr qint64 TimeLimitGraceSeconds = 120;

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray()
            ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonArray parseArray(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).array();
}

QJsonValue isoOrNull(const QVariant &msecs)
{
    if (msecs.isNull())
        return QJsonValue();
    return QDateTime::fromMSecsSinceEpoch(msecs.toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue intOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toInt());
}

QVariant nullBigint()
{
    return QVariant(QMetaType(QMetaType::LongLong));
}

void requireOnlyKeys(const QJsonObject &payload, const QStringList &keys)
{
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (!keys.contains(it.key())) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
}

QString requireText(const QJsonObject &payload, const char *key)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(QLatin1String(key))
            .arg(QLatin1String(key));
    }
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 64) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a string."))
            .field(QLatin1String(key))
            .arg(QLatin1String(key));
    }
    return v.toString();
}

int requireInt(const QJsonObject &payload, const char *key, int min, int max)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(QLatin1String(key))
            .arg(QLatin1String(key));
    }
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "\"%1\" must be a whole number from %2 to %3."))
            .field(QLatin1String(key))
            .arg(QLatin1String(key))
            .arg(QString::number(min))
            .arg(QString::number(max));
    }
    return int(d);
}

QDateTime requireTimestamp(const QJsonObject &payload, const char *key)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(QLatin1String(key))
            .arg(QLatin1String(key));
    }
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    // Without an offset the time would be read in the server's own zone: the same answers would
    // be graded differently on differently configured servers.
    if (!v.isString() || !t.isValid() || t.timeSpec() == Qt::LocalTime) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server",
                "\"%1\" must be a date and time in ISO 8601 form with its offset, such as "
                "2026-03-01T02:00:00Z."))
            .field(QLatin1String(key))
            .arg(QLatin1String(key));
    }
    return t.toUTC();
}

[[noreturn]] void throwCourseNotFound()
{
    throw ApiError(
        404, ec::NotFound, "Server", QT_TRANSLATE_NOOP("Server", "This course does not exist."))
        .field(QStringLiteral("courseId"));
}

} // namespace

CourseService::CourseService(ServiceContext &context, BindingService &bindings,
    HourRecordService &hourRecords, PolicyService &policies, ContentStore &content)
    : m_context(context)
    , m_bindings(bindings)
    , m_hourRecords(hourRecords)
    , m_policies(policies)
    , m_content(content)
{ }

void CourseService::registerMutations(SyncService &sync)
{
    sync.registerHandler(QStringLiteral("course.select"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return select(caller, m); });
    sync.registerHandler(QStringLiteral("course.setYear"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return setYear(caller, m); });
    sync.registerHandler(QStringLiteral("lesson.study"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return study(caller, m); });
    sync.registerHandler(QStringLiteral("exam.submit"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return submit(caller, m); });
}

int CourseService::installedVersion(const QString &courseId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT package_version FROM courses WHERE id = ?"), { courseId });
    return q.next() ? q.value(0).toInt() : 0;
}

std::optional<CourseService::Course> CourseService::course(const QString &courseId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral(
            "SELECT id, package_version, title, hours_tenths, years, question_count,"
            " pass_mark, attempts_allowed, time_limit_minutes FROM courses WHERE id = ?"),
        { courseId });
    if (!q.next())
        return std::nullopt;
    Course c;
    c.id = q.value(0).toString();
    c.packageVersion = q.value(1).toInt();
    c.title = q.value(2).toString();
    c.hoursTenths = q.value(3).toInt();
    for (const QJsonValue &y : parseArray(q.value(4)))
        c.years.append(y.toInt());
    c.questionCount = q.value(5).toInt();
    c.passMark = q.value(6).toInt();
    c.attemptsAllowed = q.value(7).toInt();
    c.timeLimitMinutes = q.value(8).toInt();
    return c;
}

void CourseService::lockCourseShared(const QString &courseId)
{
    Database &db = m_context.database;
    if (db.isPostgres())
        db.exec(QStringLiteral("SELECT 1 FROM courses WHERE id = ? FOR SHARE"), { courseId });
}

// ---- Import ----------------------------------------------------------------------------------

std::optional<CourseService::ImportResult> CourseService::importPackage(
    const CoursePackage &package, QString *error)
{
    // Content is addressed by its hash and never changes, so storing it before the transaction is
    // safe: a failed import leaves only unreferenced files behind.
    QJsonArray lessons;
    for (const CoursePackage::Lesson &lesson : package.lessons) {
        QJsonArray resources;
        for (const CoursePackage::File &r : lesson.resources) {
            if (m_content.put(r.bytes) != r.sha256) {
                *error = QStringLiteral("%1: cannot be written to the content store").arg(r.path);
                return std::nullopt;
            }
            resources.append(QJsonObject { { QStringLiteral("path"), r.path },
                { QStringLiteral("sha256"), r.sha256 },
                { QStringLiteral("size"), double(r.bytes.size()) } });
        }
        if (m_content.put(lesson.file.bytes) != lesson.file.sha256) {
            *error = QStringLiteral("%1: cannot be written to the content store")
                         .arg(lesson.file.path);
            return std::nullopt;
        }
        lessons.append(QJsonObject { { QStringLiteral("id"), lesson.id },
            { QStringLiteral("title"), lesson.title }, { QStringLiteral("kind"), lesson.kind },
            { QStringLiteral("path"), lesson.file.path },
            { QStringLiteral("sha256"), lesson.file.sha256 },
            { QStringLiteral("size"), double(lesson.file.bytes.size()) },
            { QStringLiteral("minSeconds"), lesson.minSeconds },
            { QStringLiteral("digest"), lesson.digest },
            { QStringLiteral("resources"), resources } });
    }
    QJsonArray years;
    for (const int y : package.years)
        years.append(y);
    const QDateTime now = m_context.clock.nowUtc();
    const QJsonObject data { { QStringLiteral("id"), package.id },
        { QStringLiteral("packageVersion"), package.version },
        { QStringLiteral("title"), package.title },
        { QStringLiteral("introduction"), package.introduction },
        { QStringLiteral("hoursTenths"), package.hoursTenths },
        { QStringLiteral("subjectType"), QStringLiteral("public") },
        { QStringLiteral("years"), years }, { QStringLiteral("lessons"), lessons },
        { QStringLiteral("exam"),
            QJsonObject { { QStringLiteral("questionCount"), package.questionCount },
                { QStringLiteral("passMark"), package.passMark },
                { QStringLiteral("attemptsAllowed"), package.attemptsAllowed },
                { QStringLiteral("timeLimitMinutes"), package.timeLimitMinutes } } },
        { QStringLiteral("totalBytes"), double(package.totalBytes()) },
        { QStringLiteral("publishedAt"), now.toString(Qt::ISODateWithMs) } };

    Database &db = m_context.database;
    ImportResult result;
    result.courseId = package.id;
    result.packageVersion = package.version;
    result.lessons = int(package.lessons.size());
    result.questions = int(package.questions.size());
    try {
        Transaction tx(db);
        QSqlQuery existing = db.exec(
            QStringLiteral("SELECT package_version, version, title, attempts_allowed FROM courses"
                           " WHERE id = ?")
                + db.forUpdate(),
            { package.id });
        qint64 version = 1;
        bool republishSelections = false;
        if (existing.next()) {
            result.previousVersion = existing.value(0).toInt();
            version = existing.value(1).toLongLong() + 1;
            republishSelections = existing.value(2).toString() != package.title
                || existing.value(3).toInt() != package.attemptsAllowed;
            existing.finish();
            if (package.version <= result.previousVersion) {
                *error = QStringLiteral("course.json: version: the course \"%1\" is installed at "
                                        "version %2; a re-import needs a higher version than %2 "
                                        "(this package has %3)")
                             .arg(package.id)
                             .arg(result.previousVersion)
                             .arg(package.version);
                return std::nullopt;
            }
            db.exec(QStringLiteral(
                        "UPDATE courses SET package_version = ?, title = ?, hours_tenths = ?,"
                        " years = ?, question_count = ?, pass_mark = ?, attempts_allowed = ?,"
                        " time_limit_minutes = ?, data = ?, published_at = ?, version = ?"
                        " WHERE id = ?"),
                { package.version, package.title, package.hoursTenths, compact(years),
                    package.questionCount, package.passMark, package.attemptsAllowed,
                    package.timeLimitMinutes, compact(data), now.toMSecsSinceEpoch(), version,
                    package.id });
        } else {
            existing.finish();
            db.exec(QStringLiteral(
                        "INSERT INTO courses (id, package_version, title, hours_tenths, years,"
                        " question_count, pass_mark, attempts_allowed, time_limit_minutes, data,"
                        " published_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
                { package.id, package.version, package.title, package.hoursTenths, compact(years),
                    package.questionCount, package.passMark, package.attemptsAllowed,
                    package.timeLimitMinutes, compact(data), now.toMSecsSinceEpoch() });
        }

        // Lessons: progress survives where the digest (file, images, minimum time) is unchanged.
        QHash<QString, QString> oldDigests;
        QSqlQuery old = db.exec(
            QStringLiteral("SELECT lesson_id, digest FROM course_lessons WHERE course_id = ?"),
            { package.id });
        while (old.next())
            oldDigests.insert(old.value(0).toString(), old.value(1).toString());
        old.finish();
        db.exec(QStringLiteral("DELETE FROM course_lessons WHERE course_id = ?"), { package.id });
        QList<QVariantList> lessonRows;
        for (qsizetype i = 0; i < package.lessons.size(); ++i) {
            const CoursePackage::Lesson &lesson = package.lessons.at(i);
            lessonRows.append(
                { package.id, lesson.id, int(i), lesson.title, lesson.digest, lesson.minSeconds });
        }
        db.insertMany(QStringLiteral("INSERT INTO course_lessons (course_id, lesson_id, position,"
                                     " title, digest, min_seconds)"),
            QStringLiteral("(?, ?, ?, ?, ?, ?)"), lessonRows);
        QSet<QString> kept;
        for (const CoursePackage::Lesson &lesson : package.lessons) {
            kept.insert(lesson.id);
            const auto before = oldDigests.constFind(lesson.id);
            if (before == oldDigests.constEnd() || *before == lesson.digest)
                continue;
            result.changedLessons.append(lesson.id);
            db.exec(QStringLiteral("UPDATE lesson_progress SET seconds = 0, completed_at = NULL,"
                                   " updated_at = ?, version = version + 1"
                                   " WHERE course_id = ? AND lesson_id = ?"),
                { now.toMSecsSinceEpoch(), package.id, lesson.id });
            const QList<QJsonObject> reset = progress(
                QStringLiteral("p.course_id = ? AND p.lesson_id = ?"), { package.id, lesson.id });
            publish(QStringLiteral("lessonProgress"), reset);
            result.progressReset += int(reset.size());
        }
        // Progress in lessons the new version no longer has goes away.
        for (auto it = oldDigests.constBegin(); it != oldDigests.constEnd(); ++it) {
            if (kept.contains(it.key()))
                continue;
            QList<ChangeLog::Entry> gone;
            for (const QJsonObject &row :
                progress(QStringLiteral("p.course_id = ? AND p.lesson_id = ?"),
                    { package.id, it.key() })) {
                gone.append(
                    { QStringLiteral("lessonProgress"), row.value(QStringLiteral("id")).toString(),
                        qint64(row.value(QStringLiteral("version")).toDouble()) + 1,
                        ChangeLog::Op::Delete, {},
                        { ChangeLog::userAudience(
                            row.value(QStringLiteral("learnerId")).toString()) } });
            }
            db.exec(
                QStringLiteral("DELETE FROM lesson_progress WHERE course_id = ? AND lesson_id = ?"),
                { package.id, it.key() });
            m_context.changes.appendMany(gone);
        }

        db.exec(QStringLiteral("DELETE FROM course_questions WHERE course_id = ?"), { package.id });
        QList<QVariantList> questionRows;
        QList<BankQuestion> bank;
        for (qsizetype i = 0; i < package.questions.size(); ++i) {
            const CoursePackage::Question &q = package.questions.at(i);
            QJsonArray options;
            for (const CoursePackage::Option &o : q.options)
                options.append(QJsonObject {
                    { QStringLiteral("id"), o.id }, { QStringLiteral("text"), o.text } });
            questionRows.append({ package.id, q.id, int(i), q.type, q.text, compact(options),
                compact(QJsonArray::fromStringList(q.answer)) });
            bank.append({ q.id, q.type, q.text, options });
        }
        db.insertMany(QStringLiteral("INSERT INTO course_questions (course_id, question_id,"
                                     " position, type, text, options, answer)"),
            QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"), questionRows);

        // An attempt not yet submitted is drawn again, so it never holds a question the new
        // bank no longer has or grades with an old key.
        result.attemptsRedrawn = redrawReadyAttempts(*course(package.id), bank);

        if (republishSelections) {
            db.exec(QStringLiteral(
                        "UPDATE course_selections SET version = version + 1 WHERE course_id = ?"),
                { package.id });
            publish(QStringLiteral("courseSelection"),
                selections(QStringLiteral("s.course_id = ?"), { package.id }));
        }

        m_context.changes.append(QStringLiteral("course"), package.id, version,
            ChangeLog::Op::Upsert, data, { ChangeLog::publicAudience() });
        tx.commit();
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("the database refused the import: %1")
                     .arg(QString::fromStdString(e.what()));
        return std::nullopt;
    }
    return result;
}

// ---- Drawing ---------------------------------------------------------------------------------

QList<CourseService::BankQuestion> CourseService::loadBank(const QString &courseId)
{
    QList<BankQuestion> bank;
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT question_id, type, text, options FROM course_questions"
                       " WHERE course_id = ? ORDER BY position"),
        { courseId });
    while (q.next())
        bank.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            parseArray(q.value(3)) });
    return bank;
}

QJsonArray CourseService::drawFrom(
    QList<BankQuestion> bank, int count, const QString &attemptId, QList<QVariantList> *rows)
{
    QRandomGenerator *random = QRandomGenerator::system();
    std::shuffle(bank.begin(), bank.end(), *random);
    bank.resize(std::min<qsizetype>(bank.size(), count));
    QJsonArray shown;
    for (qsizetype i = 0; i < bank.size(); ++i) {
        const BankQuestion &question = bank.at(i);
        QList<QJsonValue> options(question.options.begin(), question.options.end());
        // 正确 before 错误 reads naturally; the choices of the other types are shuffled.
        if (question.type != QLatin1String("trueFalse"))
            std::shuffle(options.begin(), options.end(), *random);
        QJsonArray order;
        QJsonArray presented;
        for (const QJsonValue &o : std::as_const(options)) {
            order.append(o.toObject().value(QStringLiteral("id")));
            presented.append(o);
        }
        rows->append({ attemptId, int(i), question.id, compact(order) });
        shown.append(QJsonObject { { QStringLiteral("id"), question.id },
            { QStringLiteral("type"), question.type }, { QStringLiteral("text"), question.text },
            { QStringLiteral("options"), presented } });
    }
    return shown;
}

void CourseService::insertDrawn(const QList<QVariantList> &rows)
{
    m_context.database.insertMany(QStringLiteral("INSERT INTO exam_attempt_questions"
                                                 " (attempt_id, position, question_id,"
                                                 " option_order)"),
        QStringLiteral("(?, ?, ?, ?)"), rows);
}

QString CourseService::createAttempt(const QString &learnerId, const Course &course, int number)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<QVariantList> drawn;
    const QJsonArray questions = drawFrom(loadBank(course.id), course.questionCount, id, &drawn);
    // The attempt first: the drawn questions reference it.
    m_context.database.exec(
        QStringLiteral("INSERT INTO exam_attempts (id, learner_id, course_id, attempt_number,"
                       " status, package_version, question_count, pass_mark, time_limit_minutes,"
                       " questions, created_at, version)"
                       " VALUES (?, ?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?, 1)"),
        { id, learnerId, course.id, number, course.packageVersion, int(questions.size()),
            course.passMark, course.timeLimitMinutes, compact(questions),
            m_context.clock.nowUtc().toMSecsSinceEpoch() });
    insertDrawn(drawn);
    publish(QStringLiteral("examAttempt"), attempts(QStringLiteral("id = ?"), { id }));
    return id;
}

int CourseService::redrawReadyAttempts(const Course &course, const QList<BankQuestion> &bank)
{
    Database &db = m_context.database;
    QSqlQuery ready = db.exec(
        QStringLiteral("SELECT id FROM exam_attempts WHERE course_id = ? AND status = 'ready'")
            + db.forUpdate(),
        { course.id });
    QStringList ids;
    while (ready.next())
        ids.append(ready.value(0).toString());
    ready.finish();
    if (ids.isEmpty())
        return 0;
    // Thousands of learners may be in the middle of a course: the old draws go in one statement,
    // the new ones in prepared batches.
    db.exec(
        QStringLiteral("DELETE FROM exam_attempt_questions WHERE attempt_id IN"
                       " (SELECT id FROM exam_attempts WHERE course_id = ? AND status = 'ready')"),
        { course.id });
    // In blocks, so the memory for the drawn questions does not grow with the number of learners.
    constexpr qsizetype Block = 500;
    for (qsizetype first = 0; first < ids.size(); first += Block) {
        const QStringList block = ids.mid(first, Block);
        QList<QVariantList> drawn;
        QList<QVariantList> updates;
        QVariantList blockIds;
        drawn.reserve(block.size() * course.questionCount);
        updates.reserve(block.size());
        for (const QString &id : block) {
            const QJsonArray questions = drawFrom(bank, course.questionCount, id, &drawn);
            updates.append({ compact(questions), int(questions.size()), course.packageVersion,
                course.passMark, course.timeLimitMinutes, id });
            blockIds.append(id);
        }
        db.execEach(QStringLiteral("UPDATE exam_attempts SET questions = ?, question_count = ?,"
                                   " package_version = ?, pass_mark = ?, time_limit_minutes = ?,"
                                   " version = version + 1 WHERE id = ?"),
            updates);
        insertDrawn(drawn);
        QStringList marks(block.size(), QStringLiteral("?"));
        publish(QStringLiteral("examAttempt"),
            attempts(QStringLiteral("id IN (%1)").arg(marks.join(QStringLiteral(", "))), blockIds));
    }
    return int(ids.size());
}

// ---- Mutations -------------------------------------------------------------------------------

int CourseService::requireDeclarableYear(const Course &course, const QJsonObject &payload)
{
    const int year = requireInt(payload, "declarationYear", 2000, 2100);
    // The window of each year is the national policy's (an administrator may extend it).
    const QList<YearPolicy> policies = m_policies.national();
    const QDate today = m_context.clock.todayInChina();
    if (!isDeclarableYear(year, course.years, today, policies)) {
        QStringList allowed;
        QJsonArray allowedYears;
        for (const int y : declarableYears(course.years, today, policies)) {
            allowed.append(QString::number(y));
            allowedYears.append(y);
        }
        throw ApiError(400, ec::YearNotAllowed, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "This course cannot count toward %1. Years you can choose now: %2."))
            .field(QStringLiteral("declarationYear"))
            .arg(QString::number(year))
            .arg(allowed.isEmpty() ? QStringLiteral("-") : allowed.join(QStringLiteral(", ")))
            .extra(QStringLiteral("allowedYears"), allowedYears);
    }
    return year;
}

QJsonObject CourseService::select(const AuthenticatedUser &caller, const Mutation &m)
{
    m_bindings.requireStudyAllowed(caller);
    requireOnlyKeys(m.payload, { QStringLiteral("courseId"), QStringLiteral("declarationYear") });
    const QString courseId = requireText(m.payload, "courseId");
    const QString selectionId
        = derivedId(QStringLiteral("courseSelection"), { caller.id, courseId });
    if (m.target != selectionId) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "The target of course.select must be the selection's derived id."))
            .field(QStringLiteral("target"));
    }
    lockCourseShared(courseId);
    const std::optional<Course> c = course(courseId);
    if (!c)
        throwCourseNotFound();
    const int year = requireInt(m.payload, "declarationYear", 2000, 2100);

    Database &db = m_context.database;
    QSqlQuery existing
        = db.exec(QStringLiteral("SELECT status, declaration_year, version FROM course_selections"
                                 " WHERE id = ?")
                + db.forUpdate(),
            { selectionId });
    if (existing.next()) {
        const QString status = existing.value(0).toString();
        const int current = existing.value(1).toInt();
        const qint64 version = existing.value(2).toLongLong();
        existing.finish();
        // The same choice sent again (say, from a second device) changes nothing, even once the
        // year is no longer open.
        if (current == year)
            return applied(m.id, version);
        if (status == QLatin1String("passed")) {
            throw ApiError(409, ec::CoursePassed, "Server",
                QT_TRANSLATE_NOOP(
                    "Server", "You have passed this course; its hours already count toward %1."))
                .field(QStringLiteral("declarationYear"))
                .arg(QString::number(current));
        }
        requireDeclarableYear(*c, m.payload);
        db.exec(QStringLiteral("UPDATE course_selections SET declaration_year = ?,"
                               " version = version + 1 WHERE id = ?"),
            { year, selectionId });
        publishSelection(selectionId);
        return applied(m.id, version + 1);
    }
    existing.finish();
    requireDeclarableYear(*c, m.payload);
    const QSqlQuery inserted = db.exec(
        QStringLiteral("INSERT INTO course_selections (id, learner_id, course_id,"
                       " declaration_year, status, attempts_used, selected_at, version)"
                       " VALUES (?, ?, ?, ?, 'studying', 0, ?, 1) ON CONFLICT DO NOTHING"),
        { selectionId, caller.id, courseId, year, m_context.clock.nowUtc().toMSecsSinceEpoch() });
    // On PostgreSQL a second device's select of the same course can pass the check above while
    // the first one is still open; its row is there now, so answer as a repeated select. (No
    // conflict target: the row collides on the id and on (learner, course), and PostgreSQL may
    // find either first.)
    if (inserted.numRowsAffected() == 0)
        return select(caller, m);
    createAttempt(caller.id, *c, 1);
    publishSelection(selectionId);
    return applied(m.id, 1);
}

QJsonObject CourseService::setYear(const AuthenticatedUser &caller, const Mutation &m)
{
    m_bindings.requireStudyAllowed(caller);
    requireOnlyKeys(m.payload, { QStringLiteral("declarationYear") });
    Database &db = m_context.database;
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT learner_id, course_id, status, declaration_year, version"
                                 " FROM course_selections WHERE id = ?")
                + db.forUpdate(),
            { m.target });
    if (!q.next() || q.value(0).toString() != caller.id) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "You have not chosen this course."))
            .field(QStringLiteral("target"));
    }
    const QString courseId = q.value(1).toString();
    const QString status = q.value(2).toString();
    const int current = q.value(3).toInt();
    const qint64 version = q.value(4).toLongLong();
    q.finish();
    if (status == QLatin1String("passed")) {
        throw ApiError(409, ec::CoursePassed, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "You have passed this course; its hours already count toward %1."))
            .field(QStringLiteral("declarationYear"))
            .arg(QString::number(current));
    }
    if (version != m.baseVersion) {
        const QJsonObject data = selections(QStringLiteral("s.id = ?"), { m.target }).value(0);
        return { { QStringLiteral("id"), m.id },
            { QStringLiteral("status"), QStringLiteral("conflict") },
            { QStringLiteral("current"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("courseSelection") },
                    { QStringLiteral("id"), m.target },
                    { QStringLiteral("version"), double(version) },
                    { QStringLiteral("data"), data } } } };
    }
    const int year = requireDeclarableYear(*course(courseId), m.payload);
    if (year == current)
        return applied(m.id, version);
    db.exec(QStringLiteral("UPDATE course_selections SET declaration_year = ?,"
                           " version = version + 1 WHERE id = ?"),
        { year, m.target });
    publishSelection(m.target);
    return applied(m.id, version + 1);
}

QJsonObject CourseService::study(const AuthenticatedUser &caller, const Mutation &m)
{
    m_bindings.requireStudyAllowed(caller);
    requireOnlyKeys(m.payload,
        { QStringLiteral("courseId"), QStringLiteral("lessonId"), QStringLiteral("seconds"),
            QStringLiteral("startedAt"), QStringLiteral("endedAt") });
    const QString courseId = requireText(m.payload, "courseId");
    const QString lessonId = requireText(m.payload, "lessonId");
    const int seconds = requireInt(m.payload, "seconds", 1, MaxStudySeconds);
    const QString progressId
        = derivedId(QStringLiteral("lessonProgress"), { caller.id, courseId, lessonId });
    if (m.target != progressId) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "The target of lesson.study must be the progress row's derived id."))
            .field(QStringLiteral("target"));
    }
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    // The stretch of time the claim says the lesson was studied in (the client's clock). A claim
    // without one (an older client) is taken as ending when it arrives.
    StudyClaim claim;
    claim.seconds = seconds;
    const bool hasStart = m.payload.contains(QStringLiteral("startedAt"));
    const bool hasEnd = m.payload.contains(QStringLiteral("endedAt"));
    if (hasStart || hasEnd) {
        claim.from = requireTimestamp(m.payload, "startedAt").toMSecsSinceEpoch();
        claim.to = requireTimestamp(m.payload, "endedAt").toMSecsSinceEpoch();
        if (claim.to < claim.from) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "\"endedAt\" must not be before \"startedAt\"."))
                .field(QStringLiteral("endedAt"));
        }
    } else {
        claim.to = now;
        claim.from = now - qint64(seconds) * 1000;
    }

    Database &db = m_context.database;
    // A re-import may change the lesson's minimum time and reset its progress: the time is added
    // either before it or after it, never judged against the old minimum and written after.
    lockCourseShared(courseId);
    QSqlQuery selection = db.exec(QStringLiteral("SELECT selected_at FROM course_selections"
                                                 " WHERE id = ?"),
        { derivedId(QStringLiteral("courseSelection"), { caller.id, courseId }) });
    if (!selection.next()) {
        throw ApiError(400, ec::CourseNotSelected, "Server",
            QT_TRANSLATE_NOOP("Server", "Choose the course before studying its lessons."))
            .field(QStringLiteral("courseId"));
    }
    claim.availableFrom = selection.value(0).toLongLong();
    selection.finish();
    QSqlQuery lesson = db.exec(QStringLiteral("SELECT min_seconds FROM course_lessons"
                                              " WHERE course_id = ? AND lesson_id = ?"),
        { courseId, lessonId });
    if (!lesson.next()) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This lesson is not part of the course."))
            .field(QStringLiteral("lessonId"));
    }
    const int minSeconds = lesson.value(0).toInt();
    lesson.finish();

    // Every claim of the learner, whatever the course, is judged one after the other: two claims
    // of the same time sent at once must not both find it free. (SQLite's BEGIN IMMEDIATE
    // serialises writers anyway.) NO KEY UPDATE leaves rows that reference the user insertable.
    if (db.isPostgres())
        db.exec(
            QStringLiteral("SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE"), { caller.id });
    const StudyCredit credit = creditStudy(caller.id, courseId, lessonId, claim, now);

    // Study time adds up whatever version the client saw: two devices studying offline both
    // count, so there is no conflict to report. The row is republished even when nothing was
    // credited, so the client's cache, which showed the claimed time at once, is corrected.
    QSqlQuery row = db.exec(
        QStringLiteral("SELECT seconds, completed_at, version FROM lesson_progress WHERE id = ?")
            + db.forUpdate(),
        { progressId });
    qint64 version = 1;
    if (row.next()) {
        const int total = row.value(0).toInt() + credit.seconds;
        const QVariant completedAt
            = row.value(1).isNull() && total >= minSeconds ? QVariant(now) : row.value(1);
        version = row.value(2).toLongLong() + 1;
        row.finish();
        db.exec(QStringLiteral("UPDATE lesson_progress SET seconds = ?, completed_at = ?,"
                               " updated_at = ?, version = ? WHERE id = ?"),
            { total, completedAt.isNull() ? nullBigint() : completedAt, now, version, progressId });
    } else {
        row.finish();
        // The learner's row lock above (or SQLite's single writer) keeps a second device's first
        // study of the lesson from inserting in between.
        db.exec(QStringLiteral("INSERT INTO lesson_progress (id, learner_id, course_id, lesson_id,"
                               " seconds, completed_at, updated_at, version)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, 1)"),
            { progressId, caller.id, courseId, lessonId, credit.seconds,
                credit.seconds >= minSeconds ? QVariant(now) : nullBigint(), now });
    }
    publishProgress(progressId);
    QJsonObject result = applied(m.id, version);
    result.insert(QStringLiteral("claimed"), seconds);
    result.insert(QStringLiteral("credited"), credit.seconds);
    if (credit.seconds < seconds) {
        const Localizer &localizer = m_context.localizer;
        const QStringList args { QString::number(credit.seconds), QString::number(seconds) };
        const char *code = ec::StudyTimeNotPassed;
        const char *message = QT_TRANSLATE_NOOP("Server",
            "%1 of %2 seconds were credited: more seconds were claimed than passed between the "
            "start and the end of the study the claim gives.");
        if (credit.beforeAvailableMs > 0) {
            code = ec::StudyBeforeAvailable;
            message = QT_TRANSLATE_NOOP("Server",
                "%1 of %2 seconds were credited: study time counts only from when the server "
                "received the choice of the course, and the rest of this claim lies before it.");
        } else if (credit.alreadyCreditedMs > 0) {
            code = ec::StudyTimeAlreadyCredited;
            message = QT_TRANSLATE_NOOP("Server",
                "%1 of %2 seconds were credited: the rest of this time was already credited to "
                "your study of this or another lesson, and the same time counts only once.");
        }
        result.insert(QStringLiteral("reason"),
            QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code) },
                { QStringLiteral("message"),
                    localizer.text(m.language, "Server", message, args) } });
    }
    return result;
}

CourseService::StudyCredit CourseService::creditStudy(const QString &learnerId,
    const QString &courseId, const QString &lessonId, StudyClaim claim, qint64 now)
{
    StudyCredit credit;
    // No study ends after it reaches the server. A claim that would (the client's clock runs
    // ahead) is moved back as a whole to end when it arrived, so it keeps its length but covers
    // only time that has passed.
    if (claim.to > now) {
        claim.from -= claim.to - now;
        claim.to = now;
    }
    // Nor before the learner could see the lesson.
    credit.beforeAvailableMs
        = std::max<qint64>(0, std::min(claim.to, claim.availableFrom) - claim.from);
    const qint64 from = std::max(claim.from, claim.availableFrom);
    const qint64 to = claim.to;
    if (to <= from)
        return credit;

    // The parts of [from, to] no earlier claim of the learner has been credited for.
    Database &db = m_context.database;
    QSqlQuery q = db.exec(QStringLiteral("SELECT starts_at, ends_at FROM study_intervals"
                                         " WHERE learner_id = ? AND ends_at > ? AND starts_at < ?"
                                         " ORDER BY starts_at"),
        { learnerId, from, to });
    QList<std::pair<qint64, qint64>> free;
    qint64 cursor = from;
    while (q.next()) {
        const qint64 start = q.value(0).toLongLong();
        const qint64 end = q.value(1).toLongLong();
        if (start > cursor)
            free.append({ cursor, std::min(start, to) });
        cursor = std::max(cursor, end);
        if (cursor >= to)
            break;
    }
    q.finish();
    if (cursor < to)
        free.append({ cursor, to });
    qint64 freeMs = 0;
    for (const auto &[start, end] : std::as_const(free))
        freeMs += end - start;
    credit.alreadyCreditedMs = (to - from) - freeMs;

    // Whole seconds, never more than claimed nor than the free time: the credited time is taken
    // from the earliest free parts and recorded, so it is never credited again.
    credit.seconds = int(std::min<qint64>(claim.seconds, freeMs / 1000));
    qint64 left = qint64(credit.seconds) * 1000;
    QList<QVariantList> rows;
    for (const auto &[start, end] : std::as_const(free)) {
        if (left <= 0)
            break;
        const qint64 take = std::min(left, end - start);
        rows.append({ learnerId, courseId, lessonId, start, start + take, now });
        left -= take;
    }
    if (!rows.isEmpty())
        db.insertMany(QStringLiteral("INSERT INTO study_intervals (learner_id, course_id,"
                                     " lesson_id, starts_at, ends_at, credited_at)"),
            QStringLiteral("(?, ?, ?, ?, ?, ?)"), rows);
    return credit;
}

QJsonObject CourseService::submit(const AuthenticatedUser &caller, const Mutation &m)
{
    m_bindings.requireStudyAllowed(caller);
    requireOnlyKeys(m.payload,
        { QStringLiteral("answers"), QStringLiteral("startedAt"), QStringLiteral("finishedAt"),
            QStringLiteral("elapsedSeconds") });
    Database &db = m_context.database;
    // The course before the attempt, in the order a re-import takes them: a failed attempt draws
    // the next one, which must not come from a bank an import is replacing meanwhile.
    QSqlQuery of
        = db.exec(QStringLiteral("SELECT course_id FROM exam_attempts WHERE id = ?"), { m.target });
    if (of.next()) {
        const QString courseId = of.value(0).toString();
        of.finish();
        lockCourseShared(courseId);
    }
    of.finish();
    QSqlQuery a = db.exec(
        QStringLiteral("SELECT learner_id, course_id, attempt_number, status, question_count,"
                       " pass_mark, time_limit_minutes, version, created_at FROM exam_attempts"
                       " WHERE id = ?")
            + db.forUpdate(),
        { m.target });
    // Another learner's attempt is answered exactly like one that does not exist.
    if (!a.next() || a.value(0).toString() != caller.id) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This exam attempt does not exist."))
            .field(QStringLiteral("target"));
    }
    const QString courseId = a.value(1).toString();
    const int number = a.value(2).toInt();
    const QString status = a.value(3).toString();
    const int questionCount = a.value(4).toInt();
    const int passMark = a.value(5).toInt();
    const int timeLimitMinutes = a.value(6).toInt();
    const qint64 version = a.value(7).toLongLong() + 1;
    const qint64 drawnAt = a.value(8).toLongLong();
    a.finish();
    if (status != QLatin1String("ready")) {
        throw ApiError(409, ec::ExamAlreadyGraded, "Server",
            QT_TRANSLATE_NOOP("Server", "This exam attempt has already been graded."))
            .field(QStringLiteral("target"));
    }
    QSqlQuery incomplete = db.exec(
        QStringLiteral("SELECT COUNT(*) FROM course_lessons l WHERE l.course_id = ? AND NOT EXISTS"
                       " (SELECT 1 FROM lesson_progress p WHERE p.learner_id = ?"
                       " AND p.course_id = l.course_id AND p.lesson_id = l.lesson_id"
                       " AND p.completed_at IS NOT NULL)"),
        { courseId, caller.id });
    incomplete.next();
    const int missing = incomplete.value(0).toInt();
    incomplete.finish();
    if (missing > 0) {
        throw ApiError(400, ec::LessonsIncomplete, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Finish every lesson before the exam: %1 lessons still need study time."))
            .arg(QString::number(missing));
    }

    // The drawn questions, the options each showed, and the key.
    struct Drawn
    {
        QStringList options;
        QStringList key;
    };
    QHash<QString, Drawn> drawn;
    QSqlQuery q
        = db.exec(QStringLiteral(
                      "SELECT d.question_id, d.option_order, c.answer FROM exam_attempt_questions d"
                      " LEFT JOIN course_questions c ON c.course_id = ? AND c.question_id ="
                      " d.question_id WHERE d.attempt_id = ?"),
            { courseId, m.target });
    while (q.next()) {
        Drawn d;
        for (const QJsonValue &v : parseArray(q.value(1)))
            d.options.append(v.toString());
        for (const QJsonValue &v : parseArray(q.value(2)))
            d.key.append(v.toString());
        d.key.sort();
        drawn.insert(q.value(0).toString(), d);
    }
    q.finish();

    const QJsonValue answersValue = m.payload.value(QStringLiteral("answers"));
    if (!answersValue.isObject()) {
        throw ApiError(400, answersValue.isUndefined() ? ec::MissingField : ec::InvalidField,
            "Server",
            QT_TRANSLATE_NOOP("Server",
                "\"answers\" must map each question's id to the list of chosen option ids."))
            .field(QStringLiteral("answers"));
    }
    const QJsonObject answers = answersValue.toObject();
    int correct = 0;
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        const QString field = QStringLiteral("answers.") + it.key();
        const auto question = drawn.constFind(it.key());
        if (question == drawn.constEnd()) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "Question \"%1\" is not part of this exam attempt."))
                .field(field)
                .arg(it.key());
        }
        if (!it.value().isArray() || it.value().toArray().size() > question->options.size()) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "\"answers\" must map each question's id to the list of chosen option ids."))
                .field(field);
        }
        QStringList chosen;
        for (const QJsonValue &v : it.value().toArray()) {
            if (!v.isString() || !question->options.contains(v.toString())) {
                throw ApiError(400, ec::InvalidField, "Server",
                    QT_TRANSLATE_NOOP("Server", "\"%1\" is not an option of question \"%2\"."))
                    .field(field)
                    .arg(v.toString())
                    .arg(it.key());
            }
            if (!chosen.contains(v.toString()))
                chosen.append(v.toString());
        }
        chosen.sort();
        // Right only when exactly the correct options are chosen: a partly right multiple choice
        // is wrong.
        if (!question->key.isEmpty() && chosen == question->key)
            ++correct;
    }
    const QDateTime startedAt = requireTimestamp(m.payload, "startedAt");
    const QDateTime finishedAt = requireTimestamp(m.payload, "finishedAt");

    const qint64 took = examDuration(m.payload, startedAt, finishedAt, drawnAt, timeLimitMinutes);
    const bool overTime = took > qint64(timeLimitMinutes) * 60 + TimeLimitGraceSeconds;
    int score = 0;
    if (overTime)
        correct = 0;
    else if (questionCount > 0)
        score = (200 * correct + questionCount) / (2 * questionCount); // rounded half up
    const bool passed = !overTime && score >= passMark;
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    db.exec(QStringLiteral("UPDATE exam_attempts SET status = 'graded', started_at = ?,"
                           " finished_at = ?, graded_at = ?, answers = ?, score = ?,"
                           " correct_count = ?, passed = ?,"
                           " reason = CASE WHEN ? = 1 THEN 'timeLimit' ELSE '' END, version = ?"
                           " WHERE id = ?"),
        { startedAt.toMSecsSinceEpoch(), finishedAt.toMSecsSinceEpoch(), now, compact(answers),
            score, correct, passed ? 1 : 0, overTime ? 1 : 0, version, m.target });
    publishAttempt(m.target);

    const QString selectionId
        = derivedId(QStringLiteral("courseSelection"), { caller.id, courseId });
    QSqlQuery s = db.exec(QStringLiteral("SELECT declaration_year, attempts_used, best_score,"
                                         " status FROM course_selections WHERE id = ?")
            + db.forUpdate(),
        { selectionId });
    if (!s.next())
        throw ApiError(400, ec::CourseNotSelected, "Server",
            QT_TRANSLATE_NOOP("Server", "Choose the course before studying its lessons."));
    const int year = s.value(0).toInt();
    const int attemptsUsed = s.value(1).toInt() + 1;
    const int best = s.value(2).isNull() ? score : std::max(score, s.value(2).toInt());
    const QString selectionStatus = s.value(3).toString();
    s.finish();
    const std::optional<Course> c = course(courseId);

    if (passed) {
        // The credit exists once per learner and course: a second pass (say, a re-import left
        // another attempt) finds it and leaves it alone.
        const QString recordId
            = derivedId(QStringLiteral("publicCourseHours"), { caller.id, courseId });
        if (!db.exec(QStringLiteral("SELECT 1 FROM hour_records WHERE id = ?"), { recordId })
                 .next()) {
            HourRecordService::Record record;
            record.id = recordId;
            record.learnerId = caller.id;
            record.year = year;
            record.source = QStringLiteral("publicCourse");
            record.subjectType = QStringLiteral("public");
            record.hoursTenths = c->hoursTenths;
            record.status = QStringLiteral("confirmed");
            record.title = c->title;
            // A client clock running ahead must not date the hours in the future.
            const QDateTime credited = std::min(finishedAt, m_context.clock.nowUtc());
            record.startDate = credited.toTimeZone(Clock::chinaTimeZone()).date();
            record.endDate = record.startDate;
            m_hourRecords.save(record);
        }
        db.exec(QStringLiteral("UPDATE course_selections SET status = 'passed', attempts_used = ?,"
                               " best_score = ?, hour_record_id = ?, passed_at = ?,"
                               " version = version + 1 WHERE id = ?"),
            { attemptsUsed, best, recordId, now, selectionId });
    } else {
        const bool more = attemptsUsed < c->attemptsAllowed;
        const QString next = selectionStatus == QLatin1String("passed") ? selectionStatus
            : more                                                      ? QStringLiteral("studying")
                                                                        : QStringLiteral("failed");
        db.exec(QStringLiteral("UPDATE course_selections SET status = ?, attempts_used = ?,"
                               " best_score = ?, version = version + 1 WHERE id = ?"),
            { next, attemptsUsed, best, selectionId });
        if (more && selectionStatus != QLatin1String("passed"))
            createAttempt(caller.id, *c, number + 1);
    }
    publishSelection(selectionId);

    QJsonObject result = applied(m.id, version);
    result.insert(QStringLiteral("score"), score);
    result.insert(QStringLiteral("passed"), passed);
    return result;
}

qint64 CourseService::examDuration(const QJsonObject &payload, const QDateTime &startedAt,
    const QDateTime &finishedAt, qint64 drawnAt, int timeLimitMinutes) const
{
    // The attempt cannot have been started before the server drew it: whatever the client says,
    // it took at most the time since then. Online, that alone proves an exam was in time.
    const qint64 sinceDrawn
        = std::max<qint64>(0, (m_context.clock.nowUtc().toMSecsSinceEpoch() - drawnAt) / 1000);
    // Within that bound the client's word is taken: the time on its steady timer (which setting
    // the computer's clock does not change), or, from an older client, the difference of its
    // wall-clock times.
    qint64 claimed = startedAt.secsTo(finishedAt);
    if (payload.contains(QStringLiteral("elapsedSeconds"))) {
        claimed = requireInt(payload, "elapsedSeconds", 0, 366 * 24 * 3600);
        if (finishedAt < startedAt) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "\"finishedAt\" must not be before \"startedAt\"."))
                .field(QStringLiteral("finishedAt"));
        }
    } else if (claimed < 0) {
        // The clock was set back during the exam: how long it took is unknown. In time for sure
        // when the attempt was drawn less than the limit ago; otherwise it cannot be graded
        // (graded 0 it would punish a clock correction), and stays open.
        if (sinceDrawn <= qint64(timeLimitMinutes) * 60 + TimeLimitGraceSeconds)
            return sinceDrawn;
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server",
                "The exam ended before it started by the computer's clock, which was set back "
                "during the exam, so its time cannot be judged. Set the clock right and take the "
                "exam again."))
            .field(QStringLiteral("finishedAt"));
    }
    return std::min(claimed, sinceDrawn);
}

// ---- Entities --------------------------------------------------------------------------------

QList<QJsonObject> CourseService::selections(const QString &condition, const QVariantList &binds)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT s.id, s.learner_id, s.course_id, c.title, s.declaration_year,"
                       " s.status, s.attempts_used, c.attempts_allowed, s.best_score,"
                       " s.hour_record_id, s.selected_at, s.passed_at, s.version"
                       " FROM course_selections s JOIN courses c ON c.id = s.course_id WHERE ")
            + condition,
        binds);
    QList<QJsonObject> list;
    while (q.next()) {
        list.append({ { QStringLiteral("id"), q.value(0).toString() },
            { QStringLiteral("learnerId"), q.value(1).toString() },
            { QStringLiteral("courseId"), q.value(2).toString() },
            { QStringLiteral("courseTitle"), q.value(3).toString() },
            { QStringLiteral("declarationYear"), q.value(4).toInt() },
            { QStringLiteral("status"), q.value(5).toString() },
            { QStringLiteral("attemptsUsed"), q.value(6).toInt() },
            { QStringLiteral("attemptsAllowed"), q.value(7).toInt() },
            { QStringLiteral("score"), intOrNull(q.value(8)) },
            { QStringLiteral("hourRecordId"),
                q.value(9).isNull() ? QJsonValue() : QJsonValue(q.value(9).toString()) },
            { QStringLiteral("selectedAt"), isoOrNull(q.value(10)) },
            { QStringLiteral("passedAt"), isoOrNull(q.value(11)) },
            { QStringLiteral("version"), double(q.value(12).toLongLong()) } });
    }
    return list;
}

QList<QJsonObject> CourseService::progress(const QString &condition, const QVariantList &binds)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT p.id, p.learner_id, p.course_id, p.lesson_id, p.seconds,"
                       " l.min_seconds, p.completed_at, p.version FROM lesson_progress p"
                       " LEFT JOIN course_lessons l ON l.course_id = p.course_id"
                       " AND l.lesson_id = p.lesson_id WHERE ")
            + condition,
        binds);
    QList<QJsonObject> list;
    while (q.next()) {
        list.append({ { QStringLiteral("id"), q.value(0).toString() },
            { QStringLiteral("learnerId"), q.value(1).toString() },
            { QStringLiteral("courseId"), q.value(2).toString() },
            { QStringLiteral("lessonId"), q.value(3).toString() },
            { QStringLiteral("seconds"), q.value(4).toInt() },
            { QStringLiteral("minSeconds"), q.value(5).toInt() },
            { QStringLiteral("completed"), !q.value(6).isNull() },
            { QStringLiteral("completedAt"), isoOrNull(q.value(6)) },
            { QStringLiteral("version"), double(q.value(7).toLongLong()) } });
    }
    return list;
}

QList<QJsonObject> CourseService::attempts(const QString &condition, const QVariantList &binds)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT id, learner_id, course_id, attempt_number, status, questions,"
                       " question_count, pass_mark, time_limit_minutes, created_at, started_at,"
                       " finished_at, score, correct_count, passed, reason, graded_at, version"
                       " FROM exam_attempts WHERE ")
            + condition,
        binds);
    QList<QJsonObject> list;
    while (q.next()) {
        list.append({ { QStringLiteral("id"), q.value(0).toString() },
            { QStringLiteral("learnerId"), q.value(1).toString() },
            { QStringLiteral("courseId"), q.value(2).toString() },
            { QStringLiteral("number"), q.value(3).toInt() },
            { QStringLiteral("status"), q.value(4).toString() },
            { QStringLiteral("questions"), parseArray(q.value(5)) },
            { QStringLiteral("questionCount"), q.value(6).toInt() },
            { QStringLiteral("passMark"), q.value(7).toInt() },
            { QStringLiteral("timeLimitMinutes"), q.value(8).toInt() },
            { QStringLiteral("createdAt"), isoOrNull(q.value(9)) },
            { QStringLiteral("startedAt"), isoOrNull(q.value(10)) },
            { QStringLiteral("finishedAt"), isoOrNull(q.value(11)) },
            { QStringLiteral("score"), intOrNull(q.value(12)) },
            { QStringLiteral("correctCount"), intOrNull(q.value(13)) },
            { QStringLiteral("passed"),
                q.value(14).isNull() ? QJsonValue() : QJsonValue(q.value(14).toInt() != 0) },
            { QStringLiteral("reason"), q.value(15).toString() },
            { QStringLiteral("gradedAt"), isoOrNull(q.value(16)) },
            { QStringLiteral("version"), double(q.value(17).toLongLong()) } });
    }
    return list;
}

void CourseService::publish(const QString &type, const QList<QJsonObject> &rows)
{
    QList<ChangeLog::Entry> entries;
    entries.reserve(rows.size());
    for (const QJsonObject &data : rows) {
        entries.append({ type, data.value(QStringLiteral("id")).toString(),
            qint64(data.value(QStringLiteral("version")).toDouble()), ChangeLog::Op::Upsert, data,
            { ChangeLog::userAudience(data.value(QStringLiteral("learnerId")).toString()) } });
    }
    m_context.changes.appendMany(entries);
}

void CourseService::publishSelection(const QString &selectionId)
{
    publish(
        QStringLiteral("courseSelection"), selections(QStringLiteral("s.id = ?"), { selectionId }));
}

void CourseService::publishProgress(const QString &progressId)
{
    publish(QStringLiteral("lessonProgress"), progress(QStringLiteral("p.id = ?"), { progressId }));
}

void CourseService::publishAttempt(const QString &attemptId)
{
    publish(QStringLiteral("examAttempt"), attempts(QStringLiteral("id = ?"), { attemptId }));
}

} // namespace xueshi::server
