#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace xueshi {

class Clock;

// What this computer keeps about one user for offline login.
struct OfflineAccount
{
    QString server; // "host:port"
    QString username; // as the server spells it
    QString verifier; // Argon2id string (crypto_pwhash_str)
    QJsonObject user; // the API's User object from the last online login
    QDateTime lastOnlineLogin; // UTC
    int failures = 0; // wrong offline passwords since the last success or lockout
    QDateTime lockedUntil; // UTC; null when not locked

    QJsonObject toJson() const;
    static OfflineAccount fromJson(const QJsonObject &object);
};

// The verdict on an offline login attempt.
struct OfflineVerdict
{
    enum class Result {
        Accepted,
        WrongPassword,
        LockedOut, // too many wrong passwords: no check until retryAfterSeconds have passed
        Unknown, // no online login of this user on this server from this computer
        Failed, // the verifier could not be checked (damaged file)
    };
    Result result = Result::Unknown;
    OfflineAccount account; // for Accepted: the user snapshot and the last online login
    int triesLeft = -1; // WrongPassword
    int retryAfterSeconds = -1; // LockedOut
    QString message; // translated, for everything but Accepted

    bool accepted() const { return result == Result::Accepted; }
};

// Offline login (R9): after one online login on this computer the same user can log in again
// without a network, with the same password. Per server and username (case-insensitive) it keeps
// an Argon2id verifier of the password, the user snapshot and the time of the last online login
// in one file only the user can read, never in QSettings next to the preferences. Hashing and
// checking take ~150 ms and 64 MiB, so they run on a pool thread and answer on the event loop.
// Wrong offline passwords are throttled locally (MaxFailures, then LockoutSeconds), and the count
// is kept in the file so restarting the program does not reset it.
class OfflineCredentials final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineCredentials)

public:
    static constexpr int MaxFailures = 5;
    static constexpr int LockoutSeconds = 15 * 60;

    using VerifyCallback = std::function<void(const OfflineVerdict &)>;
    using DoneCallback = std::function<void(bool ok)>;

    // `file` empty: <AppDataLocation>/credentials/offline-logins.json. A null `clock` is the
    // system clock; `clock` must outlive this object.
    explicit OfflineCredentials(
        const QString &file = {}, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~OfflineCredentials() override;

    static QString defaultFilePath();
    QString filePath() const { return m_file; }

    bool contains(const QString &server, const QString &username) const;
    std::optional<OfflineAccount> account(const QString &server, const QString &username) const;
    QList<OfflineAccount> accounts() const;

    // After an online login or password change: computes a new verifier of `password` off the
    // UI thread, then keeps it with the user snapshot and the time now, and clears the failure
    // count. A forget() or newer remember() of the same user while hashing wins.
    void remember(const QString &server, const QString &username, const QString &password,
        const QJsonObject &user, const QObject *context = nullptr, DoneCallback done = {});
    // Refreshes the user snapshot (after GET /me) without touching the verifier.
    void updateUser(const QString &server, const QString &username, const QJsonObject &user);
    // Checks `password` off the UI thread; the callback runs on the event loop while `context`
    // lives (always without a context).
    void verify(const QString &server, const QString &username, const QString &password,
        const QObject *context, VerifyCallback callback);
    // "Forget this computer" and online password resets: removes the user's verifier and
    // snapshot. Returns false only when the file could not be written.
    bool forget(const QString &server, const QString &username);

    // Hashes or checks in flight (tests wait for idle()).
    int pendingOperations() const { return m_pending; }

signals:
    // The stored accounts changed (remembered, forgotten, failure count, lockout).
    void changed();
    void idle();

private:
    static QString keyOf(const QString &server, const QString &username);
    void load();
    bool save();
    void operationDone();

    QString m_file;
    const Clock *m_clock;
    QHash<QString, OfflineAccount> m_accounts;
    // Bumped by every remember() and forget() of a key, so a late hash cannot resurrect an
    // account that was forgotten or overwrite a newer password.
    QHash<QString, quint64> m_generations;
    int m_pending = 0;
};

} // namespace xueshi
