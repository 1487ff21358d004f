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
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &StudySession::tick);
    m_wasComplete = isComplete();
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
        m_last = m_clock->nowUtc();
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
    const QDateTime now = m_clock->nowUtc();
    const qint64 gap = m_last.msecsTo(now);
    m_last = now;
    if (gap <= 0 || gap > qint64(MaxGapSeconds) * 1000)
        return;
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
        const QString id = m_engine->queueMutation(QStringLiteral("lesson.study"),
            lessonProgressId(m_learnerId, m_courseId, m_lessonId),
            QJsonObject { { QStringLiteral("courseId"), m_courseId },
                { QStringLiteral("lessonId"), m_lessonId },
                { QStringLiteral("seconds"), seconds } });
        if (id.isEmpty()) {
            // Kept counted: the next flush tries again.
            emit flushFailed(m_engine->lastMessage());
            return false;
        }
        m_unflushedMs -= qint64(seconds) * 1000;
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
