#include "policy.h"

#include <QJsonObject>
#include <QTest>

using namespace xueshi;

// The hours policy of a year (models/policy.h): the entity's JSON with its region, substitution
// and entry window, the window's edges, and the most specific region's policy.
class TestPolicy : public QObject
{
    Q_OBJECT

private slots:
    void defaults_ninetyHoursEnteredUntilMarch31();
    void entityId_yearOrYearAndRegion();
    void json_roundTripsEveryField();
    void fromJson_badFields_takeTheDefaults();
    void fromJson_noYear_givesYearZeroWithoutWindow();
    void isOpenOn_edges();
    void policyFor_mostSpecificRegionFirst();
    void policyFor_otherYearsAndBadRegions_fallBack();
};

namespace {

YearPolicy regional(int year, const QString &region, int hoursPerDayTenths)
{
    YearPolicy p = YearPolicy::defaults(year);
    p.regionCode = region;
    p.hoursPerDayTenths = hoursPerDayTenths;
    return p;
}

} // namespace

void TestPolicy::defaults_ninetyHoursEnteredUntilMarch31()
{
    const YearPolicy p = YearPolicy::defaults(2026);
    QCOMPARE(p.year, 2026);
    QCOMPARE(p.regionCode, QString());
    QCOMPARE(p.totalTenths, 900);
    QCOMPARE(p.publicTenths + p.professionalTenths + p.electiveTenths, 900);
    QCOMPARE(p.substitution, false);
    QCOMPARE(p.hoursPerDayTenths, 60);
    QCOMPARE(p.declarableFrom, QDate(2026, 1, 1));
    QCOMPARE(p.entryDeadline, QDate(2027, 3, 31));
}

void TestPolicy::entityId_yearOrYearAndRegion()
{
    QCOMPARE(YearPolicy::defaults(2026).entityId(), QStringLiteral("2026"));
    QCOMPARE(
        regional(2026, QStringLiteral("440000"), 80).entityId(), QStringLiteral("2026-440000"));
    QCOMPARE(YearPolicy::entityId(2025, QStringLiteral("440106")), QStringLiteral("2025-440106"));
}

void TestPolicy::json_roundTripsEveryField()
{
    YearPolicy p = regional(2027, QStringLiteral("440100"), 80);
    p.totalTenths = 725;
    p.publicTenths = 0;
    p.professionalTenths = 455;
    p.electiveTenths = 10000;
    p.substitution = true;
    p.declarableFrom = QDate(2026, 12, 1);
    p.entryDeadline = QDate(2028, 6, 30);
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("regionCode")).toString(), QStringLiteral("440100"));
    QCOMPARE(json.value(QStringLiteral("substitution")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("declarableFrom")).toString(), QStringLiteral("2026-12-01"));
    QCOMPARE(json.value(QStringLiteral("entryDeadline")).toString(), QStringLiteral("2028-06-30"));
    QCOMPARE(YearPolicy::fromJson(json), p);
    // National: regionCode "".
    const QJsonObject national = YearPolicy::defaults(2026).toJson();
    QVERIFY(national.value(QStringLiteral("regionCode")).isString());
    QCOMPARE(national.value(QStringLiteral("regionCode")).toString(), QString());
    QCOMPARE(YearPolicy::fromJson(national), YearPolicy::defaults(2026));
}

void TestPolicy::fromJson_badFields_takeTheDefaults()
{
    const YearPolicy defaults = YearPolicy::defaults(2026);
    QJsonObject json = regional(2026, QStringLiteral("440100"), 80).toJson();
    json.insert(QStringLiteral("regionCode"), QStringLiteral("4401"));
    json.insert(QStringLiteral("totalTenths"), 10001);
    json.insert(QStringLiteral("publicTenths"), -1);
    json.insert(QStringLiteral("professionalTenths"), 42.5);
    json.insert(QStringLiteral("electiveTenths"), QStringLiteral("180"));
    json.insert(QStringLiteral("substitution"), 1);
    json.insert(QStringLiteral("hoursPerDayTenths"), 241);
    json.insert(QStringLiteral("declarableFrom"), QStringLiteral("2026-1-1"));
    json.insert(QStringLiteral("entryDeadline"), QStringLiteral("2027-02-30"));
    QCOMPARE(YearPolicy::fromJson(json), defaults);

    // Missing fields (a policy published before the fields existed) take the defaults too.
    json = QJsonObject { { QStringLiteral("year"), 2026 },
        { QStringLiteral("hoursPerDayTenths"), 0 } };
    QCOMPARE(YearPolicy::fromJson(json), defaults);
    json.insert(QStringLiteral("hoursPerDayTenths"), 1);
    QCOMPARE(YearPolicy::fromJson(json).hoursPerDayTenths, 1);
    json.insert(QStringLiteral("hoursPerDayTenths"), 240);
    QCOMPARE(YearPolicy::fromJson(json).hoursPerDayTenths, 240);
    json.insert(QStringLiteral("substitution"), false);
    json.insert(QStringLiteral("regionCode"), QStringLiteral("44010a"));
    QCOMPARE(YearPolicy::fromJson(json).regionCode, QString());
}

void TestPolicy::fromJson_noYear_givesYearZeroWithoutWindow()
{
    for (const QJsonValue &year :
        { QJsonValue(), QJsonValue(1999), QJsonValue(2101), QJsonValue(2026.5) }) {
        QJsonObject json = YearPolicy::defaults(2026).toJson();
        json.insert(QStringLiteral("year"), year);
        if (year.isUndefined())
            json.remove(QStringLiteral("year"));
        json.remove(QStringLiteral("declarableFrom"));
        json.remove(QStringLiteral("entryDeadline"));
        const YearPolicy p = YearPolicy::fromJson(json);
        QCOMPARE(p.year, 0);
        QVERIFY(!p.isOpenOn(QDate(2026, 6, 1)));
    }
}

void TestPolicy::isOpenOn_edges()
{
    YearPolicy p = YearPolicy::defaults(2025);
    QVERIFY(!p.isOpenOn(QDate(2024, 12, 31)));
    QVERIFY(p.isOpenOn(QDate(2025, 1, 1)));
    QVERIFY(p.isOpenOn(QDate(2026, 3, 31)));
    QVERIFY(!p.isOpenOn(QDate(2026, 4, 1)));
    QVERIFY(!p.isOpenOn(QDate()));
    // An extended window, and one of a single day.
    p.declarableFrom = QDate(2024, 12, 1);
    p.entryDeadline = QDate(2026, 6, 30);
    QVERIFY(p.isOpenOn(QDate(2024, 12, 1)));
    QVERIFY(p.isOpenOn(QDate(2026, 6, 30)));
    QVERIFY(!p.isOpenOn(QDate(2026, 7, 1)));
    p.declarableFrom = p.entryDeadline;
    QVERIFY(p.isOpenOn(QDate(2026, 6, 30)));
    QVERIFY(!p.isOpenOn(QDate(2026, 6, 29)));
    // Without dates it is never open.
    p.declarableFrom = QDate();
    QVERIFY(!p.isOpenOn(QDate(2026, 6, 30)));
}

void TestPolicy::policyFor_mostSpecificRegionFirst()
{
    const YearPolicy national = YearPolicy::defaults(2026);
    const YearPolicy province = regional(2026, QStringLiteral("440000"), 70);
    const YearPolicy city = regional(2026, QStringLiteral("440100"), 80);
    const YearPolicy county = regional(2026, QStringLiteral("440106"), 50);
    // The order of the list does not matter.
    const QList<YearPolicy> known { county, national, city, province };
    QCOMPARE(policyFor(2026, QStringLiteral("440106"), known), county);
    QCOMPARE(policyFor(2026, QStringLiteral("440104"), known), city);
    QCOMPARE(policyFor(2026, QStringLiteral("440300"), known), province);
    QCOMPARE(policyFor(2026, QStringLiteral("440305"), known), province);
    QCOMPARE(policyFor(2026, QStringLiteral("110101"), known), national);
    QCOMPARE(policyFor(2026, QString(), known), national);
    // Without a national row, a learner outside the regions has the defaults.
    QCOMPARE(
        policyFor(2026, QStringLiteral("110101"), { county, city }), YearPolicy::defaults(2026));
    QCOMPARE(policyFor(2026, QStringLiteral("440103"), { county, city }), city);
}

void TestPolicy::policyFor_otherYearsAndBadRegions_fallBack()
{
    YearPolicy national2025 = YearPolicy::defaults(2025);
    national2025.totalTenths = 720;
    const QList<YearPolicy> known { national2025, regional(2026, QStringLiteral("440000"), 80) };
    // Another year's override does not apply; a year without any row has the defaults.
    QCOMPARE(policyFor(2025, QStringLiteral("440106"), known), national2025);
    QCOMPARE(policyFor(2027, QStringLiteral("440106"), known), YearPolicy::defaults(2027));
    // Not a 6-digit code: only the national policy can match.
    QCOMPARE(policyFor(2026, QStringLiteral("44"), known), YearPolicy::defaults(2026));
    QCOMPARE(policyFor(2026, QStringLiteral("4400000"), known), YearPolicy::defaults(2026));
    QCOMPARE(policyFor(2026, QStringLiteral("44000x"), known), YearPolicy::defaults(2026));
    QCOMPARE(policyFor(2026, {}, {}), YearPolicy::defaults(2026));
}

QTEST_APPLESS_MAIN(TestPolicy)
#include "tst_policy.moc"
