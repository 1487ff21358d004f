// Abuse without logging in (issue 10, item 6), against the real server over HTTPS on loopback:
// field lengths bounded before storage, login failures purged and limited per address as well as
// per username, /me/password failures counted, recovery answering the same whether an account
// exists, bounded guesses per account and per address, tries per code spent atomically, and
// codes cleared from the development notifier once read. Different client addresses are real:
// the requests leave from 127.0.0.2, 127.0.0.3, ... (all of 127/8 is loopback).
#include "storage/database.h"
#include "testserver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <optional>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString Password = QStringLiteral("Secret123");
const QString WrongPassword = QStringLiteral("Wrong1234");

// The documented limits (docs/api.md), written out here so the suite states them itself.
constexpr qint64 FailureWindowSeconds = 15 * 60;
constexpr qint64 LockSeconds = 15 * 60;
constexpr qint64 NewAddressDelaySeconds = 60;
constexpr int MaxFailuresPerAddress = 20;
constexpr int MaxTries = 5;
constexpr qint64 CodeLifetimeSeconds = 10 * 60;
constexpr qint64 CapWindowSeconds = 24 * 3600;
constexpr int MaxCodesPerSubject = 5;
constexpr int MaxWrongCodesPerSubject = 10;
constexpr int MaxCodesPerAddress = 20;
constexpr int MaxWrongCodesPerAddress = 30;

// The longest value each request field may have (UTF-16 code units).
int maxLength(const QString &field)
{
    static const QHash<QString, int> limits {
        { QStringLiteral("username"), 64 },
        { QStringLiteral("password"), 256 },
        { QStringLiteral("currentPassword"), 256 },
        { QStringLiteral("newPassword"), 256 },
        { QStringLiteral("realName"), 100 },
        { QStringLiteral("residentId"), 32 },
        { QStringLiteral("mobile"), 32 },
        { QStringLiteral("phone"), 32 },
        { QStringLiteral("email"), 254 },
        { QStringLiteral("name"), 200 },
        { QStringLiteral("creditCode"), 32 },
        { QStringLiteral("regionCode"), 16 },
        { QStringLiteral("contactPerson"), 100 },
        { QStringLiteral("role"), 32 },
        { QStringLiteral("channel"), 16 },
        { QStringLiteral("requestId"), 64 },
        { QStringLiteral("code"), 16 },
    };
    return limits.value(field, -1);
}

int intField(const TestReply &r, const QString &name)
{
    return r.json.value(QStringLiteral("error")).toObject().value(name).toInt(-1);
}

// One request on its own TLS connection from a chosen loopback address, answered and closed.
class RawExchange final
{
public:
    // Sends as soon as the connection is encrypted, unless `holdUntilSend`: then send() does.
    RawExchange(const TestServer &server, const QHostAddress &source, const QByteArray &method,
        const QString &path, const QJsonObject &body, const QString &token = {},
        bool holdUntilSend = false, const QByteArray &extraHead = {})
        : m_sendWhenEncrypted(!holdUntilSend)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ server.certificate() });
        m_socket.setSslConfiguration(tls);
        m_socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
        m_bound = m_socket.bind(source);
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        m_request = method + " /api/v1" + path.toUtf8()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Accept-Language: en\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(payload.size()) + "\r\n";
        if (!token.isEmpty())
            m_request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        m_request += extraHead;
        m_request += "\r\n" + payload;
        QObject::connect(&m_socket, &QSslSocket::encrypted, &m_socket, [this] {
            m_encrypted = true;
            if (m_sendWhenEncrypted)
                m_socket.write(m_request);
        });
        QObject::connect(&m_socket, &QSslSocket::readyRead, &m_socket,
            [this] { m_answer += m_socket.readAll(); });
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    }

    bool bound() const { return m_bound; }
    bool encrypted() const { return m_encrypted; }
    void send() { m_socket.write(m_request); }
    // Complete once the head and Content-Length bytes of body have arrived.
    bool complete() const
    {
        const qsizetype end = m_answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = m_answer.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return true;
        const qsizetype eol = head.indexOf("\r\n", at);
        const qsizetype length
            = head.mid(at + 15, eol < 0 ? -1 : eol - at - 15).trimmed().toLongLong();
        return m_answer.size() - end - 4 >= length;
    }
    TestReply reply() const
    {
        TestReply r;
        const qsizetype end = m_answer.indexOf("\r\n\r\n");
        const QList<QByteArray> lines = m_answer.left(end).split('\n');
        if (!lines.isEmpty())
            r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0) {
                r.headers.append(
                    { lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed() });
            }
        }
        r.body = m_answer.mid(end + 4);
        r.json = QJsonDocument::fromJson(r.body).object();
        return r;
    }

private:
    QSslSocket m_socket;
    QByteArray m_request;
    QByteArray m_answer;
    bool m_bound = false;
    bool m_encrypted = false;
    bool m_sendWhenEncrypted = true;
};

} // namespace

class TestAbuse : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fields_overLong_refusedNamedBeforeStorage();
    void fields_nulCharacter_refused();
    void loginFailures_purgedAfterTheirWindow();
    void lockout_byOtherAddresses_ownerOpensFromNewAddressAfterDelay();
    void lockout_failingAddress_staysRefused();
    void lockout_addressSprayingUsernames_refusedEverywhere();
    void lockout_behindLocalProxy_forwardedAddressCounted();
    void changePassword_wrongCurrentPassword_countedLikeLogins();
    void recovery_unknownIdentifiers_sameAnswerAsKnown();
    void recovery_wrongCodes_cappedPerAccountPerDay();
    void recovery_codes_cappedPerAccountPerDay();
    void recovery_codes_cappedPerAddress();
    void recovery_wrongCodes_cappedPerAddress();
    void recovery_triesPerCode_atomicUnderConcurrentGuesses();
    void recovery_oldCodesAndFailures_purged();
    void notifier_code_clearedOnceReadOrExpired();

private:
    TestReply from(const QString &source, const QByteArray &method, const QString &path,
        const QJsonObject &body, const QString &token = {});
    TestReply login(const QString &source, const QString &username, const QString &password);
    qint64 count(const QString &sql);
    QString wrongCode();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestAbuse::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
}

void TestAbuse::cleanup()
{
    m_client.reset();
    m_server.reset();
}

TestReply TestAbuse::from(const QString &source, const QByteArray &method, const QString &path,
    const QJsonObject &body, const QString &token)
{
    RawExchange exchange(*m_server, QHostAddress(source), method, path, body, token);
    if (!exchange.bound())
        return {};
    if (!QTest::qWaitFor([&exchange] { return exchange.complete(); }, 20000))
        return {};
    return exchange.reply();
}

TestReply TestAbuse::login(const QString &source, const QString &username, const QString &password)
{
    return from(source, "POST", QStringLiteral("/session"),
        { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } });
}

qint64 TestAbuse::count(const QString &sql)
{
    QSqlQuery q = m_server->server().database().exec(sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

QString TestAbuse::wrongCode()
{
    const QString right = m_server->lastCode();
    return right == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
}

void TestAbuse::fields_overLong_refusedNamedBeforeStorage()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("changer"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QString token = m_client
                              ->post(QStringLiteral("/session"),
                                  { { QStringLiteral("username"), QStringLiteral("changer") },
                                      { QStringLiteral("password"), Password } })
                              .json.value(QStringLiteral("token"))
                              .toString();
    QVERIFY(!token.isEmpty());

    // Every string field of every public and account route, one at a time, one character over.
    struct Route
    {
        QString path;
        QJsonObject body;
        bool withToken = false;
    };
    const QJsonObject learner
        = learnerRegistration(QStringLiteral("longfields"), QStringLiteral("44010619900101131"));
    const QJsonObject organisation
        = organisationRegistration(QStringLiteral("longorg"), QStringLiteral("91440106MA59XK3T1"));
    const QList<Route> routes {
        { QStringLiteral("/accounts/learners"), learner },
        { QStringLiteral("/accounts/employers"), organisation },
        { QStringLiteral("/accounts/institutions"), organisation },
        { QStringLiteral("/session"),
            { { QStringLiteral("username"), QStringLiteral("changer") },
                { QStringLiteral("password"), Password } } },
        { QStringLiteral("/me/password"),
            { { QStringLiteral("currentPassword"), Password },
                { QStringLiteral("newPassword"), QStringLiteral("NewSecret456") } },
            true },
        { QStringLiteral("/recovery/username"),
            { { QStringLiteral("creditCode"), organisation.value(QStringLiteral("creditCode")) },
                { QStringLiteral("role"), QStringLiteral("employer") },
                { QStringLiteral("channel"), QStringLiteral("email") } } },
        { QStringLiteral("/recovery/username"),
            { { QStringLiteral("residentId"), learner.value(QStringLiteral("residentId")) } } },
        { QStringLiteral("/recovery/username/verify"),
            { { QStringLiteral("requestId"), QStringLiteral("x") },
                { QStringLiteral("code"), QStringLiteral("123456") } } },
        { QStringLiteral("/recovery/password"),
            { { QStringLiteral("username"), QStringLiteral("changer") },
                { QStringLiteral("channel"), QStringLiteral("mobile") } } },
        { QStringLiteral("/recovery/password/reset"),
            { { QStringLiteral("requestId"), QStringLiteral("x") },
                { QStringLiteral("code"), QStringLiteral("123456") },
                { QStringLiteral("newPassword"), QStringLiteral("NewSecret456") } } },
    };
    int checked = 0;
    for (const Route &route : routes) {
        for (auto it = route.body.constBegin(); it != route.body.constEnd(); ++it) {
            QJsonObject body = route.body;
            const int limit = maxLength(it.key());
            QVERIFY2(limit > 0, qPrintable(it.key()));
            body.insert(it.key(), QString(limit + 1, QLatin1Char('7')));
            const TestReply r
                = m_client->post(route.path, body, route.withToken ? token : QString());
            QVERIFY2(r.status == 400 && r.errorCode() == QStringLiteral("invalid_field")
                    && r.errorField() == it.key(),
                qPrintable(route.path + QLatin1Char(' ') + it.key() + QLatin1Char(' ')
                    + QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
            QCOMPARE(r.json.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("detail"))
                         .toString(),
                QStringLiteral("too_long"));
            ++checked;
        }
    }
    QCOMPARE(checked, 37);

    // The demo's attack: 900 KB usernames. Refused before anything is counted or stored.
    const qint64 failuresBefore = count(QStringLiteral("SELECT COUNT(*) FROM login_failures"));
    for (int i = 0; i < 3; ++i) {
        const TestReply r = m_client->post(QStringLiteral("/session"),
            { { QStringLiteral("username"), QString(900 * 1024, QLatin1Char('a' + i)) },
                { QStringLiteral("password"), WrongPassword } });
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("username"));
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM login_failures")), failuresBefore);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox")), 0);
    // The password is unchanged: the over-long new password was never hashed or stored.
    QCOMPARE(m_client
                 ->post(QStringLiteral("/session"),
                     { { QStringLiteral("username"), QStringLiteral("changer") },
                         { QStringLiteral("password"), Password } })
                 .status,
        200);
}

void TestAbuse::fields_nulCharacter_refused()
{
    const TestReply r = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("ab") + QChar(0) + QStringLiteral("cd") },
            { QStringLiteral("password"), WrongPassword } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_field"));
    QCOMPARE(r.errorField(), QStringLiteral("username"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM login_failures")), 0);
}

void TestAbuse::loginFailures_purgedAfterTheirWindow()
{
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(m_client
                     ->post(QStringLiteral("/session"),
                         { { QStringLiteral("username"), QStringLiteral("ghost%1").arg(i) },
                             { QStringLiteral("password"), WrongPassword } })
                     .status,
            401);
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM login_failures")), 4);
    m_server->clock().advance(FailureWindowSeconds + 1);
    // Normal operation: the next failure sweeps what no longer counts.
    QCOMPARE(m_client
                 ->post(QStringLiteral("/session"),
                     { { QStringLiteral("username"), QStringLiteral("ghost9") },
                         { QStringLiteral("password"), WrongPassword } })
                 .status,
        401);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM login_failures")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE username_key LIKE "
                                  "'ghost0%'")),
        0);
}

void TestAbuse::lockout_byOtherAddresses_ownerOpensFromNewAddressAfterDelay()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/accounts/employers"),
                     organisationRegistration(
                         QStringLiteral("hr_office"), QStringLiteral("91440106MA59XK3T1")))
                 .status,
        201);
    // An attacker at 127.0.0.2 locks the HR account.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(
            login(QStringLiteral("127.0.0.2"), QStringLiteral("hr_office"), WrongPassword).status,
            401);
    const TestReply locked
        = login(QStringLiteral("127.0.0.2"), QStringLiteral("hr_office"), WrongPassword);
    QCOMPARE(locked.status, 423);
    QCOMPARE(locked.errorCode(), QStringLiteral("account_locked"));

    // HR at its own address (never failed): the first attempt only starts a short wait...
    const TestReply first
        = login(QStringLiteral("127.0.0.3"), QStringLiteral("hr_office"), Password);
    QCOMPARE(first.status, 423);
    QCOMPARE(intField(first, QStringLiteral("retryAfterSeconds")), int(NewAddressDelaySeconds));
    QCOMPARE(first.header("retry-after"), QByteArray::number(NewAddressDelaySeconds));
    m_server->clock().advance(30);
    const TestReply early
        = login(QStringLiteral("127.0.0.3"), QStringLiteral("hr_office"), Password);
    QCOMPARE(early.status, 423);
    QCOMPARE(intField(early, QStringLiteral("retryAfterSeconds")), 30);
    // ... after which the right password opens the account, long before the lock ends.
    m_server->clock().advance(30);
    const TestReply opened
        = login(QStringLiteral("127.0.0.3"), QStringLiteral("hr_office"), Password);
    QCOMPARE(opened.status, 200);
    QVERIFY(!opened.json.value(QStringLiteral("token")).toString().isEmpty());
    // The attacker's address still cannot try, even with the right password.
    QCOMPARE(login(QStringLiteral("127.0.0.2"), QStringLiteral("hr_office"), Password).status, 423);
    // And HR logs in again from its address without another wait.
    QCOMPARE(login(QStringLiteral("127.0.0.3"), QStringLiteral("hr_office"), Password).status, 200);
}

void TestAbuse::lockout_failingAddress_staysRefused()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("lisi"), QStringLiteral("44010619900101123")))
            .status,
        201);
    for (int i = 0; i < 5; ++i)
        login(QStringLiteral("127.0.0.2"), QStringLiteral("lisi"), WrongPassword);
    // A second attacker address gets one guess after waiting, and a wrong guess there is refused
    // like the first address: no address gets more than one guess per wait while locked.
    QCOMPARE(login(QStringLiteral("127.0.0.4"), QStringLiteral("lisi"), WrongPassword).status, 423);
    m_server->clock().advance(NewAddressDelaySeconds);
    const TestReply guess
        = login(QStringLiteral("127.0.0.4"), QStringLiteral("lisi"), WrongPassword);
    QCOMPARE(guess.status, 423);
    QCOMPARE(intField(guess, QStringLiteral("retryAfterSeconds")), int(LockSeconds));
    QCOMPARE(login(QStringLiteral("127.0.0.4"), QStringLiteral("lisi"), Password).status, 423);
    // The lock was extended by that failure: 15 minutes after it, both addresses may try again.
    m_server->clock().advance(LockSeconds + 1);
    QCOMPARE(login(QStringLiteral("127.0.0.2"), QStringLiteral("lisi"), Password).status, 200);
}

void TestAbuse::lockout_addressSprayingUsernames_refusedEverywhere()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("wangwu"), QStringLiteral("44010619900101123")))
            .status,
        201);
    // One guess each at many usernames: no username is locked, but the address is stopped.
    for (int i = 0; i < MaxFailuresPerAddress; ++i) {
        QCOMPARE(login(QStringLiteral("127.0.0.5"), QStringLiteral("user%1").arg(i), WrongPassword)
                     .status,
            401);
        m_server->clock().advance(10);
    }
    const TestReply stopped
        = login(QStringLiteral("127.0.0.5"), QStringLiteral("wangwu"), Password);
    QCOMPARE(stopped.status, 429);
    QCOMPARE(stopped.errorCode(), QStringLiteral("too_many_requests"));
    // Until the oldest failure is 15 minutes old: it was 200 s ago.
    QCOMPARE(
        intField(stopped, QStringLiteral("retryAfterSeconds")), int(FailureWindowSeconds - 200));
    // Other addresses are not affected.
    QCOMPARE(login(QStringLiteral("127.0.0.6"), QStringLiteral("wangwu"), Password).status, 200);
    m_server->clock().advance(FailureWindowSeconds - 200 + 1);
    QCOMPARE(login(QStringLiteral("127.0.0.5"), QStringLiteral("wangwu"), Password).status, 200);
}

void TestAbuse::lockout_behindLocalProxy_forwardedAddressCounted()
{
    // Behind the local nginx every connection comes from loopback; nginx appends the client's
    // address to X-Forwarded-For (after whatever the client sent itself).
    const auto viaProxy = [this](const QByteArray &forwardedFor, const QString &username) {
        RawExchange exchange(*m_server, QHostAddress(QStringLiteral("127.0.0.1")), "POST",
            QStringLiteral("/session"),
            { { QStringLiteral("username"), username },
                { QStringLiteral("password"), WrongPassword } },
            QString(), false, "X-Forwarded-For: " + forwardedFor + "\r\n");
        return QTest::qWaitFor([&exchange] { return exchange.complete(); }, 20000)
            ? exchange.reply().status
            : 0;
    };
    for (int i = 0; i < MaxFailuresPerAddress; ++i)
        QCOMPARE(viaProxy("10.1.2.3, 203.0.113.5", QStringLiteral("guess%1").arg(i)), 401);
    // The address nginx saw is stopped, whatever the client claims in front of it...
    QCOMPARE(viaProxy("203.0.113.5", QStringLiteral("other")), 429);
    QCOMPARE(viaProxy("203.0.113.6, 203.0.113.5", QStringLiteral("other")), 429);
    // ... while other clients behind the same proxy, and the proxy itself, are not.
    QCOMPARE(viaProxy("203.0.113.6", QStringLiteral("other")), 401);
    QCOMPARE(
        login(QStringLiteral("127.0.0.1"), QStringLiteral("other"), WrongPassword).status, 401);
}

void TestAbuse::changePassword_wrongCurrentPassword_countedLikeLogins()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("zhaoliu"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QString token = login(QStringLiteral("127.0.0.2"), QStringLiteral("zhaoliu"), Password)
                              .json.value(QStringLiteral("token"))
                              .toString();
    QVERIFY(!token.isEmpty());
    const auto change = [this, &token](const QString &current) {
        return from(QStringLiteral("127.0.0.2"), "POST", QStringLiteral("/me/password"),
            { { QStringLiteral("currentPassword"), current },
                { QStringLiteral("newPassword"), QStringLiteral("Stolen12345") } },
            token);
    };
    for (int i = 0; i < 4; ++i)
        QCOMPARE(change(WrongPassword).status, 403);
    const TestReply fifth = change(WrongPassword);
    QCOMPARE(fifth.status, 423);
    QCOMPARE(fifth.errorCode(), QStringLiteral("account_locked"));
    // Locked for this address: no more guesses, not even the right one, and no login either.
    QCOMPARE(change(Password).status, 423);
    QCOMPARE(login(QStringLiteral("127.0.0.2"), QStringLiteral("zhaoliu"), Password).status, 423);
    QCOMPARE(
        login(QStringLiteral("127.0.0.2"), QStringLiteral("zhaoliu"), QStringLiteral("Stolen12345"))
            .status,
        423);
}

void TestAbuse::recovery_unknownIdentifiers_sameAnswerAsKnown()
{
    const QJsonObject learner
        = learnerRegistration(QStringLiteral("zhangsan"), QStringLiteral("44010619900101123"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/learners"), learner).status, 201);
    const QJsonObject org = organisationRegistration(QStringLiteral("acme_hr"),
        QStringLiteral("91440106MA59XK3T1"), QStringLiteral("020-12345678"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/employers"), org).status, 201);

    struct Pair
    {
        QString path;
        QJsonObject known;
        QJsonObject unknown;
    };
    const QList<Pair> pairs {
        { QStringLiteral("/recovery/username"),
            { { QStringLiteral("residentId"), learner.value(QStringLiteral("residentId")) },
                { QStringLiteral("channel"), QStringLiteral("mobile") } },
            { { QStringLiteral("residentId"), residentId(QStringLiteral("44010619900101131")) },
                { QStringLiteral("channel"), QStringLiteral("mobile") } } },
        { QStringLiteral("/recovery/username"),
            { { QStringLiteral("creditCode"), org.value(QStringLiteral("creditCode")) },
                { QStringLiteral("role"), QStringLiteral("employer") } },
            { { QStringLiteral("creditCode"), org.value(QStringLiteral("creditCode")) },
                { QStringLiteral("role"), QStringLiteral("institution") } } },
        // The employer's phone is a landline: no SMS can be sent, and the answer does not say so.
        { QStringLiteral("/recovery/password"),
            { { QStringLiteral("username"), QStringLiteral("acme_hr") },
                { QStringLiteral("channel"), QStringLiteral("mobile") } },
            { { QStringLiteral("username"), QStringLiteral("nobody_here") },
                { QStringLiteral("channel"), QStringLiteral("mobile") } } },
        { QStringLiteral("/recovery/password"),
            { { QStringLiteral("username"), QStringLiteral("zhangsan") } },
            { { QStringLiteral("username"), QStringLiteral("ghost") } } },
    };
    const auto shape = [](const TestReply &r) {
        QJsonObject o = r.json;
        o.remove(QStringLiteral("requestId"));
        // Every error names its own request (the log's id), which is no hint either way.
        QJsonObject error = o.value(QStringLiteral("error")).toObject();
        if (!error.isEmpty()) {
            error.remove(QStringLiteral("requestId"));
            o.insert(QStringLiteral("error"), error);
        }
        return QString::number(r.status) + QLatin1Char(' ')
            + QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    for (const Pair &pair : pairs) {
        const TestReply known = m_client->post(pair.path, pair.known);
        const TestReply unknown = m_client->post(pair.path, pair.unknown);
        QCOMPARE(known.status, 202);
        QCOMPARE(shape(unknown), shape(known));
        QVERIFY(!unknown.json.value(QStringLiteral("requestId")).toString().isEmpty());
        // A guess at either request is answered alike.
        const QJsonObject guess { { QStringLiteral("code"), QStringLiteral("000000") } };
        const QString verify = pair.path == QStringLiteral("/recovery/username")
            ? QStringLiteral("/recovery/username/verify")
            : QStringLiteral("/recovery/password/reset");
        QJsonObject knownGuess = guess;
        knownGuess.insert(
            QStringLiteral("requestId"), known.json.value(QStringLiteral("requestId")));
        QJsonObject unknownGuess = guess;
        unknownGuess.insert(
            QStringLiteral("requestId"), unknown.json.value(QStringLiteral("requestId")));
        if (verify.endsWith(QLatin1String("reset"))) {
            knownGuess.insert(QStringLiteral("newPassword"), QStringLiteral("Another123"));
            unknownGuess.insert(QStringLiteral("newPassword"), QStringLiteral("Another123"));
        }
        const TestReply unknownVerify = m_client->post(verify, unknownGuess);
        QCOMPARE(unknownVerify.status, 400);
        QCOMPARE(unknownVerify.errorCode(), QStringLiteral("code_invalid"));
        QCOMPARE(intField(unknownVerify, QStringLiteral("triesLeft")), 4);
        QCOMPARE(shape(unknownVerify), shape(m_client->post(verify, knownGuess)));
        // Asking again at once is refused alike.
        m_server->clock().advance(10);
        QCOMPARE(shape(m_client->post(pair.path, pair.unknown)),
            shape(m_client->post(pair.path, pair.known)));
        m_server->clock().advance(61);
    }
    // Codes went only where an account has the address asked for: the learner twice (mobile),
    // the employer once (e-mail, the default when its phone is a landline).
    const QList<server::Notification> sent = m_server->outbox();
    QCOMPARE(sent.size(), 3);
    for (const server::Notification &n : sent)
        QVERIFY(n.destination == QStringLiteral("13800138000")
            || n.destination == QStringLiteral("hr@example.cn"));
}

void TestAbuse::recovery_wrongCodes_cappedPerAccountPerDay()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("victim"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QJsonObject ask { { QStringLiteral("username"), QStringLiteral("victim") } };
    int guesses = 0;
    // Each code allows 5 tries; over a day, only MaxWrongCodesPerSubject guesses in all.
    for (int round = 0; round < 2; ++round) {
        const TestReply start = from(QStringLiteral("127.0.0.%1").arg(2 + round), "POST",
            QStringLiteral("/recovery/password"), ask);
        QCOMPARE(start.status, 202);
        for (int i = 0; i < MaxTries; ++i) {
            // From a new address each time: per-address limits do not help the attacker.
            const TestReply r = from(QStringLiteral("127.0.1.%1").arg(guesses + 1), "POST",
                QStringLiteral("/recovery/password/reset"),
                { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
                    { QStringLiteral("code"), wrongCode() },
                    { QStringLiteral("newPassword"), QStringLiteral("Taken12345") } });
            QCOMPARE(r.errorCode(), QStringLiteral("code_invalid"));
            ++guesses;
        }
        m_server->clock().advance(61);
    }
    QCOMPARE(guesses, MaxWrongCodesPerSubject);
    const TestReply third
        = from(QStringLiteral("127.0.0.9"), "POST", QStringLiteral("/recovery/password"), ask);
    QCOMPARE(third.status, 429);
    QCOMPARE(third.errorCode(), QStringLiteral("too_many_requests"));
    QVERIFY(intField(third, QStringLiteral("retryAfterSeconds")) > 23 * 3600);
    // A day after the first wrong code, codes can be asked for again.
    m_server->clock().advance(CapWindowSeconds);
    QCOMPARE(
        from(QStringLiteral("127.0.0.9"), "POST", QStringLiteral("/recovery/password"), ask).status,
        202);
}

void TestAbuse::recovery_codes_cappedPerAccountPerDay()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("spammed"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QJsonObject ask { { QStringLiteral("username"), QStringLiteral("spammed") } };
    for (int i = 0; i < MaxCodesPerSubject; ++i) {
        QCOMPARE(from(QStringLiteral("127.0.2.%1").arg(i + 1), "POST",
                     QStringLiteral("/recovery/password"), ask)
                     .status,
            202);
        m_server->clock().advance(61);
    }
    const TestReply more
        = from(QStringLiteral("127.0.2.99"), "POST", QStringLiteral("/recovery/password"), ask);
    QCOMPARE(more.status, 429);
    QCOMPARE(m_server->outbox().size(), MaxCodesPerSubject);
}

void TestAbuse::recovery_codes_cappedPerAddress()
{
    for (int i = 0; i < MaxCodesPerAddress; ++i) {
        const TestReply r
            = from(QStringLiteral("127.0.0.7"), "POST", QStringLiteral("/recovery/password"),
                { { QStringLiteral("username"), QStringLiteral("probe%1").arg(i) } });
        QCOMPARE(r.status, 202);
    }
    const TestReply stopped
        = from(QStringLiteral("127.0.0.7"), "POST", QStringLiteral("/recovery/password"),
            { { QStringLiteral("username"), QStringLiteral("probe_last") } });
    QCOMPARE(stopped.status, 429);
    QCOMPARE(stopped.errorCode(), QStringLiteral("too_many_requests"));
    QCOMPARE(from(QStringLiteral("127.0.0.8"), "POST", QStringLiteral("/recovery/password"),
                 { { QStringLiteral("username"), QStringLiteral("probe_last") } })
                 .status,
        202);
}

void TestAbuse::recovery_wrongCodes_cappedPerAddress()
{
    // Spread over many subjects (each below its own cap), from one address.
    int guesses = 0;
    for (int subject = 0; guesses < MaxWrongCodesPerAddress; ++subject) {
        const TestReply start = m_client->post(QStringLiteral("/recovery/password"),
            { { QStringLiteral("username"), QStringLiteral("target%1").arg(subject) } });
        QCOMPARE(start.status, 202);
        for (int i = 0; i < MaxTries && guesses < MaxWrongCodesPerAddress; ++i, ++guesses) {
            const TestReply r = from(QStringLiteral("127.0.0.10"), "POST",
                QStringLiteral("/recovery/password/reset"),
                { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
                    { QStringLiteral("code"),
                        QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')) },
                    { QStringLiteral("newPassword"), QStringLiteral("Taken12345") } });
            QCOMPARE(r.errorCode(), QStringLiteral("code_invalid"));
        }
    }
    const TestReply start = m_client->post(QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), QStringLiteral("one_more") } });
    const TestReply stopped
        = from(QStringLiteral("127.0.0.10"), "POST", QStringLiteral("/recovery/password/reset"),
            { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
                { QStringLiteral("code"), QStringLiteral("123456") },
                { QStringLiteral("newPassword"), QStringLiteral("Taken12345") } });
    QCOMPARE(stopped.status, 429);
    QCOMPARE(stopped.errorCode(), QStringLiteral("too_many_requests"));
}

void TestAbuse::recovery_triesPerCode_atomicUnderConcurrentGuesses()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("raced"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("residentId"), residentId(QStringLiteral("44010619900101123")) } });
    QCOMPARE(start.status, 202);
    const QString wrong = wrongCode();
    // 16 guesses at once, each on its own connection (the server runs 8 workers): every
    // connection is encrypted first, then all requests leave together.
    constexpr int Parallel = 16;
    std::vector<std::unique_ptr<RawExchange>> exchanges;
    for (int i = 0; i < Parallel; ++i) {
        exchanges.push_back(std::make_unique<RawExchange>(*m_server,
            QHostAddress(QStringLiteral("127.0.3.%1").arg(i + 1)), "POST",
            QStringLiteral("/recovery/username/verify"),
            QJsonObject {
                { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
                { QStringLiteral("code"), wrong } },
            QString(), true));
    }
    QVERIFY(QTest::qWaitFor(
        [&exchanges] {
            return std::all_of(
                exchanges.begin(), exchanges.end(), [](const auto &e) { return e->encrypted(); });
        },
        60000));
    // On PostgreSQL the code's row is held locked while the guesses arrive, so that they all
    // wait at the same point and then race: a check made before the lock (read tries, then
    // count one) would let every waiting guess through.
    server::Database &db = m_server->server().database();
    std::optional<server::Transaction> hold;
    if (m_server->isPostgres()) {
        hold.emplace(db);
        db.exec(QStringLiteral("SELECT id FROM recovery_codes WHERE id = ? FOR UPDATE"),
            { start.json.value(QStringLiteral("requestId")).toString() });
    }
    for (const auto &e : exchanges)
        e->send();
    if (hold) {
        QVERIFY(QTest::qWaitFor(
            [&db] {
                // The statistics views are read once per transaction unless cleared.
                db.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
                QSqlQuery q = db.exec(QStringLiteral(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND datname = current_database()"));
                return q.next() && q.value(0).toInt() >= 4;
            },
            20000));
        hold->commit();
    }
    QVERIFY(QTest::qWaitFor(
        [&exchanges] {
            return std::all_of(
                exchanges.begin(), exchanges.end(), [](const auto &e) { return e->complete(); });
        },
        60000));
    int invalid = 0;
    int exhausted = 0;
    QList<int> triesLeft;
    for (const auto &e : exchanges) {
        const TestReply r = e->reply();
        if (r.errorCode() == QStringLiteral("code_invalid")) {
            ++invalid;
            triesLeft.append(intField(r, QStringLiteral("triesLeft")));
        } else if (r.errorCode() == QStringLiteral("code_tries_exhausted")) {
            ++exhausted;
        } else {
            QFAIL(qPrintable(QString::number(r.status) + QString::fromUtf8(r.body)));
        }
    }
    // Exactly five guesses were judged, each with its own count of tries left.
    QCOMPARE(invalid, MaxTries);
    QCOMPARE(exhausted, Parallel - MaxTries);
    std::sort(triesLeft.begin(), triesLeft.end());
    QCOMPARE(triesLeft, (QList<int> { 0, 1, 2, 3, 4 }));
}

void TestAbuse::recovery_oldCodesAndFailures_purged()
{
    const TestReply start = m_client->post(QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), QStringLiteral("old_ghost") } });
    QCOMPARE(start.status, 202);
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/recovery/password/reset"),
                { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
                    { QStringLiteral("code"), QStringLiteral("123456") },
                    { QStringLiteral("newPassword"), QStringLiteral("Taken12345") } })
            .errorCode(),
        QStringLiteral("code_invalid"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM recovery_codes")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM recovery_failures")), 1);
    m_server->clock().advance(CapWindowSeconds + 1);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/recovery/password"),
                     { { QStringLiteral("username"), QStringLiteral("new_ghost") } })
                 .status,
        202);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM recovery_codes")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM recovery_failures")), 0);
}

void TestAbuse::notifier_code_clearedOnceReadOrExpired()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("reader"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QJsonObject ask { { QStringLiteral("username"), QStringLiteral("reader") } };
    QCOMPARE(m_client->post(QStringLiteral("/recovery/password"), ask).status, 202);
    const QString clearText = QStringLiteral(
        "SELECT COUNT(*) FROM notifier_outbox WHERE body <> '' OR destination <> ''");
    // Pending: the administrator (standing in for the SMS gateway) has not read it yet.
    QCOMPARE(count(clearText), 1);
    const QList<server::Notification> shown = m_server->server().outbox().recent(20);
    QCOMPARE(shown.size(), 1);
    QVERIFY(shown.first().body.contains(QRegularExpression(QStringLiteral("\\d{6}"))));
    QCOMPARE(shown.first().destination, QStringLiteral("13800138000"));
    // Read once, it was delivered: neither the code nor the number stays in the database.
    QCOMPARE(count(clearText), 0);
    const QList<server::Notification> again = m_server->server().outbox().recent(20);
    QCOMPARE(again.size(), 1);
    QVERIFY(!again.first().body.contains(QRegularExpression(QStringLiteral("\\d{6}"))));
    QVERIFY(!again.first().destination.contains(QStringLiteral("138")));

    // Never read: cleared once the code has expired, as part of normal operation.
    m_server->clock().advance(61);
    QCOMPARE(m_client->post(QStringLiteral("/recovery/password"), ask).status, 202);
    QCOMPARE(count(clearText), 1);
    m_server->clock().advance(CodeLifetimeSeconds);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/recovery/password"),
                     { { QStringLiteral("username"), QStringLiteral("someone_else") } })
                 .status,
        202);
    QCOMPARE(count(clearText), 0);
}

QTEST_MAIN(TestAbuse)
#include "tst_abuse.moc"
