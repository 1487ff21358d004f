// The employer's 统计报表 model: staff from confirmed bindings only, their confirmed hours of the
// year judged by judgeYear under the policy of the employer's region, pending hours apart, the
// counts, the years offered, the read-only connection of the worker thread, and the CSV file's
// escaping (formula-safe, RFC 4180, UTF-8 with a byte order mark).
#include "localstore.h"
#include "reports/compliancereport.h"

#include <QLocale>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace xueshi;

namespace {

class ReportStore
{
public:
    bool open(const QString &path) { return store.open(path); }

    void staff(const QString &learnerId, const QString &name, const QString &status = {},
        const QString &residentId = QStringLiteral("440106198501011234"))
    {
        const QString id = QStringLiteral("binding-") + learnerId;
        QVERIFY(store.putEntity(CachedEntity { QStringLiteral("binding"), id, 2,
            QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), learnerId },
                { QStringLiteral("employerId"), QStringLiteral("employer-1") },
                { QStringLiteral("employerRegionCode"), QStringLiteral("440106") },
                { QStringLiteral("status"),
                    status.isEmpty() ? QStringLiteral("confirmed") : status },
                { QStringLiteral("decidedAt"), QStringLiteral("2026-01-06T02:00:00Z") },
                { QStringLiteral("learner"),
                    QJsonObject { { QStringLiteral("realName"), name },
                        { QStringLiteral("residentId"), residentId },
                        { QStringLiteral("professionalTitle"), QStringLiteral("工程师") },
                        { QStringLiteral("position"), QStringLiteral("环境监测") } } } } }));
    }

    void hours(const QString &learnerId, const QString &subjectType, int tenths,
        const QString &status = QStringLiteral("confirmed"), int year = 2026)
    {
        const QString id = QStringLiteral("record-%1").arg(++m_records);
        QVERIFY(store.putEntity(CachedEntity { QStringLiteral("hourRecord"), id, 1,
            QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), learnerId },
                { QStringLiteral("year"), year },
                { QStringLiteral("source"), QStringLiteral("class") },
                { QStringLiteral("subjectType"), subjectType },
                { QStringLiteral("hoursTenths"), tenths }, { QStringLiteral("status"), status },
                { QStringLiteral("title"), QStringLiteral("培训") } } }));
    }

    // 30 public + 42 professional + 18 elective, confirmed.
    void minimum(const QString &learnerId, int year = 2026)
    {
        hours(learnerId, QStringLiteral("public"), 300, QStringLiteral("confirmed"), year);
        hours(learnerId, QStringLiteral("professional"), 420, QStringLiteral("confirmed"), year);
        hours(learnerId, QStringLiteral("elective"), 180, QStringLiteral("confirmed"), year);
    }

    void policy(const YearPolicy &p)
    {
        QVERIFY(store.putEntity(
            CachedEntity { QStringLiteral("policy"), p.entityId(), 1, p.toJson() }));
    }

    LocalStore store;

private:
    int m_records = 0;
};

const ComplianceRow *rowOf(const ComplianceReport &report, const QString &learnerId)
{
    for (const ComplianceRow &row : report.rows) {
        if (row.learnerId == learnerId)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestComplianceReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void report_staffEdgeCases_judgedByTheRule()
    {
        QTemporaryDir dir;
        ReportStore s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("employer.sqlite"))));
        s.staff(QStringLiteral("exact"), QStringLiteral("王伟"));
        s.minimum(QStringLiteral("exact"));
        s.staff(QStringLiteral("short"), QStringLiteral("李芳"));
        s.hours(QStringLiteral("short"), QStringLiteral("public"), 300);
        s.hours(QStringLiteral("short"), QStringLiteral("professional"), 419);
        s.hours(QStringLiteral("short"), QStringLiteral("elective"), 180);
        // 42 professional hours, but still pending; rejected and other years' hours count nowhere.
        s.staff(QStringLiteral("pending"), QStringLiteral("张敏"));
        s.hours(QStringLiteral("pending"), QStringLiteral("public"), 300);
        s.hours(QStringLiteral("pending"), QStringLiteral("professional"), 420,
            QStringLiteral("pending"));
        s.hours(QStringLiteral("pending"), QStringLiteral("elective"), 180);
        s.hours(QStringLiteral("pending"), QStringLiteral("professional"), 420,
            QStringLiteral("rejected"));
        s.hours(QStringLiteral("pending"), QStringLiteral("professional"), 420,
            QStringLiteral("confirmed"), 2025);
        // Bindings that ended, are pending or were withdrawn are not staff.
        s.staff(QStringLiteral("ended"), QStringLiteral("刘强"), QStringLiteral("ended"));
        s.minimum(QStringLiteral("ended"));
        s.staff(QStringLiteral("asking"), QStringLiteral("陈静"), QStringLiteral("pending"));
        s.staff(QStringLiteral("gone"), QStringLiteral("杨洋"), QStringLiteral("withdrawn"));
        // Records of someone who is not on the staff are ignored.
        s.minimum(QStringLiteral("stranger"));
        s.staff(QStringLiteral("nothing"), QStringLiteral("赵磊"));

        const ComplianceReport report
            = buildComplianceReport(s.store.database(), 2026, QStringLiteral("440106"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.year, 2026);
        QCOMPARE(report.policy, YearPolicy::defaults(2026));
        QCOMPARE(report.staffCount(), 4);
        QCOMPARE(report.passedCount, 1);
        QCOMPARE(report.notPassedCount, 3);
        QVERIFY(!rowOf(report, QStringLiteral("ended")));
        QVERIFY(!rowOf(report, QStringLiteral("asking")));
        QVERIFY(!rowOf(report, QStringLiteral("gone")));
        QVERIFY(!rowOf(report, QStringLiteral("stranger")));

        const ComplianceRow *exact = rowOf(report, QStringLiteral("exact"));
        QVERIFY(exact);
        QVERIFY(exact->judgement.passed);
        QCOMPARE(exact->judgement.confirmed.totalTenths(), 900);
        QCOMPARE(exact->name, QStringLiteral("王伟"));
        QCOMPARE(exact->residentIdMasked, QStringLiteral("440106********1234"));
        QCOMPARE(exact->professionalTitle, QStringLiteral("工程师"));
        QCOMPARE(exact->position, QStringLiteral("环境监测"));
        QCOMPARE(ComplianceText::missing(exact->judgement), QString());

        const ComplianceRow *shortRow = rowOf(report, QStringLiteral("short"));
        QVERIFY(shortRow);
        QVERIFY(!shortRow->judgement.passed);
        QCOMPARE(shortRow->judgement.professionalShortTenths, 1);
        QCOMPARE(ComplianceText::missing(shortRow->judgement),
            QStringLiteral("Professional subjects: 0.1 hours short"));

        const ComplianceRow *pending = rowOf(report, QStringLiteral("pending"));
        QVERIFY(pending);
        QVERIFY(!pending->judgement.passed);
        QCOMPARE(pending->judgement.confirmed.professionalTenths, 0);
        QCOMPARE(pending->judgement.pending.professionalTenths, 420);
        QCOMPARE(pending->judgement.professionalShortTenths, 420);

        const ComplianceRow *nothing = rowOf(report, QStringLiteral("nothing"));
        QVERIFY(nothing);
        QCOMPARE(nothing->judgement.missingTenths(), 900);

        // Per type: public met by exact, short, pending; professional by exact only.
        QCOMPARE(report.publicMetCount, 3);
        QCOMPARE(report.professionalMetCount, 1);
        QCOMPARE(report.electiveMetCount, 3);
        QCOMPARE(report.totalMetCount, 1);
        // The records of the listed staff in 2026 (the rejected one too).
        QCOMPARE(report.recordsRead, 3 + 3 + 4);
        QCOMPARE(report.recordYears, (QList<int> { 2026, 2025 }));
    }

    void report_rowsOrderedByName_ranksFollowTheOrder()
    {
        // Chinese names sort by pinyin in a Chinese locale: 李 (li), 王 (wang), 张 (zhang).
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QTemporaryDir dir;
        ReportStore s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("employer.sqlite"))));
        s.staff(QStringLiteral("z"), QStringLiteral("张敏"));
        s.staff(QStringLiteral("w"), QStringLiteral("王伟"));
        s.staff(QStringLiteral("l"), QStringLiteral("李芳"));
        const ComplianceReport report = buildComplianceReport(s.store.database(), 2026, {});
        QLocale::setDefault(before);
        QVERIFY(report.ok);
        QCOMPARE(report.rows.size(), 3);
        QCOMPARE(report.rows.at(0).name, QStringLiteral("李芳"));
        QCOMPARE(report.rows.at(1).name, QStringLiteral("王伟"));
        QCOMPARE(report.rows.at(2).name, QStringLiteral("张敏"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(report.rows.at(i).nameRank, i);
    }

    void report_regionalOverride_appliesToTheEmployersRegion()
    {
        QTemporaryDir dir;
        ReportStore s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("employer.sqlite"))));
        s.policy(YearPolicy::defaults(2026));
        // Guangzhou (440100) asks for 30 professional hours and 72 in total in 2026.
        YearPolicy city = YearPolicy::defaults(2026);
        city.regionCode = QStringLiteral("440100");
        city.professionalTenths = 240;
        city.totalTenths = 720;
        s.policy(city);
        YearPolicy otherYear = city;
        otherYear.year = 2025;
        otherYear.professionalTenths = 0;
        s.policy(otherYear);
        s.staff(QStringLiteral("l"), QStringLiteral("黄涛"));
        s.hours(QStringLiteral("l"), QStringLiteral("public"), 300);
        s.hours(QStringLiteral("l"), QStringLiteral("professional"), 240);
        s.hours(QStringLiteral("l"), QStringLiteral("elective"), 180);

        // An employer in Tianhe district (440106) falls under its city's override.
        const ComplianceReport tianhe
            = buildComplianceReport(s.store.database(), 2026, QStringLiteral("440106"));
        QVERIFY(tianhe.ok);
        QCOMPARE(tianhe.policy, city);
        QCOMPARE(tianhe.passedCount, 1);
        // Shenzhen (440300) and an employer without a region: the national policy.
        for (const QString &region : { QStringLiteral("440305"), QString() }) {
            const ComplianceReport national
                = buildComplianceReport(s.store.database(), 2026, region);
            QVERIFY(national.ok);
            QCOMPARE(national.policy.regionCode, QString());
            QCOMPARE(national.passedCount, 0);
            QCOMPARE(national.rows.at(0).judgement.professionalShortTenths, 180);
        }
    }

    void load_onItsOwnConnection_whileTheStoreIsOpen()
    {
        QTemporaryDir dir;
        ReportStore s;
        const QString path = dir.filePath(QStringLiteral("employer.sqlite"));
        QVERIFY(s.open(path));
        s.staff(QStringLiteral("a"), QStringLiteral("王伟"));
        s.minimum(QStringLiteral("a"));
        s.staff(QStringLiteral("b"), QStringLiteral("李芳"));
        const auto connections = QSqlDatabase::connectionNames();
        QList<int> seen;
        const ComplianceReport report
            = loadComplianceReport(path, 2026, QStringLiteral("440106"), [&seen](int permille) {
                  seen.append(permille);
                  return true;
              });
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.staffCount(), 2);
        QCOMPARE(report.passedCount, 1);
        QCOMPARE(QSqlDatabase::connectionNames(), connections); // removed again
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last(), 1000);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        // The store still writes: the reader held no lock.
        s.hours(QStringLiteral("b"), QStringLiteral("public"), 10);

        const ComplianceReport missing
            = loadComplianceReport(dir.filePath(QStringLiteral("none/x.sqlite")), 2026, {});
        QVERIFY(!missing.ok);
        QVERIFY(!missing.error.isEmpty());
    }

    void build_progressSaysStop_cancelled()
    {
        QTemporaryDir dir;
        ReportStore s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("employer.sqlite"))));
        s.staff(QStringLiteral("a"), QStringLiteral("王伟"));
        const ComplianceReport report
            = buildComplianceReport(s.store.database(), 2026, {}, [](int) { return false; });
        QVERIFY(!report.ok);
        QVERIFY(report.cancelled);
        QVERIFY(report.rows.isEmpty());
    }

    void recordYears_allRecordsYears_newestFirst()
    {
        QTemporaryDir dir;
        ReportStore s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("employer.sqlite"))));
        QCOMPARE(buildComplianceReport(s.store.database(), 2026, {}).recordYears, QList<int>());
        s.hours(
            QStringLiteral("a"), QStringLiteral("public"), 10, QStringLiteral("rejected"), 2024);
        s.hours(
            QStringLiteral("a"), QStringLiteral("public"), 10, QStringLiteral("confirmed"), 2027);
        s.hours(QStringLiteral("b"), QStringLiteral("public"), 10, QStringLiteral("pending"), 2025);
        s.hours(
            QStringLiteral("b"), QStringLiteral("public"), 10, QStringLiteral("confirmed"), 2025);
        s.hours(
            QStringLiteral("b"), QStringLiteral("public"), 10, QStringLiteral("confirmed"), 1900);
        const ComplianceReport report = buildComplianceReport(s.store.database(), 2026, {});
        QVERIFY(report.ok);
        QCOMPARE(report.recordYears, (QList<int> { 2027, 2025, 2024 }));
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("王伟") << QStringLiteral("王伟");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("number") << QStringLiteral("41.9") << QStringLiteral("41.9");
        QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")")
                                 << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("plus") << QStringLiteral("+86 138") << QStringLiteral("'+86 138");
        QTest::newRow("minus") << QStringLiteral("-1+2") << QStringLiteral("'-1+2");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"")
                               << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
        QTest::newRow("formula with comma")
            << QStringLiteral("=1,2") << QStringLiteral("\"'=1,2\"");
        QTest::newRow("chinese semicolon")
            << QStringLiteral("专业科目还差 0.1 学时；公需科目还差 1 学时")
            << QStringLiteral("专业科目还差 0.1 学时；公需科目还差 1 学时");
    }

    void csvField()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(xueshi::csvField(value), expected);
    }

    void csvDocument_bomCrlfAndEscaping()
    {
        const QByteArray csv = csvDocument({ { QStringLiteral("姓名"), QStringLiteral("结果") },
            { QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("a,\"b\"") } });
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(QString::fromUtf8(csv.mid(3)),
            QStringLiteral("姓名,结果\r\n'=cmd|' /C calc'!A0,\"a,\"\"b\"\"\"\r\n"));
        QCOMPARE(csvDocument({}), QByteArray("\xEF\xBB\xBF"));
    }

    void csvRow_followsTheHeader()
    {
        ComplianceRow row;
        row.name = QStringLiteral("李芳");
        row.residentIdMasked = QStringLiteral("440106********1234");
        row.judgement = judgeYear(YearPolicy::defaults(2026),
            { { 2026, QStringLiteral("public"), 300, QStringLiteral("confirmed") },
                { 2026, QStringLiteral("professional"), 375, QStringLiteral("confirmed") },
                { 2026, QStringLiteral("elective"), 15, QStringLiteral("pending") } });
        const QStringList fields = ComplianceText::csvRow(row);
        QCOMPARE(fields.size(), ComplianceText::csvHeader().size());
        QCOMPARE(fields.at(4), QStringLiteral("30"));
        QCOMPARE(fields.at(5), QStringLiteral("37.5"));
        QCOMPARE(fields.at(6), QStringLiteral("0"));
        QCOMPARE(fields.at(7), QStringLiteral("67.5"));
        QCOMPARE(fields.at(8), QStringLiteral("1.5"));
        QCOMPARE(fields.at(9), QStringLiteral("Not passed"));
        QCOMPARE(fields.at(10),
            QStringLiteral(
                "Professional subjects: 4.5 hours short; Elective subjects: 18 hours short"));
    }
};

QTEST_GUILESS_MAIN(TestComplianceReport)
#include "tst_compliancereport.moc"
