#pragma once

#include "rolewindow.h"

namespace xueshi {

// The main window of a training institution (培训机构): later issues add the classes, the
// enrolments and the hours to confirm.
class InstitutionWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstitutionWindow)

public:
    InstitutionWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);
};

} // namespace xueshi
