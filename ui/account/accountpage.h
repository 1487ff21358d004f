#pragma once

#include "syncengine.h"
#include "user.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace xueshi {

class ClientCore;
class FormValidator;

// The "account" section of every role window: who I am (account, person or organisation, with
// personal data masked), changing the password, and logging out. With a sync engine it shows the
// cached profile, so a contact change made offline ("修改联系方式", queued in the outbox) shows at
// once, marked as waiting to be sent until the server has it.
class AccountPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPage)

public:
    explicit AccountPage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);

public slots:
    void changePassword();
    // Opens the contact details form; the change goes to the outbox.
    void editContactDetails();

signals:
    void logoutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addValue(QFormLayout *form, const QString &name, QLabel **caption);
    void showUser();
    // The user to show: the cached profile when there is one, else the login's snapshot.
    User shownUser(QJsonObject *cached = nullptr) const;
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_busy = false;

    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QGroupBox *m_accountGroup;
    QLabel *m_usernameCaption, *m_usernameValueLabel;
    QLabel *m_roleCaption, *m_roleValueLabel;
    QLabel *m_statusCaption, *m_statusValueLabel;
    QLabel *m_createdCaption, *m_createdValueLabel;
    QGroupBox *m_personGroup;
    QLabel *m_realNameCaption, *m_realNameValueLabel;
    QLabel *m_residentIdCaption, *m_residentIdValueLabel;
    QLabel *m_mobileCaption, *m_mobileValueLabel;
    QLabel *m_emailCaption, *m_emailValueLabel;
    QGroupBox *m_organisationGroup;
    QLabel *m_organisationNameCaption, *m_organisationNameValueLabel;
    QLabel *m_creditCodeCaption, *m_creditCodeValueLabel;
    QLabel *m_regionCaption, *m_regionValueLabel;
    QLabel *m_contactPersonCaption, *m_contactPersonValueLabel;
    QLabel *m_phoneCaption, *m_phoneValueLabel;
    QLabel *m_organisationEmailCaption, *m_organisationEmailValueLabel;
    QLabel *m_approvalCaption, *m_approvalValueLabel;
    QLabel *m_maskNoteLabel;
    QWidget *m_contactWidget;
    QPushButton *m_editContactButton;
    QLabel *m_profilePendingLabel;

    QGroupBox *m_passwordGroup;
    QLabel *m_currentPasswordLabel;
    QLineEdit *m_currentPasswordLineEdit;
    QLabel *m_currentPasswordMessageLabel;
    QLabel *m_newPasswordLabel;
    QLineEdit *m_newPasswordLineEdit;
    QLabel *m_newPasswordMessageLabel;
    QLabel *m_confirmPasswordLabel;
    QLineEdit *m_confirmPasswordLineEdit;
    QLabel *m_confirmPasswordMessageLabel;
    QPushButton *m_changePasswordButton;
    QLabel *m_passwordStatusLabel;
    FormValidator *m_passwordForm;

    QGroupBox *m_logoutGroup;
    QLabel *m_logoutLabel;
    QPushButton *m_logoutButton;
};

} // namespace xueshi
