#include "employerwindow.h"

namespace xueshi {

EmployerWindow::EmployerWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("employerWindow"));
}

} // namespace xueshi
