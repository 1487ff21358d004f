#include "windows/clientcontroller.h"

#include "account/loginwindow.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "windows/rolewindow.h"

namespace xueshi {

ClientController::ClientController(ClientCore *core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_loginWindow(new LoginWindow(core))
{
    Session *session = core->session();
    connect(m_loginWindow, &LoginWindow::loggedIn, this, &ClientController::openRoleWindow);
    connect(session, &Session::loggedOut, this,
        [this] { backToLogin(tr("You have logged out."), false); });
    connect(session, &Session::sessionExpired, this, [this](const QString &message) {
        backToLogin(
            message.isEmpty() ? tr("Your session has ended. Please log in again.") : message, true);
    });
    connect(session, &Session::userChanged, this, [this](const User &user) {
        if (m_roleWindow)
            m_roleWindow->setUser(user);
    });
}

ClientController::~ClientController()
{
    delete m_roleWindow;
    delete m_loginWindow;
}

RoleWindow *ClientController::roleWindow() const
{
    return m_roleWindow;
}

void ClientController::start()
{
    m_loginWindow->show();
    m_loginWindow->raise();
    m_loginWindow->activateWindow();
}

void ClientController::openRoleWindow(const User &user)
{
    delete m_roleWindow;
    m_roleWindow = RoleWindow::create(m_core, user);
    m_roleWindow->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_roleWindow, &RoleWindow::logoutRequested, m_core->session(), &Session::logout);
    m_roleWindow->show();
    m_loginWindow->hide();
    emit roleWindowOpened(m_roleWindow);
}

void ClientController::backToLogin(const QString &message, bool isError)
{
    if (m_roleWindow) {
        m_roleWindow->hide();
        m_roleWindow->deleteLater();
        m_roleWindow = nullptr;
    }
    m_loginWindow->setUsername(m_core->settings()->lastUsername());
    m_loginWindow->showMessage(message, isError ? ui::Severity::Error : ui::Severity::Info);
    start();
}

} // namespace xueshi
