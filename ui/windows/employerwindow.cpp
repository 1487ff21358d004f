#include "windows/employerwindow.h"

#include "binding/staffpage.h"
#include "clientcore.h"
#include "declarations/reviewpage.h"
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
    m_reviewPage = new ReviewPage(core, this);
    addSection(
        QStringLiteral("review"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
        [] { return tr("Hours review"); }, m_reviewPage, 1);
    connect(core, &ClientCore::syncEngineChanged, m_reviewPage, &ReviewPage::setEngine);
    m_reviewPage->setEngine(core->syncEngine());
    const auto approval = [this](const User &current) {
        const bool approved = current.organisation && current.organisation->approved;
        m_staffPage->setApproved(approved);
        m_reviewPage->setApproved(approved);
    };
    approval(user);
    connect(core->session(), &Session::userChanged, this, approval);
    showSection(QStringLiteral("staff"));
}

} // namespace xueshi
