// Certificates (issue 12) on the server, over HTTPS: the year judged at its edges (exactly the
// minimum, 0.1 hour short, pending hours apart, a region's policy), the issued payload verified
// against the published keys, a request repeated, a reissue that supersedes and leaves the former
// version verifiable, the snapshot unchanged by a later profile change, revocation (the
// administrator only), who sees the entity, and a key rotation. Runs on SQLite and PostgreSQL.
#include "certificatepayload.h"
#include "certificates/signingkeys.h"
#include "policy.h"
#include "services/accountservice.h"
#include "services/certificateservice.h"
#include "services/policyservice.h"
#include "storage/database.h"
#include "testserver.h"
#include "validators.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace xueshi;
using namespace xueshi::test;

namespace {

using Account = TestAccount;

const QString LearnerId17 = QStringLiteral("44010619900101123");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString status(const QJsonObject &result)
{
    return result.value(QStringLiteral("status")).toString();
}

QJsonObject errorOf(const QJsonObject &result)
{
    return result.value(QStringLiteral("error")).toObject();
}

} // namespace

class TestCertificates : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void signingKeys_filesOwnerOnly_rotationKeepsTheOldKey();
    void signingKey_publishedToEveryone();
    void notPassed_rejectedWithWhatIsMissing();
    void exactlyTheMinimum_issued_payloadVerifiesAgainstPublishedKeys();
    void tenthShort_rejected();
    void pendingHours_notCounted();
    void regionalPolicy_appliesToTheEmployersRegion();
    void request_repeated_sameVersionNothingNew();
    void moreHours_reissued_formerSupersededStillVerifies();
    void profileChange_leavesIssuedSnapshotUnchanged();
    void revoke_administratorOnly_statusRevokedOnline();
    void revoked_thenMoreHours_newCurrentVersion();
    void publicStatus_noPersonalData_validatesSerial();
    void entity_onlyTheLearnerSeesIt();
    void keyRotation_oldCertificateStillVerifies();
    void request_invalidYearOrRole_refused();
    void revoke_fromCommandLine();

private:
    Account registerLearner(const QString &username, const QString &first17);
    Account registerEmployer(const QString &username, const QString &creditFirst17);
    Account administrator();
    void bind(const Account &learner, const Account &employer);
    QJsonObject mutate(const Account &who, const QString &type, const QString &target, qint64 base,
        const QJsonObject &payload = {});
    QJsonObject request(const Account &who, int year = 2026);
    void addHours(const Account &learner, int year, const QString &type, int tenths,
        const QString &recordStatus = QStringLiteral("confirmed"));
    // The national minimum of 2026: 30 public, 42 professional, 18 elective hours.
    void addMinimum(const Account &learner, int year = 2026);
    QList<QByteArray> publishedKeys();
    // The latest state of each entity of `type` in the user's feed.
    QHash<QString, QJsonObject> latest(const Account &who, const QString &type);
    struct Stored
    {
        QString status;
        QString fields;
        QString payload;
        QString keyId;
    };
    Stored stored(const QString &serial, int version);
    int rowCount(const QString &table);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    Account m_learner;
    Account m_employer;
};

void TestCertificates::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    m_learner = registerLearner(QStringLiteral("certified"), LearnerId17);
    m_employer = registerEmployer(QStringLiteral("cert_hr"), QStringLiteral("91440106MA59XK3T1"));
    bind(m_learner, m_employer);
}

void TestCertificates::cleanup()
{
    m_client.reset();
    m_server.reset();
}

Account TestCertificates::registerLearner(const QString &username, const QString &first17)
{
    return registerBindableLearner(*m_server, *m_client, username, first17);
}

Account TestCertificates::registerEmployer(const QString &username, const QString &creditFirst17)
{
    return registerApprovedEmployer(*m_server, *m_client, username, creditFirst17);
}

Account TestCertificates::administrator()
{
    QString error;
    if (!m_server->server().accounts().createAdministrator(
            QStringLiteral("cert_admin"), QStringLiteral("Admin12345"), &error))
        qWarning("admin: %s", qPrintable(error));
    const TestReply r = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("cert_admin") },
            { QStringLiteral("password"), QStringLiteral("Admin12345") } });
    return { r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
        r.json.value(QStringLiteral("token")).toString() };
}

void TestCertificates::bind(const Account &learner, const Account &employer)
{
    QVERIFY(bindLearner(*m_client, learner, employer));
}

QJsonObject TestCertificates::mutate(const Account &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload)
{
    return applyMutation(*m_client, who, type, target, base, payload);
}

QJsonObject TestCertificates::request(const Account &who, int year)
{
    return mutate(who, QStringLiteral("certificate.request"), QString::number(year), 0,
        { { QStringLiteral("year"), year } });
}

void TestCertificates::addHours(
    const Account &learner, int year, const QString &type, int tenths, const QString &recordStatus)
{
    const qint64 now = m_server->clock().nowUtc().toMSecsSinceEpoch();
    m_server->server().database().exec(
        QStringLiteral("INSERT INTO hour_records (id, learner_id, year, source, subject_type,"
                       " hours_tenths, status, title, version, created_at, updated_at)"
                       " VALUES (?, ?, ?, 'declaration', ?, ?, ?, ?, 1, ?, ?)"),
        { newId(), learner.id, year, type, tenths, recordStatus, QStringLiteral("培训"), now,
            now });
}

void TestCertificates::addMinimum(const Account &learner, int year)
{
    addHours(learner, year, QStringLiteral("public"), 300);
    addHours(learner, year, QStringLiteral("professional"), 420);
    addHours(learner, year, QStringLiteral("elective"), 180);
}

QList<QByteArray> TestCertificates::publishedKeys()
{
    const TestReply r = m_client->get(QStringLiteral("/certificates/keys"));
    QList<QByteArray> keys;
    for (const QJsonValue &k : r.json.value(QStringLiteral("keys")).toArray())
        keys.append(QByteArray::fromBase64(
            k.toObject().value(QStringLiteral("publicKey")).toString().toLatin1()));
    return keys;
}

QHash<QString, QJsonObject> TestCertificates::latest(const Account &who, const QString &type)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
        if (c.value(QStringLiteral("type")).toString() != type)
            continue;
        const QString id = c.value(QStringLiteral("id")).toString();
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            out.remove(id);
        else
            out.insert(id, c.value(QStringLiteral("data")).toObject());
    }
    return out;
}

TestCertificates::Stored TestCertificates::stored(const QString &serial, int version)
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT status, fields, payload, key_id FROM certificates"
                       " WHERE serial = ? AND version = ?"),
        { serial, version });
    Stored s;
    if (q.next())
        s = { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString() };
    return s;
}

int TestCertificates::rowCount(const QString &table)
{
    QSqlQuery q
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    return q.next() ? q.value(0).toInt() : -1;
}

// --- tests ------------------------------------------------------------------------------------

void TestCertificates::signingKeys_filesOwnerOnly_rotationKeepsTheOldKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signing"));
    server::SigningKeys keys(path);
    QString error;
    const QDateTime now(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    QVERIFY2(keys.initialise(now, &error), qPrintable(error));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(path).permissions() & others, QFileDevice::Permissions());
    const std::optional<server::SigningKeys::Key> first = keys.current();
    QVERIFY(first);
    QCOMPARE(first->secretKey.size(), 64);
    QCOMPARE(first->keyId, signingKeyId(first->publicKey));
    QCOMPARE(first->createdAt, now);
    // A second start finds the key and makes none.
    QVERIFY(keys.initialise(now.addDays(1), &error));
    QCOMPARE(keys.keys().size(), 1);
    QCOMPARE(keys.current()->secretKey, first->secretKey);

    const std::optional<server::SigningKeys::Key> second = keys.rotate(now.addDays(2), &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(second->keyId != first->keyId);
    const QList<server::SigningKeys::Key> all = server::SigningKeys(path).keys();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).keyId, second->keyId);
    QVERIFY(all.at(0).current);
    QCOMPARE(all.at(1).keyId, first->keyId);
    QCOMPARE(all.at(1).secretKey, first->secretKey);
    QVERIFY(!all.at(1).current);
    const QStringList files = QDir(path).entryList(QDir::Files);
    QCOMPARE(files.size(), 2);
    for (const QString &f : files)
        QCOMPARE(
            QFileInfo(QDir(path).filePath(f)).permissions() & others, QFileDevice::Permissions());

    // The server's own: made at its first start, under its data directory.
    const QString serverKeys = m_server->server().signingKeys().directory();
    QVERIFY(QFileInfo::exists(QDir(serverKeys).filePath(QStringLiteral("ed25519.key"))));
    QCOMPARE(QFileInfo(serverKeys).permissions() & others, QFileDevice::Permissions());
}

void TestCertificates::signingKey_publishedToEveryone()
{
    const TestReply keys = m_client->get(QStringLiteral("/certificates/keys"));
    QCOMPARE(keys.status, 200);
    const QJsonArray list = keys.json.value(QStringLiteral("keys")).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject key = list.at(0).toObject();
    QVERIFY(key.value(QStringLiteral("current")).toBool());
    const std::optional<server::SigningKeys::Key> current
        = m_server->server().signingKeys().current();
    QCOMPARE(key.value(QStringLiteral("keyId")).toString(), current->keyIdHex());
    QCOMPARE(QByteArray::fromBase64(key.value(QStringLiteral("publicKey")).toString().toLatin1()),
        current->publicKey);
    // Only the public half: nothing of the secret key in the answer.
    QVERIFY(!keys.body.contains(current->secretKey.toBase64().left(20)));

    for (const Account &who : { m_learner, m_employer }) {
        const QHash<QString, QJsonObject> published = latest(who, QStringLiteral("signingKey"));
        QCOMPARE(published.size(), 1);
        const QJsonObject data = published.value(current->keyIdHex());
        QCOMPARE(data.value(QStringLiteral("keyId")).toString(), current->keyIdHex());
        QCOMPARE(data.value(QStringLiteral("publicKey")).toString(),
            key.value(QStringLiteral("publicKey")).toString());
        QVERIFY(data.value(QStringLiteral("current")).toBool());
        QVERIFY(!data.value(QStringLiteral("createdAt")).toString().isEmpty());
    }
}

void TestCertificates::notPassed_rejectedWithWhatIsMissing()
{
    addHours(m_learner, 2026, QStringLiteral("public"), 300);
    addHours(m_learner, 2026, QStringLiteral("professional"), 375);
    const QJsonObject r = request(m_learner);
    QCOMPARE(status(r), QStringLiteral("rejected"));
    const QJsonObject error = errorOf(r);
    QCOMPARE(error.value(QStringLiteral("code")).toString(),
        QStringLiteral("certificate_year_not_passed"));
    const QStringList missing = error.value(QStringLiteral("missing")).toVariant().toStringList();
    QCOMPARE(missing,
        (QStringList { QStringLiteral("Professional subjects: 4.5 hours short"),
            QStringLiteral("Elective subjects: 18 hours short") }));
    const QJsonObject tenths = error.value(QStringLiteral("missingTenths")).toObject();
    QCOMPARE(tenths.value(QStringLiteral("professional")).toInt(), 45);
    QCOMPARE(tenths.value(QStringLiteral("elective")).toInt(), 180);
    QCOMPARE(tenths.value(QStringLiteral("public")).toInt(), 0);
    QVERIFY(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("4.5")));
    // Nothing issued, no serial taken.
    QCOMPARE(rowCount(QStringLiteral("certificates")), 0);
    QCOMPARE(rowCount(QStringLiteral("certificate_serials")), 0);
    QVERIFY(latest(m_learner, QStringLiteral("certificate")).isEmpty());
}

void TestCertificates::exactlyTheMinimum_issued_payloadVerifiesAgainstPublishedKeys()
{
    addMinimum(m_learner);
    // Another year's hours do not count toward 2026.
    addHours(m_learner, 2025, QStringLiteral("elective"), 500);
    const QJsonObject r = request(m_learner);
    QCOMPARE(status(r), QStringLiteral("applied"));
    const QString serial = r.value(QStringLiteral("serial")).toString();
    QVERIFY2(isCertificateSerial(serial), qPrintable(serial));
    QVERIFY(serial.startsWith(QLatin1String("XS2026")));
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 1);

    const QHash<QString, QJsonObject> certificates
        = latest(m_learner, QStringLiteral("certificate"));
    QCOMPARE(certificates.size(), 1);
    const QJsonObject entity = certificates.value(serial + QStringLiteral("-1"));
    QCOMPARE(entity.value(QStringLiteral("id")).toString(), serial + QStringLiteral("-1"));
    QCOMPARE(entity.value(QStringLiteral("serial")).toString(), serial);
    QCOMPARE(entity.value(QStringLiteral("certificateVersion")).toInt(), 1);
    QCOMPARE(entity.value(QStringLiteral("learnerId")).toString(), m_learner.id);
    QCOMPARE(entity.value(QStringLiteral("year")).toInt(), 2026);
    QCOMPARE(entity.value(QStringLiteral("status")).toString(), QStringLiteral("current"));
    QVERIFY(entity.value(QStringLiteral("supersededAt")).isNull());
    QVERIFY(entity.value(QStringLiteral("revokedAt")).isNull());

    const std::optional<CertificateFields> fields
        = CertificateFields::fromJson(entity.value(QStringLiteral("fields")).toObject());
    QVERIFY(fields);
    QCOMPARE(fields->serial, serial);
    QCOMPARE(fields->version, 1);
    QCOMPARE(fields->year, 2026);
    QCOMPARE(fields->name, QStringLiteral("张三"));
    QCOMPARE(fields->residentIdMasked, maskResidentId(residentId(LearnerId17)));
    QVERIFY(!fields->residentIdMasked.contains(residentId(LearnerId17).mid(6, 8)));
    QCOMPARE(fields->employer, QStringLiteral("广州测试科技有限公司"));
    QCOMPARE(fields->publicTenths, 300);
    QCOMPARE(fields->professionalTenths, 420);
    QCOMPARE(fields->electiveTenths, 180);
    QCOMPARE(fields->totalTenths, 900);
    QCOMPARE(fields->requiredTenths, 900);
    QCOMPARE(fields->result, QStringLiteral("passed"));
    QCOMPARE(fields->issuedOn, m_server->clock().todayInChina());

    // The payload verifies offline against what GET /certificates/keys publishes.
    const CertificateCheck check
        = verifyCertificate(entity.value(QStringLiteral("payload")).toString(), publishedKeys());
    QCOMPARE(check.outcome, CertificateCheck::Outcome::Valid);
    QCOMPARE(check.fields, *fields);
    QCOMPARE(
        QString::fromLatin1(check.keyId.toHex()), entity.value(QStringLiteral("keyId")).toString());

    const TestReply online = m_client->get(QStringLiteral("/certificates/") + serial);
    QCOMPARE(online.status, 200);
    const QJsonArray versions = online.json.value(QStringLiteral("versions")).toArray();
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.at(0).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("current"));
    QCOMPARE(versions.at(0).toObject().value(QStringLiteral("issuedOn")).toString(),
        QStringLiteral("2026-03-01"));
}

void TestCertificates::tenthShort_rejected()
{
    addHours(m_learner, 2026, QStringLiteral("public"), 300);
    addHours(m_learner, 2026, QStringLiteral("professional"), 420);
    addHours(m_learner, 2026, QStringLiteral("elective"), 179);
    const QJsonObject r = request(m_learner);
    QCOMPARE(status(r), QStringLiteral("rejected"));
    QCOMPARE(errorOf(r).value(QStringLiteral("code")).toString(),
        QStringLiteral("certificate_year_not_passed"));
    QCOMPARE(errorOf(r).value(QStringLiteral("missing")).toVariant().toStringList(),
        QStringList { QStringLiteral("Elective subjects: 0.1 hours short") });
    // The tenth that was missing: issued.
    addHours(m_learner, 2026, QStringLiteral("elective"), 1);
    QCOMPARE(status(request(m_learner)), QStringLiteral("applied"));
}

void TestCertificates::pendingHours_notCounted()
{
    addHours(m_learner, 2026, QStringLiteral("public"), 300);
    addHours(m_learner, 2026, QStringLiteral("professional"), 420);
    addHours(m_learner, 2026, QStringLiteral("elective"), 180, QStringLiteral("pending"));
    addHours(m_learner, 2026, QStringLiteral("elective"), 180, QStringLiteral("rejected"));
    const QJsonObject r = request(m_learner);
    QCOMPARE(status(r), QStringLiteral("rejected"));
    QCOMPARE(errorOf(r)
                 .value(QStringLiteral("missingTenths"))
                 .toObject()
                 .value(QStringLiteral("elective")),
        QJsonValue(180));
    QCOMPARE(rowCount(QStringLiteral("certificates")), 0);
}

void TestCertificates::regionalPolicy_appliesToTheEmployersRegion()
{
    // The employer is in 440106 (Tianhe, Guangzhou); Guangdong asks 60 hours only.
    YearPolicy guangdong = YearPolicy::defaults(2026);
    guangdong.regionCode = QStringLiteral("440000");
    guangdong.totalTenths = 600;
    guangdong.publicTenths = 200;
    guangdong.professionalTenths = 300;
    guangdong.electiveTenths = 100;
    m_server->server().policies().set(guangdong);
    addHours(m_learner, 2026, QStringLiteral("public"), 200);
    addHours(m_learner, 2026, QStringLiteral("professional"), 300);
    addHours(m_learner, 2026, QStringLiteral("elective"), 100);
    const QJsonObject r = request(m_learner);
    QCOMPARE(status(r), QStringLiteral("applied"));
    const QJsonObject entity
        = latest(m_learner, QStringLiteral("certificate"))
              .value(r.value(QStringLiteral("serial")).toString() + QStringLiteral("-1"));
    QCOMPARE(
        entity.value(QStringLiteral("fields")).toObject().value(QStringLiteral("requiredTenths")),
        QJsonValue(600));

    // A learner with no employer is judged by the national policy.
    const Account unbound
        = registerLearner(QStringLiteral("unbound"), QStringLiteral("44010619900101131"));
    addHours(unbound, 2026, QStringLiteral("public"), 200);
    addHours(unbound, 2026, QStringLiteral("professional"), 300);
    addHours(unbound, 2026, QStringLiteral("elective"), 100);
    QCOMPARE(errorOf(request(unbound)).value(QStringLiteral("code")).toString(),
        QStringLiteral("certificate_year_not_passed"));
    addHours(unbound, 2026, QStringLiteral("public"), 100);
    addHours(unbound, 2026, QStringLiteral("professional"), 120);
    addHours(unbound, 2026, QStringLiteral("elective"), 80);
    const QJsonObject issued = request(unbound);
    QCOMPARE(status(issued), QStringLiteral("applied"));
    const QJsonObject fields
        = latest(unbound, QStringLiteral("certificate"))
              .value(issued.value(QStringLiteral("serial")).toString() + QStringLiteral("-1"))
              .value(QStringLiteral("fields"))
              .toObject();
    QCOMPARE(fields.value(QStringLiteral("employer")).toString(), QString());
    QCOMPARE(fields.value(QStringLiteral("requiredTenths")), QJsonValue(900));
}

void TestCertificates::request_repeated_sameVersionNothingNew()
{
    addMinimum(m_learner);
    const QJsonObject first = request(m_learner);
    QCOMPARE(status(first), QStringLiteral("applied"));
    const QString serial = first.value(QStringLiteral("serial")).toString();
    const Stored before = stored(serial, 1);
    const int changesBefore = rowCount(QStringLiteral("change_log"));
    // The next day: the issue date alone is nothing new.
    m_server->clock().advance(24 * 3600);
    const QJsonObject again = request(m_learner);
    QCOMPARE(status(again), QStringLiteral("applied"));
    QCOMPARE(again.value(QStringLiteral("serial")).toString(), serial);
    QCOMPARE(again.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(rowCount(QStringLiteral("certificates")), 1);
    QCOMPARE(rowCount(QStringLiteral("change_log")), changesBefore);
    const Stored after = stored(serial, 1);
    QCOMPARE(after.fields, before.fields);
    QCOMPARE(after.payload, before.payload);
    QCOMPARE(after.status, QStringLiteral("current"));
}

void TestCertificates::moreHours_reissued_formerSupersededStillVerifies()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    const Stored v1 = stored(serial, 1);
    m_server->clock().advance(5 * 24 * 3600); // within the token's lifetime
    addHours(m_learner, 2026, QStringLiteral("professional"), 45);
    const QJsonObject r = request(m_learner);
    QCOMPARE(status(r), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("serial")).toString(), serial);
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 2);

    const Stored v1After = stored(serial, 1);
    QCOMPARE(v1After.status, QStringLiteral("superseded"));
    QCOMPARE(v1After.fields, v1.fields);
    QCOMPARE(v1After.payload, v1.payload);
    const Stored v2 = stored(serial, 2);
    QCOMPARE(v2.status, QStringLiteral("current"));

    const QList<QByteArray> keys = publishedKeys();
    // The former version's signature still holds: it is superseded, not forged.
    const CertificateCheck old = verifyCertificate(v1.payload, keys);
    QCOMPARE(old.outcome, CertificateCheck::Outcome::Valid);
    QCOMPARE(old.fields.version, 1);
    QCOMPARE(old.fields.professionalTenths, 420);
    const CertificateCheck current = verifyCertificate(v2.payload, keys);
    QCOMPARE(current.outcome, CertificateCheck::Outcome::Valid);
    QCOMPARE(current.fields.version, 2);
    QCOMPARE(current.fields.professionalTenths, 465);
    QCOMPARE(current.fields.totalTenths, 945);
    QCOMPARE(current.fields.issuedOn, QDate(2026, 3, 6));

    const QJsonArray versions = m_client->get(QStringLiteral("/certificates/") + serial)
                                    .json.value(QStringLiteral("versions"))
                                    .toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("superseded"));
    QCOMPARE(versions.at(1).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("current"));
    QCOMPARE(versions.at(1).toObject().value(QStringLiteral("issuedOn")).toString(),
        QStringLiteral("2026-03-06"));

    const QHash<QString, QJsonObject> feed = latest(m_learner, QStringLiteral("certificate"));
    QCOMPARE(feed.size(), 2);
    QCOMPARE(feed.value(serial + QStringLiteral("-1")).value(QStringLiteral("status")).toString(),
        QStringLiteral("superseded"));
    QVERIFY(
        !feed.value(serial + QStringLiteral("-1")).value(QStringLiteral("supersededAt")).isNull());
    QCOMPARE(feed.value(serial + QStringLiteral("-1")).value(QStringLiteral("payload")).toString(),
        v1.payload);
    QCOMPARE(feed.value(serial + QStringLiteral("-2")).value(QStringLiteral("status")).toString(),
        QStringLiteral("current"));
}

void TestCertificates::profileChange_leavesIssuedSnapshotUnchanged()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    const Stored v1 = stored(serial, 1);
    // The confirmed real name cannot change through the profile while bound; a correction by
    // the HR office's process reaches the row itself.
    m_server->server().database().exec(
        QStringLiteral("UPDATE learners SET real_name = ? WHERE user_id = ?"),
        { QStringLiteral("张三丰"), m_learner.id });
    const QJsonObject r = request(m_learner);
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 2);
    const Stored v1After = stored(serial, 1);
    QCOMPARE(v1After.fields.toUtf8(), v1.fields.toUtf8());
    QCOMPARE(v1After.payload.toUtf8(), v1.payload.toUtf8());
    QCOMPARE(CertificateFields::fromJson(QJsonDocument::fromJson(v1After.fields.toUtf8()).object())
                 ->name,
        QStringLiteral("张三"));
    QCOMPARE(verifyCertificate(stored(serial, 2).payload, publishedKeys()).fields.name,
        QStringLiteral("张三丰"));
    // The feed's copy of version 1 still says what was issued.
    QCOMPARE(latest(m_learner, QStringLiteral("certificate"))
                 .value(serial + QStringLiteral("-1"))
                 .value(QStringLiteral("fields"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
        QStringLiteral("张三"));
}

void TestCertificates::revoke_administratorOnly_statusRevokedOnline()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    const Account admin = administrator();
    const QString path = QStringLiteral("/certificates/%1/revoke").arg(serial);
    const QJsonObject reason { { QStringLiteral("reason"),
        QStringLiteral("  学时证明材料造假  ") } };

    QCOMPARE(m_client->post(path, reason).status, 401);
    for (const Account &who : { m_learner, m_employer }) {
        const TestReply r = m_client->post(path, reason, who.token);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    }
    QCOMPARE(stored(serial, 1).status, QStringLiteral("current"));

    QCOMPARE(
        m_client->post(path, { { QStringLiteral("reason"), QStringLiteral("   ") } }, admin.token)
            .status,
        400);
    QCOMPARE(m_client->post(path, {}, admin.token).status, 400);
    QCOMPARE(
        m_client
            ->post(path, { { QStringLiteral("reason"), QString(201, QChar(0x8bef)) } }, admin.token)
            .status,
        400);
    QCOMPARE(
        m_client->post(QStringLiteral("/certificates/XS2026K7M3Q9X2PA/revoke"), reason, admin.token)
            .status,
        404);
    QCOMPARE(
        m_client->post(QStringLiteral("/certificates/XS2026/revoke"), reason, admin.token).status,
        400);

    const TestReply done = m_client->post(
        path, { { QStringLiteral("reason"), QString(200, QChar(0x8bef)) } }, admin.token);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
    QCOMPARE(done.json.value(QStringLiteral("certificateVersion")).toInt(), 1);
    QCOMPARE(stored(serial, 1).status, QStringLiteral("revoked"));
    // Nothing current left to revoke.
    const TestReply again = m_client->post(path, reason, admin.token);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("certificate_not_current"));

    const QJsonObject online = m_client->get(QStringLiteral("/certificates/") + serial).json;
    const QJsonObject v1 = online.value(QStringLiteral("versions")).toArray().at(0).toObject();
    QCOMPARE(v1.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
    QCOMPARE(v1.value(QStringLiteral("revokedReason")).toString(), QString(200, QChar(0x8bef)));
    const QJsonObject entity
        = latest(m_learner, QStringLiteral("certificate")).value(serial + QStringLiteral("-1"));
    QCOMPARE(entity.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
    QVERIFY(!entity.value(QStringLiteral("revokedAt")).isNull());
    // Still the payload as issued: its signature holds, the status online says revoked.
    QCOMPARE(verifyCertificate(entity.value(QStringLiteral("payload")).toString(), publishedKeys())
                 .outcome,
        CertificateCheck::Outcome::Valid);
    QSqlQuery by = m_server->server().database().exec(
        QStringLiteral("SELECT revoked_by FROM certificates WHERE serial = ?"), { serial });
    QVERIFY(by.next());
    QCOMPARE(by.value(0).toString(), admin.id);
}

void TestCertificates::revoked_thenMoreHours_newCurrentVersion()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    QString error;
    QVERIFY2(m_server->server().certificates().revokeFromCommandLine(
                 serial, QStringLiteral("核查中"), &error),
        qPrintable(error));
    // The same hours: the revoked version stands; nothing new is issued.
    const QJsonObject same = request(m_learner);
    QCOMPARE(status(same), QStringLiteral("applied"));
    QCOMPARE(same.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(rowCount(QStringLiteral("certificates")), 1);
    QCOMPARE(stored(serial, 1).status, QStringLiteral("revoked"));
    // More hours: a new current version; the revoked one stays revoked.
    addHours(m_learner, 2026, QStringLiteral("elective"), 20);
    const QJsonObject more = request(m_learner);
    QCOMPARE(more.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(stored(serial, 1).status, QStringLiteral("revoked"));
    QCOMPARE(stored(serial, 2).status, QStringLiteral("current"));
}

void TestCertificates::publicStatus_noPersonalData_validatesSerial()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    const TestReply r = m_client->get(QStringLiteral("/certificates/") + serial);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.keys(), (QStringList { QStringLiteral("serial"), QStringLiteral("versions") }));
    const QJsonObject v = r.json.value(QStringLiteral("versions")).toArray().at(0).toObject();
    QCOMPARE(v.keys(),
        (QStringList { QStringLiteral("certificateVersion"), QStringLiteral("issuedOn"),
            QStringLiteral("revokedReason"), QStringLiteral("status") }));
    const QString body = QString::fromUtf8(r.body);
    for (const QString &personal :
        { QStringLiteral("张三"), residentId(LearnerId17), maskResidentId(residentId(LearnerId17)),
            QStringLiteral("广州测试科技有限公司"), m_learner.id })
        QVERIFY2(!body.contains(personal), qPrintable(personal));

    QCOMPARE(m_client->get(QStringLiteral("/certificates/XS2026K7M3Q9X2PA")).status, 404);
    for (const QString &bad : { QStringLiteral("XS2026K7M3Q9X2P"),
             QStringLiteral("xs2026k7m3q9x2pa"), QStringLiteral("XS2026K7M3Q9X2PI"),
             QStringLiteral("1%27%20OR%201%3D1"), QStringLiteral("..%2F..%2Fxueshi.sqlite") }) {
        const TestReply refused = m_client->get(QStringLiteral("/certificates/") + bad);
        QVERIFY2(refused.status == 400 || refused.status == 404, qPrintable(bad));
        QVERIFY(!refused.errorCode().isEmpty());
    }
    QCOMPARE(m_client->get(QStringLiteral("/certificates/XS2026K7M3Q9X2PI")).status, 400);
}

void TestCertificates::entity_onlyTheLearnerSeesIt()
{
    addMinimum(m_learner);
    QCOMPARE(status(request(m_learner)), QStringLiteral("applied"));
    const Account other
        = registerLearner(QStringLiteral("other"), QStringLiteral("44010619900101140"));
    const Account admin = administrator();
    QCOMPARE(latest(m_learner, QStringLiteral("certificate")).size(), 1);
    for (const Account &who : { other, m_employer, admin })
        QVERIFY(latest(who, QStringLiteral("certificate")).isEmpty());
}

void TestCertificates::keyRotation_oldCertificateStillVerifies()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    const Stored v1 = stored(serial, 1);
    QString error;
    const std::optional<QString> newKey = m_server->server().certificates().rotateKey(&error);
    QVERIFY2(newKey, qPrintable(error));
    QVERIFY(*newKey != v1.keyId);

    const TestReply keys = m_client->get(QStringLiteral("/certificates/keys"));
    const QJsonArray list = keys.json.value(QStringLiteral("keys")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("keyId")).toString(), *newKey);
    QVERIFY(list.at(0).toObject().value(QStringLiteral("current")).toBool());
    QCOMPARE(list.at(1).toObject().value(QStringLiteral("keyId")).toString(), v1.keyId);
    QVERIFY(!list.at(1).toObject().value(QStringLiteral("current")).toBool());

    const QList<QByteArray> published = publishedKeys();
    QCOMPARE(verifyCertificate(v1.payload, published).outcome, CertificateCheck::Outcome::Valid);
    // The feed tells every client: the old key retired, the new one current.
    const QHash<QString, QJsonObject> feed = latest(m_employer, QStringLiteral("signingKey"));
    QCOMPARE(feed.size(), 2);
    QVERIFY(!feed.value(v1.keyId).value(QStringLiteral("current")).toBool());
    QVERIFY(feed.value(*newKey).value(QStringLiteral("current")).toBool());

    // A reissue is signed with the new key.
    addHours(m_learner, 2026, QStringLiteral("public"), 10);
    QCOMPARE(request(m_learner).value(QStringLiteral("version")).toInt(), 2);
    const Stored v2 = stored(serial, 2);
    QCOMPARE(v2.keyId, *newKey);
    const CertificateCheck check = verifyCertificate(v2.payload, published);
    QCOMPARE(check.outcome, CertificateCheck::Outcome::Valid);
    QCOMPARE(QString::fromLatin1(check.keyId.toHex()), *newKey);
    // Without the retired key the old one is unknown, not forged.
    QCOMPARE(verifyCertificate(v1.payload, { published.at(0) }).outcome,
        CertificateCheck::Outcome::UnknownKey);
}

void TestCertificates::request_invalidYearOrRole_refused()
{
    addMinimum(m_learner);
    for (const QJsonValue &year : { QJsonValue(1999), QJsonValue(2101), QJsonValue(2026.5),
             QJsonValue(QStringLiteral("2026")), QJsonValue(1e300), QJsonValue() }) {
        const QJsonObject r = mutate(m_learner, QStringLiteral("certificate.request"),
            QStringLiteral("x"), 0, { { QStringLiteral("year"), year } });
        QCOMPARE(status(r), QStringLiteral("rejected"));
        QVERIFY2(errorOf(r).value(QStringLiteral("code")).toString() == u"invalid_field"
                || errorOf(r).value(QStringLiteral("code")).toString() == u"missing_field",
            qPrintable(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
        QCOMPARE(errorOf(r).value(QStringLiteral("field")).toString(), QStringLiteral("year"));
    }
    const QJsonObject extra
        = mutate(m_learner, QStringLiteral("certificate.request"), QStringLiteral("x"), 0,
            { { QStringLiteral("year"), 2026 }, { QStringLiteral("learnerId"), m_employer.id } });
    QCOMPARE(
        errorOf(extra).value(QStringLiteral("code")).toString(), QStringLiteral("unknown_field"));
    const QJsonObject employer = request(m_employer);
    QCOMPARE(
        errorOf(employer).value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(rowCount(QStringLiteral("certificates")), 0);
}

void TestCertificates::revoke_fromCommandLine()
{
    addMinimum(m_learner);
    const QString serial = request(m_learner).value(QStringLiteral("serial")).toString();
    server::CertificateService &certificates = m_server->server().certificates();
    QString error;
    QVERIFY(
        !certificates.revokeFromCommandLine(QStringLiteral("XS20"), QStringLiteral("x"), &error));
    QVERIFY(!certificates.revokeFromCommandLine(serial, QStringLiteral("  "), &error));
    QVERIFY(!certificates.revokeFromCommandLine(
        QStringLiteral("XS2026K7M3Q9X2PA"), QStringLiteral("x"), &error));
    QVERIFY2(certificates.revokeFromCommandLine(serial, QStringLiteral("重复颁发"), &error),
        qPrintable(error));
    QCOMPARE(stored(serial, 1).status, QStringLiteral("revoked"));
    QVERIFY(!certificates.revokeFromCommandLine(serial, QStringLiteral("again"), &error));
    QSqlQuery by = m_server->server().database().exec(
        QStringLiteral("SELECT revoked_by, revoked_reason FROM certificates WHERE serial = ?"),
        { serial });
    QVERIFY(by.next());
    QVERIFY(by.value(0).isNull());
    QCOMPARE(by.value(1).toString(), QStringLiteral("重复颁发"));
}

QTEST_GUILESS_MAIN(TestCertificates)
#include "tst_certificates.moc"
