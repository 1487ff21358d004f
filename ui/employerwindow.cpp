#include "employerwindow.h"

#include "clientcore.h"
#include "staffpage.h"

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
    showSection(QStringLiteral("staff"));
}

} // namespace xueshi
