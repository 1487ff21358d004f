#pragma once

#include "windows/rolewindow.h"

namespace xueshi {

class StaffPage;

// The main window of an employer (法人单位): the staff and their binding requests (人员管理);
// later issues add the submissions to review and the reports.
class EmployerWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployerWindow)

public:
    EmployerWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);

    StaffPage *staffPage() const { return m_staffPage; }

private:
    StaffPage *m_staffPage;
};

} // namespace xueshi
