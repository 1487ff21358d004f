#pragma once

#include "account/recoverydialog.h"
#include "role.h"

class QButtonGroup;
class QFrame;

namespace xueshi {

class FormValidator;

// 账号找回 (R2): the resident id (a learner) or the credit code (an employer or institution) ->
// a verification code to the registered phone or e-mail -> the username, which can be taken
// back to the login window.
class UsernameRecoveryDialog final : public RecoveryDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsernameRecoveryDialog)

public:
    explicit UsernameRecoveryDialog(ClientCore *core, QWidget *parent = nullptr);

    Role role() const { return m_role; }
    void setRole(Role role);
    QString recoveredUsername() const { return m_username; }

public slots:
    void sendCode();
    void verify();

signals:
    // The user chose to log in with the recovered username.
    void usernameRecovered(const QString &username);

protected:
    void changeEvent(QEvent *event) override;
    void updateButtons() override;

private:
    void retranslateUi();

    Role m_role = Role::Learner;
    QString m_username;
    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    QLabel *m_roleLabel;
    QButtonGroup *m_roleGroup;
    QRadioButton *m_learnerRadioButton;
    QRadioButton *m_employerRadioButton;
    QRadioButton *m_institutionRadioButton;
    QFormLayout *m_form;
    QLabel *m_residentIdLabel;
    QLineEdit *m_residentIdLineEdit;
    QLabel *m_residentIdMessageLabel;
    QLabel *m_creditCodeLabel;
    QLineEdit *m_creditCodeLineEdit;
    QLabel *m_creditCodeMessageLabel;
    QPushButton *m_verifyButton;
    QFrame *m_resultFrame;
    QLabel *m_resultCaptionLabel;
    QLabel *m_usernameResultLabel;
    QPushButton *m_useUsernameButton;
    FormValidator *m_learnerForm;
    FormValidator *m_organisationForm;
};

} // namespace xueshi
