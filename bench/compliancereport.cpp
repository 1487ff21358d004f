// Benchmark: the employer's 统计报表 (ComplianceReportPage, the real widgets) on a real LocalStore
// holding an HR office of 10,000 staff (confirmed bindings) and 100,000 hour records (as a sync
// would have left it). Measures:
//   build_ms  the report model alone: buildComplianceReport on the store's connection (the SQL
//             reads, judgeYear for each person, the names ranked);
//   open_ms   the page built and shown, the report loaded (on the worker thread) and laid into
//             the table, the first frame with the rows painted (goal <= 1000);
// and, while open_ms runs, the longest the UI thread did not get to its event loop
// (ui_blocked_ms_max). Prints one JSON line per metric.
#include "reports/compliancereport.h"

#include "localstore.h"
#include "reports/compliancereportmodel.h"
#include "reports/compliancereportpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <ctime>

using namespace xueshi;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QStringList Surnames { QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
    QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨"), QStringLiteral("黄"),
    QStringLiteral("赵"), QStringLiteral("吴"), QStringLiteral("周"), QStringLiteral("徐"),
    QStringLiteral("孙"), QStringLiteral("马"), QStringLiteral("朱"), QStringLiteral("胡") };
const QStringList Given { QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"),
    QStringLiteral("敏"), QStringLiteral("静"), QStringLiteral("丽"), QStringLiteral("强"),
    QStringLiteral("磊"), QStringLiteral("军"), QStringLiteral("洋"), QStringLiteral("勇"),
    QStringLiteral("艳"), QStringLiteral("杰"), QStringLiteral("娟"), QStringLiteral("涛"),
    QStringLiteral("明"), QStringLiteral("超"), QStringLiteral("秀"), QStringLiteral("霞"),
    QStringLiteral("平") };
const QStringList Types { QStringLiteral("public"), QStringLiteral("professional"),
    QStringLiteral("elective") };

QString nameOf(int i)
{
    return Surnames.at(i % Surnames.size()) + Given.at((i / 15) % Given.size())
        + Given.at((i / 300) % Given.size());
}

void print(const QString &metric, double value, const QString &unit, const QJsonObject &extra = {})
{
    QJsonObject line { { QStringLiteral("benchmark"), QStringLiteral("compliance-report") },
        { QStringLiteral("metric"), metric }, { QStringLiteral("value"), value },
        { QStringLiteral("unit"), unit } };
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        line.insert(it.key(), it.value());
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QJsonObject change(qint64 seq, const QString &type, const QString &id, const QJsonObject &data)
{
    return QJsonObject { { QStringLiteral("seq"), seq }, { QStringLiteral("type"), type },
        { QStringLiteral("id"), id }, { QStringLiteral("version"), 1 },
        { QStringLiteral("op"), QStringLiteral("upsert") }, { QStringLiteral("data"), data } };
}

// The store as a sync of the HR office would leave it: `staff` confirmed bindings with the
// learners' details and `records` hour records spread over them (most in the report's year,
// some the year before; a few pending or rejected), in pages of 1,000.
bool seed(LocalStore &store, int staff, int records, int year)
{
    const QString employerId = newId();
    qint64 seq = 0;
    QJsonArray page;
    const auto flush = [&] {
        if (page.isEmpty())
            return true;
        const bool ok = store.applyPage(page, QStringLiteral("v1.bench.1.%1").arg(seq));
        page = QJsonArray();
        return ok;
    };
    YearPolicy policy = YearPolicy::defaults(year);
    page.append(change(++seq, QStringLiteral("policy"), policy.entityId(), policy.toJson()));
    QStringList learners;
    for (int i = 0; i < staff; ++i) {
        const QString learnerId = newId();
        learners.append(learnerId);
        const QString bindingId = newId();
        page.append(change(++seq, QStringLiteral("binding"), bindingId,
            QJsonObject { { QStringLiteral("id"), bindingId },
                { QStringLiteral("learnerId"), learnerId },
                { QStringLiteral("employerId"), employerId },
                { QStringLiteral("employerName"), QStringLiteral("广州天河环保工程有限公司") },
                { QStringLiteral("employerRegionCode"), QStringLiteral("440106") },
                { QStringLiteral("status"), QStringLiteral("confirmed") },
                { QStringLiteral("requestedAt"), QStringLiteral("2026-01-05T02:00:00Z") },
                { QStringLiteral("decidedAt"), QStringLiteral("2026-01-06T02:00:00Z") },
                { QStringLiteral("version"), 2 },
                { QStringLiteral("learner"),
                    QJsonObject { { QStringLiteral("realName"), nameOf(i) },
                        { QStringLiteral("residentId"),
                            QStringLiteral("4401061985%1").arg(i, 8, 10, QLatin1Char('0')) },
                        { QStringLiteral("gender"), QStringLiteral("female") },
                        { QStringLiteral("education"), QStringLiteral("bachelor") },
                        { QStringLiteral("professionalTitle"), QStringLiteral("工程师") },
                        { QStringLiteral("professionalSeries"),
                            QStringLiteral("engineering-environmental") },
                        { QStringLiteral("position"), QStringLiteral("环境监测") },
                        { QStringLiteral("mobile"), QStringLiteral("13800138000") },
                        { QStringLiteral("email"), QStringLiteral("staff@example.com") },
                        { QStringLiteral("username"), QStringLiteral("staff%1").arg(i) } } } }));
        if (page.size() >= 1000 && !flush())
            return false;
    }
    for (int i = 0; i < records; ++i) {
        const QString id = newId();
        const int person = i % staff;
        const int round = i / staff;
        // Eight of ten in the year: most people pass, a quarter are short of professional hours.
        const int recordYear = round % 5 == 4 ? year - 1 : year;
        const QString status = i % 23 == 0 ? QStringLiteral("pending")
            : i % 31 == 0                  ? QStringLiteral("rejected")
                                           : QStringLiteral("confirmed");
        const QString type = Types.at(round % 3);
        // A quarter of the staff is 6 hours short of professional hours.
        const int tenths
            = type == QLatin1String("professional") ? (person % 4 == 0 ? 180 : 240) : 120;
        page.append(change(++seq, QStringLiteral("hourRecord"), id,
            QJsonObject { { QStringLiteral("id"), id },
                { QStringLiteral("learnerId"), learners.at(person) },
                { QStringLiteral("year"), recordYear },
                { QStringLiteral("source"), QStringLiteral("class") },
                { QStringLiteral("subjectType"), type }, { QStringLiteral("hoursTenths"), tenths },
                { QStringLiteral("status"), status },
                { QStringLiteral("title"), QStringLiteral("环境监测新技术培训（第%1期）").arg(i) },
                { QStringLiteral("startDate"),
                    QDate(recordYear, 1, 5).addDays(i % 300).toString(Qt::ISODate) },
                { QStringLiteral("endDate"),
                    QDate(recordYear, 1, 6).addDays(i % 300).toString(Qt::ISODate) } }));
        if (page.size() >= 1000 && !flush())
            return false;
    }
    return flush();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("staff"), QStringLiteral("Staff of the HR office."),
        QStringLiteral("n"), QStringLiteral("10000") });
    parser.addOption({ QStringLiteral("records"), QStringLiteral("Hour records of the staff."),
        QStringLiteral("n"), QStringLiteral("100000") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Runs of each measure (median)."),
        QStringLiteral("n"), QStringLiteral("3") });
    parser.addOption(
        { QStringLiteral("keep"), QStringLiteral("Keep the store file (its path is printed).") });
    parser.addOption({ QStringLiteral("print"),
        QStringLiteral("Also time the printout of those not passing to a PDF file.") });
    parser.addOption({ QStringLiteral("store"),
        QStringLiteral("Use this store (left by --keep) instead of seeding one."),
        QStringLiteral("path") });
    parser.process(app);
    const int staff = std::max(1, parser.value(QStringLiteral("staff")).toInt());
    const int records = parser.value(QStringLiteral("records")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const int year = 2026;
    QStandardPaths::setTestModeEnabled(true);
    // An HR office in China: names ranked by pinyin (ICU collation), as they would be there.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));

    QTemporaryDir dir;
    if (parser.isSet(QStringLiteral("keep"))) {
        dir.setAutoRemove(false);
        std::fprintf(
            stderr, "store: %s\n", qPrintable(dir.filePath(QStringLiteral("employer.sqlite"))));
    }
    LocalStore store;
    const QString path = parser.isSet(QStringLiteral("store"))
        ? parser.value(QStringLiteral("store"))
        : dir.filePath(QStringLiteral("employer.sqlite"));
    if (!dir.isValid() || !store.open(path)) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (!parser.isSet(QStringLiteral("store")) && !seed(store, staff, records, year)) {
        std::fprintf(stderr, "cannot seed the store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    const double seedMs = double(timer.nsecsElapsed()) / 1e6;

    const auto median = [](QList<double> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };

    // build_ms: the model alone, as the page's worker builds it (a read-only connection of its
    // own, the file mapped); and on the store's own connection for comparison.
    QList<double> builds;
    QList<double> storeBuilds;
    QList<double> buildCpu; // CPU time of the build: what it costs on an idle machine
    ComplianceReport report;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        const std::clock_t cpu = std::clock();
        report = loadComplianceReport(store.path(), year, QStringLiteral("440106"));
        builds.append(double(timer.nsecsElapsed()) / 1e6);
        buildCpu.append(double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
        timer.restart();
        buildComplianceReport(store.database(), year, QStringLiteral("440106"));
        storeBuilds.append(double(timer.nsecsElapsed()) / 1e6);
    }
    if (!report.ok) {
        std::fprintf(stderr, "cannot build the report: %s\n", qPrintable(report.error));
        return 1;
    }
    print(QStringLiteral("build_ms"), median(builds), QStringLiteral("ms"),
        { { QStringLiteral("staff"), report.staffCount() }, { QStringLiteral("records"), records },
            { QStringLiteral("recordsOfTheYear"), report.recordsRead },
            { QStringLiteral("passed"), report.passedCount },
            { QStringLiteral("notPassed"), report.notPassedCount },
            { QStringLiteral("cpuMs"), median(buildCpu) },
            { QStringLiteral("onStoreConnectionMs"), median(storeBuilds) },
            { QStringLiteral("runs"), runs }, { QStringLiteral("seedMs"), seedMs } });

    // open_ms: the page built and shown, the report loaded on the worker thread and laid into
    // the table, the rows painted. A timer on the UI thread notes how long it waits between
    // two turns of the event loop.
    QList<double> opens;
    QList<double> shownAt; // the page built and shown, the worker started
    QList<double> loadedAt; // the report in the table, sorted
    double blockedMax = 0;
    int shown = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer sinceTick;
        double longest = 0;
        QTimer tick;
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            longest = std::max(longest, double(sinceTick.nsecsElapsed()) / 1e6);
            sinceTick.restart();
        });
        timer.restart();
        ComplianceReportPage page;
        page.setToday(QDate(year, 12, 6));
        QSignalSpy loaded(&page, &ComplianceReportPage::reportLoaded);
        page.setSource(
            &store, QStringLiteral("440106"), QStringLiteral("广州天河环保工程有限公司"));
        page.resize(1280, 800);
        page.show();
        shownAt.append(double(timer.nsecsElapsed()) / 1e6);
        sinceTick.start();
        tick.start();
        if (!loaded.wait(30000)) {
            std::fprintf(stderr, "the report did not load\n");
            return 1;
        }
        tick.stop();
        loadedAt.append(double(timer.nsecsElapsed()) / 1e6);
        page.grab(); // the first frame with the rows
        opens.append(double(timer.nsecsElapsed()) / 1e6);
        blockedMax = std::max(blockedMax, longest);
        shown
            = page.findChild<QTableView *>(QStringLiteral("reportTableView"))->model()->rowCount();
    }
    print(QStringLiteral("open_ms"), median(opens), QStringLiteral("ms"),
        { { QStringLiteral("goal"), 1000 }, { QStringLiteral("staff"), staff },
            { QStringLiteral("records"), records }, { QStringLiteral("rowsShown"), shown },
            { QStringLiteral("max"), *std::max_element(opens.begin(), opens.end()) },
            { QStringLiteral("shownAtMs"), median(shownAt) },
            { QStringLiteral("loadedAtMs"), median(loadedAt) }, { QStringLiteral("runs"), runs } });
    print(QStringLiteral("ui_blocked_ms_max"), blockedMax, QStringLiteral("ms"),
        { { QStringLiteral("during"), QStringLiteral("open") } });

    // print_ms: the printout of those not passing (a QTextDocument table) rendered to a PDF.
    if (parser.isSet(QStringLiteral("print"))) {
        ComplianceReportPage page;
        page.setToday(QDate(year, 12, 6));
        QSignalSpy loaded(&page, &ComplianceReportPage::reportLoaded);
        page.setSource(
            &store, QStringLiteral("440106"), QStringLiteral("广州天河环保工程有限公司"));
        page.show();
        if (!loaded.wait(30000))
            return 1;
        page.proxy()->setOnlyNotPassed(true);
        timer.restart();
        page.printToPdf(dir.filePath(QStringLiteral("report.pdf")));
        print(QStringLiteral("print_ms"), double(timer.nsecsElapsed()) / 1e6, QStringLiteral("ms"),
            { { QStringLiteral("rows"), page.printedRowCount() },
                { QStringLiteral("pdfBytes"),
                    QFileInfo(dir.filePath(QStringLiteral("report.pdf"))).size() } });
    }
    return shown == staff ? 0 : 1;
}
