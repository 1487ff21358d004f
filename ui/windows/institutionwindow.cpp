#include "windows/institutionwindow.h"

#include "classes/classespage.h"
#include "classes/enrolmentspage.h"
#include "classes/hoursconfirmationpage.h"
#include "clientcore.h"

#include <QStyle>

namespace xueshi {

InstitutionWindow::InstitutionWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("institutionWindow"));

    m_classesPage = new ClassesPage(core, this);
    m_enrolmentsPage = new EnrolmentsPage(core, this);
    m_hoursPage = new HoursConfirmationPage(core, this);
    addSection(
        QStringLiteral("classes"), style()->standardIcon(QStyle::SP_FileDialogDetailedView),
        [] { return tr("Training classes"); }, m_classesPage, 0);
    addSection(
        QStringLiteral("enrolments"), style()->standardIcon(QStyle::SP_FileDialogListView),
        [] { return tr("Enrolments"); }, m_enrolmentsPage, 1);
    addSection(
        QStringLiteral("hours"), style()->standardIcon(QStyle::SP_DialogApplyButton),
        [] { return tr("Hours confirmation"); }, m_hoursPage, 2);
    m_classesPage->setUser(user);
    m_enrolmentsPage->setUser(user);
    m_hoursPage->setUser(user);
    connect(core, &ClientCore::syncEngineChanged, m_classesPage, &ClassesPage::setEngine);
    connect(core, &ClientCore::syncEngineChanged, m_enrolmentsPage, &EnrolmentsPage::setEngine);
    connect(core, &ClientCore::syncEngineChanged, m_hoursPage, &HoursConfirmationPage::setEngine);
    m_classesPage->setEngine(core->syncEngine());
    m_enrolmentsPage->setEngine(core->syncEngine());
    m_hoursPage->setEngine(core->syncEngine());
    showSection(QStringLiteral("classes"));
}

} // namespace xueshi
