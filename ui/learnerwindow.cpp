#include "learnerwindow.h"

#include "clientcore.h"
#include "learnerprofilepage.h"

#include <QStyle>

namespace xueshi {

LearnerWindow::LearnerWindow(ClientCore *core, const User &user, QWidget *parent)
    : RoleWindow(core, user, parent)
{
    setObjectName(QStringLiteral("learnerWindow"));

    // First in the navigation and shown first: a new learner starts by filling it in.
    m_profilePage = new LearnerProfilePage(core, this);
    m_profilePage->setUser(user);
    addSection(
        QStringLiteral("profile"), style()->standardIcon(QStyle::SP_FileDialogInfoView),
        [] { return tr("Personal information"); }, m_profilePage, 0);
    connect(core, &ClientCore::syncEngineChanged, m_profilePage, &LearnerProfilePage::setEngine);
    connect(m_profilePage, &LearnerProfilePage::studyUnlockedChanged, this,
        &LearnerWindow::studyUnlockedChanged);
    m_profilePage->setEngine(core->syncEngine());
    showSection(QStringLiteral("profile"));
}

bool LearnerWindow::studyUnlocked() const
{
    return m_profilePage->studyUnlocked();
}

} // namespace xueshi
