#pragma once

#include <QDateTime>
#include <QMutex>
#include <QTimeZone>

namespace xueshi {

// The source of "now" for deadlines, token expiry and verification codes, so tests can move
// time instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // Dates and year boundaries are in China Standard Time.
    QDate todayInChina() const;
    static QTimeZone chinaTimeZone();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    static SystemClock *instance();
};

// A clock that only moves when told to; thread-safe, since the server reads it from its pool.
class TestClock final : public Clock
{
public:
    explicit TestClock(const QDateTime &start = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    QDateTime nowUtc() const override;
    void advance(qint64 seconds);
    void set(const QDateTime &utc);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace xueshi
