#include "windows/learnerwindow.h"

#include "account/learnerprofilepage.h"
#include "certificates/certificatespage.h"
#include "certificates/verifydialog.h"
#include "classes/classenrolmentpage.h"
#include "classes/myclassespage.h"
#include "clientcore.h"
#include "courses/courseplatformpage.h"
#include "declarations/hourrecordspage.h"

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

    // Public courses and hour records read the local store: only with data on this computer.
    if (core->hasLocalData()) {
        m_coursePage = new CoursePlatformPage(core, this);
        m_coursePage->setUser(user);
        addSection(
            QStringLiteral("courses"), style()->standardIcon(QStyle::SP_DialogApplyButton),
            [] { return tr("Public course platform"); }, m_coursePage, 1);
        connect(core, &ClientCore::syncEngineChanged, m_coursePage, &CoursePlatformPage::setEngine);
        connect(this, &LearnerWindow::studyUnlockedChanged, m_coursePage,
            &CoursePlatformPage::setStudyUnlocked);
        m_coursePage->setStudyUnlocked(studyUnlocked());

        m_hourRecordsPage = new HourRecordsPage(core, this);
        addSection(
            QStringLiteral("hourRecords"), style()->standardIcon(QStyle::SP_FileDialogListView),
            [] { return tr("Hour records"); }, m_hourRecordsPage, 2);
        connect(
            core, &ClientCore::syncEngineChanged, m_hourRecordsPage, &HourRecordsPage::setEngine);
    }
    // Training classes (R6): 培训班报名申请 and 培训班情况查看, after the public courses.
    if (core->hasLocalData()) {
        auto *classEnrolment = new ClassEnrolmentPage(core, this);
        auto *myClasses = new MyClassesPage(core, this);
        addSection(
            QStringLiteral("classEnrolment"), style()->standardIcon(QStyle::SP_FileDialogNewFolder),
            [] { return tr("Class enrolment"); }, classEnrolment, 2);
        addSection(
            QStringLiteral("myClasses"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
            [] { return tr("My classes"); }, myClasses, 3);
        classEnrolment->setUser(user);
        myClasses->setUser(user);
        connect(
            core, &ClientCore::syncEngineChanged, classEnrolment, &ClassEnrolmentPage::setEngine);
        connect(core, &ClientCore::syncEngineChanged, myClasses, &MyClassesPage::setEngine);
        classEnrolment->setEngine(core->syncEngine());
        myClasses->setEngine(core->syncEngine());

        // 继续教育证书打印 (manual section 6): where the year's hours end up.
        m_certificatesPage = new CertificatesPage(core, this);
        addSection(
            QStringLiteral("certificates"), style()->standardIcon(QStyle::SP_DialogSaveButton),
            [] { return tr("Certificate printing"); }, m_certificatesPage, 5);
        connect(
            core, &ClientCore::syncEngineChanged, m_certificatesPage, &CertificatesPage::setEngine);
        connect(m_certificatesPage, &CertificatesPage::verifyRequested, this,
            [this, core] { VerifyDialog::openDialog(core, this); });
    }
    showSection(QStringLiteral("profile"));
}

bool LearnerWindow::studyUnlocked() const
{
    return m_profilePage->studyUnlocked();
}

} // namespace xueshi
