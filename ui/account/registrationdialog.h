#pragma once

#include "apiclient.h"
#include "role.h"

#include <QDialog>

class QButtonGroup;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace xueshi {

class ClientCore;
class FormValidator;
class RegionSelector;

// Registration (R1, 个人注册) for the three roles: a learner with personal data, an employer or a
// training institution with its organisation. Every field is checked as the user types with the
// validators the server uses; "Register" is enabled only when the form is valid; a refusal by the
// server is shown at the field it concerns. On success it says so (an institution must wait for
// an administrator's approval) and emits registered() when the user goes back to the login.
class RegistrationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationDialog)

public:
    explicit RegistrationDialog(ClientCore *core, QWidget *parent = nullptr);

    Role role() const { return m_role; }
    void setRole(Role role);
    bool isFormValid() const;
    bool isSucceeded() const { return !m_registeredUsername.isEmpty(); }

public slots:
    void submit();

signals:
    // The account was created and the user went back to the login.
    void registered(const QString &username);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLineEdit *addLineEdit(QWidget *page, QFormLayout *layout, const QString &name,
        QLabel **rowLabel, QLabel **messageLabel);
    void setupValidation();
    void updateRegisterButton();
    void handleResult(const ApiResult &result);
    void showSuccess(const QJsonObject &body);
    void setBusy(bool busy);
    void retranslateUi();

    ClientCore *m_core;
    Role m_role = Role::Learner;
    bool m_busy = false;
    QString m_registeredUsername;
    bool m_awaitingApproval = false;

    QStackedWidget *m_pages;
    QLabel *m_titleLabel;
    QLabel *m_roleLabel;
    QButtonGroup *m_roleGroup;
    QRadioButton *m_learnerRadioButton;
    QRadioButton *m_employerRadioButton;
    QRadioButton *m_institutionRadioButton;
    QLabel *m_roleHintLabel;

    QGroupBox *m_accountGroup;
    QLabel *m_usernameLabel;
    QLineEdit *m_usernameLineEdit;
    QLabel *m_usernameMessageLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_passwordLineEdit;
    QLabel *m_passwordMessageLabel;
    QLabel *m_confirmPasswordLabel;
    QLineEdit *m_confirmPasswordLineEdit;
    QLabel *m_confirmPasswordMessageLabel;

    QGroupBox *m_learnerGroup;
    QLabel *m_realNameLabel;
    QLineEdit *m_realNameLineEdit;
    QLabel *m_realNameMessageLabel;
    QLabel *m_residentIdLabel;
    QLineEdit *m_residentIdLineEdit;
    QLabel *m_residentIdMessageLabel;
    QLabel *m_mobileLabel;
    QLineEdit *m_mobileLineEdit;
    QLabel *m_mobileMessageLabel;
    QLabel *m_emailLabel;
    QLineEdit *m_emailLineEdit;
    QLabel *m_emailMessageLabel;

    QGroupBox *m_organisationGroup;
    QLabel *m_organisationNameLabel;
    QLineEdit *m_organisationNameLineEdit;
    QLabel *m_organisationNameMessageLabel;
    QLabel *m_creditCodeLabel;
    QLineEdit *m_creditCodeLineEdit;
    QLabel *m_creditCodeMessageLabel;
    QLabel *m_regionLabel;
    RegionSelector *m_regionSelector;
    QLabel *m_regionMessageLabel;
    QLabel *m_contactPersonLabel;
    QLineEdit *m_contactPersonLineEdit;
    QLabel *m_contactPersonMessageLabel;
    QLabel *m_phoneLabel;
    QLineEdit *m_phoneLineEdit;
    QLabel *m_phoneMessageLabel;
    QLabel *m_organisationEmailLabel;
    QLineEdit *m_organisationEmailLineEdit;
    QLabel *m_organisationEmailMessageLabel;

    QLabel *m_serverLabel;
    QLabel *m_statusLabel;
    QProgressBar *m_busyIndicator;
    QPushButton *m_cancelButton;
    QPushButton *m_registerButton;

    QLabel *m_successTitleLabel;
    QLabel *m_successLabel;
    QPushButton *m_backToLoginButton;

    FormValidator *m_accountForm;
    FormValidator *m_learnerForm;
    FormValidator *m_organisationForm;
};

} // namespace xueshi
