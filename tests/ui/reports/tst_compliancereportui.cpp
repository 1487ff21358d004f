// The employer's 统计报表 through the real widgets on a real LocalStore: the report read on the
// worker thread with a progress bar, the counts, the filter to those not passing and by name,
// sorting numbers as numbers, 导出 CSV through the file dialog (read back: BOM, formula-safe),
// 打印 through the print preview, the printout as a PDF (its text read back), and the section's
// place in the employer's window.
#include "clientfakes.h"
#include "localstore.h"
#include "reports/compliancereportmodel.h"
#include "reports/compliancereportpage.h"
#include "syncengine.h"
#include "windows/employerwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QPrintPreviewDialog>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

template<typename T> T *child(QObject *parent, const char *name)
{
    auto *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

void putStaff(LocalStore &store, const QString &learnerId, const QString &name,
    const QString &position = QStringLiteral("环境监测"),
    const QString &status = QStringLiteral("confirmed"))
{
    const QString id = QStringLiteral("binding-") + learnerId;
    QVERIFY(store.putEntity(CachedEntity { QStringLiteral("binding"), id, 2,
        QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), learnerId },
            { QStringLiteral("status"), status },
            { QStringLiteral("learner"),
                QJsonObject { { QStringLiteral("realName"), name },
                    { QStringLiteral("residentId"), QStringLiteral("440106198501011234") },
                    { QStringLiteral("professionalTitle"), QStringLiteral("工程师") },
                    { QStringLiteral("position"), position } } } } }));
}

void putHours(LocalStore &store, const QString &learnerId, const QString &type, int tenths,
    const QString &status = QStringLiteral("confirmed"), int year = 2026)
{
    static int n = 0;
    const QString id = QStringLiteral("record-%1").arg(++n);
    QVERIFY(store.putEntity(CachedEntity { QStringLiteral("hourRecord"), id, 1,
        QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), learnerId },
            { QStringLiteral("year"), year }, { QStringLiteral("subjectType"), type },
            { QStringLiteral("hoursTenths"), tenths }, { QStringLiteral("status"), status } } }));
}

// Closes the application's modal dialog of type T once `ready` says so (or after 10 s), with
// `act` run on it first.
template<typename T>
void whenModal(const std::function<bool(T *)> &ready, const std::function<void(T *)> &act)
{
    auto *timer = new QTimer;
    auto *elapsed = new QElapsedTimer;
    elapsed->start();
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, elapsed, ready, act] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (!ready(dialog) && elapsed->elapsed() < 10000)
            return;
        timer->stop();
        timer->deleteLater();
        delete elapsed;
        act(dialog);
    });
    timer->start();
}

} // namespace

class TestComplianceReportUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LocalStore m_store;
    std::unique_ptr<ComplianceReportPage> m_page;

    QTableView *view() const { return child<QTableView>(m_page.get(), "reportTableView"); }
    QAbstractItemModel *shown() const { return view()->model(); }
    QString cell(int row, int column) const
    {
        return shown()->index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("employer.sqlite"))));
        // Professional hours 100, 41.9, 9 and 0: as text they would sort 0, 100, 41.9, 9.
        putStaff(m_store, QStringLiteral("a"), QStringLiteral("王伟"));
        putHours(m_store, QStringLiteral("a"), QStringLiteral("public"), 300);
        putHours(m_store, QStringLiteral("a"), QStringLiteral("professional"), 1000);
        putHours(m_store, QStringLiteral("a"), QStringLiteral("elective"), 180);
        putStaff(m_store, QStringLiteral("b"), QStringLiteral("李芳"),
            QStringLiteral("=HYPERLINK(\"http://example.com\",\"x\")"));
        putHours(m_store, QStringLiteral("b"), QStringLiteral("public"), 300);
        putHours(m_store, QStringLiteral("b"), QStringLiteral("professional"), 419);
        putHours(m_store, QStringLiteral("b"), QStringLiteral("elective"), 180);
        putStaff(m_store, QStringLiteral("c"), QStringLiteral("张敏"));
        putHours(m_store, QStringLiteral("c"), QStringLiteral("professional"), 420,
            QStringLiteral("pending"));
        putStaff(m_store, QStringLiteral("d"), QStringLiteral("刘强"));
        putHours(m_store, QStringLiteral("d"), QStringLiteral("professional"), 90);
        putHours(m_store, QStringLiteral("d"), QStringLiteral("public"), 50,
            QStringLiteral("confirmed"), 2024);
        putStaff(m_store, QStringLiteral("e"), QStringLiteral("陈静"), QString(),
            QStringLiteral("ended"));
        putHours(m_store, QStringLiteral("e"), QStringLiteral("professional"), 420);
    }

    void init()
    {
        m_page = std::make_unique<ComplianceReportPage>();
        m_page->setToday(QDate(2026, 12, 6));
        m_page->resize(1200, 800);
    }

    void cleanup() { m_page.reset(); }

    void open_readsOnTheWorkerWithProgress_thenCounts()
    {
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(
            &m_store, QStringLiteral("440106"), QStringLiteral("广州天河环保工程有限公司"));
        QCOMPARE(loaded.count(), 0); // not on screen: nothing read yet
        m_page->show();
        // The UI thread is free while the worker reads: the progress bar is up.
        QVERIFY(m_page->isLoading());
        QVERIFY(child<QProgressBar>(m_page.get(), "reportProgressBar")->isVisible());
        QVERIFY(!child<QPushButton>(m_page.get(), "exportCsvButton")->isEnabled());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toBool(), true);
        QVERIFY(!child<QProgressBar>(m_page.get(), "reportProgressBar")->isVisible());
        QCOMPARE(shown()->rowCount(), 4); // the ended binding is not listed
        const QString counts = child<QLabel>(m_page.get(), "reportCountsLabel")->text();
        QVERIFY2(counts.contains(QLatin1String("<b>4</b> staff")), qPrintable(counts));
        QVERIFY2(counts.contains(QLatin1String("<b>1</b> passed")), qPrintable(counts));
        QVERIFY2(counts.contains(QLatin1String("<b>3</b> not passed")), qPrintable(counts));
        QVERIFY(child<QLabel>(m_page.get(), "reportPolicyLabel")
                    ->text()
                    .contains(QLatin1String("90 hours")));
        // The years: those of the records and the current one.
        auto *years = child<QComboBox>(m_page.get(), "reportYearComboBox");
        QCOMPARE(years->count(), 2);
        QCOMPARE(years->itemData(0).toInt(), 2026);
        QCOMPARE(years->itemData(1).toInt(), 2024);
        QCOMPARE(m_page->year(), 2026);

        // Another year: read again.
        years->setCurrentIndex(1);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->report().year, 2024);
        QCOMPARE(m_page->model()->report().notPassedCount, 4);
    }

    void filter_notPassingAndName()
    {
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(&m_store, QStringLiteral("440106"), {});
        m_page->show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(shown()->rowCount(), 4);
        child<QCheckBox>(m_page.get(), "notPassedCheckBox")->click();
        QCOMPARE(shown()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QVERIFY(!shown()->index(row, 0).data(ComplianceReportModel::PassedRole).toBool());
            QCOMPARE(cell(row, ComplianceReportModel::ResultColumn), QStringLiteral("Not passed"));
        }
        QVERIFY(child<QLabel>(m_page.get(), "reportShownLabel")->text().contains(u'3'));
        child<QLineEdit>(m_page.get(), "nameFilterLineEdit")->insert(QStringLiteral("李"));
        QCOMPARE(shown()->rowCount(), 1);
        QCOMPARE(cell(0, ComplianceReportModel::NameColumn), QStringLiteral("李芳"));
        QCOMPARE(cell(0, ComplianceReportModel::MissingColumn),
            QStringLiteral("Professional subjects: 0.1 hours short"));
        child<QCheckBox>(m_page.get(), "notPassedCheckBox")->click();
        child<QLineEdit>(m_page.get(), "nameFilterLineEdit")->clear();
        QCOMPARE(shown()->rowCount(), 4);
    }

    void sort_byProfessionalHours_asNumbers()
    {
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(&m_store, QStringLiteral("440106"), {});
        m_page->show();
        QVERIFY(loaded.wait(10000));
        QHeaderView *header = view()->horizontalHeader();
        const int column = ComplianceReportModel::ProfessionalColumn;
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(header->sortIndicatorSection(), column);
        const auto order = [this, column] {
            QStringList values;
            for (int row = 0; row < shown()->rowCount(); ++row)
                values << cell(row, column);
            return values;
        };
        const QStringList ascending { QStringLiteral("0"), QStringLiteral("9"),
            QStringLiteral("41.9"), QStringLiteral("100") };
        if (header->sortIndicatorOrder() == Qt::AscendingOrder) {
            QCOMPARE(order(), ascending);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        }
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(order(), descending);
        // The pending column: 42 pending hours first when descending.
        view()->sortByColumn(ComplianceReportModel::PendingColumn, Qt::DescendingOrder);
        QCOMPARE(cell(0, ComplianceReportModel::NameColumn), QStringLiteral("张敏"));
        QCOMPARE(cell(0, ComplianceReportModel::PendingColumn), QStringLiteral("42"));
    }

    void exportCsv_throughTheDialog_readBack()
    {
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(&m_store, QStringLiteral("440106"), {});
        m_page->show();
        QVERIFY(loaded.wait(10000));
        child<QCheckBox>(m_page.get(), "notPassedCheckBox")->click();
        view()->sortByColumn(ComplianceReportModel::NameColumn, Qt::AscendingOrder);
        // The dialog opens where the page was told, on the year's file name: accepted as it is.
        QTemporaryDir exports;
        m_page->setExportDirectory(exports.path());
        const QString path = exports.filePath(QStringLiteral("compliance-report-2026.csv"));
        QString dialogFile;
        whenModal<QFileDialog>([](QFileDialog *) { return true; },
            [&dialogFile](QFileDialog *dialog) {
                if (dialog->objectName() == QLatin1String("exportCsvFileDialog")
                    && dialog->acceptMode() == QFileDialog::AcceptSave)
                    dialogFile = dialog->selectedFiles().value(0);
                QMetaObject::invokeMethod(dialog, "accept");
            });
        child<QPushButton>(m_page.get(), "exportCsvButton")->click();
        QCOMPARE(QFileInfo(dialogFile).fileName(), QStringLiteral("compliance-report-2026.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 1 + 3 + 1); // header, the 3 not passing, the final line break
        QVERIFY(lines.at(0).startsWith(QLatin1String("Name,Resident ID,")));
        QVERIFY(lines.last().isEmpty());
        // The rows in the order shown; no formula, no full resident id.
        QStringList names;
        for (int i = 1; i <= 3; ++i)
            names << lines.at(i).section(u',', 0, 0);
        QStringList expected;
        for (int row = 0; row < 3; ++row)
            expected << cell(row, ComplianceReportModel::NameColumn);
        QCOMPARE(names, expected);
        const QString li = lines.at(1 + int(expected.indexOf(QStringLiteral("李芳"))));
        QVERIFY2(
            li.contains(QLatin1String(",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",")),
            qPrintable(li));
        QVERIFY(li.contains(QLatin1String(",41.9,")));
        QVERIFY(!bytes.contains("440106198501011234"));
        QVERIFY(bytes.contains("440106********1234"));
    }

    void print_previewOpenedAndClosed_pdfHasTheRows()
    {
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(
            &m_store, QStringLiteral("440106"), QStringLiteral("广州天河环保工程有限公司"));
        m_page->show();
        QVERIFY(loaded.wait(10000));
        child<QCheckBox>(m_page.get(), "notPassedCheckBox")->click();

        bool previewSeen = false;
        whenModal<QPrintPreviewDialog>(
            [this](QPrintPreviewDialog *) { return m_page->printedRowCount() > 0; },
            [&previewSeen](QPrintPreviewDialog *dialog) {
                previewSeen = dialog->objectName() == QLatin1String("reportPrintPreviewDialog");
                dialog->reject();
            });
        child<QPushButton>(m_page.get(), "printButton")->click();
        QVERIFY(previewSeen);
        QCOMPARE(m_page->printedRowCount(), 3);

        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(m_page->printToPdf(pdf));
        QPdfDocument document;
        QCOMPARE(document.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(document.pageCount(), 1);
        // Some ideographs come out of the text layer as radicals: compare the NFKC form.
        const QString text
            = document.getAllText(0).text().normalized(QString::NormalizationForm_KC);
        QVERIFY2(text.contains(QLatin1String("2026")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("41.9")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("李芳")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("广州天河环保工程有限公司")), qPrintable(text));
        // Filtered to those not passing: the one who passed is not printed.
        QVERIFY2(!text.contains(QStringLiteral("王伟")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("440106198501011234")));
        // A4 landscape, the table across the page (laid out at the printer's resolution).
        const QSizeF page = document.pagePointSize(0);
        QVERIFY(page.width() > page.height());
        QVERIFY(qAbs(page.width() - 842) < 2);
        const QPdfSelection all = document.getAllText(0);
        QVERIFY2(all.boundingRectangle().width() > page.width() / 2,
            qPrintable(QString::number(all.boundingRectangle().width())));
    }

    void print_manyRows_headerOnEveryPage()
    {
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("many.sqlite"))));
        for (int i = 0; i < 120; ++i)
            putStaff(store, QStringLiteral("m%1").arg(i, 3, 10, QLatin1Char('0')),
                QStringLiteral("Staff %1").arg(i, 3, 10, QLatin1Char('0')));
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(&store, {}, {});
        m_page->show();
        QVERIFY(loaded.wait(10000));
        const QString pdf = m_dir.filePath(QStringLiteral("many.pdf"));
        QVERIFY(m_page->printToPdf(pdf));
        QCOMPARE(m_page->printedRowCount(), 120);
        QPdfDocument document;
        QCOMPARE(document.load(pdf), QPdfDocument::Error::None);
        QVERIFY(document.pageCount() >= 2);
        QStringList seen;
        for (int page = 0; page < document.pageCount(); ++page) {
            const QString text = document.getAllText(page).text();
            QVERIFY2(text.contains(QLatin1String("Resident ID")), qPrintable(text));
            QVERIFY(text.contains(QString::number(page + 1)));
            for (int i = 0; i < 120; ++i) {
                const QString name = QStringLiteral("Staff %1").arg(i, 3, 10, QLatin1Char('0'));
                if (text.contains(name))
                    seen << name;
            }
        }
        QCOMPARE(seen.size(), 120); // every row once, none lost at a page break
    }

    void sync_bringsHours_reportReadAgain()
    {
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("second.sqlite"))));
        putStaff(store, QStringLiteral("x"), QStringLiteral("赵磊"));
        m_page->setSource(&store, {}, {});
        m_page->show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->report().passedCount, 0);
        putHours(store, QStringLiteral("x"), QStringLiteral("public"), 300);
        putHours(store, QStringLiteral("x"), QStringLiteral("professional"), 420);
        putHours(store, QStringLiteral("x"), QStringLiteral("elective"), 180);
        m_page->reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->report().passedCount, 1);
        // A page not on screen waits until it is shown.
        m_page->hide();
        m_page->reload();
        QVERIFY(!loaded.wait(300));
        m_page->show();
        QVERIFY(loaded.wait(10000));
    }

    void engine_changesOfItsTypes_readAgainOnce()
    {
        ClientFixture f;
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("engine.sqlite"))));
        SyncEngine engine(f.core->api(), &store);
        engine.setWatchNetwork(false);
        putStaff(store, QStringLiteral("y"), QStringLiteral("孙杰"));
        QSignalSpy loaded(m_page.get(), &ComplianceReportPage::reportLoaded);
        m_page->setSource(&store, {}, {});
        m_page->setEngine(&engine);
        m_page->show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->report().passedCount, 0);
        putHours(store, QStringLiteral("y"), QStringLiteral("public"), 300);
        putHours(store, QStringLiteral("y"), QStringLiteral("professional"), 420);
        putHours(store, QStringLiteral("y"), QStringLiteral("elective"), 180);
        // Other entities: nothing to read again.
        emit engine.entitiesChanged({ QStringLiteral("declaration") });
        QVERIFY(!loaded.wait(800));
        // A sync's pages of hour records come in a burst: one read after it.
        emit engine.entitiesChanged({ QStringLiteral("hourRecord") });
        emit engine.entitiesChanged({ QStringLiteral("binding"), QStringLiteral("hourRecord") });
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.count(), 2);
        QCOMPARE(m_page->model()->report().passedCount, 1);
        QVERIFY(!loaded.wait(800));
        // The same source again (the user refreshed): nothing to read; another region: read.
        m_page->setSource(&store, {}, QStringLiteral("Example Org"));
        QVERIFY(!loaded.wait(300));
        m_page->setSource(&store, QStringLiteral("440106"), QStringLiteral("Example Org"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->report().regionCode, QStringLiteral("440106"));
        m_page->setEngine(nullptr);
    }

    void employerWindow_reportAfterReview()
    {
        ClientFixture f;
        const User user = User::fromJson(
            organisationUserJson(QStringLiteral("employer"), QStringLiteral("danwei")));
        EmployerWindow window(f.core.get(), user);
        window.show();
        auto *navigation = child<QListWidget>(&window, "navigationListWidget");
        QVERIFY(navigation->count() >= 3);
        QCOMPARE(navigation->item(2)->text(), QStringLiteral("Compliance report"));
        QVERIFY(window.showSection(QStringLiteral("report")));
        QVERIFY(window.reportPage()->isVisible());
        // Not synchronised yet: no store, a hint instead of rows.
        QCOMPARE(window.reportPage()->model()->rowCount(), 0);
        QVERIFY(!child<QLabel>(window.reportPage(), "reportStatusLabel")->text().isEmpty());
    }
};

QTEST_MAIN(TestComplianceReportUi)
#include "tst_compliancereportui.moc"
