#include "account/recoverydialog.h"

#include "account/certificatetrustdialog.h"
#include "account/countdownbutton.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "errorcodes.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace xueshi {

RecoveryDialog::RecoveryDialog(ClientCore *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_channelLabel(new QLabel(this))
    , m_mobileRadioButton(new QRadioButton(this))
    , m_emailRadioButton(new QRadioButton(this))
    , m_sendCodeButton(new CountdownButton(this))
    , m_destinationLabel(ui::createMessageLabel(QStringLiteral("destinationLabel"), this))
    , m_codeLabel(new QLabel(this))
    , m_codeLineEdit(new QLineEdit(this))
    , m_statusLabel(ui::createMessageLabel(QStringLiteral("statusLabel"), this))
    , m_busyIndicator(new QProgressBar(this))
    , m_closeButton(new QPushButton(this))
{
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(560);
    m_mobileRadioButton->setObjectName(QStringLiteral("mobileRadioButton"));
    m_emailRadioButton->setObjectName(QStringLiteral("emailRadioButton"));
    auto *channels = new QButtonGroup(this);
    channels->addButton(m_mobileRadioButton);
    channels->addButton(m_emailRadioButton);
    m_mobileRadioButton->setChecked(true);
    m_sendCodeButton->setObjectName(QStringLiteral("sendCodeButton"));
    m_sendCodeButton->setAutoDefault(false);
    m_sendCodeButton->setMinimumWidth(150);
    m_codeLineEdit->setObjectName(QStringLiteral("codeLineEdit"));
    m_codeLineEdit->setMaxLength(6);
    m_codeLineEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_codeLineEdit));
    m_codeLineEdit->setInputMethodHints(Qt::ImhDigitsOnly);
    m_codeLabel->setBuddy(m_codeLineEdit);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setFixedHeight(4);
    QSizePolicy keepSpace = m_busyIndicator->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_busyIndicator->setSizePolicy(keepSpace);
    m_busyIndicator->hide();
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setAutoDefault(false);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_codeLineEdit, &QLineEdit::textChanged, this, [this] { updateButtons(); });
}

void RecoveryDialog::addCodeRows(QFormLayout *form)
{
    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(m_mobileRadioButton);
    channelRow->addSpacing(16);
    channelRow->addWidget(m_emailRadioButton);
    channelRow->addStretch(1);
    form->addRow(m_channelLabel, channelRow);
    auto *sendRow = new QVBoxLayout;
    sendRow->setSpacing(4);
    sendRow->addWidget(m_sendCodeButton, 0, Qt::AlignLeft);
    sendRow->addWidget(m_destinationLabel);
    form->addRow(QString(), sendRow);
    form->addRow(m_codeLabel, m_codeLineEdit);
}

void RecoveryDialog::addFooter(QVBoxLayout *layout)
{
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_busyIndicator);
}

QString RecoveryDialog::channel() const
{
    return m_emailRadioButton->isChecked() ? QStringLiteral("email") : QStringLiteral("mobile");
}

void RecoveryDialog::handleTicket(const ApiResult &result, const std::function<void()> &retry)
{
    setBusy(false);
    if (!result.ok()) {
        showError(result.error, retry);
        return;
    }
    m_ticket = RecoveryTicket::fromJson(result.body);
    m_sendCodeButton->setSentOnce(true);
    m_sendCodeButton->startCountdown(ResendSeconds);
    QString text = m_ticket.channel == QLatin1String("email")
        ? tr("If the details belong to an account with an e-mail address, a verification code "
             "has been sent to it.")
        : m_ticket.channel == QLatin1String("mobile")
        ? tr("If the details belong to an account with a mobile number, a verification code has "
             "been sent to it by SMS.")
        : tr("If the details belong to an account, a verification code has been sent to its "
             "mobile number or e-mail address.");
    if (m_ticket.expiresAt.isValid())
        text = ui::joinSentences(text,
            tr("It is valid until %1.")
                .arg(QLocale().toString(
                    m_ticket.expiresAt.toLocalTime().time(), QLocale::ShortFormat)));
    ui::setMessage(m_destinationLabel, text, ui::Severity::Success);
    setStatus(QString(), ui::Severity::Info);
    m_codeLineEdit->clear();
    m_codeLineEdit->setFocus();
    updateButtons();
}

bool RecoveryDialog::showError(const ApiError &error, const std::function<void()> &retry)
{
    if (error.kind == ApiError::Kind::Certificate) {
        setStatus(error.message, ui::Severity::Warning);
        CertificateTrustDialog::ask(this, m_core->trust(), error.certificate, retry);
        return false;
    }
    QString message = error.message;
    if (error.code == QLatin1String(errorcode::TooManyRequests)) {
        const int seconds = error.retryAfterSeconds();
        if (seconds > 0) {
            m_sendCodeButton->startCountdown(seconds);
            if (!message.contains(QString::number(seconds)))
                message = ui::joinSentences(
                    message, tr("You can request a new code in %n second(s).", nullptr, seconds));
        }
    } else if (error.code == QLatin1String(errorcode::CodeInvalid)) {
        const int tries = error.triesLeft();
        if (tries >= 0 && !message.contains(QString::number(tries)))
            message = ui::joinSentences(message, tr("%n try(s) left.", nullptr, tries));
        m_codeLineEdit->selectAll();
        m_codeLineEdit->setFocus();
    }
    const bool codeGone = error.code == QLatin1String(errorcode::CodeExpired)
        || error.code == QLatin1String(errorcode::CodeTriesExhausted)
        || error.code == QLatin1String(errorcode::CodeUsed);
    if (codeGone) {
        m_ticket = {};
        m_codeLineEdit->clear();
        m_destinationLabel->clear();
        m_sendCodeButton->stopCountdown();
        // The server's message says to ask for a new code; say it when there is none.
        if (message.isEmpty())
            message = tr("Request a new code.");
    }
    setStatus(message, ui::Severity::Error);
    updateButtons();
    return codeGone;
}

void RecoveryDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyIndicator->setVisible(busy);
    updateButtons();
}

void RecoveryDialog::setStatus(const QString &text, ui::Severity severity)
{
    ui::setMessage(m_statusLabel, text, severity);
}

void RecoveryDialog::retranslateCodeRows()
{
    m_channelLabel->setText(tr("Send the code by"));
    m_mobileRadioButton->setText(tr("SMS to the mobile phone"));
    m_emailRadioButton->setText(tr("E-mail"));
    m_codeLabel->setText(tr("Verification code"));
    m_codeLineEdit->setPlaceholderText(tr("6 digits"));
    m_closeButton->setText(tr("Close"));
}

} // namespace xueshi
