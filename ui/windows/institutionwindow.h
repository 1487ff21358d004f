#pragma once

#include "windows/rolewindow.h"

namespace xueshi {

class ClassesPage;
class EnrolmentsPage;
class HoursConfirmationPage;

// The main window of a training institution (培训机构): its training classes (培训班管理), their
// enrolments (报名管理) and the confirmation of hours after a class (学时确认), all through the
// outbox so they work offline.
class InstitutionWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstitutionWindow)

public:
    InstitutionWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);

    ClassesPage *classesPage() const { return m_classesPage; }
    EnrolmentsPage *enrolmentsPage() const { return m_enrolmentsPage; }
    HoursConfirmationPage *hoursPage() const { return m_hoursPage; }

private:
    ClassesPage *m_classesPage;
    EnrolmentsPage *m_enrolmentsPage;
    HoursConfirmationPage *m_hoursPage;
};

} // namespace xueshi
