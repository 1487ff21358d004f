#include "account/loginwindow.h"

#include "account/certificatetrustdialog.h"
#include "account/passwordrecoverydialog.h"
#include "account/registrationdialog.h"
#include "account/usernamerecoverydialog.h"
#include "certificates/verifydialog.h"
#include "clientcore.h"
#include "errorcodes.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace xueshi {

LoginWindow::LoginWindow(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_productLabel(new QLabel(this))
    , m_taglineLabel(new QLabel(this))
    , m_audienceLabel(new QLabel(this))
    , m_versionLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_serverLineEdit(new QLineEdit(this))
    , m_usernameLabel(new QLabel(this))
    , m_usernameLineEdit(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_statusLabel(ui::createMessageLabel(QStringLiteral("statusLabel"), this))
    , m_busyIndicator(new QProgressBar(this))
    , m_loginButton(new QPushButton(this))
    , m_registerButton(new QPushButton(this))
    , m_recoverUsernameButton(new QPushButton(this))
    , m_recoverPasswordButton(new QPushButton(this))
    , m_verifyCertificateButton(new QPushButton(this))
    , m_languageLabel(new QLabel(this))
    , m_languageComboBox(new QComboBox(this))
{
    setObjectName(QStringLiteral("loginWindow"));
    setWindowIcon(ui::applicationIcon());
    resize(860, 540);
    setMinimumSize(760, 500);

    // Left: the brand panel.
    auto *brandPanel = new QWidget(this);
    brandPanel->setObjectName(QStringLiteral("brandPanel"));
    brandPanel->setAttribute(Qt::WA_StyledBackground);
    brandPanel->setFixedWidth(300);
    auto *brandLayout = new QVBoxLayout(brandPanel);
    brandLayout->setContentsMargins(32, 48, 32, 28);
    auto *logo = new QLabel(brandPanel);
    logo->setPixmap(ui::applicationIcon(true).pixmap(64, 64));
    m_productLabel->setObjectName(QStringLiteral("productLabel"));
    ui::makeHeading(m_productLabel, 16);
    m_taglineLabel->setWordWrap(true);
    ui::makeHeading(m_taglineLabel, 2);
    m_audienceLabel->setWordWrap(true);
    brandLayout->addWidget(logo);
    brandLayout->addSpacing(12);
    brandLayout->addWidget(m_productLabel);
    brandLayout->addWidget(m_taglineLabel);
    brandLayout->addSpacing(16);
    brandLayout->addWidget(m_audienceLabel);
    brandLayout->addStretch(1);
    brandLayout->addWidget(m_versionLabel);
    for (QLabel *label : { m_productLabel, m_taglineLabel, m_audienceLabel, m_versionLabel })
        label->setParent(brandPanel);

    // Right: the form.
    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(56, 44, 56, 24);
    formLayout->setSpacing(6);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 8);

    m_serverLineEdit->setObjectName(QStringLiteral("serverLineEdit"));
    m_serverLineEdit->setPlaceholderText(AppSettings::defaultServerAddress());
    m_serverLineEdit->setClearButtonEnabled(true);
    m_usernameLineEdit->setObjectName(QStringLiteral("usernameLineEdit"));
    m_usernameLineEdit->setMaxLength(64);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setMaxLength(128);
    m_serverLabel->setBuddy(m_serverLineEdit);
    m_usernameLabel->setBuddy(m_usernameLineEdit);
    m_passwordLabel->setBuddy(m_passwordLineEdit);

    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setFixedHeight(4);
    // Hidden without giving up its place, so the form does not jump.
    QSizePolicy keepSpace = m_busyIndicator->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_busyIndicator->setSizePolicy(keepSpace);
    m_busyIndicator->hide();

    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    ui::makePrimary(m_loginButton);
    m_loginButton->setMinimumHeight(36);
    m_registerButton->setObjectName(QStringLiteral("registerButton"));
    m_recoverUsernameButton->setObjectName(QStringLiteral("recoverUsernameButton"));
    m_recoverPasswordButton->setObjectName(QStringLiteral("recoverPasswordButton"));
    m_verifyCertificateButton->setObjectName(QStringLiteral("verifyCertificateButton"));
    for (QPushButton *button : { m_registerButton, m_recoverUsernameButton, m_recoverPasswordButton,
             m_verifyCertificateButton })
        ui::makeLink(button);

    m_languageComboBox->setObjectName(QStringLiteral("languageComboBox"));
    // Each language is named in itself, so it can be found whatever the current language.
    m_languageComboBox->addItem(
        QLocale(QLocale::Chinese, QLocale::China).nativeLanguageName(), int(Language::Chinese));
    m_languageComboBox->addItem(QStringLiteral("English"), int(Language::English));
    m_languageComboBox->setCurrentIndex(m_languageComboBox->findData(int(core->language())));
    m_languageLabel->setBuddy(m_languageComboBox);

    formLayout->addWidget(m_titleLabel);
    formLayout->addSpacing(14);
    formLayout->addWidget(m_serverLabel);
    formLayout->addWidget(m_serverLineEdit);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_usernameLabel);
    formLayout->addWidget(m_usernameLineEdit);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_passwordLabel);
    formLayout->addWidget(m_passwordLineEdit);
    formLayout->addSpacing(6);
    formLayout->addWidget(m_statusLabel);
    formLayout->addWidget(m_busyIndicator);
    formLayout->addSpacing(4);
    formLayout->addWidget(m_loginButton);
    auto *links = new QHBoxLayout;
    links->setSpacing(0);
    links->addWidget(m_registerButton);
    links->addStretch(1);
    links->addWidget(m_recoverUsernameButton);
    auto *separator = new QLabel(QStringLiteral("|"), form);
    separator->setStyleSheet(QStringLiteral("color: #9aa5b1;"));
    links->addWidget(separator);
    links->addWidget(m_recoverPasswordButton);
    formLayout->addLayout(links);
    formLayout->addStretch(1);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_verifyCertificateButton);
    languageRow->addStretch(1);
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_languageComboBox);
    formLayout->addLayout(languageRow);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(brandPanel);
    layout->addWidget(form, 1);

    connect(m_loginButton, &QPushButton::clicked, this, &LoginWindow::submit);
    for (QLineEdit *edit : { m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit })
        connect(edit, &QLineEdit::returnPressed, this, &LoginWindow::submit);
    connect(m_registerButton, &QPushButton::clicked, this, &LoginWindow::openRegistration);
    connect(
        m_recoverUsernameButton, &QPushButton::clicked, this, &LoginWindow::openUsernameRecovery);
    connect(
        m_recoverPasswordButton, &QPushButton::clicked, this, &LoginWindow::openPasswordRecovery);
    connect(m_verifyCertificateButton, &QPushButton::clicked, this,
        &LoginWindow::openCertificateVerification);
    connect(m_languageComboBox, &QComboBox::activated, this,
        [this] { m_core->setLanguage(Language(m_languageComboBox->currentData().toInt())); });
    connect(m_core, &ClientCore::languageChanged, this, [this](Language language) {
        m_languageComboBox->setCurrentIndex(m_languageComboBox->findData(int(language)));
    });

    setServerAddress(core->settings()->serverAddress());
    setUsername(core->settings()->lastUsername());
    retranslateUi();
    (m_usernameLineEdit->text().isEmpty() ? m_usernameLineEdit : m_passwordLineEdit)->setFocus();
}

void LoginWindow::setServerAddress(const QString &address)
{
    m_serverLineEdit->setText(address);
}

void LoginWindow::setUsername(const QString &username)
{
    m_usernameLineEdit->setText(username);
    m_passwordLineEdit->clear();
    if (!username.isEmpty())
        m_passwordLineEdit->setFocus();
}

void LoginWindow::showMessage(const QString &text, ui::Severity severity)
{
    ui::setMessage(m_statusLabel, text, severity);
}

bool LoginWindow::applyServerAddress()
{
    QString problem;
    const QUrl url = ApiClient::normalizeServerAddress(m_serverLineEdit->text(), &problem);
    if (!url.isValid()) {
        showMessage(problem, ui::Severity::Error);
        m_serverLineEdit->setFocus();
        return false;
    }
    m_core->api()->setServerUrl(url);
    return true;
}

void LoginWindow::submit()
{
    if (m_busy)
        return;
    if (!applyServerAddress())
        return;
    const QString username = m_usernameLineEdit->text().trimmed();
    if (username.isEmpty()) {
        showMessage(tr("Enter your username."), ui::Severity::Error);
        m_usernameLineEdit->setFocus();
        return;
    }
    if (m_passwordLineEdit->text().isEmpty()) {
        showMessage(tr("Enter your password."), ui::Severity::Error);
        m_passwordLineEdit->setFocus();
        return;
    }
    setBusy(true);
    showMessage(tr("Logging in…"), ui::Severity::Info);
    m_core->session()->login(username, m_passwordLineEdit->text(), this,
        [this](const ApiResult &result) { handleLoginResult(result); });
}

void LoginWindow::handleLoginResult(const ApiResult &result)
{
    setBusy(false);
    if (result.ok()) {
        const User &user = m_core->session()->user();
        m_core->settings()->setServerAddress(m_core->api()->serverUrl().toString());
        m_core->settings()->setLastUsername(user.username);
        m_core->settings()->sync();
        m_passwordLineEdit->clear();
        showMessage(QString(), ui::Severity::Info);
        emit loggedIn(user);
        return;
    }

    const ApiError &error = result.error;
    if (error.kind == ApiError::Kind::Certificate) {
        showMessage(error.message,
            error.certificate.kind == CertificateProblem::Kind::Changed ? ui::Severity::Error
                                                                        : ui::Severity::Warning);
        CertificateTrustDialog::ask(this, m_core->trust(), error.certificate, [this] {
            showMessage(tr("Certificate trusted. Logging in…"), ui::Severity::Info);
            submit();
        });
        return;
    }
    if (error.code == QLatin1String(errorcode::InvalidCredentials)) {
        showMessage(error.message.isEmpty() ? tr("Wrong username or password.") : error.message,
            ui::Severity::Error);
        m_passwordLineEdit->clear();
        m_passwordLineEdit->setFocus();
        return;
    }
    if (error.code == QLatin1String(errorcode::AccountLocked)) {
        QString message = error.message;
        if (message.isEmpty()) {
            const int minutes = std::max(1, (error.retryAfterSeconds() + 59) / 60);
            message = tr("Too many failed logins: the account is locked for %n minute(s).", nullptr,
                minutes);
        }
        showMessage(message, ui::Severity::Error);
        m_passwordLineEdit->clear();
        return;
    }
    showMessage(error.message, ui::Severity::Error);
}

void LoginWindow::setBusy(bool busy)
{
    m_busy = busy;
    m_busyIndicator->setVisible(busy);
    for (QWidget *widget :
        std::initializer_list<QWidget *> { m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit,
            m_loginButton, m_registerButton, m_recoverUsernameButton, m_recoverPasswordButton })
        widget->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void LoginWindow::openRegistration()
{
    if (!applyServerAddress())
        return;
    auto *dialog = new RegistrationDialog(m_core, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegistrationDialog::registered, this, [this](const QString &username) {
        setUsername(username);
        showMessage(
            tr("Registration complete. Log in with your new account."), ui::Severity::Success);
    });
    dialog->open();
}

void LoginWindow::openUsernameRecovery()
{
    if (!applyServerAddress())
        return;
    auto *dialog = new UsernameRecoveryDialog(m_core, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &UsernameRecoveryDialog::usernameRecovered, this, [this](const QString &username) {
            setUsername(username);
            showMessage(tr("Your username has been filled in. Enter your password to log "
                           "in."),
                ui::Severity::Success);
        });
    dialog->open();
}

void LoginWindow::openPasswordRecovery()
{
    if (!applyServerAddress())
        return;
    auto *dialog = new PasswordRecoveryDialog(m_core, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUsername(m_usernameLineEdit->text().trimmed());
    connect(dialog, &PasswordRecoveryDialog::passwordReset, this, [this](const QString &username) {
        setUsername(username);
        showMessage(tr("Your password has been reset. Log in with the new password."),
            ui::Severity::Success);
    });
    dialog->open();
}

void LoginWindow::openCertificateVerification()
{
    // The server in the form, if it is a valid address, for the online status; never required.
    if (!m_busy) {
        const QUrl url = ApiClient::normalizeServerAddress(m_serverLineEdit->text());
        if (url.isValid())
            m_core->api()->setServerUrl(url);
    }
    VerifyDialog::openDialog(m_core, this);
}

void LoginWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LoginWindow::retranslateUi()
{
    setWindowTitle(UiText::windowTitle(tr("Log in")));
    m_productLabel->setText(UiText::productName());
    m_taglineLabel->setText(tr("Continuing education for professional technical personnel"));
    m_audienceLabel->setText(
        tr("For professionals, their employers and training institutions: study public "
           "courses, enrol in training classes, record and confirm credit hours."));
    m_versionLabel->setText(tr("Version %1").arg(QStringLiteral(XUESHI_VERSION)));
    m_titleLabel->setText(tr("User login"));
    m_serverLabel->setText(tr("Server address"));
    m_usernameLabel->setText(tr("Username"));
    m_usernameLineEdit->setPlaceholderText(tr("Your username"));
    m_passwordLabel->setText(tr("Password"));
    m_passwordLineEdit->setPlaceholderText(tr("Your password"));
    m_loginButton->setText(tr("Log in"));
    m_registerButton->setText(tr("Register"));
    m_recoverUsernameButton->setText(tr("Recover username"));
    m_recoverPasswordButton->setText(tr("Recover password"));
    m_verifyCertificateButton->setText(tr("Verify certificate"));
    m_languageLabel->setText(tr("Language:"));
}

} // namespace xueshi
