#include "learnerwindow.h"

namespace xueshi {

LearnerWindow::LearnerWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("learnerWindow"));
}

} // namespace xueshi
