#include "account/passwordrecoverydialog.h"

#include "account/countdownbutton.h"
#include "clientcore.h"
#include "common/formvalidator.h"
#include "common/uicommon.h"
#include "validators.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace xueshi {

PasswordRecoveryDialog::PasswordRecoveryDialog(ClientCore *core, QWidget *parent)
    : RecoveryDialog(core, parent)
    , m_titleLabel(new QLabel(this))
    , m_introLabel(ui::createMessageLabel(QStringLiteral("introLabel"), this))
    , m_usernameLabel(new QLabel(this))
    , m_usernameLineEdit(new QLineEdit(this))
    , m_usernameMessageLabel(ui::createMessageLabel(QStringLiteral("usernameMessageLabel"), this))
    , m_newPasswordLabel(new QLabel(this))
    , m_newPasswordLineEdit(new QLineEdit(this))
    , m_newPasswordMessageLabel(
          ui::createMessageLabel(QStringLiteral("newPasswordMessageLabel"), this))
    , m_confirmPasswordLabel(new QLabel(this))
    , m_confirmPasswordLineEdit(new QLineEdit(this))
    , m_confirmPasswordMessageLabel(
          ui::createMessageLabel(QStringLiteral("confirmPasswordMessageLabel"), this))
    , m_resetButton(new QPushButton(this))
    , m_backToLoginButton(new QPushButton(this))
    , m_usernameForm(new FormValidator(this))
    , m_passwordForm(new FormValidator(this))
{
    setObjectName(QStringLiteral("passwordRecoveryDialog"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    m_usernameLineEdit->setObjectName(QStringLiteral("usernameLineEdit"));
    m_usernameLineEdit->setMaxLength(64);
    m_newPasswordLineEdit->setObjectName(QStringLiteral("newPasswordLineEdit"));
    m_confirmPasswordLineEdit->setObjectName(QStringLiteral("confirmPasswordLineEdit"));
    for (QLineEdit *edit : { m_newPasswordLineEdit, m_confirmPasswordLineEdit }) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(128);
    }
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    ui::makePrimary(m_resetButton);
    m_resetButton->setMinimumWidth(150);
    m_backToLoginButton->setObjectName(QStringLiteral("backToLoginButton"));
    ui::makePrimary(m_backToLoginButton);
    m_backToLoginButton->hide();

    auto *form = new QFormLayout;
    form->addRow(
        m_usernameLabel, ui::fieldWithMessage(m_usernameLineEdit, m_usernameMessageLabel, this));
    addCodeRows(form);
    form->addRow(m_newPasswordLabel,
        ui::fieldWithMessage(m_newPasswordLineEdit, m_newPasswordMessageLabel, this));
    form->addRow(m_confirmPasswordLabel,
        ui::fieldWithMessage(m_confirmPasswordLineEdit, m_confirmPasswordMessageLabel, this));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_resetButton);
    buttonRow->addStretch(1);
    form->addRow(QString(), buttonRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addSpacing(8);
    layout->addLayout(form);
    addFooter(layout);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);
    buttons->addWidget(m_backToLoginButton);
    layout->addLayout(buttons);

    m_usernameForm->addLineEdit(
        QStringLiteral("username"), m_usernameLineEdit, m_usernameMessageLabel,
        [this] {
            return m_usernameLineEdit->text().trimmed().isEmpty() ? tr("Enter your username.")
                                                                  : QString();
        },
        [] { return tr("The username you log in with"); });
    m_passwordForm->addLineEdit(
        QStringLiteral("newPassword"), m_newPasswordLineEdit, m_newPasswordMessageLabel,
        [this] {
            return UiText::validationMessage(validatePassword(m_newPasswordLineEdit->text()));
        },
        [] { return tr("At least 8 characters, with letters and digits"); });
    m_passwordForm->addLineEdit(
        QStringLiteral("confirmPassword"), m_confirmPasswordLineEdit, m_confirmPasswordMessageLabel,
        [this] {
            if (m_confirmPasswordLineEdit->text().isEmpty())
                return tr("Enter the new password again.");
            if (m_confirmPasswordLineEdit->text() != m_newPasswordLineEdit->text())
                return tr("The two passwords are not the same.");
            return QString();
        },
        [] { return tr("Enter the new password again"); });
    connect(m_newPasswordLineEdit, &QLineEdit::textChanged, m_passwordForm, &FormValidator::update);
    for (FormValidator *f : { m_usernameForm, m_passwordForm })
        connect(f, &FormValidator::validityChanged, this, [this] { updateButtons(); });
    // A code belongs to the username it was sent for.
    connect(m_usernameLineEdit, &QLineEdit::textEdited, this, [this] {
        if (!m_ticket.requestId.isEmpty()
            && m_usernameLineEdit->text().trimmed() != m_ticketUsername) {
            m_ticket = {};
            m_destinationLabel->clear();
            updateButtons();
        }
    });

    connect(m_sendCodeButton, &QPushButton::clicked, this, &PasswordRecoveryDialog::sendCode);
    connect(m_resetButton, &QPushButton::clicked, this, &PasswordRecoveryDialog::resetPassword);
    connect(m_backToLoginButton, &QPushButton::clicked, this, [this] {
        emit passwordReset(m_ticketUsername);
        accept();
    });

    retranslateUi();
    updateButtons();
    m_usernameLineEdit->setFocus();
    ui::fitToContents(this);
}

void PasswordRecoveryDialog::setUsername(const QString &username)
{
    m_usernameLineEdit->setText(username);
    if (!username.isEmpty())
        m_sendCodeButton->setFocus();
}

void PasswordRecoveryDialog::sendCode()
{
    if (isBusy())
        return;
    if (!m_usernameForm->isValid()) {
        m_usernameForm->showAll();
        return;
    }
    setBusy(true);
    setStatus(tr("Sending the verification code…"), ui::Severity::Info);
    const QString username = m_usernameLineEdit->text().trimmed();
    m_core->session()->requestPasswordReset(
        username, channel(), this, [this, username](const ApiResult &result) {
            if (result.ok())
                m_ticketUsername = username;
            handleTicket(result, [this] { sendCode(); });
            if (!result.ok() && result.error.field == QLatin1String("username"))
                m_usernameForm->setServerError(result.error.field, result.error.message);
        });
}

void PasswordRecoveryDialog::resetPassword()
{
    if (isBusy() || m_ticket.requestId.isEmpty() || m_codeLineEdit->text().size() != 6)
        return;
    if (!m_passwordForm->isValid()) {
        m_passwordForm->showAll();
        return;
    }
    setBusy(true);
    setStatus(tr("Resetting the password…"), ui::Severity::Info);
    m_core->session()->resetPassword(m_ticket.requestId, m_codeLineEdit->text(),
        m_newPasswordLineEdit->text(), this, [this](const ApiResult &result) {
            setBusy(false);
            if (!result.ok()) {
                if (result.error.field == QLatin1String("newPassword"))
                    m_passwordForm->setServerError(result.error.field, result.error.message);
                showError(result.error, [this] { resetPassword(); });
                return;
            }
            m_done = true;
            m_ticket = {};
            m_sendCodeButton->stopCountdown();
            m_newPasswordLineEdit->clear();
            m_confirmPasswordLineEdit->clear();
            m_passwordForm->reset();
            setStatus(tr("Your password has been reset, and you have been logged out "
                         "everywhere. Log in with the new password."),
                ui::Severity::Success);
            m_backToLoginButton->show();
            m_backToLoginButton->setFocus();
            updateButtons();
        });
}

void PasswordRecoveryDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool haveCode = !m_ticket.requestId.isEmpty();
    m_usernameLineEdit->setEnabled(!m_done);
    m_sendCodeButton->setReady(!busy && !m_done && m_usernameForm->isValid());
    m_codeLineEdit->setEnabled(haveCode);
    m_newPasswordLineEdit->setEnabled(haveCode);
    m_confirmPasswordLineEdit->setEnabled(haveCode);
    m_resetButton->setEnabled(
        !busy && haveCode && m_codeLineEdit->text().size() == 6 && m_passwordForm->isValid());
    m_mobileRadioButton->setEnabled(!m_done);
    m_emailRadioButton->setEnabled(!m_done);
}

void PasswordRecoveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PasswordRecoveryDialog::retranslateUi()
{
    setWindowTitle(UiText::windowTitle(tr("Recover password")));
    m_titleLabel->setText(tr("Recover password"));
    ui::setMessage(m_introLabel,
        tr("A verification code is sent to the mobile phone or e-mail registered "
           "with your account. Enter it with a new password."),
        ui::Severity::Hint);
    m_usernameLabel->setText(tr("Username"));
    m_newPasswordLabel->setText(tr("New password"));
    m_confirmPasswordLabel->setText(tr("Confirm new password"));
    m_resetButton->setText(tr("Reset password"));
    m_backToLoginButton->setText(tr("Back to login"));
    retranslateCodeRows();
    m_usernameForm->update();
    m_passwordForm->update();
}

} // namespace xueshi
