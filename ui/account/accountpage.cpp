#include "account/accountpage.h"

#include "account/certificatetrustdialog.h"
#include "account/profileeditdialog.h"
#include "clientcore.h"
#include "common/formvalidator.h"
#include "common/uicommon.h"
#include "localstore.h"
#include "regions.h"
#include "syncengine.h"
#include "validators.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace xueshi {

namespace {

QGroupBox *createGroup(const QString &objectName, QWidget *parent)
{
    auto *group = new QGroupBox(parent);
    group->setObjectName(objectName);
    return group;
}

QFormLayout *createForm(QGroupBox *group)
{
    auto *form = new QFormLayout(group);
    form->setHorizontalSpacing(24);
    form->setVerticalSpacing(8);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

QString orNotProvided(const QString &text)
{
    return text.isEmpty() ? UiText::notProvided() : text;
}

} // namespace

AccountPage::AccountPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_passwordForm(new FormValidator(this))
{
    setObjectName(QStringLiteral("accountPage"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(28, 18, 28, 18);
    contentLayout->setSpacing(10);

    m_titleLabel = new QLabel(content);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    m_subtitleLabel = ui::createMessageLabel(QStringLiteral("subtitleLabel"), content);
    contentLayout->addWidget(m_titleLabel);
    contentLayout->addWidget(m_subtitleLabel);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(20);
    auto *left = new QVBoxLayout;
    left->setSpacing(10);
    auto *right = new QVBoxLayout;
    right->setSpacing(10);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    contentLayout->addLayout(columns);
    contentLayout->addStretch(1);

    // Who I am.
    m_accountGroup = createGroup(QStringLiteral("accountGroupBox"), content);
    QFormLayout *accountForm = createForm(m_accountGroup);
    m_usernameValueLabel = addValue(accountForm, QStringLiteral("username"), &m_usernameCaption);
    m_roleValueLabel = addValue(accountForm, QStringLiteral("role"), &m_roleCaption);
    m_statusValueLabel = addValue(accountForm, QStringLiteral("status"), &m_statusCaption);
    m_createdValueLabel = addValue(accountForm, QStringLiteral("created"), &m_createdCaption);
    left->addWidget(m_accountGroup);

    m_personGroup = createGroup(QStringLiteral("personGroupBox"), content);
    QFormLayout *personForm = createForm(m_personGroup);
    m_realNameValueLabel = addValue(personForm, QStringLiteral("realName"), &m_realNameCaption);
    m_residentIdValueLabel
        = addValue(personForm, QStringLiteral("residentId"), &m_residentIdCaption);
    m_mobileValueLabel = addValue(personForm, QStringLiteral("mobile"), &m_mobileCaption);
    m_emailValueLabel = addValue(personForm, QStringLiteral("email"), &m_emailCaption);
    left->addWidget(m_personGroup);

    m_organisationGroup = createGroup(QStringLiteral("organisationGroupBox"), content);
    QFormLayout *organisationForm = createForm(m_organisationGroup);
    m_organisationNameValueLabel = addValue(
        organisationForm, QStringLiteral("organisationName"), &m_organisationNameCaption);
    m_creditCodeValueLabel
        = addValue(organisationForm, QStringLiteral("creditCode"), &m_creditCodeCaption);
    m_regionValueLabel = addValue(organisationForm, QStringLiteral("region"), &m_regionCaption);
    m_contactPersonValueLabel
        = addValue(organisationForm, QStringLiteral("contactPerson"), &m_contactPersonCaption);
    m_phoneValueLabel = addValue(organisationForm, QStringLiteral("phone"), &m_phoneCaption);
    m_organisationEmailValueLabel = addValue(
        organisationForm, QStringLiteral("organisationEmail"), &m_organisationEmailCaption);
    m_approvalValueLabel
        = addValue(organisationForm, QStringLiteral("approval"), &m_approvalCaption);
    left->addWidget(m_organisationGroup);
    m_maskNoteLabel = ui::createMessageLabel(QStringLiteral("maskNoteLabel"), content);
    left->addWidget(m_maskNoteLabel);
    m_contactWidget = new QWidget(content);
    auto *contactLayout = new QHBoxLayout(m_contactWidget);
    contactLayout->setContentsMargins(0, 0, 0, 0);
    contactLayout->setSpacing(12);
    m_editContactButton = new QPushButton(m_contactWidget);
    m_editContactButton->setObjectName(QStringLiteral("editContactButton"));
    m_editContactButton->setAutoDefault(false);
    m_profilePendingLabel
        = ui::createMessageLabel(QStringLiteral("profilePendingLabel"), m_contactWidget);
    contactLayout->addWidget(m_editContactButton, 0, Qt::AlignTop);
    contactLayout->addWidget(m_profilePendingLabel, 1);
    left->addWidget(m_contactWidget);
    m_contactWidget->hide();
    connect(m_editContactButton, &QPushButton::clicked, this, &AccountPage::editContactDetails);

    // Change the password.
    m_passwordGroup = createGroup(QStringLiteral("passwordGroupBox"), content);
    auto *passwordLayout = new QVBoxLayout(m_passwordGroup);
    passwordLayout->setSpacing(4);
    const auto addPassword = [&](const QString &name, QLabel **label, QLabel **message) {
        *label = new QLabel(m_passwordGroup);
        auto *edit = new QLineEdit(m_passwordGroup);
        edit->setObjectName(name + QStringLiteral("LineEdit"));
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(128);
        (*label)->setBuddy(edit);
        *message = ui::createMessageLabel(name + QStringLiteral("MessageLabel"), m_passwordGroup);
        passwordLayout->addWidget(*label);
        passwordLayout->addWidget(edit);
        passwordLayout->addWidget(*message);
        passwordLayout->addSpacing(4);
        return edit;
    };
    m_currentPasswordLineEdit = addPassword(
        QStringLiteral("currentPassword"), &m_currentPasswordLabel, &m_currentPasswordMessageLabel);
    m_newPasswordLineEdit = addPassword(
        QStringLiteral("newPassword"), &m_newPasswordLabel, &m_newPasswordMessageLabel);
    m_confirmPasswordLineEdit = addPassword(
        QStringLiteral("confirmPassword"), &m_confirmPasswordLabel, &m_confirmPasswordMessageLabel);
    m_changePasswordButton = new QPushButton(m_passwordGroup);
    m_changePasswordButton->setObjectName(QStringLiteral("changePasswordButton"));
    ui::makePrimary(m_changePasswordButton);
    m_changePasswordButton->setDefault(false);
    m_passwordStatusLabel
        = ui::createMessageLabel(QStringLiteral("passwordStatusLabel"), m_passwordGroup);
    passwordLayout->addWidget(m_changePasswordButton, 0, Qt::AlignLeft);
    passwordLayout->addWidget(m_passwordStatusLabel);
    right->addWidget(m_passwordGroup);

    m_passwordForm->addLineEdit(
        QStringLiteral("currentPassword"), m_currentPasswordLineEdit, m_currentPasswordMessageLabel,
        [this] {
            return m_currentPasswordLineEdit->text().isEmpty() ? tr("Enter your current password.")
                                                               : QString();
        },
        [] { return tr("Needed to confirm that it is you"); });
    m_passwordForm->addLineEdit(
        QStringLiteral("newPassword"), m_newPasswordLineEdit, m_newPasswordMessageLabel,
        [this] {
            const QString problem
                = UiText::validationMessage(validatePassword(m_newPasswordLineEdit->text()));
            if (!problem.isEmpty())
                return problem;
            if (m_newPasswordLineEdit->text() == m_currentPasswordLineEdit->text())
                return tr("The new password must differ from the current one.");
            return QString();
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
    for (QLineEdit *edit : { m_currentPasswordLineEdit, m_newPasswordLineEdit })
        connect(edit, &QLineEdit::textChanged, m_passwordForm, &FormValidator::update);
    connect(m_passwordForm, &FormValidator::validityChanged, this,
        [this](bool valid) { m_changePasswordButton->setEnabled(valid && !m_busy); });
    m_changePasswordButton->setEnabled(m_passwordForm->isValid());
    connect(m_changePasswordButton, &QPushButton::clicked, this, &AccountPage::changePassword);
    connect(
        m_confirmPasswordLineEdit, &QLineEdit::returnPressed, this, &AccountPage::changePassword);

    // Log out.
    m_logoutGroup = createGroup(QStringLiteral("logoutGroupBox"), content);
    auto *logoutLayout = new QVBoxLayout(m_logoutGroup);
    m_logoutLabel = ui::createMessageLabel(QStringLiteral("logoutLabel"), m_logoutGroup);
    m_logoutButton = new QPushButton(m_logoutGroup);
    m_logoutButton->setObjectName(QStringLiteral("logoutButton"));
    m_logoutButton->setAutoDefault(false);
    logoutLayout->addWidget(m_logoutLabel);
    logoutLayout->addWidget(m_logoutButton, 0, Qt::AlignLeft);
    right->addWidget(m_logoutGroup);
    right->addStretch(1);
    left->addStretch(1);
    connect(m_logoutButton, &QPushButton::clicked, this, &AccountPage::logoutRequested);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("accountScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    retranslateUi();
}

QLabel *AccountPage::addValue(QFormLayout *form, const QString &name, QLabel **caption)
{
    *caption = new QLabel(form->parentWidget());
    (*caption)->setStyleSheet(QStringLiteral("color: #5f6b7a; font-weight: normal;"));
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(name + QStringLiteral("ValueLabel"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setStyleSheet(QStringLiteral("font-weight: normal;"));
    form->addRow(*caption, value);
    return value;
}

void AccountPage::setUser(const User &user)
{
    m_user = user;
    showUser();
}

void AccountPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(QLatin1String("profile")))
                showUser();
        });
        connect(engine, &SyncEngine::pendingCountChanged, this, &AccountPage::showUser);
        connect(engine, &SyncEngine::problemsChanged, this, &AccountPage::showUser);
    }
    showUser();
}

User AccountPage::shownUser(QJsonObject *cached) const
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    if (store && !m_user.id.isEmpty()) {
        if (const std::optional<CachedEntity> profile
            = store->entity(QStringLiteral("profile"), m_user.id)) {
            const User user = User::fromJson(profile->data);
            if (user.isValid()) {
                if (cached)
                    *cached = profile->data;
                return user;
            }
        }
    }
    return m_user;
}

void AccountPage::editContactDetails()
{
    QJsonObject cached;
    shownUser(&cached);
    if (!m_engine || cached.isEmpty())
        return;
    auto *dialog = new ProfileEditDialog(cached, {}, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_engine)
            return;
        if (m_engine->queueProfileUpdate(dialog->payload()).isEmpty())
            ui::setMessage(m_profilePendingLabel, m_engine->lastMessage(), ui::Severity::Error);
        showUser();
    });
    dialog->open();
}

void AccountPage::showUser()
{
    QJsonObject cached;
    const User user = shownUser(&cached);
    m_contactWidget->setVisible(m_engine != nullptr);
    if (m_engine) {
        int pending = 0;
        const LocalStore *store = m_core->localStore();
        for (const OutboxMutation &m : store->pendingMutations()) {
            if (m.entityType == QLatin1String("profile"))
                ++pending;
        }
        m_editContactButton->setEnabled(!cached.isEmpty());
        if (cached.isEmpty())
            ui::setMessage(m_profilePendingLabel,
                tr("Contact details can be changed here after the first sync."),
                ui::Severity::Hint);
        else if (pending > 0)
            ui::setMessage(m_profilePendingLabel,
                tr("%n change(s) not yet sent to the server: the values above are this "
                   "computer's.",
                    nullptr, pending),
                ui::Severity::Warning);
        else
            ui::setMessage(m_profilePendingLabel, QString(), ui::Severity::Hint);
    }
    m_usernameValueLabel->setText(user.username);
    m_roleValueLabel->setText(UiText::roleName(user.role));
    if (user.isAwaitingApproval()) {
        m_statusValueLabel->setText(tr("Awaiting administrator approval"));
        m_statusValueLabel->setStyleSheet(QStringLiteral("color: #9a5b00; font-weight: bold;"));
    } else {
        m_statusValueLabel->setText(tr("Active"));
        m_statusValueLabel->setStyleSheet(QStringLiteral("color: #1b7f3b; font-weight: normal;"));
    }
    m_createdValueLabel->setText(user.createdAt.isValid()
            ? QLocale().toString(user.createdAt.toLocalTime(), QLocale::ShortFormat)
            : UiText::notProvided());

    m_personGroup->setVisible(user.learner.has_value());
    if (user.learner) {
        const LearnerInfo &learner = *user.learner;
        m_realNameValueLabel->setText(orNotProvided(learner.realName));
        m_residentIdValueLabel->setText(orNotProvided(maskResidentId(learner.residentId)));
        m_mobileValueLabel->setText(orNotProvided(maskMobile(learner.mobile)));
        m_emailValueLabel->setText(
            learner.email.isEmpty() ? UiText::notProvided() : maskEmail(learner.email));
    }
    m_maskNoteLabel->setVisible(user.learner.has_value());

    m_organisationGroup->setVisible(user.organisation.has_value());
    if (user.organisation) {
        const OrganisationInfo &organisation = *user.organisation;
        m_organisationNameValueLabel->setText(orNotProvided(organisation.name));
        m_creditCodeValueLabel->setText(orNotProvided(organisation.creditCode));
        QString region = RegionTable::instance().fullName(organisation.regionCode);
        if (region.isEmpty())
            region = organisation.regionName;
        m_regionValueLabel->setText(orNotProvided(region));
        m_contactPersonValueLabel->setText(orNotProvided(organisation.contactPerson));
        m_phoneValueLabel->setText(orNotProvided(organisation.phone));
        m_organisationEmailValueLabel->setText(orNotProvided(organisation.email));
        const bool institution = user.role == Role::Institution;
        m_approvalCaption->setVisible(institution);
        m_approvalValueLabel->setVisible(institution);
        m_approvalValueLabel->setText(organisation.approved
                ? tr("Approved: may run training classes")
                : tr("Not yet approved by an administrator"));
    }
}

void AccountPage::changePassword()
{
    if (m_busy)
        return;
    if (!m_passwordForm->isValid()) {
        m_passwordForm->showAll();
        return;
    }
    m_busy = true;
    m_changePasswordButton->setEnabled(false);
    ui::setMessage(m_passwordStatusLabel, tr("Changing the password…"), ui::Severity::Info);
    m_core->session()->changePassword(m_currentPasswordLineEdit->text(),
        m_newPasswordLineEdit->text(), this, [this](const ApiResult &result) {
            m_busy = false;
            if (result.ok()) {
                for (QLineEdit *edit :
                    { m_currentPasswordLineEdit, m_newPasswordLineEdit, m_confirmPasswordLineEdit })
                    edit->clear();
                m_passwordForm->reset();
                ui::setMessage(m_passwordStatusLabel,
                    tr("The password has been changed. Other devices logged in "
                       "with this account have been logged out."),
                    ui::Severity::Success);
            } else if (result.error.kind == ApiError::Kind::Certificate) {
                ui::setMessage(m_passwordStatusLabel, result.error.message, ui::Severity::Error);
                CertificateTrustDialog::ask(
                    this, m_core->trust(), result.error.certificate, [this] { changePassword(); });
            } else {
                if (!result.error.field.isEmpty())
                    m_passwordForm->setServerError(result.error.field, result.error.message);
                ui::setMessage(m_passwordStatusLabel, result.error.message, ui::Severity::Error);
            }
            m_changePasswordButton->setEnabled(m_passwordForm->isValid());
        });
}

void AccountPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AccountPage::retranslateUi()
{
    m_titleLabel->setText(tr("Account"));
    ui::setMessage(m_subtitleLabel, tr("Your account details, your password, and logging out."),
        ui::Severity::Hint);
    m_accountGroup->setTitle(tr("Account details"));
    m_usernameCaption->setText(tr("Username"));
    m_roleCaption->setText(tr("Role"));
    m_statusCaption->setText(tr("Status"));
    m_createdCaption->setText(tr("Registered on"));
    m_personGroup->setTitle(tr("Personal information"));
    m_realNameCaption->setText(tr("Real name"));
    m_residentIdCaption->setText(tr("Resident ID number"));
    m_mobileCaption->setText(tr("Mobile phone"));
    m_emailCaption->setText(tr("E-mail"));
    m_organisationGroup->setTitle(
        m_user.role == Role::Institution ? tr("Institution details") : tr("Employer details"));
    m_organisationNameCaption->setText(tr("Name"));
    m_creditCodeCaption->setText(tr("Unified social credit code"));
    m_regionCaption->setText(tr("Administrative region"));
    m_contactPersonCaption->setText(tr("Contact person"));
    m_phoneCaption->setText(tr("Phone"));
    m_organisationEmailCaption->setText(tr("E-mail"));
    m_approvalCaption->setText(tr("Approval"));
    ui::setMessage(m_maskNoteLabel,
        tr("Personal data is partly hidden on screen to protect your privacy."),
        ui::Severity::Hint);
    m_passwordGroup->setTitle(tr("Change password"));
    m_currentPasswordLabel->setText(tr("Current password"));
    m_newPasswordLabel->setText(tr("New password"));
    m_confirmPasswordLabel->setText(tr("Confirm new password"));
    m_changePasswordButton->setText(tr("Change password"));
    m_logoutGroup->setTitle(tr("Log out"));
    ui::setMessage(m_logoutLabel,
        tr("End the session on this computer. You need your password to log in "
           "again."),
        ui::Severity::Hint);
    m_logoutButton->setText(tr("Log out"));
    m_editContactButton->setText(tr("Change contact details"));
    m_passwordForm->update();
    showUser();
}

} // namespace xueshi
