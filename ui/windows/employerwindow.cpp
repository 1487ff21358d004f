#include "windows/employerwindow.h"

#include "binding/staffpage.h"
#include "clientcore.h"
#include "declarations/reviewpage.h"
#include "reports/compliancereportpage.h"
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
    m_reportPage = new ComplianceReportPage(this);
    addSection(
        QStringLiteral("report"), style()->standardIcon(QStyle::SP_FileDialogDetailedView),
        [] { return tr("Compliance report"); }, m_reportPage, 2);
    // The report judges the staff under the policy of the employer's own region.
    const auto reportSource = [this, core](const User &current) {
        const bool organisation = current.organisation.has_value();
        m_reportPage->setSource(core->syncEngine() ? core->localStore() : nullptr,
            organisation ? current.organisation->regionCode : QString(),
            organisation ? current.organisation->name : current.displayName);
        m_reportPage->setEngine(core->syncEngine());
    };
    connect(core, &ClientCore::syncEngineChanged, m_reportPage,
        [this, reportSource] { reportSource(this->user()); });
    const auto approval = [this, reportSource](const User &current) {
        const bool approved = current.organisation && current.organisation->approved;
        m_staffPage->setApproved(approved);
        m_reviewPage->setApproved(approved);
        reportSource(current);
    };
    approval(user);
    connect(core->session(), &Session::userChanged, this, approval);
    showSection(QStringLiteral("staff"));
}

} // namespace xueshi
