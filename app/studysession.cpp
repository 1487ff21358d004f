#include "studysession.h"

#include "clock.h"
#include "localstore.h"
#include "publiccourses.h"
#include "syncengine.h"

#include <QJsonObject>

#include <algorithm>

namespace xueshi {

StudySession::StudySession(SyncEngine *engine, const LocalStore *store, const Clock *clock,
    const QString &learnerId, const QString &courseId, const QString &lessonId, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_learnerId(learnerId)
    , m_courseId(courseId)
    , m_lessonId(lessonId)
{
    m_anchorWall = m_clock->nowUtc();
    m_anchorSteadyMs = m_clock->steadyMs();
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &StudySession::tick);
    m_wasComplete = isComplete();
    if (engine) {
        const QString progressId = lessonProgressId(learnerId, courseId, lessonId);
        connect(engine, &SyncEngine::mutationApplied, this,
            [this, progressId](const OutboxMutation &mutation, const QJsonObject &result) {
                if (mutation.type != QLatin1String("lesson.study") || mutation.target != progressId)
                    return;
                const int claimed = mutation.payload.value(QLatin1String("seconds")).toInt();
                const QJsonValue credited = result.value(QLatin1String("credited"));
                if (credited.isDouble() && credited.toInt() < claimed)
                    emit notCredited(claimed, credited.toInt(),
                        result.value(QLatin1String("reason"))
                            .toObject()
                            .value(QLatin1String("message"))
                            .toString());
            });
    }
}

void StudySession::startStretch()
{
    // What is left of the previous stretch (under a second) is not part of the new one. Whole
    // seconds left (they could not be queued) stay counted and are claimed in the stretch they
    // began.
    if (m_unflushedMs >= 1000)
        return;
    m_unflushedMs = 0;
    m_spanStartMs = m_lastMs;
}

QDateTime StudySession::wallAt(qint64 steadyMs) const
{
    return m_anchorWall.addMSecs(steadyMs - m_anchorSteadyMs);
}

StudySession::~StudySession()
{
    flush();
}

void StudySession::setActive(bool active)
{
    if (active == m_active)
        return;
    if (active) {
        m_active = true;
        m_lastMs = m_clock->steadyMs();
        startStretch();
        m_timer.start();
    } else {
        tick(); // the time up to now still counts
        m_active = false;
        m_timer.stop();
        flush();
    }
}

int StudySession::minSeconds() const
{
    const PublicCourses courses(m_store, m_learnerId);
    const auto course = courses.course(m_courseId);
    const QJsonObject lesson = course ? lessonOf(course->data, m_lessonId) : QJsonObject();
    return lesson.value(QLatin1String("minSeconds")).toInt();
}

int StudySession::cachedSeconds() const
{
    return PublicCourses(m_store, m_learnerId).studiedSeconds(m_courseId, m_lessonId);
}

int StudySession::studiedSeconds() const
{
    return cachedSeconds() + int(m_unflushedMs / 1000);
}

bool StudySession::isComplete() const
{
    const PublicCourses courses(m_store, m_learnerId);
    const auto course = courses.course(m_courseId);
    if (course && courses.lessonComplete(m_courseId, lessonOf(course->data, m_lessonId)))
        return true;
    const int minimum = minSeconds();
    return minimum > 0 && studiedSeconds() >= minimum;
}

void StudySession::tick()
{
    if (!m_active)
        return;
    const qint64 now = m_clock->steadyMs();
    const qint64 gap = now - m_lastMs;
    if (gap <= 0)
        return;
    m_lastMs = now;
    if (gap > qint64(MaxGapSeconds) * 1000) {
        // Not study: what was counted before is one claim, and a new stretch starts now.
        flush();
        startStretch();
        return;
    }
    m_unflushedMs += gap;
    m_sinceFlushMs += gap;
    if (m_sinceFlushMs >= qint64(FlushSeconds) * 1000)
        flush();
    emit changed();
    checkComplete();
}

bool StudySession::flush()
{
    m_sinceFlushMs = 0;
    if (m_unflushedMs < 1000)
        return true;
    if (!m_engine) {
        emit flushFailed(tr("The study time cannot be saved: you are not logged in."));
        return false;
    }
    while (m_unflushedMs >= 1000) {
        const int seconds = int(std::min<qint64>(m_unflushedMs / 1000, MaxMutationSeconds));
        // The stretch these seconds were studied in: from where the counted time begins, exactly
        // as long as the seconds claimed (the fraction of a second left begins the next one).
        const qint64 endMs = m_spanStartMs + qint64(seconds) * 1000;
        const QString id = m_engine->queueMutation(QStringLiteral("lesson.study"),
            lessonProgressId(m_learnerId, m_courseId, m_lessonId),
            QJsonObject { { QStringLiteral("courseId"), m_courseId },
                { QStringLiteral("lessonId"), m_lessonId }, { QStringLiteral("seconds"), seconds },
                { QStringLiteral("startedAt"),
                    wallAt(m_spanStartMs).toUTC().toString(Qt::ISODateWithMs) },
                { QStringLiteral("endedAt"), wallAt(endMs).toUTC().toString(Qt::ISODateWithMs) } });
        if (id.isEmpty()) {
            // Kept counted: the next flush tries again.
            emit flushFailed(m_engine->lastMessage());
            return false;
        }
        m_unflushedMs -= qint64(seconds) * 1000;
        m_spanStartMs = endMs;
    }
    emit changed();
    checkComplete();
    return true;
}

void StudySession::checkComplete()
{
    const bool complete = isComplete();
    if (complete && !m_wasComplete) {
        m_wasComplete = true;
        emit completed();
    }
}

} // namespace xueshi
