// Renders the manual's section 5 with the demo accounts, through the real widgets against an
// in-process server with the demo data, in Chinese: learner-declaration-refused.png (13 hours for
// 2 training days refused with the reason), learner-declaration-form.png (12 hours of
// professional training saved, a PDF proof attached), learner-declarations.png (submitted, the
// proof uploaded), employer-review-offline.png (the HR office offline, the PDF from its cache),
// employer-review-confirmed.png (confirmed offline, waiting to be sent) and
// learner-records-declared.png (back online: the hours in 继续教育记录). Built on demand (target
// declarationscreenshots), not a test:
//   declarationscreenshots OUTPUT_DIR
#include "account/loginwindow.h"
#include "admin/demodata.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "declarations/declarationdialog.h"
#include "declarations/hourrecordspage.h"
#include "declarations/reviewpage.h"
#include "localstore.h"
#include "screenshottool.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"
#include "windows/employerwindow.h"
#include "windows/learnerwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace xueshi;
using namespace xueshi::test;
using namespace xueshi::test::screenshots;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");

template<typename T> T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QLatin1String(name));
    if (!object) {
        std::fprintf(stderr, "declarationscreenshots: no child %s\n", name);
        std::exit(1);
    }
    return object;
}

void click(QObject *parent, const char *name)
{
    QTest::mouseClick(child<QAbstractButton>(parent, name), Qt::LeftButton);
}

// A one-page attendance certificate, as a training organiser would hand it out.
QString writeProof(const QString &directory)
{
    const QString path = directory + QStringLiteral("/培训证明.pdf");
    QPdfWriter writer(path);
    writer.setTitle(QStringLiteral("培训证明"));
    QPainter painter(&writer);
    QFont title = painter.font();
    title.setPointSize(22);
    painter.setFont(title);
    painter.drawText(
        QRectF(0, 600, writer.width(), 600), Qt::AlignCenter, QStringLiteral("培训证明"));
    QFont body = painter.font();
    body.setPointSize(12);
    painter.setFont(body);
    painter.drawText(QRectF(600, 1600, writer.width() - 1200, 3000), Qt::TextWordWrap,
        QStringLiteral("兹证明张明同志于 2026 年 2 月 24 日至 25 日参加本单位组织的"
                       "“大气污染源自动监测设备运维技术”内部专业技术培训，共 2 天，"
                       "计 12 学时。\n\n广州天河环境科技有限公司 人力资源部\n2026 年 2 月 26 日"));
    painter.end();
    return path;
}

// One user's client, logged in, in Chinese; the network can be cut (a proxy on a dead port).
struct Client
{
    Client(TestServer &server, const QString &username)
        : settings(temporaryDirectory() + QStringLiteral("/c.ini"))
        , core(&settings, &network, &server.clock())
    {
        core.enableLocalData(temporaryDirectory(), nullptr);
        core.setEngineSetup([](SyncEngine *engine) {
            engine->setWatchNetwork(false);
            engine->setPeriodicInterval(0);
            engine->setBackoff(100, 400, [] { return 0.5; });
        });
        core.trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        settings.setServerAddress(server.baseUrl().toString());
        core.setLanguage(Language::Chinese);
        controller = std::make_unique<ClientController>(&core);
        controller->start();
        LoginWindow *login = controller->loginWindow();
        login->findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))->setText(username);
        auto *edit = login->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
        edit->setText(DemoPassword);
        QTest::keyClick(edit, Qt::Key_Return);
        need(QTest::qWaitFor(
                 [&] {
                     return controller->roleWindow() && core.syncEngine()
                         && core.syncEngine()->lastSync().isValid()
                         && !core.syncEngine()->isSyncing();
                 },
                 60000),
            "login failed");
        window()->resize(1280, 800);
        window()->show();
    }

    RoleWindow *window() const { return controller->roleWindow(); }

    void sync()
    {
        for (int i = 0; i < 5; ++i) {
            QSignalSpy finished(core.syncEngine(), &SyncEngine::syncFinished);
            window()->syncNow();
            need(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000), "sync timed out");
            if (core.syncEngine()->pendingCount() == 0 && !core.syncEngine()->isSyncing())
                return;
        }
        fail("changes were not sent");
    }

    void offline()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 dead = probe.serverPort();
        probe.close();
        network.setProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), dead));
    }
    void online() { network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy)); }

    QNetworkAccessManager network;
    AppSettings settings;
    ClientCore core;
    std::unique_ptr<ClientController> controller;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    ui::applyTheme(app);
    if (argc < 2)
        fail("usage: declarationscreenshots OUTPUT_DIR");
    screenshots::setUp("declarationscreenshots", QString::fromLocal8Bit(argv[1]), QString(), 200);

    TestServer server;
    need(server.isRunning(), "the server did not start");
    QString error;
    need(server::loadDemoData(server.server(), &error), "demo data");

    // 继续教育记录 → 【学时记录添加】: 2 days of professional training.
    Client learner(server, QStringLiteral("demo_learner"));
    auto *learnerWindow = qobject_cast<LearnerWindow *>(learner.window());
    need(learnerWindow && learnerWindow->showSection(QStringLiteral("hourRecords")),
        "no records section");
    auto *records = learnerWindow->findChild<HourRecordsPage *>();
    need(records, "no records page");
    const QString proof = writeProof(temporaryDirectory());
    records->setFileChooser([proof](QWidget *) { return QStringList { proof }; });
    click(records, "addDeclarationButton");
    DeclarationDialog *dialog = nullptr;
    need(QTest::qWaitFor([&] { return (dialog = records->findChild<DeclarationDialog *>()); }),
        "no declaration dialog");
    child<QLineEdit>(dialog, "declarationTitleEdit")
        ->setText(QStringLiteral("大气污染源自动监测设备运维技术内部培训"));
    child<QLineEdit>(dialog, "declarationOrganiserEdit")
        ->setText(QStringLiteral("广州天河环境科技有限公司"));
    child<QDateEdit>(dialog, "declarationStartDateEdit")->setDate(QDate(2026, 2, 24));
    child<QDateEdit>(dialog, "declarationEndDateEdit")->setDate(QDate(2026, 2, 25));
    child<QSpinBox>(dialog, "trainingDaysSpinBox")->setValue(2);
    auto *subject = child<QComboBox>(dialog, "declarationSubjectTypeComboBox");
    subject->setCurrentIndex(subject->findData(QStringLiteral("professional")));
    auto *hours = child<QDoubleSpinBox>(dialog, "declarationHoursSpinBox");
    hours->setValue(13.0);
    shot(dialog, QStringLiteral("learner-declaration-refused"));
    hours->setValue(12.0);
    click(dialog, "declarationSaveButton");
    need(!dialog->declarationId().isEmpty(), "the declaration was not saved");
    click(dialog, "attachmentUploadButton");
    shot(dialog, QStringLiteral("learner-declaration-form"));
    click(dialog, "declarationCloseButton");
    need(QTest::qWaitFor([&] { return !records->findChild<DeclarationDialog *>(); }),
        "the dialog stayed open");
    auto *declarations = child<QTableView>(records, "declarationsTableWidget");
    declarations->selectRow(0);
    click(records, "submitDeclarationButton");
    learner.sync();
    learner.sync(); // the proof first, then the submission it held
    declarations->selectRow(0);
    shot(learner.window(), QStringLiteral("learner-declarations"));

    // The HR office syncs (the proof is downloaded), then reviews on the train.
    Client employer(server, QStringLiteral("demo_employer"));
    auto *employerWindow = qobject_cast<EmployerWindow *>(employer.window());
    need(employerWindow && employerWindow->showSection(QStringLiteral("review")),
        "no review section");
    auto *review = employerWindow->findChild<ReviewPage *>();
    need(review, "no review page");
    employer.sync();
    QTest::qWait(1500); // the attachment download after the sync
    employer.offline();
    auto *view = child<QTableView>(review, "declarationTableView");
    need(QTest::qWaitFor([&] { return view->model()->rowCount() >= 1; }, 10000),
        "nothing to review");
    view->selectRow(0);
    QTest::qWait(500);
    shot(employer.window(), QStringLiteral("employer-review-offline"));
    click(review, "confirmButton");
    shot(employer.window(), QStringLiteral("employer-review-confirmed"));

    // Back online: the decision goes out and the hours reach 继续教育记录.
    employer.online();
    employer.sync();
    learner.sync();
    need(learnerWindow->showSection(QStringLiteral("hourRecords")), "no records section");
    shot(learner.window(), QStringLiteral("learner-records-declared"));
    return 0;
}
