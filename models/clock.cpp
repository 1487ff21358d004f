#include "clock.h"

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

void TestClock::advance(qint64 seconds)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addSecs(seconds);
}

void TestClock::set(const QDateTime &utc)
{
    QMutexLocker lock(&m_mutex);
    m_now = utc.toUTC();
}

} // namespace xueshi
