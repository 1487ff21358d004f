// 【继续教育证书打印】 (manual section 6) through the learner's real widgets against the real
// server over HTTPS, in Chinese: the demo learner sees 2025 【通过】 and 2026 【不通过】 with what
// is missing; 【打印】 of 2025 asks the server to issue the certificate and prints the signed
// snapshot; 下载 saves the PDF; offline the issued certificate still prints; more hours on the
// server make the next print a new version.
#include "admin/demodata.h"
#include "certificates/certificatespage.h"
#include "certificates/hourschart.h"
#include "certificates/verifydialog.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "desktopclient.h"
#include "server.h"
#include "services/hourrecordservice.h"
#include "storage/database.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "windows/learnerwindow.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");

int rowOfYear(QTableWidget *table, int year)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->data(Qt::UserRole).toInt() == year)
            return row;
    }
    return -1;
}

// The PDF's text, NFKC-normalised (some ideographs extract as radicals).
QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), path, QStringLiteral("-") });
    if (!p.waitForFinished(30'000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

} // namespace

class TestCertificatesUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void years_passedAndNotPassed_withWhatIsMissing();
    void print_issuesOnline_printsOffline_reissuesAfterMoreHours();

private:
    CertificatesPage *loginLearner(DesktopClient &client);
    std::unique_ptr<TestServer> m_server;
};

void TestCertificatesUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(*qApp);
}

void TestCertificatesUi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
}

void TestCertificatesUi::cleanup()
{
    m_server.reset();
}

CertificatesPage *TestCertificatesUi::loginLearner(DesktopClient &client)
{
    client.core->setLanguage(Language::Chinese);
    if (!client.login(QStringLiteral("demo_learner"), DemoPassword))
        return nullptr;
    auto *window = qobject_cast<LearnerWindow *>(client.window());
    if (!window || !window->showSection(QStringLiteral("certificates")))
        return nullptr;
    return window->findChild<CertificatesPage *>(QStringLiteral("certificatesPage"));
}

void TestCertificatesUi::years_passedAndNotPassed_withWhatIsMissing()
{
    DesktopClient learner(*m_server);
    CertificatesPage *page = loginLearner(learner);
    QVERIFY(page);
    auto *years = child<QTableWidget>(page, "certificationYearsTable");
    const int row2025 = rowOfYear(years, 2025);
    const int row2026 = rowOfYear(years, 2026);
    QVERIFY(row2025 >= 0 && row2026 >= 0);
    QVERIFY(row2026 < row2025); // newest first
    QCOMPARE(years->item(row2025, 6)->text(), QStringLiteral("通过"));
    QCOMPARE(years->item(row2026, 6)->text(), QStringLiteral("不通过"));
    // 【打印】 at the right of the passed year only.
    QVERIFY(years->cellWidget(row2025, 8));
    QCOMPARE(
        qobject_cast<QPushButton *>(years->cellWidget(row2025, 8))->text(), QStringLiteral("打印"));
    QVERIFY(!years->cellWidget(row2026, 8));

    page->selectYear(2026);
    const QString result = child<QLabel>(page, "certificationResultLabel")->text();
    QVERIFY2(result.contains(QStringLiteral("年度认证情况"))
            && result.contains(QStringLiteral("不通过")),
        qPrintable(result));
    const QString missing = child<QLabel>(page, "certificationMissingLabel")->text();
    QVERIFY2(missing.contains(QStringLiteral("专业科目还差 4.5 学时")), qPrintable(missing));
    QVERIFY2(missing.contains(QStringLiteral("6")), qPrintable(missing)); // pending, apart
    QVERIFY(!child<QPushButton>(page, "onlinePrintButton")->isEnabled());
    // The pending record is listed apart from those that count.
    QCOMPARE(child<QTableWidget>(page, "pendingRecordsTable")->rowCount(), 1);
    QCOMPARE(child<QTableWidget>(page, "countedRecordsTable")->rowCount(), 4);
    auto *chart = page->findChild<HoursChart *>();
    QVERIFY(chart);
    QCOMPARE(chart->judgement().confirmed.professionalTenths, 375);
    QCOMPARE(chart->judgement().pending.professionalTenths, 60);

    page->selectYear(2025);
    QVERIFY(
        child<QLabel>(page, "certificationResultLabel")->text().contains(QStringLiteral("通过")));
    QVERIFY(child<QLabel>(page, "certificationMissingLabel")->text().isEmpty());
    QVERIFY(child<QPushButton>(page, "onlinePrintButton")->isEnabled());
    QVERIFY(child<QPushButton>(page, "downloadCertificateButton")->isEnabled());

    // 证书验证… opens the verification dialog.
    QTest::mouseClick(child<QPushButton>(page, "verifyCertificateButton"), Qt::LeftButton);
    QDialog *verify = nullptr;
    QTRY_VERIFY((verify = learner.window()->findChild<VerifyDialog *>()));
    QVERIFY(verify->isVisible());
    verify->close();
}

void TestCertificatesUi::print_issuesOnline_printsOffline_reissuesAfterMoreHours()
{
    DesktopClient learner(*m_server);
    CertificatesPage *page = loginLearner(learner);
    QVERIFY(page);
    const QString directory = temporaryDirectory();
    int printed = 0;
    QString lastPdf;
    page->setPrintDialogRunner([&](QPrinter *printer, CertificatesPage::Output) {
        lastPdf = QStringLiteral("%1/printed-%2.pdf").arg(directory).arg(++printed);
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(lastPdf);
        return true;
    });
    QSignalSpy produced(page, &CertificatesPage::certificateProduced);

    // 【打印】 of 2025: no certificate yet, so the server issues version 1, then the preview.
    auto *years = child<QTableWidget>(page, "certificationYearsTable");
    auto *print = qobject_cast<QPushButton *>(years->cellWidget(rowOfYear(years, 2025), 8));
    QVERIFY(print);
    QTest::mouseClick(print, Qt::LeftButton);
    QVERIFY(produced.wait(30'000));
    const QString firstId = produced.last().at(0).toString();
    QVERIFY2(firstId.startsWith(QStringLiteral("XS2025")) && firstId.endsWith(QStringLiteral("-1")),
        qPrintable(firstId));
    QCOMPARE(
        produced.last().at(1).value<CertificatesPage::Output>(), CertificatesPage::Output::Preview);
    QString text = pdfText(lastPdf);
    QVERIFY2(text.contains(QStringLiteral("继续教育证书")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("张明")) || text.contains(QStringLiteral("2025")),
        qPrintable(text));
    QVERIFY2(text.contains(firstId.section(QLatin1Char('-'), 0, 0)), qPrintable(text));

    // 下载: the PDF as issued, saved where the user chose.
    const QString saved = directory + QStringLiteral("/证书.pdf");
    page->setSavePathChooser([&](QWidget *, const QString &) { return saved; });
    QTest::mouseClick(child<QPushButton>(page, "downloadCertificateButton"), Qt::LeftButton);
    QTRY_COMPARE(produced.size(), 2);
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    // Offline: the issued certificate prints from the cache, no request queued.
    learner.networkDown();
    QTest::mouseClick(child<QPushButton>(page, "onlinePrintButton"), Qt::LeftButton);
    QTRY_COMPARE(produced.size(), 3);
    QCOMPARE(produced.last().at(0).toString(), firstId);
    QCOMPARE(learner.engine()->pendingCount(), 0);
    learner.networkUp();

    // More hours of 2025 confirmed on the server: the next print issues version 2.
    {
        QSqlQuery q = m_server->server().database().exec(
            QStringLiteral("SELECT id FROM users WHERE username = ?"),
            { QStringLiteral("demo_learner") });
        QVERIFY(q.next());
        server::HourRecordService::Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.learnerId = q.value(0).toString();
        q.finish();
        r.year = 2025;
        r.source = QStringLiteral("selfDeclaration");
        r.subjectType = QStringLiteral("elective");
        r.hoursTenths = 60;
        r.status = QStringLiteral("confirmed");
        r.title = QStringLiteral("补充申报：档案管理");
        r.startDate = QDate(2025, 12, 1);
        r.endDate = QDate(2025, 12, 1);
        server::Transaction tx(m_server->server().database());
        m_server->server().hourRecords().save(r);
        tx.commit();
    }
    QVERIFY(learner.sync(true));
    page->selectYear(2025);
    QVERIFY(child<QLabel>(page, "certificateStateLabel")->text().contains(QStringLiteral("打印")));
    QTest::mouseClick(child<QPushButton>(page, "onlinePrintButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(produced.size() == 4, 30'000);
    const QString secondId = produced.last().at(0).toString();
    QCOMPARE(secondId.section(QLatin1Char('-'), 0, 0), firstId.section(QLatin1Char('-'), 0, 0));
    QVERIFY2(secondId.endsWith(QStringLiteral("-2")), qPrintable(secondId));
    const auto latest = page->certificates()->latest(2025);
    QVERIFY(latest);
    QCOMPARE(latest->fields.electiveTenths, 240);
    QCOMPARE(latest->fields.totalTenths, 960);
}

QTEST_MAIN(TestCertificatesUi)
#include "tst_certificatesui.moc"
