#pragma once

#include "services/notifier.h"
#include "transport.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace xueshi {
class Clock;
}

namespace xueshi::server {

class Database;

// Delivers the outbox's messages for the transports it has (not "development"), on a thread of
// its own with its own database connection. Any number of senders, in one process or in
// several on one database, share the work without sending a message twice: a sender claims one
// due row at a time (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED, so claimers never wait for
// each other; SQLite: one conditional UPDATE under the single writer lock), stamping it with a
// lease (claimed_by, claimed_until) that outlasts the transport's timeout, and delivers it
// outside any transaction. A sender that dies mid-delivery leaves the row to others once its
// lease ends (that message may then arrive twice: at least once, never lost).
//
// A failed attempt is tried again after 30 s, then 1, 2, 4, 8 minutes... (at most 15 minutes
// apart), until it is sent, `maxAttempts` attempts failed, the next attempt would come after
// the message expires, or the transport says it will never pass. Each failure is logged (the
// message id, its channel, an e-mail's domain, the transport's error with digits and the
// destination cut out: never the text or the destination), and the row keeps the attempts, the
// last error and the time it was given up for `admin outbox`. Once sent or given up, its
// destination and text are cleared.
class OutboxSender final
{
public:
    static constexpr qint64 FirstRetrySeconds = 30;
    static constexpr qint64 MaxRetrySeconds = 15 * 60;
    // A claim lasts the transport's timeout plus this.
    static constexpr qint64 LeaseMarginSeconds = 60;

    struct Settings
    {
        int maxAttempts = 8;
        int pollSeconds = 5;
    };

    struct Counters
    {
        quint64 sent = 0;
        quint64 retried = 0; // attempts that failed and will be tried again
        quint64 failed = 0; // messages given up
    };

    // `transports` by name ("smtp", "webhook"): the rows whose transport is one of them.
    OutboxSender(Database &database, const Clock &clock,
        QHash<QString, std::shared_ptr<Transport>> transports, Settings settings);
    ~OutboxSender();
    OutboxSender(const OutboxSender &) = delete;
    OutboxSender &operator=(const OutboxSender &) = delete;

    // Starts the thread; stop() (or the destructor) ends an attempt in flight and joins it.
    void start();
    void stop();
    // Looks at the outbox soon, a few times over 3 s (a message was just queued; its transaction
    // commits meanwhile), instead of only at the next poll. Any thread.
    void wake();

    Counters counters() const;
    // The wait after the attempts-th failed attempt.
    static qint64 retryDelaySeconds(int attempts);

    // One pass on the calling thread: gives up what expired, then delivers every due message.
    // Returns the attempts made.
    int runOnce();

private:
    struct Claim
    {
        Notification message;
        QString token;
    };
    std::optional<Claim> claim(qint64 now);
    void record(const Claim &claim, const DeliveryResult &result);
    void giveUpExpired(qint64 now);
    QString transportList() const; // "?, ?" for the IN (...) of the transports
    QVariantList transportNames() const;
    void loop();

    Database &m_database;
    const Clock &m_clock;
    QHash<QString, std::shared_ptr<Transport>> m_transports;
    Settings m_settings;
    QString m_owner;
    std::atomic<quint64> m_claims { 0 };
    std::atomic<quint64> m_sent { 0 };
    std::atomic<quint64> m_retried { 0 };
    std::atomic<quint64> m_failed { 0 };

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_condition;
    std::set<std::chrono::steady_clock::time_point> m_wakeTimes;
    std::atomic<bool> m_stopping { false };
};

// How a message is named in a log line: its id and channel, and for e-mail the domain only.
QString describeForLog(const Notification &message);

} // namespace xueshi::server
