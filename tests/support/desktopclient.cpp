#include "desktopclient.h"

#include "account/loginwindow.h"
#include "localstore.h"
#include "servertrust.h"
#include "syncengine.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/rolewindow.h"

#include <QComboBox>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace xueshi::test {

void type(QObject *parent, const char *name, const QString &value)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    for (const QChar c : value)
        QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

void click(QObject *parent, const char *name)
{
    QTest::mouseClick(child<QPushButton>(parent, name), Qt::LeftButton);
}

void choose(QObject *parent, const char *name, const QString &code)
{
    auto *box = child<QComboBox>(parent, name);
    box->setCurrentIndex(box->findData(code));
}

quint16 deadPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

DesktopClient::DesktopClient(TestServer &server, const Clock *clock)
    : settings(std::make_unique<AppSettings>(temporaryDirectory() + QStringLiteral("/c.ini")))
    , core(std::make_unique<ClientCore>(settings.get(), &network, clock ? clock : &server.clock()))
{
    core->enableLocalData(temporaryDirectory(), nullptr);
    core->setEngineSetup([](SyncEngine *engine) {
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
        engine->setBackoff(100, 400, [] { return 0.5; });
    });
    core->trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
    settings->setServerAddress(server.baseUrl().toString());
    controller = std::make_unique<ClientController>(core.get());
    controller->start();
}

DesktopClient::~DesktopClient() = default;

RoleWindow *DesktopClient::window() const
{
    return controller->roleWindow();
}

SyncEngine *DesktopClient::engine() const
{
    return core->syncEngine();
}

LocalStore *DesktopClient::store() const
{
    return core->localStore();
}

bool DesktopClient::login(const QString &username, const QString &password)
{
    LoginWindow *login = controller->loginWindow();
    type(login, "usernameLineEdit", username);
    type(login, "passwordLineEdit", password);
    QTest::keyClick(child<QLineEdit>(login, "passwordLineEdit"), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return window() != nullptr && engine() != nullptr; }, 15000))
        return false;
    return QTest::qWaitFor(
        [&] { return engine()->lastSync().isValid() && !engine()->isSyncing(); }, 60000);
}

bool DesktopClient::sync(bool mustSucceed)
{
    for (int i = 0; i < 5; ++i) {
        QSignalSpy finished(engine(), &SyncEngine::syncFinished);
        window()->syncNow();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000))
            return false;
        if (!engine()->isSyncing() && engine()->pendingCount() == 0
            && (!mustSucceed || finished.last().at(0).toBool()))
            return true;
    }
    return false;
}

void DesktopClient::networkDown()
{
    network.setProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), deadPort()));
}

void DesktopClient::networkUp()
{
    network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
}

} // namespace xueshi::test
