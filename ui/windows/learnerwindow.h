#pragma once

#include "windows/rolewindow.h"

namespace xueshi {

class CertificatesPage;
class CoursePlatformPage;
class HourRecordsPage;
class LearnerProfilePage;

// The main window of a learner (专业技术人员): first the profile and employer binding
// (人员基本信息维护), which also decides whether study is unlocked; later issues add public
// courses, training classes, hour records and the certificate, gated by studyUnlocked().
class LearnerWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LearnerWindow)

public:
    LearnerWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);

    LearnerProfilePage *profilePage() const { return m_profilePage; }
    // Null when the client keeps no data on this computer.
    CoursePlatformPage *coursePlatformPage() const { return m_coursePage; }
    HourRecordsPage *hourRecordsPage() const { return m_hourRecordsPage; }
    CertificatesPage *certificatesPage() const { return m_certificatesPage; }
    // An employer has confirmed the learner: the study sections may be used (R4).
    bool studyUnlocked() const;

signals:
    void studyUnlockedChanged(bool unlocked);

private:
    LearnerProfilePage *m_profilePage;
    CoursePlatformPage *m_coursePage = nullptr;
    HourRecordsPage *m_hourRecordsPage = nullptr;
    CertificatesPage *m_certificatesPage = nullptr;
};

} // namespace xueshi
