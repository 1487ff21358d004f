#pragma once

#include "windows/rolewindow.h"

namespace xueshi {

class OrganisationsPage;

// The main window of an administrator (管理员): the review of the organisations that registered
// (机构审核, R1), working from this computer's cache like the other roles' windows.
class AdministratorWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdministratorWindow)

public:
    AdministratorWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);

    OrganisationsPage *organisationsPage() const { return m_organisationsPage; }

private:
    OrganisationsPage *m_organisationsPage;
};

} // namespace xueshi
