#include "apiclient.h"
#include "appsettings.h"
#include "servertrust.h"
#include "testsupport.h"
#include "tls/tlsmaterial.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace xueshi;

namespace {

struct Material
{
    QSslCertificate certificate;
    QSslKey key;
};

Material generate()
{
    QString error;
    const server::PemPair pem = server::tls::generateSelfSigned(
        { QStringLiteral("localhost") }, { QHostAddress(QHostAddress::LocalHost) }, 30, &error);
    Material material;
    material.certificate = QSslCertificate(pem.certificatePem, QSsl::Pem);
    material.key = QSslKey(pem.privateKeyPem, QSsl::Ec, QSsl::Pem);
    return material;
}

// A minimal HTTPS responder: answers every request with a fixed JSON body and closes.
class TinyHttpsServer final : public QObject
{
public:
    explicit TinyHttpsServer(const Material &material)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(material.certificate);
        configuration.setPrivateKey(material.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(configuration);
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, this] {
                    buffer->append(socket->readAll());
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    ++requests;
                    const QByteArray body = "{\"status\":\"ok\"}";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const
    {
        QUrl url(QStringLiteral("https://127.0.0.1"));
        url.setPort(port());
        return url;
    }
    int requests = 0;

private:
    QSslServer m_server;
};

} // namespace

// ServerTrust: SSH-style pinning of server certificates, unit level and over real TLS.
class TestServerTrust final : public QObject
{
    Q_OBJECT

private:
    Material m_a;
    Material m_b;

    static ApiResult health(ApiClient &api)
    {
        ApiResult result;
        bool done = false;
        api.get(QStringLiteral("/health"), nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("request did not finish");
        return result;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QSslSocket::supportsSsl());
        m_a = generate();
        m_b = generate();
        QVERIFY(!m_a.certificate.isNull());
        QVERIFY(!m_a.key.isNull());
        QVERIFY(!m_b.certificate.isNull());
        QVERIFY(m_a.certificate != m_b.certificate);
    }

    void fingerprint_isUpperCaseColonSha256OfDer()
    {
        const QString fingerprint = ServerTrust::fingerprint(m_a.certificate);
        QCOMPARE(fingerprint.size(), 32 * 3 - 1);
        QCOMPARE(fingerprint, fingerprint.toUpper());
        const QByteArray expected
            = QCryptographicHash::hash(m_a.certificate.toDer(), QCryptographicHash::Sha256);
        QCOMPARE(QByteArray::fromHex(fingerprint.toLatin1().replace(':', "")), expected);
        // The same text the server prints at start.
        QCOMPARE(fingerprint, server::tls::sha256Fingerprint(m_a.certificate));
        QVERIFY(ServerTrust::fingerprint(QSslCertificate()).isEmpty());
    }

    void serverKey_hostAndPort()
    {
        QCOMPARE(ServerTrust::serverKey(QUrl(QStringLiteral("https://LocalHost:8443/x"))),
            QStringLiteral("localhost:8443"));
        QCOMPARE(ServerTrust::serverKey(QUrl(QStringLiteral("https://example.cn"))),
            QStringLiteral("example.cn:443"));
        QCOMPARE(ServerTrust::serverKey(QUrl(QStringLiteral("https://[::1]:8443"))),
            QStringLiteral("[::1]:8443"));
    }

    void check_noPin_untrusted()
    {
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/a.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        const CertificateProblem problem
            = trust.check(QStringLiteral("localhost:8443"), m_a.certificate, {});
        QCOMPARE(problem.kind, CertificateProblem::Kind::Untrusted);
        QCOMPARE(problem.fingerprint, ServerTrust::fingerprint(m_a.certificate));
        QCOMPARE(problem.server, QStringLiteral("localhost:8443"));
        QVERIFY(problem.pinnedFingerprint.isEmpty());
    }

    void check_pinned_noProblem_andPersists()
    {
        const QString file = test::temporaryDirectory() + QStringLiteral("/b.ini");
        {
            QSettings settings(file, QSettings::IniFormat);
            ServerTrust trust(&settings);
            QSignalSpy changed(&trust, &ServerTrust::pinsChanged);
            trust.pin(QStringLiteral("localhost:8443"), m_a.certificate);
            QCOMPARE(changed.count(), 1);
        }
        QSettings settings(file, QSettings::IniFormat);
        ServerTrust trust(&settings);
        QCOMPARE(trust.pinnedFingerprint(QStringLiteral("localhost:8443")),
            ServerTrust::fingerprint(m_a.certificate));
        QVERIFY(trust.check(QStringLiteral("localhost:8443"), m_a.certificate, {}).isNull());
        // A pin belongs to one server: another port is a different server.
        QCOMPARE(trust.check(QStringLiteral("localhost:9443"), m_a.certificate, {}).kind,
            CertificateProblem::Kind::Untrusted);
        trust.forget(QStringLiteral("localhost:8443"));
        QVERIFY(trust.pinnedFingerprint(QStringLiteral("localhost:8443")).isEmpty());
    }

    void check_otherCertificatePinned_changed()
    {
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/c.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        trust.pin(QStringLiteral("localhost:8443"), m_a.certificate);
        const CertificateProblem problem
            = trust.check(QStringLiteral("localhost:8443"), m_b.certificate, {});
        QCOMPARE(problem.kind, CertificateProblem::Kind::Changed);
        QCOMPARE(problem.pinnedFingerprint, ServerTrust::fingerprint(m_a.certificate));
        QCOMPARE(problem.fingerprint, ServerTrust::fingerprint(m_b.certificate));
        // The pin is not replaced by looking.
        QCOMPARE(trust.pinnedFingerprint(QStringLiteral("localhost:8443")),
            ServerTrust::fingerprint(m_a.certificate));
    }

    void check_nullCertificate_untrustedWithoutFingerprint()
    {
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/d.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        const CertificateProblem problem
            = trust.check(QStringLiteral("localhost:8443"), QSslCertificate(), {});
        QCOMPARE(problem.kind, CertificateProblem::Kind::Untrusted);
        QVERIFY(problem.fingerprint.isEmpty());
    }

    void realTls_noPin_abortedAsUntrusted()
    {
        TinyHttpsServer server(m_a);
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/e.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        QNetworkAccessManager network;
        ApiClient api(&network, &trust);
        api.setServerUrl(server.url());
        const ApiResult result = health(api);
        QCOMPARE(result.error.kind, ApiError::Kind::Certificate);
        QCOMPARE(result.error.code, QStringLiteral("untrusted_certificate"));
        QCOMPARE(result.error.certificate.kind, CertificateProblem::Kind::Untrusted);
        QCOMPARE(result.error.certificate.certificate, m_a.certificate);
        QCOMPARE(result.error.certificate.fingerprint, ServerTrust::fingerprint(m_a.certificate));
        QCOMPARE(result.error.certificate.server, ServerTrust::serverKey(server.url()));
        QVERIFY(!result.error.certificate.errors.isEmpty());
        QCOMPARE(server.requests, 0); // nothing was sent over the untrusted connection
    }

    void realTls_pinned_succeeds()
    {
        TinyHttpsServer server(m_a);
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/f.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        trust.pin(ServerTrust::serverKey(server.url()), m_a.certificate);
        QNetworkAccessManager network;
        ApiClient api(&network, &trust);
        api.setServerUrl(server.url());
        const ApiResult result = health(api);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.body.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(server.requests, 1);
    }

    void realTls_differentCertificatePinned_abortedAsChanged()
    {
        TinyHttpsServer server(m_b);
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/g.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        trust.pin(ServerTrust::serverKey(server.url()), m_a.certificate);
        QNetworkAccessManager network;
        ApiClient api(&network, &trust);
        api.setServerUrl(server.url());
        const ApiResult result = health(api);
        QCOMPARE(result.error.kind, ApiError::Kind::Certificate);
        QCOMPARE(result.error.code, QStringLiteral("certificate_changed"));
        QCOMPARE(result.error.certificate.kind, CertificateProblem::Kind::Changed);
        QCOMPARE(
            result.error.certificate.pinnedFingerprint, ServerTrust::fingerprint(m_a.certificate));
        QCOMPARE(result.error.certificate.fingerprint, ServerTrust::fingerprint(m_b.certificate));
        QCOMPARE(server.requests, 0);
        // Still pinned to the old one: replacing needs the user's explicit decision.
        QCOMPARE(trust.pinnedFingerprint(ServerTrust::serverKey(server.url())),
            ServerTrust::fingerprint(m_a.certificate));
    }

    void realTls_pinForOtherPort_stillUntrusted()
    {
        TinyHttpsServer server(m_a);
        QSettings settings(
            test::temporaryDirectory() + QStringLiteral("/h.ini"), QSettings::IniFormat);
        ServerTrust trust(&settings);
        trust.pin(QStringLiteral("127.0.0.1:1"), m_a.certificate);
        QNetworkAccessManager network;
        ApiClient api(&network, &trust);
        api.setServerUrl(server.url());
        QCOMPARE(health(api).error.code, QStringLiteral("untrusted_certificate"));
    }

    void realTls_noTrustObject_refused()
    {
        TinyHttpsServer server(m_a);
        QNetworkAccessManager network;
        ApiClient api(&network, nullptr);
        api.setServerUrl(server.url());
        const ApiResult result = health(api);
        QVERIFY(!result.ok());
        QCOMPARE(server.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestServerTrust)
#include "tst_servertrust.moc"
