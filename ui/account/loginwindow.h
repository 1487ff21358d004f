#pragma once

#include "apiclient.h"
#include "common/uicommon.h"
#include "user.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace xueshi {

class ClientCore;

// The first window: server address, username and password, "log in", and the ways to register
// or recover an account. On first contact with a server whose certificate is not trusted it asks
// the user (CertificateTrustDialog) and retries. The language switch retranslates live.
class LoginWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginWindow)

public:
    explicit LoginWindow(ClientCore *core, QWidget *parent = nullptr);

    void setServerAddress(const QString &address);
    void setUsername(const QString &username);
    // A line under the form: errors, or notes such as "logged out".
    void showMessage(const QString &text, ui::Severity severity);
    bool isBusy() const { return m_busy; }

public slots:
    void submit();
    void openRegistration();
    void openUsernameRecovery();
    void openPasswordRecovery();
    // 证书验证: needs no login and no server.
    void openCertificateVerification();

signals:
    void loggedIn(const xueshi::User &user);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Applies the address in the form to the API client; shows the problem and returns false
    // when it is not a valid https address.
    bool applyServerAddress();
    void handleLoginResult(const ApiResult &result);
    void setBusy(bool busy);
    void retranslateUi();

    ClientCore *m_core;
    bool m_busy = false;
    QLabel *m_productLabel;
    QLabel *m_taglineLabel;
    QLabel *m_audienceLabel;
    QLabel *m_versionLabel;
    QLabel *m_titleLabel;
    QLabel *m_serverLabel;
    QLineEdit *m_serverLineEdit;
    QLabel *m_usernameLabel;
    QLineEdit *m_usernameLineEdit;
    QLabel *m_passwordLabel;
    QLineEdit *m_passwordLineEdit;
    QLabel *m_statusLabel;
    QProgressBar *m_busyIndicator;
    QPushButton *m_loginButton;
    QPushButton *m_registerButton;
    QPushButton *m_recoverUsernameButton;
    QPushButton *m_recoverPasswordButton;
    QPushButton *m_verifyCertificateButton;
    QLabel *m_languageLabel;
    QComboBox *m_languageComboBox;
};

} // namespace xueshi
