#pragma once

#include "windows/rolewindow.h"

namespace xueshi {

class ReviewPage;
class StaffPage;

// The main window of an employer (法人单位): the staff and their binding requests (人员管理) and
// the review of their self-declared hours (学时审核).
class EmployerWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployerWindow)

public:
    EmployerWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);

    StaffPage *staffPage() const { return m_staffPage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }

private:
    StaffPage *m_staffPage;
    ReviewPage *m_reviewPage;
};

} // namespace xueshi
