// Benchmark: the employer's 学时审核 page (ReviewPage, the real widgets) on a real LocalStore
// holding an HR office of 10,000 staff (confirmed bindings) with 5,000 pending declarations, as
// a sync would have left it. Measures:
//   open_ms        building the page, loading the store and showing the first frame;
//   filter_ms_p95  per keystroke while names are typed into the person filter (and erased), the
//                  repaint included (goal < 50);
//   confirm500_ms  500 rows selected, 确认 clicked: 500 declaration.confirm queued as one action,
//                  the rows refreshed, the next frame painted: the window is blocked only
//                  this long.
// Prints one JSON line per metric.
#include "apiclient.h"
#include "appsettings.h"
#include "clientcore.h"
#include "declarations/reviewmodel.h"
#include "declarations/reviewpage.h"
#include "localstore.h"
#include "syncengine.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>

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

QString nameOf(int i)
{
    return Surnames.at(i % Surnames.size()) + Given.at((i / 15) % Given.size())
        + Given.at((i / 300) % Given.size());
}

void print(const QString &metric, double value, const QString &unit, const QJsonObject &extra = {})
{
    QJsonObject line { { QStringLiteral("benchmark"), QStringLiteral("review") },
        { QStringLiteral("metric"), metric }, { QStringLiteral("value"), value },
        { QStringLiteral("unit"), unit } };
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        line.insert(it.key(), it.value());
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index
        = std::min(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values.at(std::max<qsizetype>(0, index));
}

// The store as a sync of the HR office would leave it: 10,000 confirmed bindings (with the
// learners' details) and 5,000 pending declarations, in pages of 1,000.
bool seed(LocalStore &store, int staff, int pending)
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
    QStringList learners;
    for (int i = 0; i < staff; ++i) {
        const QString learnerId = newId();
        learners.append(learnerId);
        const QString bindingId = newId();
        page.append(QJsonObject { { QStringLiteral("seq"), ++seq },
            { QStringLiteral("type"), QStringLiteral("binding") },
            { QStringLiteral("id"), bindingId }, { QStringLiteral("version"), 2 },
            { QStringLiteral("op"), QStringLiteral("upsert") },
            { QStringLiteral("data"),
                QJsonObject { { QStringLiteral("id"), bindingId },
                    { QStringLiteral("learnerId"), learnerId },
                    { QStringLiteral("employerId"), employerId },
                    { QStringLiteral("employerName"), QStringLiteral("广州天河环保工程有限公司") },
                    { QStringLiteral("status"), QStringLiteral("confirmed") },
                    { QStringLiteral("requestedAt"), QStringLiteral("2026-01-05T02:00:00Z") },
                    { QStringLiteral("decidedAt"), QStringLiteral("2026-01-06T02:00:00Z") },
                    { QStringLiteral("version"), 2 },
                    { QStringLiteral("learner"),
                        QJsonObject { { QStringLiteral("realName"), nameOf(i) },
                            { QStringLiteral("residentId"),
                                QStringLiteral("4401061985%1").arg(i, 8, 10, QLatin1Char('0')) },
                            { QStringLiteral("mobile"), QStringLiteral("13800138000") },
                            { QStringLiteral("username"),
                                QStringLiteral("staff%1").arg(i) } } } } } });
        if (page.size() >= 1000 && !flush())
            return false;
    }
    for (int i = 0; i < pending; ++i) {
        const QString id = newId();
        const int person = (i * 7) % staff;
        const QDate start = QDate(2026, 1, 5).addDays(i % 300);
        const bool professional = i % 3 != 0;
        QJsonArray attachments { QJsonObject { { QStringLiteral("id"), newId() },
            { QStringLiteral("name"), QStringLiteral("培训证明%1.pdf").arg(i) },
            { QStringLiteral("kind"), QStringLiteral("pdf") }, { QStringLiteral("size"), 183204 },
            { QStringLiteral("sha256"),
                QString::fromLatin1(
                    QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256)
                        .toHex()) } } };
        page.append(QJsonObject { { QStringLiteral("seq"), ++seq },
            { QStringLiteral("type"), QStringLiteral("declaration") }, { QStringLiteral("id"), id },
            { QStringLiteral("version"), 3 }, { QStringLiteral("op"), QStringLiteral("upsert") },
            { QStringLiteral("data"),
                QJsonObject { { QStringLiteral("id"), id },
                    { QStringLiteral("learnerId"), learners.at(person) },
                    { QStringLiteral("learnerName"), nameOf(person) },
                    { QStringLiteral("employerId"), employerId },
                    { QStringLiteral("employerName"), QStringLiteral("广州天河环保工程有限公司") },
                    { QStringLiteral("year"), start.year() },
                    { QStringLiteral("title"),
                        QStringLiteral("环境监测新技术内部培训（第%1期）").arg(i) },
                    { QStringLiteral("organiser"), QStringLiteral("广州天河环保工程有限公司") },
                    { QStringLiteral("startDate"), start.toString(Qt::ISODate) },
                    { QStringLiteral("endDate"), start.addDays(1).toString(Qt::ISODate) },
                    { QStringLiteral("trainingDays"), 2 }, { QStringLiteral("hoursTenths"), 120 },
                    { QStringLiteral("subjectType"),
                        professional ? QStringLiteral("professional")
                                     : QStringLiteral("elective") },
                    { QStringLiteral("professionalSeries"),
                        professional ? QStringLiteral("engineering-environmental") : QString() },
                    { QStringLiteral("status"), QStringLiteral("pending") },
                    { QStringLiteral("reason"), QString() },
                    { QStringLiteral("attachments"), attachments },
                    { QStringLiteral("submittedAt"),
                        QDateTime(start.addDays(3), QTime(2, 0), Qt::UTC)
                            .addSecs(i)
                            .toString(Qt::ISODate) },
                    { QStringLiteral("version"), 3 } } } });
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
    parser.addOption({ QStringLiteral("pending"), QStringLiteral("Pending declarations."),
        QStringLiteral("n"), QStringLiteral("5000") });
    parser.addOption({ QStringLiteral("confirm"), QStringLiteral("Declarations confirmed at once."),
        QStringLiteral("n"), QStringLiteral("500") });
    parser.process(app);
    const int staff = parser.value(QStringLiteral("staff")).toInt();
    const int pending = parser.value(QStringLiteral("pending")).toInt();
    const int confirm = parser.value(QStringLiteral("confirm")).toInt();
    QStandardPaths::setTestModeEnabled(true);

    QTemporaryDir dir;
    LocalStore store;
    if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("employer.sqlite")))) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (!seed(store, staff, pending)) {
        std::fprintf(stderr, "cannot seed the store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    const double seedMs = double(timer.nsecsElapsed()) / 1e6;

    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    QNetworkAccessManager network;
    ClientCore core(&settings, &network);
    SyncEngine engine(core.api(), &store);
    engine.setWatchNetwork(false);

    // open_ms: the page built, the store read into the model, the first frame painted.
    timer.restart();
    ReviewPage page(&core);
    page.setSource(&engine, &store);
    page.resize(1280, 800);
    page.show();
    page.grab(); // paints the whole page once, as the first frame would
    QCoreApplication::processEvents();
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    auto *view = page.findChild<QTableView *>(QStringLiteral("declarationTableView"));
    const int shown = view->model()->rowCount();
    print(QStringLiteral("open_ms"), openMs, QStringLiteral("ms"),
        { { QStringLiteral("goal"), 500 }, { QStringLiteral("staff"), staff },
            { QStringLiteral("pendingDeclarations"), pending },
            { QStringLiteral("rowsShown"), shown }, { QStringLiteral("seedMs"), seedMs } });

    // filter_ms_p95: names typed one character at a time, then erased, each keystroke with its
    // repaint.
    auto *person = page.findChild<QLineEdit *>(QStringLiteral("personFilterLineEdit"));
    QList<double> keystrokes;
    int lastMatches = 0;
    for (int n = 0; n < 12; ++n) {
        // People with declarations (person = i * 7 % staff).
        const QString name = nameOf(n * 37 * 7 % staff);
        for (const QChar c : name) {
            timer.restart();
            person->insert(QString(c));
            view->viewport()->grab();
            QCoreApplication::processEvents();
            keystrokes.append(double(timer.nsecsElapsed()) / 1e6);
        }
        lastMatches = view->model()->rowCount();
        while (!person->text().isEmpty()) {
            timer.restart();
            person->backspace();
            view->viewport()->grab();
            QCoreApplication::processEvents();
            keystrokes.append(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    print(QStringLiteral("filter_ms_p95"), percentile(keystrokes, 0.95), QStringLiteral("ms"),
        { { QStringLiteral("goal"), 50 }, { QStringLiteral("keystrokes"), keystrokes.size() },
            { QStringLiteral("median"), percentile(keystrokes, 0.5) },
            { QStringLiteral("max"), percentile(keystrokes, 1.0) },
            { QStringLiteral("rowsForLastName"), lastMatches } });

    // confirm500_ms: the first `confirm` rows selected, 确认 clicked, the next frame painted.
    QItemSelection selection(view->model()->index(0, 0), view->model()->index(confirm - 1, 0));
    view->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCoreApplication::processEvents();
    auto *confirmButton = page.findChild<QPushButton *>(QStringLiteral("confirmButton"));
    if (!confirmButton->isEnabled()) {
        std::fprintf(stderr, "the confirm button is disabled\n");
        return 1;
    }
    const int pendingBefore = store.pendingCount();
    timer.restart();
    confirmButton->click();
    view->viewport()->grab();
    QCoreApplication::processEvents();
    const double confirmMs = double(timer.nsecsElapsed()) / 1e6;
    const int queued = store.pendingCount() - pendingBefore;
    print(QStringLiteral("confirm500_ms"), confirmMs, QStringLiteral("ms"),
        { { QStringLiteral("selected"), confirm }, { QStringLiteral("queued"), queued },
            { QStringLiteral("actions"), 1 },
            { QStringLiteral("rowsStillListed"), view->model()->rowCount() } });
    return queued == confirm ? 0 : 1;
}
