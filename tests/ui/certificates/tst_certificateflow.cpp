// Certificates end to end, the real server over HTTPS and the real client core: a learner whose
// year passed has a certificate issued; after a sync the client holds the server's signing key
// in its keyring and the certificate entity; the PDF made from it is cached and verifies offline
// with the keyring alone (no login needed); revoked by the administrator, the server's status of
// the serial says so with the reason. Runs on SQLite and PostgreSQL.
#include "certificatekeyring.h"
#include "certificatepdfcache.h"
#include "certificateverifier.h"
#include "commandlineverify.h"
#include "desktopclient.h"
#include "issuedcertificate.h"
#include "localstore.h"
#include "services/accountservice.h"
#include "storage/database.h"
#include "syncengine.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>
#include <QUuid>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestCertificateFlow : public QObject
{
    Q_OBJECT

private slots:
    void issued_synced_cachedVerifiedOffline_revokedOnline();

private:
    QJsonObject mutate(TestClient &client, const TestAccount &who, const QString &type,
        const QString &target, qint64 base, const QJsonObject &payload = {});
};

QJsonObject TestCertificateFlow::mutate(TestClient &client, const TestAccount &who,
    const QString &type, const QString &target, qint64 base, const QJsonObject &payload)
{
    const TestReply reply = client.post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                { QStringLiteral("baseVersion"), double(base) },
                { QStringLiteral("payload"), payload } } } } },
        who.token, "en");
    return reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

void TestCertificateFlow::issued_synced_cachedVerifiedOffline_revokedOnline()
{
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    TestClient client(server);

    // A learner bound to an HR office, with the year's minimum confirmed.
    const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("certified"), QStringLiteral("44010619900101123")));
    QVERIFY(!learner.token.isEmpty());
    {
        QSqlQuery v = server.server().database().exec(
            QStringLiteral("SELECT version FROM users WHERE id = ?"), { learner.id });
        QVERIFY(v.next());
        const qint64 version = v.value(0).toLongLong();
        v.finish();
        QCOMPARE(mutate(client, learner, QStringLiteral("profile.update"), learner.id, version,
                     { { QStringLiteral("gender"), QStringLiteral("female") },
                         { QStringLiteral("education"), QStringLiteral("bachelor") } })
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
    }
    const TestAccount employer = registerAndLogin(client, QStringLiteral("/accounts/employers"),
        organisationRegistration(QStringLiteral("cert_hr"), QStringLiteral("91440106MA59XK3T1")));
    QString error;
    QVERIFY2(server.server().accounts().approveOrganisation(
                 QStringLiteral("cert_hr"), Role::Employer, &error),
        qPrintable(error));
    const QString binding = newId();
    QCOMPARE(mutate(client, learner, QStringLiteral("binding.request"), binding, 0,
                 { { QStringLiteral("employerId"), employer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(mutate(client, employer, QStringLiteral("binding.confirm"), binding, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const qint64 now = server.clock().nowUtc().toMSecsSinceEpoch();
    for (const auto &[type, tenths] : { std::pair { QStringLiteral("public"), 300 },
             std::pair { QStringLiteral("professional"), 420 },
             std::pair { QStringLiteral("elective"), 180 } }) {
        server.server().database().exec(
            QStringLiteral("INSERT INTO hour_records (id, learner_id, year, source, subject_type,"
                           " hours_tenths, status, title, version, created_at, updated_at)"
                           " VALUES (?, ?, 2026, 'declaration', ?, ?, 'confirmed', ?, 1, ?, ?)"),
            { newId(), learner.id, type, tenths, QStringLiteral("培训"), now, now });
    }
    const QJsonObject issued = mutate(client, learner, QStringLiteral("certificate.request"),
        QStringLiteral("2026"), 0, { { QStringLiteral("year"), 2026 } });
    QCOMPARE(issued.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));

    // The learner's computer syncs: the key and the certificate arrive.
    DesktopClient desktop(server);
    QVERIFY(desktop.login(QStringLiteral("certified"), QStringLiteral("Secret123")));
    QVERIFY(desktop.sync(true));
    CertificateKeyring *keyring = desktop.core->certificateKeyring();
    QVERIFY(keyring);
    const TestReply keys = client.get(QStringLiteral("/certificates/keys"));
    const QByteArray published = QByteArray::fromBase64(keys.json.value(QStringLiteral("keys"))
                                                            .toArray()
                                                            .at(0)
                                                            .toObject()
                                                            .value(QStringLiteral("publicKey"))
                                                            .toString()
                                                            .toLatin1());
    QCOMPARE(published.size(), 32);
    QCOMPARE(keyring->publicKeys(), QList<QByteArray> { published });
    const auto certificate
        = certificateOfYear(desktop.store()->entities(QStringLiteral("certificate")), 2026);
    QVERIFY(certificate);
    QVERIFY(certificate->isCurrent());
    QCOMPARE(certificate->fields.professionalTenths, 420);
    QCOMPARE(certificate->fields.result, QStringLiteral("passed"));

    // The PDF as issued, cached, verifies with what this computer keeps (a new keyring object
    // reading the file, as `xueshi --verify` and 证书验证 do without a login).
    CertificatePdfCache cache(desktop.core->dataDirectory());
    const QString pdf = cache.ensure(certificate->fields, certificate->payload, &error);
    QVERIFY2(!pdf.isEmpty(), qPrintable(error));
    const CertificateKeyring offline(
        CertificateKeyring::defaultPath(desktop.core->dataDirectory()));
    const CertificateVerification result
        = CertificateVerifier(offline.publicKeys()).verifyFile(pdf);
    QVERIFY2(result.isValid(), qPrintable(formatVerification(result)));
    QCOMPARE(result.fields, certificate->fields);
    QVERIFY(result.textCompared);

    // Online: current, then revoked with the reason.
    const auto status = [&] {
        CertificateStatus answer;
        bool done = false;
        CertificateVerifier::fetchStatus(
            desktop.core->api(), certificate->serial, this, [&](const CertificateStatus &s) {
                answer = s;
                done = true;
            });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            qWarning("no answer about the serial");
        return answer;
    };
    CertificateStatus online = status();
    QVERIFY2(online.ok, qPrintable(online.error));
    QCOMPARE(online.version(1)->status, QStringLiteral("current"));
    // `xueshi --verify PDF --online` asks the server whose key signed.
    const auto commandLine = [&](bool withServer, QString *text) {
        QString written;
        QString errors;
        QTextStream out(&written);
        QTextStream err(&errors);
        const int code = verifyFromCommandLine(desktop.core.get(), pdf, {}, withServer, out, err);
        out.flush();
        *text = written + errors;
        return code;
    };
    QString printed;
    QCOMPARE(commandLine(true, &printed), 0);
    QVERIFY2(printed.contains(QLatin1String("Server: Current")), qPrintable(printed));
    QVERIFY(server.server().accounts().createAdministrator(
        QStringLiteral("cert_admin"), QStringLiteral("Admin12345"), &error));
    const TestReply session = client.post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("cert_admin") },
            { QStringLiteral("password"), QStringLiteral("Admin12345") } });
    const QString adminToken = session.json.value(QStringLiteral("token")).toString();
    const TestReply revoked
        = client.post(QStringLiteral("/certificates/%1/revoke").arg(certificate->serial),
            { { QStringLiteral("reason"), QStringLiteral("Hours entered in error") } }, adminToken);
    QCOMPARE(revoked.status, 200);
    online = status();
    QVERIFY(online.ok);
    QCOMPARE(online.version(1)->status, QStringLiteral("revoked"));
    QCOMPARE(online.describe(1), QStringLiteral("Revoked: Hours entered in error"));
    QCOMPARE(commandLine(true, &printed), 1);
    QVERIFY2(
        printed.contains(QLatin1String("Revoked: Hours entered in error")), qPrintable(printed));
    QCOMPARE(commandLine(false, &printed), 0); // offline it cannot know
    // The offline check still says what was signed; the revocation is the server's to tell.
    QVERIFY(CertificateVerifier(offline.publicKeys()).verifyFile(pdf).isValid());
    // After the next sync the learner's copy says revoked too.
    QVERIFY(desktop.sync(true));
    QVERIFY(certificateOfYear(desktop.store()->entities(QStringLiteral("certificate")), 2026)
                ->isRevoked());
}

QTEST_MAIN(TestCertificateFlow)
#include "tst_certificateflow.moc"
