#pragma once

#include "rolewindow.h"

namespace xueshi {

// The main window of a learner (专业技术人员): later issues add the profile, public courses,
// training classes, hour records and the certificate.
class LearnerWindow final : public RoleWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LearnerWindow)

public:
    LearnerWindow(ClientCore *core, const User &user, QWidget *parent = nullptr);
};

} // namespace xueshi
