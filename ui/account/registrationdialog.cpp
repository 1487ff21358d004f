#include "account/registrationdialog.h"

#include "account/certificatetrustdialog.h"
#include "clientcore.h"
#include "clock.h"
#include "common/formvalidator.h"
#include "common/regionselector.h"
#include "common/uicommon.h"
#include "errorcodes.h"
#include "regions.h"
#include "validators.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace xueshi {

namespace {

// Keeps what the user typed but in upper case (a trailing x of a resident id, credit codes).
void upperCaseAsTyped(QLineEdit *edit)
{
    QObject::connect(edit, &QLineEdit::textEdited, edit, [edit](const QString &text) {
        const QString upper = text.toUpper();
        if (upper != text) {
            const int cursor = edit->cursorPosition();
            edit->setText(upper);
            edit->setCursorPosition(cursor);
        }
    });
}

QString fieldForConflict(const QString &code)
{
    if (code == QLatin1String(errorcode::UsernameTaken))
        return QStringLiteral("username");
    if (code == QLatin1String(errorcode::ResidentIdTaken))
        return QStringLiteral("residentId");
    if (code == QLatin1String(errorcode::CreditCodeTaken))
        return QStringLiteral("creditCode");
    return {};
}

} // namespace

RegistrationDialog::RegistrationDialog(ClientCore *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_pages(new QStackedWidget(this))
    , m_accountForm(new FormValidator(this))
    , m_learnerForm(new FormValidator(this))
    , m_organisationForm(new FormValidator(this))
{
    setObjectName(QStringLiteral("registrationDialog"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(900);

    // The form page.
    auto *formPage = new QWidget(m_pages);
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->setContentsMargins(24, 20, 24, 16);
    formLayout->setSpacing(8);

    m_titleLabel = new QLabel(formPage);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    formLayout->addWidget(m_titleLabel);

    auto *roleRow = new QHBoxLayout;
    m_roleLabel = new QLabel(formPage);
    m_roleGroup = new QButtonGroup(this);
    m_learnerRadioButton = new QRadioButton(formPage);
    m_learnerRadioButton->setObjectName(QStringLiteral("learnerRadioButton"));
    m_employerRadioButton = new QRadioButton(formPage);
    m_employerRadioButton->setObjectName(QStringLiteral("employerRadioButton"));
    m_institutionRadioButton = new QRadioButton(formPage);
    m_institutionRadioButton->setObjectName(QStringLiteral("institutionRadioButton"));
    m_roleGroup->addButton(m_learnerRadioButton, int(Role::Learner));
    m_roleGroup->addButton(m_employerRadioButton, int(Role::Employer));
    m_roleGroup->addButton(m_institutionRadioButton, int(Role::Institution));
    m_learnerRadioButton->setChecked(true);
    roleRow->addWidget(m_roleLabel);
    roleRow->addSpacing(8);
    roleRow->addWidget(m_learnerRadioButton);
    roleRow->addSpacing(12);
    roleRow->addWidget(m_employerRadioButton);
    roleRow->addSpacing(12);
    roleRow->addWidget(m_institutionRadioButton);
    roleRow->addStretch(1);
    formLayout->addLayout(roleRow);
    m_roleHintLabel = ui::createMessageLabel(QStringLiteral("roleHintLabel"), formPage);
    formLayout->addWidget(m_roleHintLabel);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    formLayout->addLayout(columns, 1);

    // Account: the same for every role.
    m_accountGroup = new QGroupBox(formPage);
    m_accountGroup->setObjectName(QStringLiteral("accountGroupBox"));
    auto *accountLayout = new QFormLayout(m_accountGroup);
    accountLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_usernameLineEdit = addLineEdit(m_accountGroup, accountLayout, QStringLiteral("username"),
        &m_usernameLabel, &m_usernameMessageLabel);
    m_usernameLineEdit->setMaxLength(32);
    m_passwordLineEdit = addLineEdit(m_accountGroup, accountLayout, QStringLiteral("password"),
        &m_passwordLabel, &m_passwordMessageLabel);
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setMaxLength(128);
    m_confirmPasswordLineEdit = addLineEdit(m_accountGroup, accountLayout,
        QStringLiteral("confirmPassword"), &m_confirmPasswordLabel, &m_confirmPasswordMessageLabel);
    m_confirmPasswordLineEdit->setEchoMode(QLineEdit::Password);
    m_confirmPasswordLineEdit->setMaxLength(128);
    auto *accountColumn = new QVBoxLayout;
    accountColumn->setContentsMargins(0, 0, 0, 0);
    accountColumn->addWidget(m_accountGroup);
    accountColumn->addStretch(1);
    columns->addLayout(accountColumn, 1);

    // Role details: a learner's person, or an organisation.
    // Only the group of the chosen role is shown.
    auto *detailsColumn = new QVBoxLayout;
    detailsColumn->setContentsMargins(0, 0, 0, 0);
    m_learnerGroup = new QGroupBox(formPage);
    m_learnerGroup->setObjectName(QStringLiteral("learnerGroupBox"));
    auto *learnerLayout = new QFormLayout(m_learnerGroup);
    learnerLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_realNameLineEdit = addLineEdit(m_learnerGroup, learnerLayout, QStringLiteral("realName"),
        &m_realNameLabel, &m_realNameMessageLabel);
    m_realNameLineEdit->setMaxLength(50);
    m_residentIdLineEdit = addLineEdit(m_learnerGroup, learnerLayout, QStringLiteral("residentId"),
        &m_residentIdLabel, &m_residentIdMessageLabel);
    m_residentIdLineEdit->setMaxLength(18);
    upperCaseAsTyped(m_residentIdLineEdit);
    m_mobileLineEdit = addLineEdit(m_learnerGroup, learnerLayout, QStringLiteral("mobile"),
        &m_mobileLabel, &m_mobileMessageLabel);
    m_mobileLineEdit->setMaxLength(11);
    m_mobileLineEdit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_emailLineEdit = addLineEdit(m_learnerGroup, learnerLayout, QStringLiteral("email"),
        &m_emailLabel, &m_emailMessageLabel);
    m_emailLineEdit->setMaxLength(254);
    m_emailLineEdit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    detailsColumn->addWidget(m_learnerGroup);

    m_organisationGroup = new QGroupBox(formPage);
    m_organisationGroup->setObjectName(QStringLiteral("organisationGroupBox"));
    auto *organisationLayout = new QFormLayout(m_organisationGroup);
    organisationLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_organisationNameLineEdit
        = addLineEdit(m_organisationGroup, organisationLayout, QStringLiteral("organisationName"),
            &m_organisationNameLabel, &m_organisationNameMessageLabel);
    m_organisationNameLineEdit->setMaxLength(100);
    m_creditCodeLineEdit = addLineEdit(m_organisationGroup, organisationLayout,
        QStringLiteral("creditCode"), &m_creditCodeLabel, &m_creditCodeMessageLabel);
    m_creditCodeLineEdit->setMaxLength(18);
    upperCaseAsTyped(m_creditCodeLineEdit);
    m_regionLabel = new QLabel(m_organisationGroup);
    m_regionSelector = new RegionSelector(RegionTable::instance(), m_organisationGroup);
    m_regionMessageLabel
        = ui::createMessageLabel(QStringLiteral("regionMessageLabel"), m_organisationGroup);
    organisationLayout->addRow(m_regionLabel,
        ui::fieldWithMessage(m_regionSelector, m_regionMessageLabel, m_organisationGroup));
    m_contactPersonLineEdit = addLineEdit(m_organisationGroup, organisationLayout,
        QStringLiteral("contactPerson"), &m_contactPersonLabel, &m_contactPersonMessageLabel);
    m_contactPersonLineEdit->setMaxLength(50);
    m_phoneLineEdit = addLineEdit(m_organisationGroup, organisationLayout, QStringLiteral("phone"),
        &m_phoneLabel, &m_phoneMessageLabel);
    m_phoneLineEdit->setMaxLength(20);
    m_organisationEmailLineEdit
        = addLineEdit(m_organisationGroup, organisationLayout, QStringLiteral("organisationEmail"),
            &m_organisationEmailLabel, &m_organisationEmailMessageLabel);
    m_organisationEmailLineEdit->setMaxLength(254);
    detailsColumn->addWidget(m_organisationGroup);
    detailsColumn->addStretch(1);
    columns->addLayout(detailsColumn, 1);
    m_serverLabel = ui::createMessageLabel(QStringLiteral("serverLabel"), formPage);
    formLayout->addWidget(m_serverLabel);
    m_statusLabel = ui::createMessageLabel(QStringLiteral("statusLabel"), formPage);
    formLayout->addWidget(m_statusLabel);
    m_busyIndicator = new QProgressBar(formPage);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setFixedHeight(4);
    QSizePolicy keepSpace = m_busyIndicator->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_busyIndicator->setSizePolicy(keepSpace);
    m_busyIndicator->hide();
    formLayout->addWidget(m_busyIndicator);

    auto *buttons = new QHBoxLayout;
    m_cancelButton = new QPushButton(formPage);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAutoDefault(false);
    m_registerButton = new QPushButton(formPage);
    m_registerButton->setObjectName(QStringLiteral("registerButton"));
    ui::makePrimary(m_registerButton);
    m_registerButton->setMinimumWidth(120);
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_registerButton);
    formLayout->addLayout(buttons);
    m_pages->addWidget(formPage);

    // The success page.
    auto *successPage = new QWidget(m_pages);
    auto *successLayout = new QVBoxLayout(successPage);
    successLayout->setContentsMargins(48, 40, 48, 24);
    auto *successIcon = new QLabel(successPage);
    successIcon->setPixmap(ui::successPixmap(56));
    successIcon->setAlignment(Qt::AlignHCenter);
    m_successTitleLabel = new QLabel(successPage);
    m_successTitleLabel->setObjectName(QStringLiteral("successTitleLabel"));
    m_successTitleLabel->setAlignment(Qt::AlignHCenter);
    ui::makeHeading(m_successTitleLabel, 8);
    m_successLabel = new QLabel(successPage);
    m_successLabel->setObjectName(QStringLiteral("successLabel"));
    m_successLabel->setWordWrap(true);
    m_successLabel->setAlignment(Qt::AlignHCenter);
    m_successLabel->setMaximumWidth(560);
    m_backToLoginButton = new QPushButton(successPage);
    m_backToLoginButton->setObjectName(QStringLiteral("backToLoginButton"));
    ui::makePrimary(m_backToLoginButton);
    successLayout->addStretch(1);
    successLayout->addWidget(successIcon);
    successLayout->addWidget(m_successTitleLabel);
    successLayout->addSpacing(12);
    successLayout->addWidget(m_successLabel, 0, Qt::AlignHCenter);
    successLayout->addSpacing(24);
    successLayout->addWidget(m_backToLoginButton, 0, Qt::AlignHCenter);
    successLayout->addStretch(2);
    m_pages->addWidget(successPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    setupValidation();

    connect(m_roleGroup, &QButtonGroup::idClicked, this, [this](int id) { setRole(Role(id)); });
    connect(m_registerButton, &QPushButton::clicked, this, &RegistrationDialog::submit);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_backToLoginButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(this, &QDialog::finished, this, [this] {
        if (isSucceeded())
            emit registered(m_registeredUsername);
    });

    setRole(Role::Learner);
    retranslateUi();
    m_usernameLineEdit->setFocus();
    ui::fitToContents(this);
}

QLineEdit *RegistrationDialog::addLineEdit(QWidget *page, QFormLayout *layout, const QString &name,
    QLabel **rowLabel, QLabel **messageLabel)
{
    auto *edit = new QLineEdit(page);
    edit->setObjectName(name + QStringLiteral("LineEdit"));
    *rowLabel = new QLabel(page);
    (*rowLabel)->setBuddy(edit);
    *messageLabel = ui::createMessageLabel(name + QStringLiteral("MessageLabel"), page);
    layout->addRow(*rowLabel, ui::fieldWithMessage(edit, *messageLabel, page));
    return edit;
}

void RegistrationDialog::setupValidation()
{
    const auto message
        = [](const ValidationResult &result) { return UiText::validationMessage(result); };
    const auto optionalEmail = [message](QLineEdit *edit) {
        return [edit, message] {
            const QString text = edit->text().trimmed();
            return text.isEmpty() ? QString() : message(validateEmail(text));
        };
    };

    m_accountForm->addLineEdit(
        QStringLiteral("username"), m_usernameLineEdit, m_usernameMessageLabel,
        [this, message] { return message(validateUsername(m_usernameLineEdit->text().trimmed())); },
        [] { return tr("4–32 letters, digits, _ . or -, starting with a letter"); });
    m_accountForm->addLineEdit(
        QStringLiteral("password"), m_passwordLineEdit, m_passwordMessageLabel,
        [this, message] { return message(validatePassword(m_passwordLineEdit->text())); },
        [] { return tr("At least 8 characters, with letters and digits"); });
    m_accountForm->addLineEdit(
        QStringLiteral("confirmPassword"), m_confirmPasswordLineEdit, m_confirmPasswordMessageLabel,
        [this] {
            if (m_confirmPasswordLineEdit->text().isEmpty())
                return tr("Enter the password again.");
            if (m_confirmPasswordLineEdit->text() != m_passwordLineEdit->text())
                return tr("The two passwords are not the same.");
            return QString();
        },
        [] { return tr("Enter the same password again"); });
    // The confirmation depends on the password.
    connect(m_passwordLineEdit, &QLineEdit::textChanged, m_accountForm, &FormValidator::update);

    m_learnerForm->addLineEdit(
        QStringLiteral("realName"), m_realNameLineEdit, m_realNameMessageLabel,
        [this, message] { return message(validateRealName(m_realNameLineEdit->text().trimmed())); },
        [] { return tr("As on your resident identity card"); });
    m_learnerForm->addLineEdit(
        QStringLiteral("residentId"), m_residentIdLineEdit, m_residentIdMessageLabel,
        [this, message] {
            return message(validateResidentId(m_residentIdLineEdit->text().trimmed(),
                m_core->clock()->todayInChina(), RegionTable::instance()));
        },
        [] { return tr("18 characters; the last may be X"); });
    m_learnerForm->addLineEdit(
        QStringLiteral("mobile"), m_mobileLineEdit, m_mobileMessageLabel,
        [this, message] { return message(validateMobile(m_mobileLineEdit->text().trimmed())); },
        [] { return tr("11 digits; verification codes are sent here"); });
    m_learnerForm->addLineEdit(QStringLiteral("email"), m_emailLineEdit, m_emailMessageLabel,
        optionalEmail(m_emailLineEdit),
        [] { return tr("Optional; for verification codes and notices"); });

    m_organisationForm->addLineEdit(
        QStringLiteral("name"), m_organisationNameLineEdit, m_organisationNameMessageLabel,
        [this, message] {
            return message(validateOrganisationName(m_organisationNameLineEdit->text().trimmed()));
        },
        [] { return tr("The full registered name"); });
    m_organisationForm->addLineEdit(
        QStringLiteral("creditCode"), m_creditCodeLineEdit, m_creditCodeMessageLabel,
        [this, message] {
            return message(validateCreditCode(m_creditCodeLineEdit->text().trimmed()));
        },
        [] { return tr("18 characters, as on the business licence"); });
    m_organisationForm->addField(
        QStringLiteral("regionCode"), m_regionSelector, m_regionMessageLabel,
        [this] {
            return m_regionSelector->isComplete() ? QString()
                                                  : tr("Choose the province, city and district.");
        },
        [this] {
            return m_role == Role::Institution
                ? tr("Learners see the training classes of their employer's region")
                : tr("Where the organisation is registered");
        });
    connect(m_regionSelector, &RegionSelector::regionEdited, m_organisationForm,
        [this] { m_organisationForm->markEdited(m_regionSelector); });
    m_organisationForm->addLineEdit(
        QStringLiteral("contactPerson"), m_contactPersonLineEdit, m_contactPersonMessageLabel,
        [this, message] {
            return message(validateRealName(m_contactPersonLineEdit->text().trimmed()));
        },
        [] { return tr("Who handles continuing education matters"); });
    m_organisationForm->addLineEdit(
        QStringLiteral("phone"), m_phoneLineEdit, m_phoneMessageLabel,
        [this, message] { return message(validatePhone(m_phoneLineEdit->text().trimmed())); },
        [] { return tr("A mobile number or a landline such as 020-12345678"); });
    m_organisationForm->addLineEdit(QStringLiteral("email"), m_organisationEmailLineEdit,
        m_organisationEmailMessageLabel, optionalEmail(m_organisationEmailLineEdit),
        [] { return tr("Optional; for verification codes and notices"); });

    for (FormValidator *form : { m_accountForm, m_learnerForm, m_organisationForm })
        connect(
            form, &FormValidator::validityChanged, this, &RegistrationDialog::updateRegisterButton);
}

void RegistrationDialog::setRole(Role role)
{
    if (!isOrganisationRole(role))
        role = Role::Learner;
    m_role = role;
    if (QAbstractButton *button = m_roleGroup->button(int(role)))
        button->setChecked(true);
    m_learnerGroup->setVisible(role == Role::Learner);
    m_organisationGroup->setVisible(role != Role::Learner);
    m_organisationForm->update();
    retranslateUi();
    updateRegisterButton();
}

bool RegistrationDialog::isFormValid() const
{
    return m_accountForm->isValid()
        && (m_role == Role::Learner ? m_learnerForm->isValid() : m_organisationForm->isValid());
}

void RegistrationDialog::updateRegisterButton()
{
    m_registerButton->setEnabled(!m_busy && isFormValid());
}

void RegistrationDialog::submit()
{
    if (m_busy)
        return;
    if (!isFormValid()) {
        m_accountForm->showAll();
        (m_role == Role::Learner ? m_learnerForm : m_organisationForm)->showAll();
        return;
    }
    setBusy(true);
    ui::setMessage(m_statusLabel, tr("Registering…"), ui::Severity::Info);
    const auto callback = [this](const ApiResult &result) { handleResult(result); };
    if (m_role == Role::Learner) {
        LearnerRegistration registration;
        registration.username = m_usernameLineEdit->text();
        registration.password = m_passwordLineEdit->text();
        registration.realName = m_realNameLineEdit->text();
        registration.residentId = m_residentIdLineEdit->text();
        registration.mobile = m_mobileLineEdit->text();
        registration.email = m_emailLineEdit->text();
        m_core->session()->registerLearner(registration, this, callback);
    } else {
        OrganisationRegistration registration;
        registration.role = m_role;
        registration.username = m_usernameLineEdit->text();
        registration.password = m_passwordLineEdit->text();
        registration.name = m_organisationNameLineEdit->text();
        registration.creditCode = m_creditCodeLineEdit->text();
        registration.regionCode = m_regionSelector->regionCode();
        registration.contactPerson = m_contactPersonLineEdit->text();
        registration.phone = m_phoneLineEdit->text();
        registration.email = m_organisationEmailLineEdit->text();
        m_core->session()->registerOrganisation(registration, this, callback);
    }
}

void RegistrationDialog::handleResult(const ApiResult &result)
{
    setBusy(false);
    if (result.ok()) {
        showSuccess(result.body);
        return;
    }
    const ApiError &error = result.error;
    if (error.kind == ApiError::Kind::Certificate) {
        ui::setMessage(m_statusLabel, error.message, ui::Severity::Warning);
        CertificateTrustDialog::ask(this, m_core->trust(), error.certificate, [this] { submit(); });
        return;
    }
    QString field = error.field;
    if (field.isEmpty())
        field = fieldForConflict(error.code);
    bool shown = false;
    if (!field.isEmpty()) {
        shown = m_accountForm->setServerError(field, error.message);
        if (!shown)
            shown = (m_role == Role::Learner ? m_learnerForm : m_organisationForm)
                        ->setServerError(field, error.message);
    }
    if (shown) {
        ui::setMessage(m_statusLabel,
            tr("The server did not accept the registration: %1").arg(error.message),
            ui::Severity::Error);
        for (FormValidator *form : { m_accountForm, m_learnerForm, m_organisationForm }) {
            if (QWidget *input = form->firstInvalidInput(); input && input->isVisible()) {
                input->setFocus();
                break;
            }
        }
    } else {
        ui::setMessage(m_statusLabel, error.message, ui::Severity::Error);
    }
}

void RegistrationDialog::showSuccess(const QJsonObject &body)
{
    const User user = User::fromJson(body.value(QLatin1String("user")).toObject());
    m_registeredUsername = user.isValid() ? user.username : m_usernameLineEdit->text().trimmed();
    m_awaitingApproval = m_role == Role::Institution || user.isAwaitingApproval();
    // Nothing of the password stays in the dialog.
    m_passwordLineEdit->clear();
    m_confirmPasswordLineEdit->clear();
    m_pages->setCurrentIndex(1);
    retranslateUi();
    m_backToLoginButton->setFocus();
}

void RegistrationDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyIndicator->setVisible(busy);
    m_accountGroup->setEnabled(!busy);
    m_learnerGroup->setEnabled(!busy);
    m_organisationGroup->setEnabled(!busy);
    for (QAbstractButton *button : m_roleGroup->buttons())
        button->setEnabled(!busy);
    updateRegisterButton();
}

void RegistrationDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RegistrationDialog::retranslateUi()
{
    setWindowTitle(UiText::windowTitle(tr("Register")));
    switch (m_role) {
    case Role::Employer:
        m_titleLabel->setText(tr("Employer registration"));
        m_roleHintLabel->setText(tr("Register your organisation so that your staff can bind "
                                    "to it and you can confirm their hours."));
        m_organisationGroup->setTitle(tr("Employer details"));
        break;
    case Role::Institution:
        m_titleLabel->setText(tr("Training institution registration"));
        m_roleHintLabel->setText(tr("A training institution can run training classes after "
                                    "an administrator has approved it."));
        m_organisationGroup->setTitle(tr("Institution details"));
        break;
    default:
        m_titleLabel->setText(tr("Personal registration"));
        m_roleHintLabel->setText(tr("For professional technical personnel. You can log in as "
                                    "soon as you have registered."));
        break;
    }
    ui::setMessage(m_roleHintLabel, m_roleHintLabel->text(), ui::Severity::Hint);
    m_roleLabel->setText(tr("I am registering as:"));
    m_learnerRadioButton->setText(tr("Professional (individual)"));
    m_employerRadioButton->setText(tr("Employer (work unit)"));
    m_institutionRadioButton->setText(tr("Training institution"));

    m_accountGroup->setTitle(tr("Account details"));
    m_usernameLabel->setText(tr("Username"));
    m_passwordLabel->setText(tr("Password"));
    m_confirmPasswordLabel->setText(tr("Confirm password"));

    m_learnerGroup->setTitle(tr("Personal information"));
    m_realNameLabel->setText(tr("Real name"));
    m_residentIdLabel->setText(tr("Resident ID number"));
    m_mobileLabel->setText(tr("Mobile phone"));
    m_emailLabel->setText(tr("E-mail (optional)"));

    m_organisationNameLabel->setText(tr("Name"));
    m_creditCodeLabel->setText(tr("Unified social credit code"));
    m_regionLabel->setText(tr("Administrative region"));
    m_contactPersonLabel->setText(tr("Contact person"));
    m_phoneLabel->setText(tr("Phone"));
    m_organisationEmailLabel->setText(tr("E-mail (optional)"));

    ui::setMessage(m_serverLabel,
        tr("The account is created on the server %1.").arg(m_core->api()->serverUrl().authority()),
        ui::Severity::Hint);
    m_cancelButton->setText(tr("Cancel"));
    m_registerButton->setText(tr("Register"));

    m_successTitleLabel->setText(tr("Registration successful"));
    if (m_awaitingApproval) {
        m_successLabel->setText(
            tr("The training institution account \"%1\" has been created. An administrator "
               "must approve the institution before it can run training classes; until then "
               "you can log in and see your account.")
                .arg(m_registeredUsername));
    } else if (m_role == Role::Employer) {
        m_successLabel->setText(tr("The employer account \"%1\" has been created. You can log "
                                   "in with it now.")
                                    .arg(m_registeredUsername));
    } else {
        m_successLabel->setText(
            tr("Your account \"%1\" has been created. You can log in with it now. Keep your "
               "username and password safe; if you forget them, use \"Recover username\" or "
               "\"Recover password\" on the login window.")
                .arg(m_registeredUsername));
    }
    m_backToLoginButton->setText(tr("Back to login"));

    for (FormValidator *form : { m_accountForm, m_learnerForm, m_organisationForm })
        form->update();
}

} // namespace xueshi
