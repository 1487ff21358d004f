// The learner's certificates page reads its year from the cache: the policy of the learner's
// region (the confirmed employer's), the confirmed and pending hours of the year, and the latest
// issued certificate, which is out of date once the hours changed.
#include "certificates/learnercertificates.h"
#include "localstore.h"
#include "policies.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace xueshi;

namespace {

const QString Learner = QStringLiteral("11111111-1111-4111-8111-111111111111");

CachedEntity record(const QString &id, int year, const char *type, int tenths, const char *status)
{
    return { QStringLiteral("hourRecord"), id, 1,
        { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), Learner },
            { QStringLiteral("year"), year },
            { QStringLiteral("subjectType"), QString::fromLatin1(type) },
            { QStringLiteral("hoursTenths"), tenths },
            { QStringLiteral("status"), QString::fromLatin1(status) },
            { QStringLiteral("startDate"), QStringLiteral("%1-05-01").arg(year) } } };
}

CachedEntity policy(const YearPolicy &p)
{
    return { QStringLiteral("policy"), p.entityId(), 1, p.toJson() };
}

CachedEntity binding(const char *status, const char *region)
{
    return { QStringLiteral("binding"), QStringLiteral("b-%1").arg(QLatin1String(status)), 1,
        { { QStringLiteral("learnerId"), Learner },
            { QStringLiteral("status"), QString::fromLatin1(status) },
            { QStringLiteral("employerRegionCode"), QString::fromLatin1(region) } } };
}

} // namespace

class TestLearnerCertificates : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void regionalPolicy_followsTheConfirmedEmployer();
    void judgement_andRecords_ofTheYear();
    void latestCertificate_andWhetherItIsUpToDate();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestLearnerCertificates::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("store.sqlite"))),
        qPrintable(m_store->lastError()));
}

void TestLearnerCertificates::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestLearnerCertificates::regionalPolicy_followsTheConfirmedEmployer()
{
    YearPolicy guangdong = YearPolicy::defaults(2026);
    guangdong.regionCode = QStringLiteral("440000");
    guangdong.hoursPerDayTenths = 80;
    QVERIFY(m_store->putEntity(policy(YearPolicy::defaults(2026))));
    QVERIFY(m_store->putEntity(policy(guangdong)));
    QCOMPARE(cachedPolicies(m_store.get()).size(), 2);

    // Not bound, or bound only in a request: the national policy.
    QCOMPARE(cachedLearnerPolicy(m_store.get(), Learner, 2026).hoursPerDayTenths, 60);
    QVERIFY(m_store->putEntity(binding("pending", "440106")));
    QCOMPARE(cachedLearnerRegion(m_store.get(), Learner), QString());
    QCOMPARE(cachedLearnerPolicy(m_store.get(), Learner, 2026).hoursPerDayTenths, 60);
    // Confirmed by an employer of 天河区: Guangdong's.
    QVERIFY(m_store->putEntity(binding("confirmed", "440106")));
    QCOMPARE(cachedLearnerRegion(m_store.get(), Learner), QStringLiteral("440106"));
    QCOMPARE(cachedLearnerPolicy(m_store.get(), Learner, 2026).hoursPerDayTenths, 80);
    QCOMPARE(
        cachedLearnerPolicy(m_store.get(), QStringLiteral("someone else"), 2026).hoursPerDayTenths,
        60);
    QCOMPARE(LearnerCertificates(m_store.get(), Learner).policy(2026), guangdong);
}

void TestLearnerCertificates::judgement_andRecords_ofTheYear()
{
    QVERIFY(m_store->putEntity(record(QStringLiteral("a"), 2026, "public", 300, "confirmed")));
    QVERIFY(
        m_store->putEntity(record(QStringLiteral("b"), 2026, "professional", 375, "confirmed")));
    QVERIFY(m_store->putEntity(record(QStringLiteral("c"), 2026, "elective", 180, "confirmed")));
    QVERIFY(m_store->putEntity(record(QStringLiteral("d"), 2026, "professional", 60, "pending")));
    QVERIFY(m_store->putEntity(record(QStringLiteral("e"), 2026, "elective", 50, "rejected")));
    QVERIFY(m_store->putEntity(record(QStringLiteral("f"), 2024, "public", 300, "confirmed")));
    const LearnerCertificates c(m_store.get(), Learner);

    QCOMPARE(c.years(QDate(2026, 3, 1)), (QList<int> { 2026, 2024 }));
    QCOMPARE(c.years(QDate(2027, 1, 5)), (QList<int> { 2027, 2026, 2024 }));
    const YearJudgement j = c.judge(2026);
    QVERIFY(!j.passed);
    QCOMPARE(j.professionalShortTenths, 45);
    QCOMPARE(j.pending.professionalTenths, 60);
    const QList<QJsonObject> records = c.records(2026);
    QCOMPARE(records.size(), 5);
    // Confirmed first, then pending, then rejected.
    QCOMPARE(records.at(3).value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(records.at(4).value(QLatin1String("status")).toString(), QStringLiteral("rejected"));
}

void TestLearnerCertificates::latestCertificate_andWhetherItIsUpToDate()
{
    QVERIFY(m_store->putEntity(record(QStringLiteral("a"), 2025, "public", 300, "confirmed")));
    QVERIFY(
        m_store->putEntity(record(QStringLiteral("b"), 2025, "professional", 420, "confirmed")));
    QVERIFY(m_store->putEntity(record(QStringLiteral("c"), 2025, "elective", 180, "confirmed")));
    CertificateFields f;
    f.serial = QStringLiteral("XS2025K7M3Q9X2PA");
    f.version = 1;
    f.year = 2025;
    f.name = QStringLiteral("张明");
    f.residentIdMasked = QStringLiteral("440106********0037");
    f.publicTenths = 300;
    f.professionalTenths = 420;
    f.electiveTenths = 120;
    f.totalTenths = 840;
    f.requiredTenths = 900;
    f.result = QStringLiteral("passed");
    f.issuedOn = QDate(2026, 1, 10);
    const auto certificate = [&](const CertificateFields &fields, const char *status) {
        const QString id = fields.serial + QLatin1Char('-') + QString::number(fields.version);
        return CachedEntity { QStringLiteral("certificate"), id, 1,
            { { QStringLiteral("id"), id },
                { QStringLiteral("status"), QString::fromLatin1(status) },
                { QStringLiteral("fields"), fields.toJson() },
                { QStringLiteral("payload"), QStringLiteral("XSC1.x.y") } } };
    };
    QVERIFY(m_store->putEntity(certificate(f, "superseded")));
    CertificateFields v2 = f;
    v2.version = 2;
    v2.electiveTenths = 180;
    v2.totalTenths = 900;
    QVERIFY(m_store->putEntity(certificate(v2, "current")));

    const LearnerCertificates c(m_store.get(), Learner);
    QVERIFY(!c.latest(2024));
    const auto latest = c.latest(2025);
    QVERIFY(latest);
    QCOMPARE(latest->fields.version, 2);
    QCOMPARE(latest->status, QStringLiteral("current"));
    QVERIFY(LearnerCertificates::isUpToDate(*latest, c.judge(2025)));

    // Another hour confirmed since: the certificate no longer says what the records say.
    QVERIFY(m_store->putEntity(record(QStringLiteral("d"), 2025, "elective", 10, "confirmed")));
    const LearnerCertificates again(m_store.get(), Learner);
    QVERIFY(!LearnerCertificates::isUpToDate(*again.latest(2025), again.judge(2025)));
    // A pending one does not change what a certificate states.
    QVERIFY(m_store->putEntity(record(QStringLiteral("d"), 2025, "elective", 10, "pending")));
    const LearnerCertificates pending(m_store.get(), Learner);
    QVERIFY(LearnerCertificates::isUpToDate(*pending.latest(2025), pending.judge(2025)));
}

QTEST_GUILESS_MAIN(TestLearnerCertificates)
#include "tst_learnercertificates.moc"
