#include "institutionwindow.h"

namespace xueshi {

InstitutionWindow::InstitutionWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("institutionWindow"));
}

} // namespace xueshi
