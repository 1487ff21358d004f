// Renders docs/screenshots/administrator-organisations.png (机构审核 with the demo employer
// awaiting approval selected) and administrator-reject.png (the reason dialog): the demo data
// plus two more organisations awaiting approval, through the real widgets against an
// in-process server, in Chinese. Built on demand (target adminscreenshots), not a test:
//   adminscreenshots OUTPUT_DIR [EXTRA_QM]
// EXTRA_QM: a translation file laid over the embedded ones (strings not yet in translations/).
#include "account/loginwindow.h"
#include "admin/demodata.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "organisations/organisationmodel.h"
#include "organisations/organisationspage.h"
#include "screenshottool.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/administratorwindow.h"
#include "windows/clientcontroller.h"

#include <QApplication>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace xueshi;
using namespace xueshi::test;
using namespace xueshi::test::screenshots;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");

void registerOrganisation(TestServer &server, const QString &path, const QString &username,
    const QString &name, const QString &codeFirst17, const QString &region, const QString &contact,
    const QString &phone, const QString &email)
{
    TestClient client(server);
    QJsonObject body = organisationRegistration(username, codeFirst17, phone);
    body.insert(QStringLiteral("name"), name);
    body.insert(QStringLiteral("regionCode"), region);
    body.insert(QStringLiteral("contactPerson"), contact);
    body.insert(QStringLiteral("email"), email);
    need(client.post(path, body).status == 201, "registration refused");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2)
        fail("usage: adminscreenshots OUTPUT_DIR [EXTRA_QM]");
    screenshots::setUp("adminscreenshots", QString::fromLocal8Bit(argv[1]), QString(), 50);
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(app);
    QTranslator extra;
    if (argc > 2 && extra.load(QString::fromLocal8Bit(argv[2])))
        QCoreApplication::installTranslator(&extra);

    TestServer server;
    need(server.isRunning(), "the server did not start");
    QString error;
    need(server::loadDemoData(server.server(), &error), "no demo data");
    registerOrganisation(server, QStringLiteral("/accounts/institutions"),
        QStringLiteral("hz_jianshe_peixun"), QStringLiteral("广州市海珠区建设工程职业培训学校"),
        QStringLiteral("52440105MJ0345678"), QStringLiteral("440105"), QStringLiteral("黄志强"),
        QStringLiteral("020-84321234"), QStringLiteral("office@hzjs-px.example.cn"));
    registerOrganisation(server, QStringLiteral("/accounts/employers"),
        QStringLiteral("py_huanbao_jc"), QStringLiteral("广州番禺环保检测技术有限公司"),
        QStringLiteral("91440113MA5D7QW3X"), QStringLiteral("440113"), QStringLiteral("刘敏"),
        QStringLiteral("13602026688"), QStringLiteral("hr@py-hbjc.example.cn"));

    QNetworkAccessManager network;
    AppSettings settings(temporaryDirectory() + QStringLiteral("/c.ini"));
    ClientCore core(&settings, &network, &server.clock());
    core.enableLocalData(temporaryDirectory(), nullptr);
    core.setEngineSetup([](SyncEngine *engine) {
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
    });
    core.trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
    settings.setServerAddress(server.baseUrl().toString());
    core.setLanguage(Language::Chinese);
    ClientController controller(&core);
    controller.start();
    LoginWindow *login = controller.loginWindow();
    login->findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))
        ->setText(QStringLiteral("demo_admin"));
    auto *password = login->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    password->setText(DemoPassword);
    QTest::keyClick(password, Qt::Key_Return);
    need(QTest::qWaitFor(
             [&] {
                 return controller.roleWindow() && core.syncEngine()
                     && core.syncEngine()->lastSync().isValid() && !core.syncEngine()->isSyncing();
             },
             60000),
        "login failed");
    auto *window = qobject_cast<AdministratorWindow *>(controller.roleWindow());
    need(window, "no administrator window");
    window->resize(1280, 800);
    window->show();

    OrganisationsPage *page = window->organisationsPage();
    auto *view = page->findChild<QTableView *>(QStringLiteral("organisationTableView"));
    need(view && view->model()->rowCount() == 3, "not three organisations awaiting approval");
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data().toString()
            == QStringLiteral("广州珠江建设咨询有限公司"))
            view->selectRow(row);
    }
    shot(window, QStringLiteral("administrator-organisations"));

    page->rejectSelected();
    auto *dialog = page->findChild<RejectOrganisationDialog *>();
    need(dialog, "no reject dialog");
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("rejectReasonTextEdit"))
        ->setPlainText(
            QStringLiteral("营业执照上的名称与填写的单位名称不一致，请核对后重新注册。"));
    shot(dialog, QStringLiteral("administrator-reject"));
    dialog->reject();
    return 0;
}
