#pragma once

#include "account/recoverydialog.h"

namespace xueshi {

class FormValidator;

// 密码找回 (R2): the username -> a verification code to the registered phone or e-mail -> a new
// password (entered twice, checked as typed). On success every session of the account ends and
// the user goes back to the login with the username filled in.
class PasswordRecoveryDialog final : public RecoveryDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordRecoveryDialog)

public:
    explicit PasswordRecoveryDialog(ClientCore *core, QWidget *parent = nullptr);

    void setUsername(const QString &username);
    bool isDone() const { return m_done; }

public slots:
    void sendCode();
    void resetPassword();

signals:
    // The password was reset and the user went back to the login.
    void passwordReset(const QString &username);

protected:
    void changeEvent(QEvent *event) override;
    void updateButtons() override;

private:
    void retranslateUi();

    bool m_done = false;
    QString m_ticketUsername; // the username the current code was sent for
    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    QLabel *m_usernameLabel;
    QLineEdit *m_usernameLineEdit;
    QLabel *m_usernameMessageLabel;
    QLabel *m_newPasswordLabel;
    QLineEdit *m_newPasswordLineEdit;
    QLabel *m_newPasswordMessageLabel;
    QLabel *m_confirmPasswordLabel;
    QLineEdit *m_confirmPasswordLineEdit;
    QLabel *m_confirmPasswordMessageLabel;
    QPushButton *m_resetButton;
    QPushButton *m_backToLoginButton;
    FormValidator *m_usernameForm;
    FormValidator *m_passwordForm;
};

} // namespace xueshi
