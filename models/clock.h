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
    // Milliseconds on a steady timer that setting the wall clock does not move (it keeps running
    // while the computer sleeps): only differences mean something. Durations that matter (study
    // time, an exam's time limit) are measured on it, never as differences of nowUtc().
    virtual qint64 steadyMs() const = 0;

    // Dates and year boundaries are in China Standard Time.
    QDate todayInChina() const;
    static QTimeZone chinaTimeZone();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    qint64 steadyMs() const override;
    static SystemClock *instance();
};

// A clock that only moves when told to; thread-safe, since the server reads it from its pool.
// advance() is time passing (both the wall clock and the steady timer move); set() is someone
// setting the wall clock (the steady timer stays where it is).
class TestClock final : public Clock
{
public:
    explicit TestClock(const QDateTime &start = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    QDateTime nowUtc() const override;
    qint64 steadyMs() const override;
    void advance(qint64 seconds);
    void set(const QDateTime &utc);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
    qint64 m_steadyMs = 0;
};

} // namespace xueshi
