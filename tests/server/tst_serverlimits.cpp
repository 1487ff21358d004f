// Abuse without logging in (issue 10, item 6), the transport's share: bounded worker queues that
// answer 503 with Retry-After and drop requests whose client has gone, content streamed from disk
// with bounded memory, and owner-only files. Runs on SQLite, and on PostgreSQL when
// XUESHI_TEST_POSTGRES_URL is set.
#include "api/router.h"
#include "content/contentstore.h"
#include "core/localizer.h"
#include "http/httpserver.h"
#include "server.h"
#include "services/accountservice.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSemaphore>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <optional>
#include <sys/stat.h>

using namespace xueshi;
using namespace xueshi::test;
using server::HttpResponse;
using server::Router;

namespace {

// One HTTP/1.1 exchange on a raw socket (plain, or TLS trusting one certificate), so a test can
// hold a request in flight, drop the connection, or read a large body without keeping it: the
// body is hashed and counted as it arrives, and kept only when asked.
class RawExchange : public QObject
{
public:
    RawExchange(const QSslCertificate *trusted = nullptr)
    {
        if (trusted) {
            auto *ssl = new QSslSocket(this);
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.addCaCertificate(*trusted);
            ssl->setSslConfiguration(configuration);
            m_socket = ssl;
        } else {
            m_socket = new QTcpSocket(this);
        }
        connect(m_socket, &QIODevice::readyRead, this, [this] { consume(); });
        connect(m_socket, &QAbstractSocket::disconnected, this, [this] { m_closed = true; });
    }

    bool open(quint16 port)
    {
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return QTest::qWaitFor([ssl] { return ssl->isEncrypted(); }, 5000);
        }
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor(
            [this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    void send(const QByteArray &method, const QByteArray &target, const QByteArray &headers = {})
    {
        m_head.clear();
        m_headDone = false;
        m_status = 0;
        m_bodyBytes = 0;
        m_body.clear();
        m_hash.reset();
        m_socket->write(method + ' ' + target + " HTTP/1.1\r\nhost: localhost\r\n" + headers
            + (method == "POST" ? "content-length: 0\r\n" : "") + "\r\n");
    }

    // Waits for the whole answer; false if the connection closed or time ran out first.
    bool wait(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return complete() || m_closed; }, timeoutMs) && complete();
    }

    void abort() { m_socket->abort(); }
    bool bindTo(const QHostAddress &address) { return m_socket->bind(address); }
    void keepBody(bool keep) { m_keepBody = keep; }

    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : m_head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QByteArray body() const { return m_body; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    QByteArray bodySha256() { return m_hash.result().toHex(); }
    QString errorCode() const
    {
        return QJsonDocument::fromJson(m_body)
            .object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

private:
    bool complete() const
    {
        return m_headDone && m_bodyBytes >= header("content-length").toLongLong();
    }

    void consume()
    {
        while (m_socket->bytesAvailable() > 0) {
            const QByteArray bytes = m_socket->read(256 * 1024);
            if (!m_headDone) {
                m_head += bytes;
                const qsizetype end = m_head.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                const QByteArray rest = m_head.mid(end + 4);
                m_head.truncate(end);
                m_headDone = true;
                m_status = m_head.mid(9, 3).toInt();
                take(rest);
                continue;
            }
            take(bytes);
        }
    }

    void take(QByteArrayView bytes)
    {
        m_bodyBytes += bytes.size();
        m_hash.addData(bytes);
        if (m_keepBody)
            m_body += bytes;
    }

    QTcpSocket *m_socket = nullptr;
    QByteArray m_head;
    bool m_headDone = false;
    int m_status = 0;
    qint64 m_bodyBytes = 0;
    QByteArray m_body;
    bool m_keepBody = true;
    bool m_closed = false;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
};

// The mode bits of a file or directory (0700, 0600, ...).
int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QByteArray octal(int mode)
{
    return QByteArray::number(mode, 8);
}

// Peak and current resident memory of this process, in KiB, from /proc/self/status.
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Sets the process umask for a scope.
struct ScopedUmask
{
    explicit ScopedUmask(mode_t mask)
        : previous(::umask(mask))
    { }
    ~ScopedUmask() { ::umask(previous); }
    mode_t previous;
};

} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void passwordLane_queueFull_503WithRetryAfterThenServedAgain();
    void normalLane_queueFull_503AndPasswordLaneUnaffected();
    void queuedRequest_clientGone_droppedWithoutRunning();
    void passwordLane_oneAddress_cannotFillTheQueue();

    void content_largeFile_streamedWithBoundedMemory();
    void content_range_stillServedFromTheStream();

    void dataDirectory_created_ownerOnly();
    void existingDatabase_worldReadable_madeOwnerOnly();
    void executable_createsOnlyOwnerOnlyFiles();

private:
    // A Router on its own pools behind a plain HttpServer, with routes that block until released.
    void startRig(int passwordThreads, Router::QueueLimit passwordQueue, int normalThreads = 2,
        Router::QueueLimit normalQueue = Router::kNormalQueue);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<server::Localizer> m_localizer;
    std::unique_ptr<QThreadPool> m_normalPool;
    std::unique_ptr<QThreadPool> m_passwordPool;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<server::HttpServer> m_http;
    QSemaphore m_gate;
    std::atomic_int m_started { 0 };
    std::atomic_int m_finished { 0 };
};

void TestServerLimits::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_started = 0;
    m_finished = 0;
}

void TestServerLimits::cleanup()
{
    m_gate.release(1000);
    m_http.reset();
    if (m_normalPool)
        m_normalPool->waitForDone();
    if (m_passwordPool)
        m_passwordPool->waitForDone();
    m_router.reset();
    m_normalPool.reset();
    m_passwordPool.reset();
    m_localizer.reset();
    m_gate.acquire(m_gate.available());
    m_server.reset();
}

void TestServerLimits::startRig(int passwordThreads, Router::QueueLimit passwordQueue,
    int normalThreads, Router::QueueLimit normalQueue)
{
    m_localizer = std::make_unique<server::Localizer>();
    m_normalPool = std::make_unique<QThreadPool>();
    m_normalPool->setMaxThreadCount(normalThreads);
    m_passwordPool = std::make_unique<QThreadPool>();
    m_passwordPool->setMaxThreadCount(passwordThreads);
    m_router = std::make_unique<Router>(
        m_server->server().accounts(), *m_localizer, m_normalPool.get(), m_passwordPool.get());
    m_router->setQueueLimit(Router::Lane::Password, passwordQueue);
    m_router->setQueueLimit(Router::Lane::Normal, normalQueue);
    const auto blocking = [this](Router::Context &) {
        ++m_started;
        m_gate.acquire();
        ++m_finished;
        return HttpResponse::json(200, { { QStringLiteral("ok"), true } });
    };
    m_router->add(
        "POST", QStringLiteral("/hash"), Router::Access::Public, Router::Lane::Password, blocking);
    m_router->add(
        "GET", QStringLiteral("/slow"), Router::Access::Public, Router::Lane::Normal, blocking);
    m_router->add("GET", QStringLiteral("/quick"), Router::Access::Public, Router::Lane::Normal,
        [](Router::Context &) { return HttpResponse::json(200, {}); });
    m_http = std::make_unique<server::HttpServer>();
    Router *router = m_router.get();
    m_http->setHandler(
        [router](server::HttpRequest request, server::HttpServer::Responder respond) {
            router->dispatch(std::move(request), std::move(respond));
        });
    QVERIFY(m_http->listen(QHostAddress::LocalHost, 0));
}

void TestServerLimits::passwordLane_queueFull_503WithRetryAfterThenServedAgain()
{
    startRig(1, { 2, 2 });
    std::vector<std::unique_ptr<RawExchange>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<RawExchange>());
        QVERIFY(clients.back()->open(m_http->serverPort()));
    }
    // One runs, two wait: the lane is full.
    clients.at(0)->send("POST", "/hash");
    QTRY_COMPARE(m_started.load(), 1);
    clients.at(1)->send("POST", "/hash");
    clients.at(2)->send("POST", "/hash");
    QTRY_COMPARE(m_router->waiting(Router::Lane::Password), 2);

    // The next ones are answered at once, without waiting for a worker.
    for (int i = 3; i < 5; ++i) {
        clients.at(i)->send("POST", "/hash", "accept-language: en\r\n");
        QVERIFY(clients.at(i)->wait(2000));
        QCOMPARE(clients.at(i)->status(), 503);
        QCOMPARE(clients.at(i)->errorCode(), QStringLiteral("server_busy"));
        QCOMPARE(clients.at(i)->header("retry-after"), QByteArray("2"));
        QVERIFY(clients.at(i)->body().contains("busy"));
    }
    QCOMPARE(m_router->refusedBusy(Router::Lane::Password), 2u);
    QCOMPARE(m_started.load(), 1);

    // Once the queue drains, the refused client is served on the same connection.
    m_gate.release(3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(clients.at(i)->wait());
        QCOMPARE(clients.at(i)->status(), 200);
    }
    clients.at(3)->send("POST", "/hash");
    m_gate.release(1);
    QVERIFY(clients.at(3)->wait());
    QCOMPARE(clients.at(3)->status(), 200);
    QCOMPARE(m_finished.load(), 4);
}

void TestServerLimits::normalLane_queueFull_503AndPasswordLaneUnaffected()
{
    startRig(1, { 2, 2 }, 1, { 1, 1 });
    RawExchange running;
    RawExchange waiting;
    RawExchange refused;
    RawExchange login;
    for (RawExchange *c : { &running, &waiting, &refused, &login })
        QVERIFY(c->open(m_http->serverPort()));
    running.send("GET", "/slow");
    QTRY_COMPARE(m_started.load(), 1);
    waiting.send("GET", "/quick");
    QTRY_COMPARE(m_router->waiting(Router::Lane::Normal), 1);
    refused.send("GET", "/quick");
    QVERIFY(refused.wait(2000));
    QCOMPARE(refused.status(), 503);
    QCOMPARE(refused.header("retry-after"), QByteArray("1"));
    // The other lane has its own queue and threads.
    login.send("POST", "/hash");
    QTRY_COMPARE(m_started.load(), 2);
    m_gate.release(2);
    QVERIFY(running.wait());
    QVERIFY(waiting.wait());
    QVERIFY(login.wait());
    QCOMPARE(waiting.status(), 200);
    QCOMPARE(login.status(), 200);
}

void TestServerLimits::queuedRequest_clientGone_droppedWithoutRunning()
{
    // The case: logins abandoned in the queue must not each cost a hash before a real
    // login is served.
    startRig(1, { 16, 2 });
    RawExchange first;
    QVERIFY(first.open(m_http->serverPort()));
    first.send("POST", "/hash");
    QTRY_COMPARE(m_started.load(), 1);
    std::vector<std::unique_ptr<RawExchange>> abandoned;
    for (int i = 0; i < 6; ++i) {
        abandoned.push_back(std::make_unique<RawExchange>());
        QVERIFY(abandoned.back()->open(m_http->serverPort()));
        abandoned.back()->send("POST", "/hash");
    }
    QTRY_COMPARE(m_router->waiting(Router::Lane::Password), 6);
    RawExchange real;
    QVERIFY(real.open(m_http->serverPort()));
    real.send("POST", "/hash");
    QTRY_COMPARE(m_router->waiting(Router::Lane::Password), 7);
    for (const auto &client : abandoned)
        client->abort();
    QTRY_COMPARE(m_http->connectionCount(), 2);

    m_gate.release(10);
    QVERIFY(first.wait());
    QVERIFY(real.wait());
    QCOMPARE(real.status(), 200);
    // Only the two whose clients were still there ran.
    QTRY_COMPARE(m_router->droppedGone(Router::Lane::Password), 6u);
    QCOMPARE(m_started.load(), 2);
    QCOMPARE(m_router->waiting(Router::Lane::Password), 0);
}

void TestServerLimits::passwordLane_oneAddress_cannotFillTheQueue()
{
    startRig(1, { 16, 2 });
    m_router->setPasswordPerAddress(3);
    std::vector<std::unique_ptr<RawExchange>> flood;
    for (int i = 0; i < 4; ++i) {
        flood.push_back(std::make_unique<RawExchange>());
        QVERIFY(flood.back()->open(m_http->serverPort()));
        flood.back()->send("POST", "/hash");
        if (i == 0)
            QTRY_COMPARE(m_started.load(), 1);
    }
    // Three in the lane (one running, two waiting): the fourth from the same address is refused
    // although the queue has room.
    QVERIFY(flood.back()->wait(2000));
    QCOMPARE(flood.back()->status(), 503);
    QCOMPARE(flood.back()->errorCode(), QStringLiteral("server_busy"));
    QCOMPARE(m_router->waiting(Router::Lane::Password), 2);

    // Another address still gets a place (127.0.0.2 is loopback too on Linux).
    RawExchange other;
    QVERIFY(other.bindTo(QHostAddress(QStringLiteral("127.0.0.2"))));
    QVERIFY(other.open(m_http->serverPort()));
    other.send("POST", "/hash");
    QTRY_COMPARE(m_router->waiting(Router::Lane::Password), 3);

    // Places are given back when requests finish.
    m_gate.release(4);
    QVERIFY(other.wait());
    QCOMPARE(other.status(), 200);
    for (int i = 0; i < 3; ++i)
        QVERIFY(flood.at(i)->wait());
    flood.back()->send("POST", "/hash");
    m_gate.release(1);
    QVERIFY(flood.back()->wait());
    QCOMPARE(flood.back()->status(), 200);
}

void TestServerLimits::content_largeFile_streamedWithBoundedMemory()
{
    TestClient client(*m_server);
    const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("reader"), QStringLiteral("44010619900101123")));
    QVERIFY(!learner.token.isEmpty());

    // 64 MiB, sparse: three marks, holes between. Its name is its SHA-256, as the store's are.
    constexpr qint64 size = 64 * 1024 * 1024;
    const QString contentDir
        = QDir(m_server->server().options().dataDir).filePath(QStringLiteral("content"));
    const QString staging = QDir(contentDir).filePath(QStringLiteral("staging"));
    {
        QFile file(staging);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("FIRST");
        QVERIFY(file.seek(size / 2));
        file.write("MIDDLE");
        QVERIFY(file.resize(size));
        QVERIFY(file.seek(size - 4));
        file.write("LAST");
    }
    QCryptographicHash expected(QCryptographicHash::Sha256);
    {
        QFile file(staging);
        QVERIFY(file.open(QIODevice::ReadOnly));
        while (!file.atEnd())
            expected.addData(file.read(1024 * 1024));
    }
    const QByteArray hash = expected.result().toHex();
    QVERIFY(QFile::rename(staging, QDir(contentDir).filePath(QString::fromLatin1(hash))));

    const QSslCertificate certificate = m_server->certificate();
    RawExchange download(&certificate);
    download.keepBody(false);
    QVERIFY(download.open(m_server->port()));
    // The peak of resident memory, reset to what is resident now (Linux: clear_refs 5).
    {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        QVERIFY(clear.open(QIODevice::WriteOnly));
        QCOMPARE(clear.write("5"), 1);
    }
    const qint64 before = statusKiB("VmRSS");
    download.send("GET", "/api/v1/content/" + hash,
        "authorization: Bearer " + learner.token.toLatin1() + "\r\n");
    QVERIFY(download.wait(60000));
    const qint64 peak = statusKiB("VmHWM");
    QCOMPARE(download.status(), 200);
    QCOMPARE(download.header("content-length"), QByteArray::number(size));
    QCOMPARE(download.bodyBytes(), size);
    QCOMPARE(download.bodySha256(), hash);
    // Reading the file whole took 64 MiB and more (the read and the socket's copy); streamed,
    // the server holds a few chunks per connection.
    QVERIFY2(peak - before < 16 * 1024,
        qPrintable(QStringLiteral("resident memory grew by %1 KiB").arg(peak - before)));
}

void TestServerLimits::content_range_stillServedFromTheStream()
{
    TestClient client(*m_server);
    const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("ranger"), QStringLiteral("44010619900101123")));
    QByteArray contents;
    for (int i = 0; i < 20000; ++i)
        contents += QByteArray::number(i).rightJustified(6, '0');
    const QString hash = m_server->server().content().put(contents);
    QVERIFY(!hash.isEmpty());
    const QByteArray target = "/api/v1/content/" + hash.toLatin1();
    const QByteArray auth = "authorization: Bearer " + learner.token.toLatin1() + "\r\n";

    const QSslCertificate certificate = m_server->certificate();
    RawExchange exchange(&certificate);
    QVERIFY(exchange.open(m_server->port()));
    exchange.send("GET", target, auth + "range: bytes=60000-60011\r\n");
    QVERIFY(exchange.wait());
    QCOMPARE(exchange.status(), 206);
    QCOMPARE(exchange.body(), contents.mid(60000, 12));
    QCOMPARE(exchange.header("content-range"),
        "bytes 60000-60011/" + QByteArray::number(contents.size()));

    exchange.send("GET", target, auth + "range: bytes=100000-\r\n");
    QVERIFY(exchange.wait());
    QCOMPARE(exchange.status(), 206);
    QCOMPARE(exchange.body(), contents.mid(100000));

    exchange.send(
        "GET", target, auth + "range: bytes=" + QByteArray::number(contents.size()) + "-\r\n");
    QVERIFY(exchange.wait());
    QCOMPARE(exchange.status(), 416);

    exchange.send("GET", target, auth);
    QVERIFY(exchange.wait());
    QCOMPARE(exchange.status(), 200);
    QCOMPARE(exchange.body(), contents);
}

void TestServerLimits::dataDirectory_created_ownerOnly()
{
    // The usual umask: without care, directories come out 0755 and files 0644.
    const ScopedUmask umask(022);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    server::ServerOptions options;
    options.dataDir = QDir(parent.path()).filePath(QStringLiteral("var/xueshi"));
    options.port = 0;
    options.passwordCost = server::PasswordHasher::Cost::Minimal;
    server::Server server(options);
    QString error;
    QVERIFY2(server.openStorage(&error) && server.listen(&error), qPrintable(error));

    const QDir data(options.dataDir);
    QCOMPARE(octal(modeOf(data.path())), octal(0700));
    QCOMPARE(octal(modeOf(data.filePath(QStringLiteral("content")))), octal(0700));
    QCOMPARE(octal(modeOf(data.filePath(QStringLiteral("tls")))), octal(0700));
    QCOMPARE(octal(modeOf(data.filePath(QStringLiteral("tls/server.key")))), octal(0600));
    // The database and SQLite's companions hold password hashes and personal data.
    for (const char *name : { "xueshi.sqlite", "xueshi.sqlite-wal", "xueshi.sqlite-shm" }) {
        const QString path = data.filePath(QString::fromLatin1(name));
        QVERIFY2(QFileInfo::exists(path), name);
        QCOMPARE(octal(modeOf(path)), octal(0600));
    }
    // Content written later too (attachments can be proof of attendance with personal data).
    const QString hash = server.content().put("attachment");
    QVERIFY(!hash.isEmpty());
    QCOMPARE(octal(modeOf(server.content().path(hash))), octal(0600));
}

void TestServerLimits::existingDatabase_worldReadable_madeOwnerOnly()
{
    // A data directory from an older version: database and journal world-readable.
    const ScopedUmask umask(022);
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString database = QDir(data.path()).filePath(QStringLiteral("xueshi.sqlite"));
    for (const QString &path : { database, database + QStringLiteral("-wal") }) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    }
    server::ServerOptions options;
    options.dataDir = data.path();
    options.port = 0;
    options.passwordCost = server::PasswordHasher::Cost::Minimal;
    server::Server server(options);
    QString error;
    QVERIFY2(server.openStorage(&error), qPrintable(error));
    QCOMPARE(octal(modeOf(database)), octal(0600));
    QCOMPARE(octal(modeOf(database + QStringLiteral("-wal"))), octal(0600));
    QCOMPARE(octal(modeOf(database + QStringLiteral("-shm"))), octal(0600));
    QVERIFY(server.database().schemaVersion() > 0);
}

void TestServerLimits::executable_createsOnlyOwnerOnlyFiles()
{
    // Whatever the administrator's umask, nothing xueshi-server creates is open to others.
    const ScopedUmask umask(022);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString data = QDir(parent.path()).filePath(QStringLiteral("state"));
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE),
        { QStringLiteral("--data-dir"), data, QStringLiteral("admin"),
            QStringLiteral("load-demo") });
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    QCOMPARE(octal(modeOf(data)), octal(0700));
    QCOMPARE(octal(modeOf(QDir(data).filePath(QStringLiteral("xueshi.sqlite")))), octal(0600));
    int files = 0;
    QDirIterator it(data, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        QVERIFY2((modeOf(path) & 077) == 0,
            qPrintable(QStringLiteral("%1 has mode %2")
                           .arg(path, QString::fromLatin1(octal(modeOf(path))))));
    }
    QVERIFY(files >= 3); // the database, the content directory and the demo course's files
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"
