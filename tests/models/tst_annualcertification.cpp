#include "annualcertification.h"

#include <QTest>

using namespace xueshi;

namespace {

CountedRecord confirmed(const char *type, int tenths, int year = 2026)
{
    return { year, QString::fromLatin1(type), tenths, QStringLiteral("confirmed") };
}

CountedRecord pending(const char *type, int tenths, int year = 2026)
{
    return { year, QString::fromLatin1(type), tenths, QStringLiteral("pending") };
}

// 30 public, 42 professional, 18 elective: exactly the national minimum.
QList<CountedRecord> exactlyTheMinimum()
{
    return { confirmed("public", 300), confirmed("professional", 200),
        confirmed("professional", 220), confirmed("elective", 180) };
}

} // namespace

class TestAnnualCertification : public QObject
{
    Q_OBJECT

private slots:
    void exactlyTheMinimum_passes();
    void aTenthShort_failsAndSaysWhat();
    void aMissingType_isNamed();
    void pendingHours_areShownApartAndNeverCount();
    void rejectedAndOtherYears_areIgnored();
    void surplus_doesNotStandInWithoutSubstitution();
    void surplus_standsInWithSubstitution();
    void aTotalAboveTheTypes_needsMoreOfAnyType();
    void aChangedPolicyForALaterYear_judgesThatYearOnly();
    void aRegionalOverride_isTakenForItsRegionOnly();
    void unknownTypes_areNotCounted();
    void formatTenths_data();
    void formatTenths();
};

void TestAnnualCertification::exactlyTheMinimum_passes()
{
    const YearJudgement j = judgeYear(YearPolicy::defaults(2026), exactlyTheMinimum());
    QVERIFY(j.passed);
    QCOMPARE(j.missingTenths(), 0);
    QVERIFY(j.missingInWords().isEmpty());
    QCOMPARE(j.confirmed.totalTenths(), 900);
    QCOMPARE(j.confirmedRecords, 4);
    QCOMPARE(j.year(), 2026);
}

void TestAnnualCertification::aTenthShort_failsAndSaysWhat()
{
    QList<CountedRecord> records = exactlyTheMinimum();
    records[2].hoursTenths -= 1; // professional 41.9
    const YearJudgement j = judgeYear(YearPolicy::defaults(2026), records);
    QVERIFY(!j.passed);
    QCOMPARE(j.professionalShortTenths, 1);
    QCOMPARE(j.totalShortTenths, 0);
    QCOMPARE(j.missingTenths(), 1);
    QCOMPARE(j.missingInWords(),
        QStringList { QStringLiteral("Professional subjects: 0.1 hours short") });

    records[2].hoursTenths -= 44; // professional 37.5: the manual's example
    const YearJudgement k = judgeYear(YearPolicy::defaults(2026), records);
    QCOMPARE(k.professionalShortTenths, 45);
    QCOMPARE(k.missingInWords(),
        QStringList { QStringLiteral("Professional subjects: 4.5 hours short") });
}

void TestAnnualCertification::aMissingType_isNamed()
{
    const YearJudgement j = judgeYear(
        YearPolicy::defaults(2026), { confirmed("public", 300), confirmed("professional", 600) });
    QVERIFY(!j.passed);
    QCOMPARE(j.electiveShortTenths, 180);
    QCOMPARE(j.publicShortTenths, 0);
    QCOMPARE(
        j.missingInWords(), QStringList { QStringLiteral("Elective subjects: 18 hours short") });

    const YearJudgement none = judgeYear(YearPolicy::defaults(2026), {});
    QVERIFY(!none.passed);
    QCOMPARE(none.missingTenths(), 900);
    QCOMPARE(none.missingInWords().size(), 3);
}

void TestAnnualCertification::pendingHours_areShownApartAndNeverCount()
{
    QList<CountedRecord> records = exactlyTheMinimum();
    records[0].hoursTenths = 250;
    records << pending("public", 100) << pending("elective", 35);
    const YearJudgement j = judgeYear(YearPolicy::defaults(2026), records);
    QVERIFY(!j.passed);
    QCOMPARE(j.publicShortTenths, 50);
    QCOMPARE(j.pending.publicTenths, 100);
    QCOMPARE(j.pending.electiveTenths, 35);
    QCOMPARE(j.pending.totalTenths(), 135);
    QCOMPARE(j.pendingRecords, 2);
    QCOMPARE(j.confirmed.publicTenths, 250);
}

void TestAnnualCertification::rejectedAndOtherYears_areIgnored()
{
    QList<CountedRecord> records = exactlyTheMinimum();
    records[3].status = QStringLiteral("rejected");
    records << confirmed("elective", 180, 2025) << confirmed("elective", 180, 2027);
    const YearJudgement j = judgeYear(YearPolicy::defaults(2026), records);
    QVERIFY(!j.passed);
    QCOMPARE(j.confirmed.electiveTenths, 0);
    QCOMPARE(j.electiveShortTenths, 180);
    QCOMPARE(j.confirmedRecords, 3);
}

void TestAnnualCertification::surplus_doesNotStandInWithoutSubstitution()
{
    // 45 professional hours cannot make up 3 elective ones.
    const YearJudgement j = judgeYear(YearPolicy::defaults(2026),
        { confirmed("public", 300), confirmed("professional", 450), confirmed("elective", 150) });
    QVERIFY(!j.passed);
    QCOMPARE(j.confirmed.totalTenths(), 900);
    QCOMPARE(j.electiveShortTenths, 30);
    QCOMPARE(
        j.missingInWords(), QStringList { QStringLiteral("Elective subjects: 3 hours short") });
}

void TestAnnualCertification::surplus_standsInWithSubstitution()
{
    YearPolicy p = YearPolicy::defaults(2026);
    p.substitution = true;
    const YearJudgement j = judgeYear(p,
        { confirmed("public", 300), confirmed("professional", 450), confirmed("elective", 150) });
    QVERIFY(j.passed);

    // Substitution still needs the hours: 2 surplus for 3 short leaves 1.
    const YearJudgement k = judgeYear(p,
        { confirmed("public", 300), confirmed("professional", 440), confirmed("elective", 150) });
    QVERIFY(!k.passed);
    QCOMPARE(k.missingTenths(), 10);
    QCOMPARE(k.electiveShortTenths, 10);
}

void TestAnnualCertification::aTotalAboveTheTypes_needsMoreOfAnyType()
{
    YearPolicy p = YearPolicy::defaults(2026);
    p.totalTenths = 1000; // 100 hours, the types still 30 + 42 + 18
    QList<CountedRecord> records = exactlyTheMinimum();
    YearJudgement j = judgeYear(p, records);
    QVERIFY(!j.passed);
    QCOMPARE(j.totalShortTenths, 100);
    QCOMPARE(
        j.missingInWords(), QStringList { QStringLiteral("In total: 10 more hours of any type") });

    records << confirmed("elective", 100);
    j = judgeYear(p, records);
    QVERIFY(j.passed);
}

void TestAnnualCertification::aChangedPolicyForALaterYear_judgesThatYearOnly()
{
    YearPolicy later = YearPolicy::defaults(2027);
    later.professionalTenths = 500;
    later.totalTenths = 980;
    const QList<YearPolicy> known { YearPolicy::defaults(2026), later };
    QList<CountedRecord> records = exactlyTheMinimum();
    for (const CountedRecord &r : exactlyTheMinimum())
        records << CountedRecord { 2027, r.subjectType, r.hoursTenths, r.status };

    QVERIFY(judgeYear(policyFor(2026, {}, known), records).passed);
    const YearJudgement j = judgeYear(policyFor(2027, {}, known), records);
    QVERIFY(!j.passed);
    QCOMPARE(j.professionalShortTenths, 80);
    QCOMPARE(j.totalShortTenths, 0);
}

void TestAnnualCertification::aRegionalOverride_isTakenForItsRegionOnly()
{
    YearPolicy guangdong = YearPolicy::defaults(2026);
    guangdong.regionCode = QStringLiteral("440000");
    guangdong.electiveTenths = 240;
    guangdong.totalTenths = 960;
    YearPolicy guangzhou = guangdong;
    guangzhou.regionCode = QStringLiteral("440100");
    guangzhou.electiveTenths = 200;
    guangzhou.totalTenths = 920;
    const QList<YearPolicy> known { YearPolicy::defaults(2026), guangdong, guangzhou };

    QCOMPARE(policyFor(2026, QStringLiteral("440106"), known), guangzhou); // a county of the city
    QCOMPARE(policyFor(2026, QStringLiteral("440300"), known), guangdong); // another city
    QCOMPARE(policyFor(2026, QStringLiteral("110101"), known), YearPolicy::defaults(2026));
    QCOMPARE(policyFor(2026, QString(), known), YearPolicy::defaults(2026));
    QCOMPARE(policyFor(2025, QStringLiteral("440106"), known), YearPolicy::defaults(2025));

    const QList<CountedRecord> records = exactlyTheMinimum();
    QVERIFY(judgeYear(policyFor(2026, QStringLiteral("110101"), known), records).passed);
    const YearJudgement j = judgeYear(policyFor(2026, QStringLiteral("440303"), known), records);
    QVERIFY(!j.passed);
    QCOMPARE(j.electiveShortTenths, 60);
}

void TestAnnualCertification::unknownTypes_areNotCounted()
{
    QList<CountedRecord> records = exactlyTheMinimum();
    records << confirmed("sports", 500);
    const YearJudgement j = judgeYear(YearPolicy::defaults(2026), records);
    QCOMPARE(j.confirmed.totalTenths(), 900);
    QCOMPARE(j.confirmedRecords, 4);
}

void TestAnnualCertification::formatTenths_data()
{
    QTest::addColumn<int>("tenths");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole") << 420 << QStringLiteral("42");
    QTest::newRow("half") << 45 << QStringLiteral("4.5");
    QTest::newRow("a tenth") << 1 << QStringLiteral("0.1");
    QTest::newRow("zero") << 0 << QStringLiteral("0");
    QTest::newRow("negative") << -15 << QStringLiteral("-1.5");
}

void TestAnnualCertification::formatTenths()
{
    QFETCH(int, tenths);
    QFETCH(QString, text);
    QCOMPARE(xueshi::formatTenths(tenths), text);
}

QTEST_GUILESS_MAIN(TestAnnualCertification)
#include "tst_annualcertification.moc"
