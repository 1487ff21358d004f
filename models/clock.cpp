#include "clock.h"

#include <QElapsedTimer>

#if defined(Q_OS_LINUX)
#include <time.h>
#endif

namespace xueshi {

QDate Clock::todayInChina() const
{
    return nowUtc().toTimeZone(chinaTimeZone()).date();
}

QTimeZone Clock::chinaTimeZone()
{
    // A fixed UTC+8 offset: China has had no daylight saving time since 1991, and this does not
    // depend on the tz database being installed.
    static const QTimeZone zone(8 * 3600);
    return zone;
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::steadyMs() const
{
#if defined(Q_OS_LINUX) && defined(CLOCK_BOOTTIME)
    // CLOCK_BOOTTIME, unlike the CLOCK_MONOTONIC behind QElapsedTimer, goes on while the computer
    // is suspended: an exam's time limit keeps running when the lid is closed.
    timespec ts {};
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
#endif
    static const QElapsedTimer started = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return started.elapsed();
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

TestClock::TestClock(const QDateTime &start)
    : m_now(start.toUTC())
{ }

QDateTime TestClock::nowUtc() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

qint64 TestClock::steadyMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_steadyMs;
}

void TestClock::advance(qint64 seconds)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addSecs(seconds);
    m_steadyMs += seconds * 1000;
}

void TestClock::set(const QDateTime &utc)
{
    QMutexLocker lock(&m_mutex);
    m_now = utc.toUTC();
}

} // namespace xueshi
