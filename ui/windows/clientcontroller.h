#pragma once

#include "user.h"

#include <QObject>
#include <QPointer>

namespace xueshi {

class ClientCore;
class LoginWindow;
class RoleWindow;

// The client's window flow: the login window first; after a login the window of the user's
// role; back to the login window (username kept) after logging out or when the server ends the
// session.
class ClientController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientController)

public:
    explicit ClientController(ClientCore *core, QObject *parent = nullptr);
    ~ClientController() override;

    LoginWindow *loginWindow() const { return m_loginWindow; }
    RoleWindow *roleWindow() const;

    void start();

signals:
    void roleWindowOpened(xueshi::RoleWindow *window);

private:
    void openRoleWindow(const User &user);
    void backToLogin(const QString &message, bool isError);

    ClientCore *m_core;
    LoginWindow *m_loginWindow;
    QPointer<RoleWindow> m_roleWindow;
};

} // namespace xueshi
