#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

namespace xueshi {

// Files only the current user may read (0600 in a 0700 directory), written atomically: the
// token fallback and the offline login verifiers live in them, never in QSettings.
namespace privatefiles {
// <AppDataLocation>/credentials, created with mode 0700.
QString defaultDirectory();
bool ensureDirectory(const QString &directory);
// Writes `data` to `path` through a temporary file set to 0600 before anything is written, then
// renames it into place. Returns false with the reason in *error.
bool write(const QString &path, const QByteArray &data, QString *error = nullptr);
} // namespace privatefiles

// Where secrets can be kept: the system keychain (through QtKeychain) or a test fake. Calls are
// asynchronous, like keychain jobs; the callback runs later on the event loop.
class SecretBackend
{
public:
    struct Result
    {
        enum class Status {
            Ok,
            NotFound, // the backend works, but holds nothing under this key
            Unavailable, // no keychain service (e.g. no Secret Service on D-Bus)
            Failed, // the backend answered with another error
        };
        Status status = Status::Ok;
        QString secret; // for reads
        QString error; // the backend's own message, for the log

        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    virtual ~SecretBackend() = default;
    virtual void readSecret(const QString &key, Callback callback) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, Callback callback) = 0;
    virtual void deleteSecret(const QString &key, Callback callback) = 0;
};

// Keeps the session token per server and username, so a session can outlive the program and an
// offline session can sync when the network returns. The system keychain is used where one works
// (service "Xueshi", key "<server>/<username>"); when it fails (a headless machine has no Secret
// Service) the store falls back, for good, to one file per server and user that only the current
// user can read, and says so: the settings page shows backendDescription(). Operations run one at
// a time in the order they were asked, so "store, then delete at logout" cannot be reordered.
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    enum class Backend { Keychain, File };
    using ReadCallback = std::function<void(const QString &token)>; // empty: none stored
    using DoneCallback = std::function<void(bool ok)>;

    static constexpr auto KeychainService = "Xueshi";

    // `directory` holds the fallback files (empty: privatefiles::defaultDirectory()/tokens);
    // `keychain` is the system keychain (null: there is none, files only).
    explicit TokenStore(const QString &directory = {},
        std::unique_ptr<SecretBackend> keychain = systemKeychain(), QObject *parent = nullptr);
    ~TokenStore() override;

    // QtKeychain's backend when the program was built with it, otherwise null.
    static std::unique_ptr<SecretBackend> systemKeychain();
    // "<server>/<username>", the username in lower case (usernames are case-insensitive).
    static QString keyFor(const QString &server, const QString &username);

    Backend backend() const { return m_backend; }
    // For the settings page: "the system keychain" or "a file only you can read: <directory>".
    QString backendDescription() const;
    QString directory() const { return m_directory; }
    // The fallback file of a server and user (whether or not it exists).
    QString filePath(const QString &server, const QString &username) const;

    // Callbacks run on the event loop, unless `context` was destroyed by then.
    void store(const QString &server, const QString &username, const QString &token,
        const QObject *context = nullptr, DoneCallback done = {});
    void load(
        const QString &server, const QString &username, const QObject *context, ReadCallback done);
    // Deletes the token wherever it is kept (logout, "forget this computer").
    void remove(const QString &server, const QString &username, const QObject *context = nullptr,
        DoneCallback done = {});
    // Tries the keychain again on the next operation after a fallback was remembered.
    void retryKeychain();
    // A keychain that has not answered after this long counts as unusable (a stuck D-Bus
    // service must not hold up a login or a logout forever). 30 s by default.
    void setKeychainTimeout(int milliseconds) { m_keychainTimeoutMs = milliseconds; }
    // True while operations are queued or running.
    bool isBusy() const { return m_running || !m_queue.empty(); }

signals:
    void backendChanged(xueshi::TokenStore::Backend backend);
    void idle();

private:
    using Operation = std::function<void(std::function<void()> next)>;

    void enqueue(Operation operation);
    void runNext();
    void askKeychain(
        const std::function<void(SecretBackend::Callback)> &ask, SecretBackend::Callback then);
    void fallBackToFile(const QString &reason);
    bool useKeychain() const;
    QString markerPath() const;
    QString fileForKey(const QString &key) const;
    QString readFile(const QString &key) const;
    bool removeFile(const QString &key);

    QString m_directory;
    std::unique_ptr<SecretBackend> m_keychain;
    Backend m_backend = Backend::File;
    std::deque<Operation> m_queue;
    bool m_running = false;
    int m_keychainTimeoutMs = 30'000;
};

} // namespace xueshi
