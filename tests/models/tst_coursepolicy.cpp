#include "coursepolicy.h"

#include <QTest>

using namespace xueshi;

// The declaration-year rule of public courses (models/coursepolicy.h).
class TestCoursePolicy : public QObject
{
    Q_OBJECT

private slots:
    void declarableYears_data();
    void declarableYears();
    void isDeclarableYear_followsTheList();
    void declarableYears_windowFromTheNationalPolicies();
};

void TestCoursePolicy::declarableYears_data()
{
    QTest::addColumn<QList<int>>("offered");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QList<int>>("expected");

    const QList<int> both { 2025, 2026 };
    QTest::newRow("january: previous year still open")
        << both << QDate(2026, 1, 15) << QList<int> { 2026, 2025 };
    QTest::newRow("march 31 is the last day for the previous year")
        << both << QDate(2026, 3, 31) << QList<int> { 2026, 2025 };
    QTest::newRow("april 1: only the current year")
        << both << QDate(2026, 4, 1) << QList<int> { 2026 };
    QTest::newRow("december: only the current year")
        << both << QDate(2026, 12, 31) << QList<int> { 2026 };
    QTest::newRow("new year: the course of last year only, still open")
        << QList<int> { 2026 } << QDate(2027, 2, 1) << QList<int> { 2026 };
    QTest::newRow("new year after march: last year's course is closed")
        << QList<int> { 2026 } << QDate(2027, 4, 1) << QList<int> {};
    QTest::newRow("future years are not declarable yet")
        << QList<int> { 2027, 2028 } << QDate(2026, 6, 1) << QList<int> {};
    QTest::newRow("two years back is never declarable")
        << QList<int> { 2024 } << QDate(2026, 1, 2) << QList<int> {};
    QTest::newRow("unsorted input with duplicates comes out newest first, once")
        << QList<int> { 2025, 2026, 2025, 2024 } << QDate(2026, 3, 1) << QList<int> { 2026, 2025 };
    QTest::newRow("nothing offered") << QList<int> {} << QDate(2026, 3, 1) << QList<int> {};
    QTest::newRow("invalid date") << both << QDate() << QList<int> {};
}

void TestCoursePolicy::declarableYears()
{
    QFETCH(QList<int>, offered);
    QFETCH(QDate, today);
    QFETCH(QList<int>, expected);
    QCOMPARE(xueshi::declarableYears(offered, today), expected);
}

void TestCoursePolicy::isDeclarableYear_followsTheList()
{
    const QList<int> offered { 2025, 2026 };
    QVERIFY(isDeclarableYear(2025, offered, QDate(2026, 3, 31)));
    QVERIFY(!isDeclarableYear(2025, offered, QDate(2026, 4, 1)));
    QVERIFY(isDeclarableYear(2026, offered, QDate(2026, 4, 1)));
    QVERIFY(!isDeclarableYear(2027, offered, QDate(2026, 4, 1)));
    QVERIFY(!isDeclarableYear(2024, { 2024 }, QDate(2025, 1, 1).addYears(1)));
}

void TestCoursePolicy::declarableYears_windowFromTheNationalPolicies()
{
    const QList<int> offered { 2024, 2025, 2026 };
    // 2025's hours may be entered until June 30, 2026.
    YearPolicy extended = YearPolicy::defaults(2025);
    extended.entryDeadline = QDate(2026, 6, 30);
    QCOMPARE(xueshi::declarableYears(offered, QDate(2026, 5, 1)), QList<int> { 2026 });
    QCOMPARE(xueshi::declarableYears(offered, QDate(2026, 5, 1), { extended }),
        (QList<int> { 2026, 2025 }));
    QCOMPARE(xueshi::declarableYears(offered, QDate(2026, 6, 30), { extended }),
        (QList<int> { 2026, 2025 }));
    QCOMPARE(
        xueshi::declarableYears(offered, QDate(2026, 7, 1), { extended }), QList<int> { 2026 });
    QVERIFY(isDeclarableYear(2025, offered, QDate(2026, 5, 1), { extended }));

    // 2026 opens on February 1 only, and 2024 closes early, by December 31, 2024.
    YearPolicy late = YearPolicy::defaults(2026);
    late.declarableFrom = QDate(2026, 2, 1);
    YearPolicy early = YearPolicy::defaults(2024);
    early.entryDeadline = QDate(2024, 12, 31);
    QCOMPARE(xueshi::declarableYears(offered, QDate(2026, 1, 31), { late }), QList<int> { 2025 });
    QCOMPARE(
        xueshi::declarableYears(offered, QDate(2026, 2, 1), { late }), (QList<int> { 2026, 2025 }));
    QCOMPARE(xueshi::declarableYears(offered, QDate(2025, 1, 15)), (QList<int> { 2025, 2024 }));
    QCOMPARE(xueshi::declarableYears(offered, QDate(2025, 1, 15), { early }), QList<int> { 2025 });

    // A region's policy does not move a public course's window: only the national one does.
    YearPolicy regional = extended;
    regional.regionCode = QStringLiteral("440000");
    regional.entryDeadline = QDate(2026, 12, 31);
    QCOMPARE(
        xueshi::declarableYears(offered, QDate(2026, 5, 1), { regional }), QList<int> { 2026 });
    QCOMPARE(xueshi::declarableYears(offered, QDate(2026, 7, 1), { regional, extended }),
        QList<int> { 2026 });
}

QTEST_APPLESS_MAIN(TestCoursePolicy)
#include "tst_coursepolicy.moc"
