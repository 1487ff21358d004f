// Renders the manual's section 6 and the employer's 统计报表 with the demo accounts, through the
// real widgets against an in-process server with the demo data, in Chinese:
//   learner-certificates-passed.png      2025 【通过】, the chart and the records that count
//   learner-certificates-not-passed.png  2026 【不通过】 with what is missing, pending apart
//   certificate-print-preview.png        【打印】: the issued certificate in the print preview
//   certificate-page.png                 the certificate PDF as issued, rendered by pdftoppm
//   certificate-verify-valid.png         证书验证 of that PDF: valid, current on the server
//   certificate-verify-tampered.png      its QR text with the name changed: refused, naming 姓名
//   employer-compliance-report.png       统计报表 of the demo employer, 2026
// Built on demand (target certificatescreenshots), not a test:
//   certificatescreenshots OUTPUT_DIR
#include "admin/demodata.h"
#include "certificates/certificatespage.h"
#include "certificates/verifydialog.h"
#include "common/uicommon.h"
#include "desktopclient.h"
#include "screenshottool.h"
#include "testserver.h"
#include "testsupport.h"
#include "windows/learnerwindow.h"
#include "windows/rolewindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace xueshi;
using namespace xueshi::test;
using namespace xueshi::test::screenshots;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");

void login(DesktopClient &client, const QString &username)
{
    client.core->setLanguage(Language::Chinese);
    need(client.login(username, DemoPassword), "login failed");
    client.window()->resize(1280, 860);
    client.window()->show();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    ui::applyTheme(app);
    if (argc < 2)
        fail("usage: certificatescreenshots OUTPUT_DIR");
    screenshots::setUp("certificatescreenshots", QString::fromLocal8Bit(argv[1]), QString(), 300);
    TestServer server;
    need(server.isRunning(), "the server did not start");
    QString error;
    need(server::loadDemoData(server.server(), &error), "demo data");

    {
        DesktopClient learner(server);
        login(learner, QStringLiteral("demo_learner"));
        auto *window = qobject_cast<LearnerWindow *>(learner.window());
        need(window && window->showSection(QStringLiteral("certificates")), "no 证书 section");
        CertificatesPage *page = window->certificatesPage();
        page->selectYear(2026);
        shot(window, QStringLiteral("learner-certificates-not-passed"));
        page->selectYear(2025);
        shot(window, QStringLiteral("learner-certificates-passed"));

        // 【打印】: the server issues the certificate, then the real print preview opens.
        QSignalSpy produced(page, &CertificatesPage::certificateProduced);
        bool grabbed = false;
        auto *watcher = new QTimer(&app);
        watcher->setInterval(200);
        QObject::connect(watcher, &QTimer::timeout, [&] {
            auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
            if (!preview || grabbed)
                return;
            grabbed = true;
            preview->resize(1200, 860);
            shot(preview, QStringLiteral("certificate-print-preview"));
            preview->reject();
        });
        watcher->start();
        auto *years = page->findChild<QTableWidget *>(QStringLiteral("certificationYearsTable"));
        QAbstractButton *print = nullptr;
        for (int row = 0; row < years->rowCount() && !print; ++row)
            print = qobject_cast<QAbstractButton *>(years->cellWidget(row, 8));
        need(print, "no 打印 button");
        QTest::mouseClick(print, Qt::LeftButton);
        need(QTest::qWaitFor([&] { return !produced.isEmpty(); }, 60000), "nothing printed");
        need(grabbed, "the print preview was not shown");
        watcher->stop();

        // 下载, then the page as issued, through pdftoppm.
        const QString pdf = temporaryDirectory() + QStringLiteral("/certificate.pdf");
        page->setSavePathChooser([&](QWidget *, const QString &) { return pdf; });
        page->downloadPdf();
        need(QTest::qWaitFor([&] { return produced.size() >= 2; }, 10000), "no PDF");
        need(QProcess::execute(QStringLiteral("pdftoppm"),
                 { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("110"),
                     QStringLiteral("-singlefile"), pdf,
                     screenshots::outputDirectory() + QStringLiteral("/certificate-page") })
                == 0,
            "pdftoppm failed");
        std::printf("%s/certificate-page.png\n", qPrintable(screenshots::outputDirectory()));

        // 证书验证: the PDF as issued is valid; its QR text with the name changed is refused,
        // naming the field.
        VerifyDialog *verify = VerifyDialog::openDialog(learner.core.get(), window);
        verify->resize(900, 720);
        verify->verifyFile(pdf);
        QTest::qWait(1500);
        shot(verify, QStringLiteral("certificate-verify-valid"));
        const auto issued = page->certificates()->latest(2025);
        need(issued.has_value(), "no certificate issued");
        QStringList parts = issued->payload.split(QLatin1Char('.'));
        need(parts.size() == 3, "not a payload");
        const auto base64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        QByteArray body = QByteArray::fromBase64(parts[1].toLatin1(), base64);
        body.replace(QStringLiteral("张明").toUtf8(), QStringLiteral("李明").toUtf8());
        parts[1] = QString::fromLatin1(body.toBase64(base64));
        verify->verifyPayload(parts.join(QLatin1Char('.')));
        QTest::qWait(1500);
        shot(verify, QStringLiteral("certificate-verify-tampered"));
        verify->close();
    }
    {
        DesktopClient employer(server);
        login(employer, QStringLiteral("demo_employer"));
        need(employer.window()->showSection(QStringLiteral("report")), "no 统计报表 section");
        QTest::qWait(1500);
        shot(employer.window(), QStringLiteral("employer-compliance-report"));
    }
    return 0;
}
