#include "publiccourses.h"

#include "entityids.h"
#include "studysession.h"
#include "syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace xueshi {

namespace {

const QString Course = QStringLiteral("course");
const QString Selection = QStringLiteral("courseSelection");
const QString Progress = QStringLiteral("lessonProgress");
const QString Attempt = QStringLiteral("examAttempt");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

QString CourseText::hours(int tenths)
{
    return QStringLiteral("%1.%2").arg(tenths / 10).arg(std::abs(tenths % 10));
}

QString CourseText::subjectType(const QString &code)
{
    if (code == QLatin1String("public"))
        return tr("Public subject");
    if (code == QLatin1String("professional"))
        return tr("Professional subject");
    if (code == QLatin1String("elective"))
        return tr("Elective subject");
    return code;
}

QString CourseText::source(const QString &code)
{
    if (code == QLatin1String("publicCourse"))
        return tr("Public course");
    if (code == QLatin1String("trainingClass"))
        return tr("Training class");
    if (code == QLatin1String("selfDeclaration"))
        return tr("Self-declared");
    return code;
}

QString CourseText::recordStatus(const QString &code)
{
    if (code == QLatin1String("confirmed"))
        return tr("Confirmed");
    if (code == QLatin1String("pending"))
        return tr("Awaiting confirmation");
    if (code == QLatin1String("rejected"))
        return tr("Not approved");
    return code;
}

QString CourseText::yearOffer(int year)
{
    return tr("Public courses of %1").arg(year);
}

QString courseSelectionId(const QString &learnerId, const QString &courseId)
{
    return derivedId(Selection, { learnerId, courseId });
}

QString lessonProgressId(const QString &learnerId, const QString &courseId, const QString &lessonId)
{
    return derivedId(Progress, { learnerId, courseId, lessonId });
}

void registerCourseMutations(SyncEngine *engine, const LocalStore *store)
{
    const auto courseData = [store](const QString &courseId) {
        if (store) {
            if (const auto cached = store->entity(Course, courseId))
                return cached->data;
        }
        return QJsonObject();
    };

    // Selecting creates the selection; selecting again only changes the year (not once passed).
    // The first exam attempt is drawn by the server and arrives with the next sync.
    engine->registerMutationType(QStringLiteral("course.select"), Selection,
        [engine, courseData](const QJsonObject &data, const QJsonObject &payload) {
            const QString courseId = text(payload, "courseId");
            const QJsonValue year = payload.value(QLatin1String("declarationYear"));
            if (!data.isEmpty()) {
                QJsonObject changed = data;
                if (text(data, "status") != QLatin1String("passed"))
                    changed.insert(QStringLiteral("declarationYear"), year);
                return changed;
            }
            const QJsonObject course = courseData(courseId);
            const QJsonObject exam = course.value(QLatin1String("exam")).toObject();
            return QJsonObject {
                { QStringLiteral("id"), courseSelectionId(engine->userId(), courseId) },
                { QStringLiteral("learnerId"), engine->userId() },
                { QStringLiteral("courseId"), courseId },
                { QStringLiteral("courseTitle"), text(course, "title") },
                { QStringLiteral("declarationYear"), year },
                { QStringLiteral("status"), QStringLiteral("studying") },
                { QStringLiteral("attemptsUsed"), 0 },
                { QStringLiteral("attemptsAllowed"), exam.value(QLatin1String("attemptsAllowed")) },
                { QStringLiteral("score"), QJsonValue::Null },
                { QStringLiteral("hourRecordId"), QJsonValue::Null },
                { QStringLiteral("selectedAt"), nowIso() },
                { QStringLiteral("passedAt"), QJsonValue::Null },
            };
        });
    engine->registerMutationType(
        QStringLiteral("course.setYear"), Selection,
        [](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            if (text(data, "status") != QLatin1String("passed"))
                changed.insert(QStringLiteral("declarationYear"),
                    payload.value(QLatin1String("declarationYear")));
            return changed;
        },
        true);

    // Additive, like the server: each queued second is counted once, whatever the versions.
    engine->registerMutationType(QStringLiteral("lesson.study"), Progress,
        [engine, courseData](const QJsonObject &data, const QJsonObject &payload) {
            const QString courseId = text(payload, "courseId");
            const QString lessonId = text(payload, "lessonId");
            QJsonObject changed = data;
            if (changed.isEmpty()) {
                const QJsonObject lesson = lessonOf(courseData(courseId), lessonId);
                changed = QJsonObject {
                    { QStringLiteral("id"),
                        lessonProgressId(engine->userId(), courseId, lessonId) },
                    { QStringLiteral("learnerId"), engine->userId() },
                    { QStringLiteral("courseId"), courseId },
                    { QStringLiteral("lessonId"), lessonId },
                    { QStringLiteral("seconds"), 0 },
                    { QStringLiteral("minSeconds"), lesson.value(QLatin1String("minSeconds")) },
                    { QStringLiteral("completed"), false },
                    { QStringLiteral("completedAt"), QJsonValue::Null },
                };
            }
            const int seconds = changed.value(QLatin1String("seconds")).toInt()
                + payload.value(QLatin1String("seconds")).toInt();
            changed.insert(QStringLiteral("seconds"), seconds);
            const int minSeconds = changed.value(QLatin1String("minSeconds")).toInt();
            if (!changed.value(QLatin1String("completed")).toBool() && minSeconds > 0
                && seconds >= minSeconds) {
                changed.insert(QStringLiteral("completed"), true);
                changed.insert(QStringLiteral("completedAt"), nowIso());
            }
            return changed;
        });
    // The server checks no base version for it: several of one lesson go in one batch.
    engine->setVersionFree(QStringLiteral("lesson.study"));

    // Study of one stretch of time goes as one claim: a flush continuing exactly where the
    // waiting claim of the lesson ends adds to it (up to the server's limit per claim). A claim
    // that starts elsewhere (after a pause, in another sitting) stays apart, so the server never
    // credits time between two sittings that another lesson's claim may hold.
    engine->registerMutationMerge(QStringLiteral("lesson.study"),
        [](const OutboxMutation &waiting,
            const OutboxMutation &incoming) -> std::optional<QJsonObject> {
            return mergeStudyClaims(waiting.payload, incoming.payload);
        });
    // Studying and handing in an exam build on the course's selection: a refused selection holds
    // them. (A course.setYear changes the selection itself, which holds it anyway.)
    engine->registerMutationDependencies(
        QStringLiteral("lesson.study"), [engine](const OutboxMutation &m) {
            return QStringList { LocalStore::entityKey(
                Selection, courseSelectionId(engine->userId(), text(m.payload, "courseId"))) };
        });
    engine->registerMutationDependencies(
        QStringLiteral("exam.submit"), [engine, store](const OutboxMutation &m) {
            const auto attempt = store ? store->entity(Attempt, m.target) : std::nullopt;
            const QString courseId = attempt ? text(attempt->data, "courseId") : QString();
            if (courseId.isEmpty())
                return QStringList();
            return QStringList { LocalStore::entityKey(
                Selection, courseSelectionId(engine->userId(), courseId)) };
        });

    // Graded by the server at the next sync; until then the attempt is "待评分".
    engine->registerMutationType(
        QStringLiteral("exam.submit"), Attempt,
        [](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            changed.insert(QStringLiteral("status"), QStringLiteral("submitted"));
            changed.insert(QStringLiteral("startedAt"), payload.value(QLatin1String("startedAt")));
            changed.insert(
                QStringLiteral("finishedAt"), payload.value(QLatin1String("finishedAt")));
            return changed;
        },
        true);
}

std::optional<QJsonObject> mergeStudyClaims(const QJsonObject &waiting, const QJsonObject &next)
{
    const QString started = QStringLiteral("startedAt");
    const QString ended = QStringLiteral("endedAt");
    const QString seconds = QStringLiteral("seconds");
    if (text(waiting, "courseId") != text(next, "courseId")
        || text(waiting, "lessonId") != text(next, "lessonId"))
        return std::nullopt;
    const int sum = waiting.value(seconds).toInt() + next.value(seconds).toInt();
    if (sum > StudySession::MaxMutationSeconds)
        return std::nullopt;
    // Contiguous: the next stretch begins the instant the waiting one ends.
    const QDateTime end = QDateTime::fromString(waiting.value(ended).toString(), Qt::ISODateWithMs);
    const QDateTime start
        = QDateTime::fromString(next.value(started).toString(), Qt::ISODateWithMs);
    if (!end.isValid() || !start.isValid() || end != start)
        return std::nullopt;
    QJsonObject merged = waiting;
    merged.insert(seconds, sum);
    merged.insert(ended, next.value(ended));
    return merged;
}

QList<CourseFile> lessonFiles(const QJsonObject &lesson)
{
    QList<CourseFile> files;
    files.append({ text(lesson, "sha256"), qint64(lesson.value(QLatin1String("size")).toDouble()),
        text(lesson, "path") });
    for (const QJsonValue &value : lesson.value(QLatin1String("resources")).toArray()) {
        const QJsonObject resource = value.toObject();
        files.append({ text(resource, "sha256"),
            qint64(resource.value(QLatin1String("size")).toDouble()), text(resource, "path") });
    }
    return files;
}

QList<CourseFile> courseFiles(const QJsonObject &course)
{
    QList<CourseFile> files;
    QSet<QString> seen;
    for (const QJsonValue &lesson : course.value(QLatin1String("lessons")).toArray()) {
        for (const CourseFile &file : lessonFiles(lesson.toObject())) {
            if (!seen.contains(file.sha256)) {
                seen.insert(file.sha256);
                files.append(file);
            }
        }
    }
    return files;
}

QJsonObject lessonOf(const QJsonObject &course, const QString &lessonId)
{
    for (const QJsonValue &lesson : course.value(QLatin1String("lessons")).toArray()) {
        if (text(lesson.toObject(), "id") == lessonId)
            return lesson.toObject();
    }
    return {};
}

PublicCourses::PublicCourses(const LocalStore *store, const QString &learnerId)
    : m_store(store)
    , m_learnerId(learnerId)
{ }

QList<CachedEntity> PublicCourses::courses() const
{
    QList<CachedEntity> list = m_store ? m_store->entities(Course) : QList<CachedEntity>();
    std::sort(list.begin(), list.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return text(a.data, "title") < text(b.data, "title");
    });
    return list;
}

std::optional<CachedEntity> PublicCourses::course(const QString &courseId) const
{
    return m_store ? m_store->entity(Course, courseId) : std::nullopt;
}

std::optional<CachedEntity> PublicCourses::selection(const QString &courseId) const
{
    return m_store ? m_store->entity(Selection, courseSelectionId(m_learnerId, courseId))
                   : std::nullopt;
}

QJsonObject PublicCourses::progress(const QString &courseId, const QString &lessonId) const
{
    if (!m_store)
        return {};
    const auto cached
        = m_store->entity(Progress, lessonProgressId(m_learnerId, courseId, lessonId));
    return cached ? cached->data : QJsonObject();
}

int PublicCourses::studiedSeconds(const QString &courseId, const QString &lessonId) const
{
    return progress(courseId, lessonId).value(QLatin1String("seconds")).toInt();
}

bool PublicCourses::lessonComplete(const QString &courseId, const QJsonObject &lesson) const
{
    const QJsonObject row = progress(courseId, text(lesson, "id"));
    if (row.value(QLatin1String("completed")).toBool())
        return true;
    // The lesson's current minimum: a republished lesson may ask for more.
    const int minSeconds = lesson.value(QLatin1String("minSeconds")).toInt();
    return minSeconds > 0 && row.value(QLatin1String("seconds")).toInt() >= minSeconds;
}

int PublicCourses::completedLessons(const QJsonObject &course) const
{
    const QString courseId = text(course, "id");
    int count = 0;
    for (const QJsonValue &lesson : course.value(QLatin1String("lessons")).toArray()) {
        if (lessonComplete(courseId, lesson.toObject()))
            ++count;
    }
    return count;
}

bool PublicCourses::allLessonsComplete(const QJsonObject &course) const
{
    const qsizetype lessons = course.value(QLatin1String("lessons")).toArray().size();
    return lessons > 0 && completedLessons(course) == lessons;
}

QList<CachedEntity> PublicCourses::attempts(const QString &courseId) const
{
    QList<CachedEntity> list;
    if (!m_store)
        return list;
    for (const CachedEntity &attempt : m_store->entities(Attempt)) {
        if (text(attempt.data, "courseId") == courseId)
            list.append(attempt);
    }
    std::sort(list.begin(), list.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return a.data.value(QLatin1String("number")).toInt()
            < b.data.value(QLatin1String("number")).toInt();
    });
    return list;
}

} // namespace xueshi
