// Delivery of codes (issue 14): the real server sends recovery codes through a loopback SMTP
// server that requires STARTTLS and a login (tests/mail/smtpsink.py on Debian's aiosmtpd) and a
// loopback HTTPS endpoint standing in for an SMS gateway (tests/mail/webhooksink.py); retries
// with backoff while the mail server is down or refusing, gives up and reports when the code
// expires, never sends a message twice with several senders on one database, and never writes
// a code, a destination or a gateway's answer to its log.
#include "notify/notifiersettings.h"
#include "notify/outboxsender.h"
#include "notify/transport.h"
#include "services/notifier.h"
#include "sinkprocess.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

namespace {

// Every message logged while a test runs (the sender logs from its own thread).
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    {
        QMutexLocker locker(&g_logMutex);
        g_log.append(text);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, text);
}

QStringList capturedLog()
{
    QMutexLocker locker(&g_logMutex);
    return g_log;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

const QString SmtpUser = QStringLiteral("xueshi-mailer");
const QByteArray SmtpPassword = "mail-secret-7Qz";
const QByteArray WebhookToken = "gateway-token-5Yx";
const QString From = QStringLiteral("noreply@xueshi.example.cn");

struct Answer
{
    int status = 0;
    QJsonObject json;
};

// One JSON POST over HTTPS, trusting exactly `certificate`.
Answer postJson(QNetworkAccessManager &network, const QSslCertificate &certificate, const QUrl &url,
    const QJsonObject &body)
{
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ certificate });
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return a;
}

} // namespace

class TestMail final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void recovery_emailOverStartTls_arrivesAndResetsPassword();
    void smtpDownThenRefusing_retriesWithBackoff_thenDelivers();
    void smtpDown_untilExpiry_givesUpAndReports();
    void recipientRefused_givesUpAtOnce();
    void twoSenders_oneDatabase_sendEachMessageOnce();
    void webhook_mobileCode_carriesBearerToken_emailStaysDevelopment();
    void webhook_refusal_answerNeverStoredOrLogged();
    void configuration_mistakes_refuseToStart();
    void serverProcess_recovery_codeNeverOnItsOutput();
    void redacted_cutsDestinationAndDigits();

private:
    // A --config file with [notifier] `notifier` (key=value lines) and the secrets' files.
    std::shared_ptr<const server::ServerConfig> config(const QString &notifier);
    QString smtpConfig(quint16 port, const QString &extra = {}) const;
    QString webhookConfig(quint16 port) const;
    bool startServer(const QString &notifier);
    bool startSmtp(const QStringList &extra = {});
    int count(const QString &sql, const QVariantList &values = {});
    // The attempts made at the only message, once none is in flight (-1 while one is).
    int settledAttempts();
    QJsonObject requestPasswordCode(const QString &username, const QString &channel);
    int resetPassword(const QJsonObject &start, const QString &code, const QString &password);
    // The log lines about the outbox, and none of them may hold any of `secrets`.
    void verifyLogFreeOf(const QStringList &secrets);

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    std::unique_ptr<QTemporaryDir> m_runDir;
    quint16 m_smtpPort = 0;
    std::unique_ptr<SinkProcess> m_smtp;
    std::unique_ptr<SinkProcess> m_webhook;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestMail::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/python3")), "python3 is missing");
    QVERIFY2(haveAiosmtpd(), "python3-aiosmtpd is missing (scripts/install-deps.sh)");
    // One certificate for both sinks, for 127.0.0.1; the server trusts it as a private CA.
    m_cert = m_dir.filePath(QStringLiteral("sink-cert.pem"));
    m_key = m_dir.filePath(QStringLiteral("sink-key.pem"));
    QVERIFY(makeLoopbackCertificate(m_cert, m_key));
    QFile password(m_dir.filePath(QStringLiteral("smtp-password")));
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write(SmtpPassword + '\n');
    password.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    password.close();
    QFile token(m_dir.filePath(QStringLiteral("webhook-token")));
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write(WebhookToken + '\n');
    token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    token.close();
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestMail::init()
{
    {
        QMutexLocker locker(&g_logMutex);
        g_log.clear();
    }
    m_runDir = std::make_unique<QTemporaryDir>();
    m_smtpPort = freePort();
    m_smtp = std::make_unique<SinkProcess>(
        QStringLiteral(XUESHI_SMTP_SINK), m_runDir->filePath(QStringLiteral("smtp")));
    m_webhook = std::make_unique<SinkProcess>(
        QStringLiteral(XUESHI_WEBHOOK_SINK), m_runDir->filePath(QStringLiteral("webhook")));
}

void TestMail::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_smtp.reset();
    m_webhook.reset();
    m_runDir.reset();
}

std::shared_ptr<const server::ServerConfig> TestMail::config(const QString &notifier)
{
    const QString path = m_runDir->filePath(QStringLiteral("xueshi-server.conf"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return nullptr;
    f.write("[notifier]\n" + notifier.toUtf8() + "\n[secrets]\nsmtp-password-file="
        + m_dir.filePath(QStringLiteral("smtp-password")).toUtf8() + "\nwebhook-token-file="
        + m_dir.filePath(QStringLiteral("webhook-token")).toUtf8() + "\n");
    f.close();
    QString error;
    auto c = server::ServerConfig::open(path, {}, &error);
    if (!c)
        qWarning("config: %s", qPrintable(error));
    return c;
}

QString TestMail::smtpConfig(quint16 port, const QString &extra) const
{
    // The sender is woken when a code is queued; otherwise it would look only once an hour, so
    // the tests drive the later attempts themselves (runOnce) with the test clock. The sender's
    // thread may still look (a few times in the 3 s after a wake) and make a due attempt
    // itself, so the tests wait for the attempt's outcome, whoever made it.
    return QStringLiteral("email=smtp\nsmtp-url=smtp://127.0.0.1:%1\nsmtp-from=%2\n"
                          "smtp-from-name=学时 Xueshi\nsmtp-username=%3\nsmtp-ca-file=%4\n"
                          "smtp-timeout=10\npoll-interval=3600\n")
               .arg(port)
               .arg(From, SmtpUser, m_cert)
        + extra;
}

QString TestMail::webhookConfig(quint16 port) const
{
    return QStringLiteral("mobile=webhook\nwebhook-url=https://127.0.0.1:%1/sms/send\n"
                          "webhook-ca-file=%2\nwebhook-timeout=10\npoll-interval=3600\n")
        .arg(port)
        .arg(m_cert);
}

bool TestMail::startServer(const QString &notifier)
{
    m_server = std::make_unique<TestServer>(config(notifier));
    if (!m_server->isRunning()) {
        qWarning("server: %s", qPrintable(m_server->errorString()));
        return false;
    }
    m_client = std::make_unique<TestClient>(*m_server);
    return true;
}

bool TestMail::startSmtp(const QStringList &extra)
{
    return m_smtp->start(QStringList { QStringLiteral("--port"), QString::number(m_smtpPort),
                             QStringLiteral("--cert"), m_cert, QStringLiteral("--key"), m_key,
                             QStringLiteral("--user"), SmtpUser, QStringLiteral("--password-file"),
                             m_dir.filePath(QStringLiteral("smtp-password")) }
        + extra);
}

int TestMail::count(const QString &sql, const QVariantList &values)
{
    QSqlQuery q = m_server->server().database().exec(sql, values);
    return q.next() ? q.value(0).toInt() : -1;
}

int TestMail::settledAttempts()
{
    return count(QStringLiteral("SELECT attempts FROM notifier_outbox WHERE claimed_by IS NULL"));
}

QJsonObject TestMail::requestPasswordCode(const QString &username, const QString &channel)
{
    const TestReply r = m_client->post(QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), username }, { QStringLiteral("channel"), channel } });
    if (r.status != 202)
        qWarning("recovery: %d %s", r.status, r.body.constData());
    return r.json;
}

int TestMail::resetPassword(const QJsonObject &start, const QString &code, const QString &password)
{
    return m_client
        ->post(QStringLiteral("/recovery/password/reset"),
            { { QStringLiteral("requestId"), start.value(QStringLiteral("requestId")) },
                { QStringLiteral("code"), code }, { QStringLiteral("newPassword"), password } })
        .status;
}

void TestMail::verifyLogFreeOf(const QStringList &secrets)
{
    const QStringList log = capturedLog();
    for (const QString &line : log) {
        for (const QString &secret : secrets) {
            if (line.contains(secret))
                QFAIL(qPrintable(QStringLiteral("the log holds \"%1\": %2").arg(secret, line)));
        }
    }
}

void TestMail::recovery_emailOverStartTls_arrivesAndResetsPassword()
{
    QVERIFY(startSmtp());
    QVERIFY(startServer(smtpConfig(m_smtpPort)));
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("mailer"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QJsonObject start
        = requestPasswordCode(QStringLiteral("mailer"), QStringLiteral("email"));
    QVERIFY(start.contains(QStringLiteral("requestId")));

    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages().size(), 1, 20000);
    const QJsonObject mail = m_smtp->messages().first();
    QCOMPARE(mail.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(mail.value(QStringLiteral("user")).toString(), SmtpUser);
    QCOMPARE(mail.value(QStringLiteral("mailFrom")).toString(), From);
    QCOMPARE(mail.value(QStringLiteral("rcptTos")).toArray(),
        QJsonArray { QStringLiteral("zhangsan@example.cn") });
    QVERIFY(mail.value(QStringLiteral("from")).toString().contains(QStringLiteral("学时")));
    QVERIFY(!mail.value(QStringLiteral("subject")).toString().isEmpty());
    const QString code = sixDigits(mail.value(QStringLiteral("text")).toString());
    QCOMPARE(code.size(), 6);

    // Sent once, then nothing of it is kept in clear text.
    QTRY_COMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE sent_at IS NOT"
                                      " NULL AND transport = 'smtp'")),
        1);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM notifier_outbox WHERE body <> '' OR destination <> ''")),
        0);
    QTRY_COMPARE(m_server->server().sender()->counters().sent, quint64(1));

    // The code in the mail resets the password.
    QCOMPARE(resetPassword(start, code, QStringLiteral("FromTheMail789")), 204);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/session"),
                     { { QStringLiteral("username"), QStringLiteral("mailer") },
                         { QStringLiteral("password"), QStringLiteral("FromTheMail789") } })
                 .status,
        200);
    // The delivery was logged, without the code or the address.
    QVERIFY(capturedLog().join(QLatin1Char('\n')).contains(QStringLiteral("sent by smtp")));
    verifyLogFreeOf({ code, QStringLiteral("zhangsan"), QString::fromLatin1(SmtpPassword) });
}

void TestMail::smtpDownThenRefusing_retriesWithBackoff_thenDelivers()
{
    // Nothing listens on the mail server's port yet.
    QVERIFY(startServer(smtpConfig(m_smtpPort)));
    server::OutboxSender *sender = m_server->server().sender();
    QVERIFY(sender);
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("patient"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const QJsonObject start
        = requestPasswordCode(QStringLiteral("patient"), QStringLiteral("email"));
    const qint64 t0 = m_server->clock().nowUtc().toMSecsSinceEpoch();

    // The first attempt fails at once; the next is due 30 s later.
    QTRY_COMPARE_WITH_TIMEOUT(settledAttempts(), 1, 20000);
    QSqlQuery row = m_server->server().database().exec(
        QStringLiteral("SELECT next_attempt_at, last_error, body FROM notifier_outbox"));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toLongLong(), t0 + 30 * 1000);
    QVERIFY(!row.value(1).toString().isEmpty());
    QVERIFY(!row.value(2).toString().isEmpty()); // still to be delivered
    row.finish();
    QTRY_COMPARE(sender->counters().retried, quint64(1));

    // The administrator's listing shows its state, and does not consume it (as it does a
    // development message).
    const QList<server::Notification> listed = m_server->server().outbox().recent(5);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().transport, QStringLiteral("smtp"));
    QVERIFY(listed.first().body.contains(QStringLiteral("1 attempt(s) failed")));
    QVERIFY(sixDigits(listed.first().body).isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE body <> ''")), 1);

    // Not due before its time.
    m_server->clock().advance(29);
    QCOMPARE(sender->runOnce(), 0);
    // The mail server is back, but refuses for now (451).
    QVERIFY(startSmtp({ QStringLiteral("--refuse"), QStringLiteral("451") }));
    m_server->clock().advance(1);
    sender->runOnce();
    QTRY_COMPARE(settledAttempts(), 2);
    row = m_server->server().database().exec(
        QStringLiteral("SELECT next_attempt_at, last_error FROM notifier_outbox"));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toLongLong(), t0 + 30 * 1000 + 60 * 1000);
    QVERIFY2(row.value(1).toString().contains(QStringLiteral("451")),
        qPrintable(row.value(1).toString()));
    row.finish();
    QVERIFY(m_smtp->messages().isEmpty());

    // It accepts mail again: the third attempt, a minute later, delivers.
    QVERIFY(startSmtp());
    m_server->clock().advance(59);
    QCOMPARE(sender->runOnce(), 0);
    m_server->clock().advance(1);
    sender->runOnce();
    QTRY_COMPARE(settledAttempts(), 3);
    QCOMPARE(m_smtp->messages().size(), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE sent_at IS NOT NULL"
                                  " AND attempts = 3 AND body = '' AND destination = ''")),
        1);
    const QString code
        = sixDigits(m_smtp->messages().first().value(QStringLiteral("text")).toString());
    QCOMPARE(code.size(), 6);
    QCOMPARE(resetPassword(start, code, QStringLiteral("AfterRetry789")), 204);

    // Each failure was logged with the wait before the next attempt, never with the code, the
    // address or the text.
    const QString log = capturedLog().join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QStringLiteral("attempt 1 by smtp failed")), qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("next attempt in 30 s")));
    QVERIFY(log.contains(QStringLiteral("next attempt in 60 s")));
    QVERIFY(log.contains(QStringLiteral("*@example.cn")));
    verifyLogFreeOf({ code, QStringLiteral("zhangsan") });
}

void TestMail::smtpDown_untilExpiry_givesUpAndReports()
{
    QVERIFY(startServer(smtpConfig(m_smtpPort)));
    server::OutboxSender *sender = m_server->server().sender();
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("unlucky"), QStringLiteral("44010619900101123")))
            .status,
        201);
    requestPasswordCode(QStringLiteral("unlucky"), QStringLiteral("email"));
    QTRY_COMPARE_WITH_TIMEOUT(settledAttempts(), 1, 20000);
    // 30 s, 1, 2 and 4 minutes after each failure: the fifth attempt, 7.5 minutes in, is the
    // last, since the next (8 minutes later) would come after the code's 10 minutes.
    int attempts = 1;
    for (const int wait : { 30, 60, 120, 240 }) {
        m_server->clock().advance(wait);
        sender->runOnce();
        ++attempts;
        QTRY_COMPARE(settledAttempts(), attempts);
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE failed_at IS NOT"
                                  " NULL AND attempts = 5 AND body = '' AND destination = ''")),
        1);
    QTRY_COMPARE(sender->counters().failed, quint64(1));
    QTRY_COMPARE(sender->counters().retried, quint64(4));
    m_server->clock().advance(3600);
    QCOMPARE(sender->runOnce(), 0);

    const QList<server::Notification> listed = m_server->server().outbox().recent(5);
    QCOMPARE(listed.size(), 1);
    QVERIFY2(
        listed.first().body.startsWith(QStringLiteral("(FAILED")), qPrintable(listed.first().body));
    QCOMPARE(listed.first().attempts, 5);
    QCOMPARE(m_server->server().outbox().summary().failed, 1);
    const QString log = capturedLog().join(QLatin1Char('\n'));
    QVERIFY(log.contains(QStringLiteral("FAILED")));
    QVERIFY(log.contains(QStringLiteral("it expires before the next attempt")));
    verifyLogFreeOf({ QStringLiteral("zhangsan") });
}

void TestMail::recipientRefused_givesUpAtOnce()
{
    QVERIFY(startSmtp({ QStringLiteral("--refuse"), QStringLiteral("550") }));
    QVERIFY(startServer(smtpConfig(m_smtpPort)));
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/accounts/learners"),
                learnerRegistration(QStringLiteral("bounced"), QStringLiteral("44010619900101123")))
            .status,
        201);
    requestPasswordCode(QStringLiteral("bounced"), QStringLiteral("email"));
    QTRY_COMPARE_WITH_TIMEOUT(
        count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE failed_at IS NOT NULL")),
        1, 20000);
    QCOMPARE(count(QStringLiteral("SELECT attempts FROM notifier_outbox")), 1);
    QVERIFY(capturedLog().join(QLatin1Char('\n')).contains(QStringLiteral("permanent")));
}

void TestMail::twoSenders_oneDatabase_sendEachMessageOnce()
{
    QVERIFY(startSmtp());
    QVERIFY(startServer(smtpConfig(m_smtpPort)));
    server::Server &srv = m_server->server();
    // Two more senders, each with a Database of its own (their own connections, as other
    // processes would have), beside the server's.
    QString error;
    std::optional<server::NotifierSettings> settings
        = server::NotifierSettings::read(m_server->server().options().config.get(), &error);
    QVERIFY2(settings, qPrintable(error));
    QVERIFY2(settings->loadSecrets(srv.options().config.get(), &error), qPrintable(error));
    server::Database second(srv.database().config());
    server::Database third(srv.database().config());
    server::OutboxSender other(second, m_server->clock(), settings->transports(), settings->sender);
    server::OutboxSender another(
        third, m_server->clock(), settings->transports(), settings->sender);

    constexpr int Messages = 60;
    {
        server::Transaction tx(srv.database());
        for (int i = 0; i < Messages; ++i) {
            server::Notification n;
            n.channel = QStringLiteral("email");
            n.destination = QStringLiteral("person%1@example.cn").arg(i);
            n.subject = QStringLiteral("Xueshi");
            n.body = QStringLiteral("Message number %1").arg(i);
            n.createdAt = m_server->clock().nowUtc();
            n.expiresAt = n.createdAt.addSecs(600);
            srv.outbox().send(n);
        }
        tx.commit();
    }
    other.start();
    another.start();
    srv.sender()->wake();

    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages().size(), Messages, 60000);
    QTRY_COMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE sent_at IS NOT"
                                      " NULL")),
        Messages);
    other.stop();
    another.stop();
    QSet<QString> recipients;
    for (const QJsonObject &m : m_smtp->messages())
        recipients.insert(m.value(QStringLiteral("rcptTos")).toArray().first().toString());
    QCOMPARE(recipients.size(), Messages);
    QCOMPARE(m_smtp->messages().size(), Messages);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE attempts <> 1")), 0);
    const auto sentBy = [](const server::OutboxSender &sender) { return sender.counters().sent; };
    QTRY_COMPARE(sentBy(*srv.sender()) + sentBy(other) + sentBy(another), quint64(Messages));
    const quint64 a = srv.sender()->counters().sent;
    const quint64 b = other.counters().sent;
    const quint64 c = another.counters().sent;
    qInfo("messages sent per sender: %llu, %llu, %llu", a, b, c);
    QCOMPARE(a + b + c, quint64(Messages));
    // They really worked side by side.
    QVERIFY(int(a > 0) + int(b > 0) + int(c > 0) >= 2);
}

void TestMail::webhook_mobileCode_carriesBearerToken_emailStaysDevelopment()
{
    QVERIFY(m_webhook->start({ QStringLiteral("--cert"), m_cert, QStringLiteral("--key"), m_key }));
    QVERIFY(startServer(webhookConfig(m_webhook->port())));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/accounts/learners"),
                     learnerRegistration(QStringLiteral("texter"),
                         QStringLiteral("44010619900101123"), QStringLiteral("13912345678")))
                 .status,
        201);
    const QJsonObject start
        = requestPasswordCode(QStringLiteral("texter"), QStringLiteral("mobile"));
    QTRY_COMPARE_WITH_TIMEOUT(m_webhook->messages().size(), 1, 20000);
    const QJsonObject request = m_webhook->messages().first();
    QCOMPARE(request.value(QStringLiteral("path")).toString(), QStringLiteral("/sms/send"));
    QCOMPARE(request.value(QStringLiteral("authorization")).toString(),
        QStringLiteral("Bearer ") + QString::fromLatin1(WebhookToken));
    QVERIFY(request.value(QStringLiteral("contentType"))
                .toString()
                .startsWith(QStringLiteral("application/json")));
    const QJsonObject body = request.value(QStringLiteral("body")).toObject();
    QCOMPARE(body.value(QStringLiteral("to")).toString(), QStringLiteral("13912345678"));
    const QString code = sixDigits(body.value(QStringLiteral("text")).toString());
    QCOMPARE(code.size(), 6);
    QTRY_COMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE sent_at IS NOT"
                                      " NULL AND transport = 'webhook' AND body = ''")),
        1);
    QCOMPARE(resetPassword(start, code, QStringLiteral("ByText789")), 204);

    // E-mail is not configured: it goes to the development outbox, for the administrator.
    m_server->clock().advance(61);
    requestPasswordCode(QStringLiteral("texter"), QStringLiteral("email"));
    const QList<server::Notification> development = m_server->outbox();
    QCOMPARE(development.size(), 1);
    QCOMPARE(development.first().transport, QStringLiteral("development"));
    QCOMPARE(development.first().destination, QStringLiteral("zhangsan@example.cn"));
    QCOMPARE(m_webhook->messages().size(), 1);
    verifyLogFreeOf({ code, QStringLiteral("13912345678"), QStringLiteral("2345678"),
        QString::fromLatin1(WebhookToken) });
}

void TestMail::webhook_refusal_answerNeverStoredOrLogged()
{
    // The gateway refuses and echoes the request (number and text) in its answer.
    QVERIFY(m_webhook->start({ QStringLiteral("--cert"), m_cert, QStringLiteral("--key"), m_key,
        QStringLiteral("--status"), QStringLiteral("400") }));
    QVERIFY(startServer(webhookConfig(m_webhook->port())));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/accounts/learners"),
                     learnerRegistration(QStringLiteral("refused"),
                         QStringLiteral("44010619900101123"), QStringLiteral("13912345678")))
                 .status,
        201);
    requestPasswordCode(QStringLiteral("refused"), QStringLiteral("mobile"));
    QTRY_COMPARE_WITH_TIMEOUT(
        count(QStringLiteral("SELECT COUNT(*) FROM notifier_outbox WHERE failed_at IS NOT NULL")),
        1, 20000);
    QCOMPARE(m_webhook->messages().size(), 1);
    const QString code = sixDigits(m_webhook->messages()
                                       .first()
                                       .value(QStringLiteral("body"))
                                       .toObject()
                                       .value(QStringLiteral("text"))
                                       .toString());
    QCOMPARE(code.size(), 6);
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT last_error, body, destination FROM notifier_outbox"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("the gateway answered HTTP 400"));
    QCOMPARE(q.value(1).toString(), QString());
    QCOMPARE(q.value(2).toString(), QString());
    q.finish();
    QVERIFY(capturedLog().join(QLatin1Char('\n')).contains(QStringLiteral("HTTP 400")));
    verifyLogFreeOf({ code, QStringLiteral("13912345678"), QStringLiteral("rejected") });
}

void TestMail::configuration_mistakes_refuseToStart()
{
    const auto refused = [this](const QString &notifier, const QString &why) {
        TestServer server(config(notifier));
        if (server.isRunning()) {
            qWarning("started with %s", qPrintable(notifier));
            return false;
        }
        if (!server.errorString().contains(why)) {
            qWarning("%s: %s", qPrintable(why), qPrintable(server.errorString()));
            return false;
        }
        return true;
    };
    QVERIFY(refused(QStringLiteral("email=pigeon"), QStringLiteral("[notifier] email")));
    QVERIFY(refused(QStringLiteral("mobile=smtp"), QStringLiteral("[notifier] mobile")));
    QVERIFY(refused(QStringLiteral("email=smtp\nsmtp-url=http://127.0.0.1:25\nsmtp-from=a@b.cn"),
        QStringLiteral("smtp-url")));
    QVERIFY(refused(
        QStringLiteral("email=smtp\nsmtp-url=smtp://127.0.0.1:25"), QStringLiteral("smtp-from")));
    QVERIFY(refused(QStringLiteral("mobile=webhook\nwebhook-url=http://127.0.0.1/sms"),
        QStringLiteral("webhook-url")));
    QVERIFY(refused(QStringLiteral("email=smtp\nsmtp-url=smtp://127.0.0.1:25\nsmtp-from=a@b.cn\n"
                                   "smtp-typo=1"),
        QStringLiteral("unknown key smtp-typo")));
    // A secret that is configured but readable by everyone is refused (readSecret).
    QFile::setPermissions(m_dir.filePath(QStringLiteral("webhook-token")),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    const bool leaky = refused(QStringLiteral("mobile=webhook\nwebhook-url=https://127.0.0.1/sms"),
        QStringLiteral("webhook-token"));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("webhook-token")),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(leaky);
}

void TestMail::serverProcess_recovery_codeNeverOnItsOutput()
{
    // The real xueshi-server, configured by its --config file, on the database of the
    // in-process server when that is PostgreSQL (two processes on one database), else on an
    // SQLite file of its own. Everything it writes is read back.
    QVERIFY(startSmtp());
    QVERIFY(startServer(QString()));
    const quint16 port = freePort();
    const QString dataDir = m_runDir->filePath(QStringLiteral("process-data"));
    QString serverGroup = QStringLiteral("[server]\ndata-dir=%1\nport=%2\n").arg(dataDir).arg(port);
    const server::DatabaseConfig &db = m_server->server().database().config();
    if (db.kind == server::DatabaseConfig::Kind::Postgres) {
        serverGroup += QStringLiteral("database=postgres://%1@%2:%3/%4\n")
                           .arg(db.user, db.host)
                           .arg(db.port)
                           .arg(db.name);
    }
    QVERIFY(config(smtpConfig(m_smtpPort, QStringLiteral("poll-interval=1\n"))));
    const QString path = m_runDir->filePath(QStringLiteral("xueshi-server.conf"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray rest = f.readAll();
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(serverGroup.toUtf8() + rest);
    }
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE), { QStringLiteral("--config"), path });
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    while (!output.contains("Certificate SHA-256")) {
        QVERIFY2(process.waitForReadyRead(30000), process.readAllStandardError().constData());
        output += process.readAllStandardOutput();
    }
    QFile certificateFile(QDir(dataDir).filePath(QStringLiteral("tls/server.crt")));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certificateFile.readAll(), QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QNetworkAccessManager network;
    const auto url = [port](const QString &route) {
        return QUrl(QStringLiteral("https://127.0.0.1:%1/api/v1%2").arg(port).arg(route));
    };
    QCOMPARE(
        postJson(network, certificate, url(QStringLiteral("/accounts/learners")),
            learnerRegistration(QStringLiteral("viaprocess"), QStringLiteral("44010619900101123")))
            .status,
        201);
    const Answer start = postJson(network, certificate, url(QStringLiteral("/recovery/password")),
        { { QStringLiteral("username"), QStringLiteral("viaprocess") },
            { QStringLiteral("channel"), QStringLiteral("email") } });
    QCOMPARE(start.status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages().size(), 1, 20000);
    const QString code
        = sixDigits(m_smtp->messages().first().value(QStringLiteral("text")).toString());
    QCOMPARE(code.size(), 6);
    QCOMPARE(postJson(network, certificate, url(QStringLiteral("/recovery/password/reset")),
                 { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
                     { QStringLiteral("code"), code },
                     { QStringLiteral("newPassword"), QStringLiteral("OutOfProcess789") } })
                 .status,
        204);

    process.terminate();
    QVERIFY(process.waitForFinished(30000));
    output += process.readAllStandardOutput();
    const QByteArray errors = process.readAllStandardError();
    // The sender's line is there, so the log was really read.
    QVERIFY2(errors.contains("sent by smtp"), errors.constData());
    for (const QByteArray &secret : { code.toLatin1(), QByteArrayLiteral("zhangsan"),
             QByteArrayLiteral("OutOfProcess789"), SmtpPassword }) {
        QVERIFY2(!errors.contains(secret), errors.constData());
        QVERIFY2(!output.contains(secret), output.constData());
    }
}

void TestMail::redacted_cutsDestinationAndDigits()
{
    // What a mail server or gateway might echo in an error, as libcurl passes it on.
    server::Notification n;
    n.destination = QStringLiteral("Zhang.San@Example.cn");
    const QString error = server::redacted(
        QStringLiteral("RCPT failed: 550 <zhang.san@example.cn>: no such user; code 123456 for "
                       "13912345678\r\nsecond line"),
        n);
    QVERIFY2(!error.contains(QStringLiteral("zhang"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("123456")));
    QVERIFY(!error.contains(QStringLiteral("2345678")));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(error.contains(QStringLiteral("RCPT failed: 550")));
    QVERIFY(server::redacted(QString(500, QLatin1Char('x')), n).size() <= 300);
}

QTEST_MAIN(TestMail)
#include "tst_mail.moc"
