#include "account/usernamerecoverydialog.h"

#include "account/countdownbutton.h"
#include "clientcore.h"
#include "clock.h"
#include "common/formvalidator.h"
#include "common/uicommon.h"
#include "regions.h"
#include "validators.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace xueshi {

UsernameRecoveryDialog::UsernameRecoveryDialog(ClientCore *core, QWidget *parent)
    : RecoveryDialog(core, parent)
    , m_titleLabel(new QLabel(this))
    , m_introLabel(ui::createMessageLabel(QStringLiteral("introLabel"), this))
    , m_roleLabel(new QLabel(this))
    , m_roleGroup(new QButtonGroup(this))
    , m_learnerRadioButton(new QRadioButton(this))
    , m_employerRadioButton(new QRadioButton(this))
    , m_institutionRadioButton(new QRadioButton(this))
    , m_form(new QFormLayout)
    , m_residentIdLabel(new QLabel(this))
    , m_residentIdLineEdit(new QLineEdit(this))
    , m_residentIdMessageLabel(
          ui::createMessageLabel(QStringLiteral("residentIdMessageLabel"), this))
    , m_creditCodeLabel(new QLabel(this))
    , m_creditCodeLineEdit(new QLineEdit(this))
    , m_creditCodeMessageLabel(
          ui::createMessageLabel(QStringLiteral("creditCodeMessageLabel"), this))
    , m_verifyButton(new QPushButton(this))
    , m_resultFrame(new QFrame(this))
    , m_resultCaptionLabel(new QLabel(m_resultFrame))
    , m_usernameResultLabel(new QLabel(m_resultFrame))
    , m_useUsernameButton(new QPushButton(m_resultFrame))
    , m_learnerForm(new FormValidator(this))
    , m_organisationForm(new FormValidator(this))
{
    setObjectName(QStringLiteral("usernameRecoveryDialog"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    m_learnerRadioButton->setObjectName(QStringLiteral("learnerRadioButton"));
    m_employerRadioButton->setObjectName(QStringLiteral("employerRadioButton"));
    m_institutionRadioButton->setObjectName(QStringLiteral("institutionRadioButton"));
    m_roleGroup->addButton(m_learnerRadioButton, int(Role::Learner));
    m_roleGroup->addButton(m_employerRadioButton, int(Role::Employer));
    m_roleGroup->addButton(m_institutionRadioButton, int(Role::Institution));
    m_learnerRadioButton->setChecked(true);
    m_residentIdLineEdit->setObjectName(QStringLiteral("residentIdLineEdit"));
    m_residentIdLineEdit->setMaxLength(18);
    m_creditCodeLineEdit->setObjectName(QStringLiteral("creditCodeLineEdit"));
    m_creditCodeLineEdit->setMaxLength(18);
    for (QLineEdit *edit : { m_residentIdLineEdit, m_creditCodeLineEdit }) {
        connect(edit, &QLineEdit::textEdited, edit, [edit](const QString &text) {
            if (text != text.toUpper()) {
                const int cursor = edit->cursorPosition();
                edit->setText(text.toUpper());
                edit->setCursorPosition(cursor);
            }
        });
    }
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    ui::makePrimary(m_verifyButton);
    m_verifyButton->setMinimumWidth(150);

    m_resultFrame->setObjectName(QStringLiteral("resultFrame"));
    m_resultFrame->setFrameShape(QFrame::StyledPanel);
    m_resultFrame->setStyleSheet(
        QStringLiteral("QFrame#resultFrame { background: #eaf6ee; border: 1px solid #9ccfab; "
                       "border-radius: 6px; }"));
    m_usernameResultLabel->setObjectName(QStringLiteral("usernameResultLabel"));
    m_usernameResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ui::makeHeading(m_usernameResultLabel, 6);
    m_useUsernameButton->setObjectName(QStringLiteral("useUsernameButton"));
    ui::makePrimary(m_useUsernameButton);
    auto *resultLayout = new QHBoxLayout(m_resultFrame);
    auto *resultText = new QVBoxLayout;
    resultText->addWidget(m_resultCaptionLabel);
    resultText->addWidget(m_usernameResultLabel);
    resultLayout->addLayout(resultText, 1);
    resultLayout->addWidget(m_useUsernameButton, 0, Qt::AlignVCenter);
    m_resultFrame->hide();

    auto *roleRow = new QHBoxLayout;
    roleRow->addWidget(m_learnerRadioButton);
    roleRow->addSpacing(12);
    roleRow->addWidget(m_employerRadioButton);
    roleRow->addSpacing(12);
    roleRow->addWidget(m_institutionRadioButton);
    roleRow->addStretch(1);
    m_form->addRow(m_roleLabel, roleRow);
    m_form->addRow(m_residentIdLabel,
        ui::fieldWithMessage(m_residentIdLineEdit, m_residentIdMessageLabel, this));
    m_form->addRow(m_creditCodeLabel,
        ui::fieldWithMessage(m_creditCodeLineEdit, m_creditCodeMessageLabel, this));
    addCodeRows(m_form);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_verifyButton);
    buttonRow->addStretch(1);
    m_form->addRow(QString(), buttonRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addSpacing(8);
    layout->addLayout(m_form);
    layout->addWidget(m_resultFrame);
    addFooter(layout);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);

    m_learnerForm->addLineEdit(
        QStringLiteral("residentId"), m_residentIdLineEdit, m_residentIdMessageLabel, [this] {
            return UiText::validationMessage(
                validateResidentId(m_residentIdLineEdit->text().trimmed(),
                    m_core->clock()->todayInChina(), RegionTable::instance()));
        });
    m_organisationForm->addLineEdit(
        QStringLiteral("creditCode"), m_creditCodeLineEdit, m_creditCodeMessageLabel, [this] {
            return UiText::validationMessage(
                validateCreditCode(m_creditCodeLineEdit->text().trimmed()));
        });
    for (FormValidator *form : { m_learnerForm, m_organisationForm })
        connect(form, &FormValidator::validityChanged, this, [this] { updateButtons(); });

    connect(m_roleGroup, &QButtonGroup::idClicked, this, [this](int id) { setRole(Role(id)); });
    connect(m_sendCodeButton, &QPushButton::clicked, this, &UsernameRecoveryDialog::sendCode);
    connect(m_verifyButton, &QPushButton::clicked, this, &UsernameRecoveryDialog::verify);
    connect(m_codeLineEdit, &QLineEdit::returnPressed, this, &UsernameRecoveryDialog::verify);
    connect(m_useUsernameButton, &QPushButton::clicked, this, [this] {
        emit usernameRecovered(m_username);
        accept();
    });

    setRole(Role::Learner);
    retranslateUi();
    m_residentIdLineEdit->setFocus();
    ui::fitToContents(this);
}

void UsernameRecoveryDialog::setRole(Role role)
{
    if (!isOrganisationRole(role))
        role = Role::Learner;
    m_role = role;
    if (QAbstractButton *button = m_roleGroup->button(int(role)))
        button->setChecked(true);
    const bool learner = role == Role::Learner;
    m_form->setRowVisible(m_residentIdLineEdit->parentWidget(), learner);
    m_form->setRowVisible(m_creditCodeLineEdit->parentWidget(), !learner);
    // A new request for a different account.
    m_ticket = {};
    m_destinationLabel->clear();
    updateButtons();
}

void UsernameRecoveryDialog::sendCode()
{
    if (isBusy())
        return;
    FormValidator *form = m_role == Role::Learner ? m_learnerForm : m_organisationForm;
    if (!form->isValid()) {
        form->showAll();
        return;
    }
    setBusy(true);
    setStatus(tr("Sending the verification code…"), ui::Severity::Info);
    const auto done = [this](const ApiResult &result) {
        handleTicket(result, [this] { sendCode(); });
        if (!result.ok() && !result.error.field.isEmpty())
            (m_role == Role::Learner ? m_learnerForm : m_organisationForm)
                ->setServerError(result.error.field, result.error.message);
    };
    if (m_role == Role::Learner)
        m_core->session()->requestUsernameByResidentId(
            m_residentIdLineEdit->text(), channel(), this, done);
    else
        m_core->session()->requestUsernameByCreditCode(
            m_creditCodeLineEdit->text(), m_role, channel(), this, done);
}

void UsernameRecoveryDialog::verify()
{
    if (isBusy() || m_ticket.requestId.isEmpty() || m_codeLineEdit->text().size() != 6)
        return;
    setBusy(true);
    setStatus(tr("Checking the code…"), ui::Severity::Info);
    m_core->session()->verifyUsernameRecovery(
        m_ticket.requestId, m_codeLineEdit->text(), this, [this](const ApiResult &result) {
            setBusy(false);
            if (!result.ok()) {
                showError(result.error, [this] { verify(); });
                return;
            }
            m_username = result.body.value(QLatin1String("username")).toString();
            m_usernameResultLabel->setText(m_username);
            m_resultFrame->show();
            m_ticket = {};
            m_sendCodeButton->stopCountdown();
            setStatus(QString(), ui::Severity::Info);
            m_useUsernameButton->setFocus();
            updateButtons();
        });
}

void UsernameRecoveryDialog::updateButtons()
{
    const FormValidator *form = m_role == Role::Learner ? m_learnerForm : m_organisationForm;
    const bool busy = isBusy();
    m_sendCodeButton->setReady(!busy && form->isValid());
    m_verifyButton->setEnabled(
        !busy && !m_ticket.requestId.isEmpty() && m_codeLineEdit->text().size() == 6);
    m_codeLineEdit->setEnabled(!m_ticket.requestId.isEmpty());
    for (QAbstractButton *button : m_roleGroup->buttons())
        button->setEnabled(!busy);
}

void UsernameRecoveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void UsernameRecoveryDialog::retranslateUi()
{
    setWindowTitle(UiText::windowTitle(tr("Recover username")));
    m_titleLabel->setText(tr("Recover username"));
    ui::setMessage(m_introLabel,
        tr("Enter the resident ID number (for an organisation: the unified social "
           "credit code) you registered with. A verification code is sent to the "
           "registered mobile phone or e-mail; with it, your username is shown."),
        ui::Severity::Hint);
    m_roleLabel->setText(tr("Account of"));
    m_learnerRadioButton->setText(tr("Professional"));
    m_employerRadioButton->setText(tr("Employer"));
    m_institutionRadioButton->setText(tr("Training institution"));
    m_residentIdLabel->setText(tr("Resident ID number"));
    m_creditCodeLabel->setText(tr("Unified social credit code"));
    m_verifyButton->setText(tr("Show my username"));
    m_resultCaptionLabel->setText(tr("Your username is:"));
    m_useUsernameButton->setText(tr("Log in with this username"));
    retranslateCodeRows();
    m_learnerForm->update();
    m_organisationForm->update();
}

} // namespace xueshi
