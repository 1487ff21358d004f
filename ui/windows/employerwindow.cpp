#include "windows/employerwindow.h"

#include "binding/staffpage.h"
#include "clientcore.h"
#include "session.h"

#include <QStyle>

namespace xueshi {

EmployerWindow::EmployerWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("employerWindow"));

    m_staffPage = new StaffPage(core, this);
    addSection(
        QStringLiteral("staff"), style()->standardIcon(QStyle::SP_DirHomeIcon),
        [] { return tr("Staff"); }, m_staffPage, 0);
    connect(core, &ClientCore::syncEngineChanged, m_staffPage, &StaffPage::setEngine);
    m_staffPage->setEngine(core->syncEngine());
    const auto approval = [page = m_staffPage](const User &current) {
        page->setApproved(current.organisation && current.organisation->approved);
    };
    approval(user);
    connect(core->session(), &Session::userChanged, m_staffPage, approval);
    showSection(QStringLiteral("staff"));
}

} // namespace xueshi
