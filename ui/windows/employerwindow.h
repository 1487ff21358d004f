#pragma once

#include "windows/rolewindow.h"

namespace xueshi {

class ComplianceReportPage;
class ReviewPage;
class StaffPage;

// The main window of an employer (法人单位): the staff and their binding requests (人员管理) and
// the review of their self-declared hours (学时审核) and the year's report of their hours
// (统计报表).
class EmployerWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployerWindow)

public:
    EmployerWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);

    StaffPage *staffPage() const { return m_staffPage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }
    ComplianceReportPage *reportPage() const { return m_reportPage; }

private:
    StaffPage *m_staffPage;
    ReviewPage *m_reviewPage;
    ComplianceReportPage *m_reportPage;
};

} // namespace xueshi
