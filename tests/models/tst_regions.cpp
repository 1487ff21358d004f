#include "regions.h"

#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace xueshi;

// The GB/T 2260 region table from models/regions.h, embedded and parsed from CSV text.
class TestRegions : public QObject
{
    Q_OBJECT

private slots:
    void instance_embeddedResources_loadsAllLevels();
    void instance_concurrentFirstUse_sameTable();
    void fullName_data();
    void fullName();
    void contains_data();
    void contains();
    void find_knownCodes_returnRegionWithParent();
    void covers_data();
    void covers();
    void normalized6_data();
    void normalized6();
    void children_province_citiesSortedByCode();
    void children_city_districtsInsideCity();
    void children_districtOrUnknown_empty();
    void children_emptyCode_provinces();
    void isKnownResidentIdPrefix_data();
    void isKnownResidentIdPrefix();
    void fromCsv_quotedFields_parsed();
    void fromCsv_malformedRows_skipped();
    void fromCsv_parentCycle_terminates();
};

void TestRegions::instance_embeddedResources_loadsAllLevels()
{
    const RegionTable &table = RegionTable::instance();
    QVERIFY2(table.size() > 3000, qPrintable(QString::number(table.size())));
    QCOMPARE(table.provinces().size(), 31);
    QCOMPARE(table.provinces().constFirst().code, u"11"_s);
    QCOMPARE(table.provinces().constFirst().name, u"北京市"_s);
    QCOMPARE(table.provinces().constLast().code, u"65"_s);
    QCOMPARE(&RegionTable::instance(), &table);
}

void TestRegions::instance_concurrentFirstUse_sameTable()
{
    // Other suites may already have built the table; in this process this test may be the first.
    constexpr int threadCount = 8;
    std::vector<const RegionTable *> seen(threadCount, nullptr);
    std::vector<int> sizes(threadCount, 0);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < threadCount; ++i) {
        threads.emplace_back(QThread::create([&seen, &sizes, i] {
            seen[i] = &RegionTable::instance();
            sizes[i] = seen[i]->size();
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(30000));
    for (int i = 0; i < threadCount; ++i) {
        QCOMPARE(seen[i], &RegionTable::instance());
        QCOMPARE(sizes[i], RegionTable::instance().size());
    }
}

void TestRegions::fullName_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");

    QTest::newRow("district") << u"440106"_s << u"广东省 广州市 天河区"_s;
    QTest::newRow("beijing_city_district_leaves_out_placeholder")
        << u"110101"_s << u"北京市 东城区"_s;
    QTest::newRow("chongqing_county_leaves_out_placeholder") << u"500229"_s << u"重庆市 城口县"_s;
    QTest::newRow("directly_administered_leaves_out_placeholder")
        << u"419001"_s << u"河南省 济源市"_s;
    QTest::newRow("city_without_districts_named_once") << u"441900"_s << u"广东省 东莞市"_s;
    QTest::newRow("city_4_digits") << u"4401"_s << u"广东省 广州市"_s;
    QTest::newRow("city_6_digits") << u"440100"_s << u"广东省 广州市"_s;
    QTest::newRow("province_2_digits") << u"44"_s << u"广东省"_s;
    QTest::newRow("province_6_digits") << u"440000"_s << u"广东省"_s;
    QTest::newRow("autonomous_region") << u"65"_s << u"新疆维吾尔自治区"_s;
    QTest::newRow("unknown_empty") << u"990000"_s << QString();
    QTest::newRow("empty_empty") << QString() << QString();
}

void TestRegions::fullName()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QCOMPARE(RegionTable::instance().fullName(code), expected);
}

void TestRegions::contains_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("expected");

    QTest::newRow("province_2") << u"44"_s << true;
    QTest::newRow("city_4") << u"4401"_s << true;
    QTest::newRow("district_6") << u"440106"_s << true;
    QTest::newRow("city_6") << u"440100"_s << true;
    QTest::newRow("province_6") << u"440000"_s << true;
    QTest::newRow("unknown_province") << u"99"_s << false;
    QTest::newRow("unknown_city_4") << u"4499"_s << false;
    QTest::newRow("unknown_city_6") << u"449900"_s << false;
    QTest::newRow("unknown_district") << u"440199"_s << false;
    QTest::newRow("one_digit") << u"4"_s << false;
    QTest::newRow("five_digits") << u"44010"_s << false;
    QTest::newRow("seven_digits") << u"4401060"_s << false;
    QTest::newRow("letter") << u"44a106"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRegions::contains()
{
    QFETCH(QString, code);
    QFETCH(bool, expected);
    QCOMPARE(RegionTable::instance().contains(code), expected);
}

void TestRegions::find_knownCodes_returnRegionWithParent()
{
    const RegionTable &table = RegionTable::instance();

    const Region *district = table.find(u"440106"_s);
    QVERIFY(district);
    QCOMPARE(district->name, u"天河区"_s);
    QCOMPARE(district->parentCode, u"4401"_s);
    QCOMPARE(district->level, 3);

    const Region *city = table.find(u"440100"_s);
    QVERIFY(city);
    QCOMPARE(city->code, u"4401"_s);
    QCOMPARE(city->parentCode, u"44"_s);
    QCOMPARE(city->level, 2);

    const Region *province = table.find(u"440000"_s);
    QVERIFY(province);
    QCOMPARE(province->code, u"44"_s);
    QVERIFY(province->parentCode.isEmpty());
    QCOMPARE(province->level, 1);

    QVERIFY(!table.find(u"449900"_s));
    QVERIFY(!table.find(QString()));
}

void TestRegions::covers_data()
{
    QTest::addColumn<QString>("ancestor");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("expected");

    QTest::newRow("province_covers_district") << u"44"_s << u"440106"_s << true;
    QTest::newRow("province_6_covers_district") << u"440000"_s << u"440106"_s << true;
    QTest::newRow("city_covers_its_district") << u"4401"_s << u"440106"_s << true;
    QTest::newRow("city_6_covers_its_district") << u"440100"_s << u"440106"_s << true;
    QTest::newRow("city_does_not_cover_other_city_district") << u"4401"_s << u"440306"_s << false;
    QTest::newRow("province_covers_city") << u"44"_s << u"440300"_s << true;
    QTest::newRow("same_district") << u"440106"_s << u"440106"_s << true;
    QTest::newRow("same_province_two_forms") << u"44"_s << u"440000"_s << true;
    QTest::newRow("district_does_not_cover_city") << u"440106"_s << u"4401"_s << false;
    QTest::newRow("other_province") << u"11"_s << u"440106"_s << false;
    QTest::newRow("unknown_ancestor") << u"99"_s << u"990101"_s << false;
    QTest::newRow("unknown_region") << u"44"_s << u"449999"_s << false;
    QTest::newRow("empty_ancestor") << QString() << u"440106"_s << false;
}

void TestRegions::covers()
{
    QFETCH(QString, ancestor);
    QFETCH(QString, region);
    QFETCH(bool, expected);
    QCOMPARE(RegionTable::instance().covers(ancestor, region), expected);
}

void TestRegions::normalized6_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");

    QTest::newRow("province") << u"44"_s << u"440000"_s;
    QTest::newRow("city") << u"4401"_s << u"440100"_s;
    QTest::newRow("district") << u"440106"_s << u"440106"_s;
    QTest::newRow("city_already_6") << u"440100"_s << u"440100"_s;
    QTest::newRow("province_already_6") << u"110000"_s << u"110000"_s;
    QTest::newRow("city_without_districts") << u"4419"_s << u"441900"_s;
    QTest::newRow("unknown_province") << u"99"_s << QString();
    QTest::newRow("unknown_district") << u"440199"_s << QString();
    QTest::newRow("malformed") << u"44-01"_s << QString();
}

void TestRegions::normalized6()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QCOMPARE(RegionTable::instance().normalized6(code), expected);
}

void TestRegions::children_province_citiesSortedByCode()
{
    const QList<Region> cities = RegionTable::instance().children(u"44"_s);
    QCOMPARE(cities.size(), 21);
    QCOMPARE(cities.constFirst().code, u"4401"_s);
    QCOMPARE(cities.constFirst().name, u"广州市"_s);
    for (qsizetype i = 0; i < cities.size(); ++i) {
        QCOMPARE(cities.at(i).parentCode, u"44"_s);
        QCOMPARE(cities.at(i).level, 2);
        if (i > 0)
            QVERIFY(cities.at(i - 1).code < cities.at(i).code);
    }
    QCOMPARE(RegionTable::instance().children(u"440000"_s).size(), cities.size());
}

void TestRegions::children_city_districtsInsideCity()
{
    const QList<Region> districts = RegionTable::instance().children(u"440100"_s);
    QCOMPARE(districts.size(), 11);
    QStringList names;
    for (const Region &district : districts) {
        QCOMPARE(district.parentCode, u"4401"_s);
        QCOMPARE(district.level, 3);
        names.append(district.name);
    }
    QVERIFY(names.contains(u"天河区"_s));
    QVERIFY(!names.contains(u"宝安区"_s));
}

void TestRegions::children_districtOrUnknown_empty()
{
    QVERIFY(RegionTable::instance().children(u"440106"_s).isEmpty());
    QVERIFY(RegionTable::instance().children(u"99"_s).isEmpty());
}

void TestRegions::children_emptyCode_provinces()
{
    const QList<Region> top = RegionTable::instance().children(QString());
    QCOMPARE(top.size(), 31);
    QCOMPARE(top.constFirst().name, u"北京市"_s);
}

void TestRegions::isKnownResidentIdPrefix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("expected");

    QTest::newRow("current_district") << u"440106"_s << true;
    QTest::newRow("retired_district_known_city") << u"440102"_s << true;
    QTest::newRow("unknown_city_known_province") << u"449999"_s << true;
    QTest::newRow("unknown_province") << u"990101"_s << false;
    QTest::newRow("all_zero") << u"000000"_s << false;
    QTest::newRow("five_digits") << u"44010"_s << false;
    QTest::newRow("seven_digits") << u"4401061"_s << false;
    QTest::newRow("letter") << u"4401a6"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRegions::isKnownResidentIdPrefix()
{
    QFETCH(QString, prefix);
    QFETCH(bool, expected);
    QCOMPARE(RegionTable::instance().isKnownResidentIdPrefix(prefix), expected);
}

void TestRegions::fromCsv_quotedFields_parsed()
{
    // A byte-order mark, CRLF line ends, an unquoted name, a comma and an escaped quote inside
    // quotes, and a missing final line break.
    const QByteArray provinces = "\xEF\xBB\xBF"
                                 "code,name\r\n"
                                 "11,\"北京市\"\r\n"
                                 "44,广东省\r\n";
    const QByteArray cities = "code,name,provinceCode\n"
                              "4401,\"广州市, \"\"羊城\"\"\",44\n";
    const QByteArray areas = "code,name,cityCode,provinceCode\n"
                             "440106,\"天河区\",4401,44";
    const RegionTable table = RegionTable::fromCsv(provinces, cities, areas);

    QCOMPARE(table.size(), 4);
    QVERIFY(table.find(u"11"_s));
    QCOMPARE(table.find(u"44"_s)->name, u"广东省"_s);
    QCOMPARE(table.find(u"4401"_s)->name, u"广州市, \"羊城\""_s);
    QCOMPARE(table.fullName(u"440106"_s), u"广东省 广州市, \"羊城\" 天河区"_s);
    QCOMPARE(table.provinces().size(), 2);
}

void TestRegions::fromCsv_malformedRows_skipped()
{
    const QByteArray provinces = "code,name\n"
                                 "44,\"广东省\"\n"
                                 "\n"
                                 "4,\"Too short\"\n"
                                 "4A,\"Letter\"\n"
                                 "45\n"
                                 "44,\"Duplicate\"\n";
    const RegionTable table = RegionTable::fromCsv(
        provinces, "code,name,provinceCode\n", "code,name,cityCode,provinceCode\n");
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.find(u"44"_s)->name, u"广东省"_s);
}

void TestRegions::fromCsv_parentCycle_terminates()
{
    // A city that names itself as parent must not make a walk up the tree loop.
    const RegionTable table = RegionTable::fromCsv("code,name\n44,\"广东省\"\n",
        "code,name,provinceCode\n4401,\"广州市\",4401\n", "code,name,cityCode,provinceCode\n");
    QCOMPARE(table.fullName(u"4401"_s), u"广州市"_s);
    QVERIFY(!table.covers(u"44"_s, u"4401"_s));
    QVERIFY(table.covers(u"4401"_s, u"4401"_s));
    QVERIFY(table.children(u"4401"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestRegions)
#include "tst_regions.moc"
