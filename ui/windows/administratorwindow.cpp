#include "windows/administratorwindow.h"

#include "certificates/revocationpage.h"
#include "clientcore.h"
#include "organisations/organisationspage.h"

#include <QStyle>

namespace xueshi {

AdministratorWindow::AdministratorWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("administratorWindow"));

    m_organisationsPage = new OrganisationsPage(core, this);
    addSection(
        QStringLiteral("organisations"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
        [] { return tr("Organisation review"); }, m_organisationsPage, 0);
    connect(
        core, &ClientCore::syncEngineChanged, m_organisationsPage, &OrganisationsPage::setEngine);
    m_organisationsPage->setEngine(core->syncEngine());
    addSection(
        QStringLiteral("certificates"), style()->standardIcon(QStyle::SP_DialogCancelButton),
        [] { return tr("Certificate management"); }, new RevocationPage(core, this), 1);
    showSection(QStringLiteral("organisations"));
}

} // namespace xueshi
