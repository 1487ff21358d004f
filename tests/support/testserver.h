#pragma once

#include "clock.h"
#include "core/serverconfig.h"
#include "role.h"
#include "server.h"
#include "services/notifier.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace xueshi::test {

// The real central server, started in-process on 127.0.0.1 with a fresh data directory, a
// generated self-signed certificate, a TestClock and minimal Argon2id cost. It runs on SQLite, or
// on a fresh PostgreSQL database when XUESHI_TEST_POSTGRES_URL names a cluster (the CTest fixture
// "postgres" starts a throwaway one). Requests are served by the caller's event loop, so tests
// wait with QSignalSpy / QTRY_* as usual.
class TestServer final
{
    Q_DISABLE_COPY_MOVE(TestServer)

public:
    explicit TestServer(server::PasswordHasher::Cost cost = server::PasswordHasher::Cost::Minimal);
    // The same, configured by a --config file (its [notifier] group, say).
    explicit TestServer(std::shared_ptr<const server::ServerConfig> config,
        server::PasswordHasher::Cost cost = server::PasswordHasher::Cost::Minimal);
    ~TestServer();

    // Stops the server (a clean stop) and starts it again on the same data directory and
    // database, running `whileStopped` in between (to put a backup back, say). False (with the
    // reason in errorString()) when it does not start again.
    bool restart(const std::function<void()> &whileStopped = {});

    // False (with the reason in errorString()) when the server could not start.
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    bool isPostgres() const;

    QUrl baseUrl() const; // https://127.0.0.1:PORT
    QUrl url(const QString &path) const; // baseUrl() + "/api/v1" + path
    quint16 port() const;
    QSslCertificate certificate() const;
    QString fingerprint() const;
    TestClock &clock() { return m_clock; }
    server::Server &server() { return *m_server; }

    // The messages the development notifier delivered to this test (it stands in for every
    // phone and mailbox), newest first, and the 6-digit code in the newest one. Reading
    // delivers: the server keeps no code in clear text after that.
    QList<server::Notification> outbox(int limit = 20);
    QString lastCode();

private:
    QTemporaryDir m_dir;
    TestClock m_clock;
    QString m_postgresDatabase;
    QString m_postgresAdminUrl;
    server::ServerOptions m_options;
    std::unique_ptr<server::Server> m_server;
    QList<server::Notification> m_received; // newest first
    bool m_running = false;
    QString m_error;
};

// The answer to one request made with TestClient.
struct TestReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QPair<QByteArray, QByteArray>> headers;
    int networkError = 0;
    QString errorString;

    QString errorCode() const;
    QString errorField() const;
    QString errorMessage() const;
    QByteArray header(const QByteArray &name) const;
};

// A small synchronous HTTPS client for tests: trusts exactly the test server's certificate and
// waits on the reply's signal (not on a timer).
class TestClient final
{
public:
    explicit TestClient(const TestServer &server);

    TestReply get(const QString &path, const QString &token = {}, const QByteArray &language = {});
    TestReply post(const QString &path, const QJsonObject &body, const QString &token = {},
        const QByteArray &language = {});
    TestReply postRaw(const QString &path, const QByteArray &body, const QString &token = {});
    TestReply del(const QString &path, const QString &token = {});
    TestReply send(const QByteArray &method, const QString &path, const QByteArray &body,
        const QString &token, const QByteArray &language);

    QNetworkAccessManager &network() { return m_network; }

private:
    const TestServer &m_server;
    QNetworkAccessManager m_network;
};

// An account a suite registered and logged in.
struct TestAccount
{
    QString id;
    QString token;
};

// Registers with `registration` at `accountsPath` ("/accounts/learners", "/accounts/employers",
// ...) and logs in with its username and password.
TestAccount registerAndLogin(
    TestClient &client, const QString &accountsPath, const QJsonObject &registration);
// One mutation as `who` through POST /sync/mutations, answers in English: the item's result
// ({"status","version",...} or the error), empty when the request failed.
QJsonObject applyMutation(TestClient &client, const TestAccount &who, const QString &type,
    const QString &target, qint64 baseVersion, const QJsonObject &payload = {});
// A learner registered and logged in, with the profile a binding needs (gender, education).
TestAccount registerBindableLearner(TestServer &server, TestClient &client, const QString &username,
    const QString &residentIdFirst17);
// An employer registered (in `regionCode`, or the fixture's region), logged in and approved.
TestAccount registerApprovedEmployer(TestServer &server, TestClient &client,
    const QString &username, const QString &creditFirst17, const QString &regionCode = {});
// The learner asks to join the employer and the employer confirms: whether both were applied.
bool bindLearner(TestClient &client, const TestAccount &learner, const TestAccount &employer);
// Every change the token's user may see after `since`, following the pages of the feed; the
// last cursor goes to *cursorOut. Empty when a page fails.
QList<QJsonObject> pullAllChanges(TestClient &client, const QString &token, int limit = 1000,
    QString *cursorOut = nullptr, const QString &since = {});

// Fixtures for the demo-style accounts the suites register.
QJsonObject learnerRegistration(const QString &username, const QString &residentIdFirst17,
    const QString &mobile = QStringLiteral("13800138000"));
// Reads one HTTP/1.1 answer framed by its Content-Length (none: the head alone) from `socket`,
// running the event loop for at most `timeoutMs`. Returns the head and body; what arrived, which
// may be incomplete, when the time ran out (see httpAnswerLength()).
QByteArray readHttpAnswer(QTcpSocket &socket, int timeoutMs);
// The length of the whole answer at the start of `bytes` (head, blank line and body), or -1 while
// it is incomplete.
qsizetype httpAnswerLength(const QByteArray &bytes);

// The mobile number in an API User object of a learner.
QString learnerMobile(const QJsonObject &user);
QJsonObject organisationRegistration(const QString &username, const QString &creditCodeFirst17,
    const QString &phone = QStringLiteral("13900139000"));
// Runs one statement (CREATE or DROP DATABASE) on the administrative database of the test
// cluster that `adminUrl` names (XUESHI_TEST_POSTGRES_URL).
bool postgresAdminExec(const QString &adminUrl, const QString &sql, QString *error);
QString residentId(const QString &first17);
QString creditCode(const QString &first17);

// Applies one mutation as `who` (of `role`) on a thread of its own, so with a database connection
// of its own, as a concurrent request would: the item's result goes to *result; an exception (a
// deadlock, say) is printed and sets *failed. The caller joins the thread.
std::thread applyInThread(server::Server &server, const TestAccount &who, Role role,
    const QString &type, const QString &target, qint64 baseVersion, const QJsonObject &payload,
    QJsonObject *result, std::atomic<bool> *failed);

// Lock-order tests (PostgreSQL): holds the change counter's row lock in a transaction of the
// calling thread's connection, so writers started in other threads queue at the same point;
// waitForWaiters(n) returns true once n connections wait for a lock (false after the timeout).
// release() (or the destructor) rolls the gate back.
class ChangeCounterGate final
{
    Q_DISABLE_COPY_MOVE(ChangeCounterGate)

public:
    explicit ChangeCounterGate(server::Database &database);
    ~ChangeCounterGate();
    bool waitForWaiters(int count, int timeoutMs = 15000);
    void release();

private:
    server::Database &m_database;
    std::unique_ptr<server::Transaction> m_transaction;
};

} // namespace xueshi::test
