#include "verifydialog.h"

#include "certificatedocument.h"
#include "certificatekeyring.h"
#include "clientcore.h"
#include "common/uicommon.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xueshi {

VerifyDialog::VerifyDialog(ClientCore *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_introLabel(new QLabel(this))
    , m_openFileButton(new QPushButton(this))
    , m_payloadLabel(new QLabel(this))
    , m_payloadTextEdit(new QPlainTextEdit(this))
    , m_verifyPayloadButton(new QPushButton(this))
    , m_sourceLabel(new QLabel(this))
    , m_outcomeLabel(new QLabel(this))
    , m_detailLabel(new QLabel(this))
    , m_fieldsTableWidget(new QTableWidget(this))
    , m_onlineStatusLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("verifyDialog"));
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_introLabel->setWordWrap(true);
    m_openFileButton->setObjectName(QStringLiteral("openFileButton"));
    ui::makePrimary(m_openFileButton);
    m_payloadLabel->setObjectName(QStringLiteral("payloadLabel"));
    m_payloadTextEdit->setObjectName(QStringLiteral("payloadTextEdit"));
    m_payloadTextEdit->setTabChangesFocus(true);
    m_payloadTextEdit->setMaximumHeight(70);
    m_payloadLabel->setBuddy(m_payloadTextEdit);
    m_verifyPayloadButton->setObjectName(QStringLiteral("verifyPayloadButton"));
    m_verifyPayloadButton->setEnabled(false);
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcomeLabel->setObjectName(QStringLiteral("outcomeLabel"));
    m_outcomeLabel->setWordWrap(true);
    QFont outcomeFont = m_outcomeLabel->font();
    outcomeFont.setPointSizeF(outcomeFont.pointSizeF() * 1.3);
    outcomeFont.setBold(true);
    m_outcomeLabel->setFont(outcomeFont);
    m_detailLabel->setObjectName(QStringLiteral("detailLabel"));
    m_detailLabel->setWordWrap(true);
    m_fieldsTableWidget->setObjectName(QStringLiteral("fieldsTableWidget"));
    m_fieldsTableWidget->setColumnCount(2);
    m_fieldsTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fieldsTableWidget->setSelectionMode(QAbstractItemView::NoSelection);
    m_fieldsTableWidget->verticalHeader()->hide();
    m_fieldsTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_fieldsTableWidget->setMinimumHeight(260);
    m_onlineStatusLabel->setObjectName(QStringLiteral("onlineStatusLabel"));
    m_onlineStatusLabel->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_openFileButton);
    openRow->addWidget(m_sourceLabel, 1);
    layout->addLayout(openRow);
    layout->addWidget(m_payloadLabel);
    auto *payloadRow = new QHBoxLayout;
    payloadRow->addWidget(m_payloadTextEdit, 1);
    payloadRow->addWidget(m_verifyPayloadButton, 0, Qt::AlignTop);
    layout->addLayout(payloadRow);
    layout->addWidget(m_outcomeLabel);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_fieldsTableWidget, 1);
    layout->addWidget(m_onlineStatusLabel);
    layout->addWidget(m_buttons);
    resize(640, 680);

    connect(m_openFileButton, &QPushButton::clicked, this, &VerifyDialog::chooseFile);
    connect(m_payloadTextEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_verifyPayloadButton->setEnabled(!m_payloadTextEdit->toPlainText().trimmed().isEmpty());
    });
    connect(m_verifyPayloadButton, &QPushButton::clicked, this,
        [this] { verifyPayload(m_payloadTextEdit->toPlainText()); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

VerifyDialog *VerifyDialog::openDialog(ClientCore *core, QWidget *parent)
{
    auto *dialog = new VerifyDialog(core, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QList<QByteArray> VerifyDialog::publicKeys() const
{
    if (CertificateKeyring *keyring = m_core->certificateKeyring()) {
        keyring->reload();
        return keyring->publicKeys();
    }
    return {};
}

void VerifyDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a certificate"),
        m_lastDirectory,
        tr("Certificates (*.pdf *.png *.jpg *.jpeg);;PDF (*.pdf);;Images (*.png *.jpg *.jpeg)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    verifyFile(path);
}

void VerifyDialog::verifyFile(const QString &path)
{
    m_keysFetched = false;
    check(path, {});
}

void VerifyDialog::verifyPayload(const QString &payload)
{
    m_keysFetched = false;
    check({}, payload);
}

void VerifyDialog::check(const QString &path, const QString &payload)
{
    m_source = path;
    m_payload = path.isEmpty() ? payload : QString();
    const CertificateVerifier verifier(publicKeys());
    if (path.isEmpty()) {
        showVerification(verifier.verifyPayload(payload));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const CertificateVerification result = verifier.verifyFile(path);
    QApplication::restoreOverrideCursor();
    showVerification(result);
}

void VerifyDialog::showVerification(const CertificateVerification &verification)
{
    m_verification = verification;
    m_hasResult = true;
    m_status = {};
    m_statusPending = false;
    showOutcome();
    showFields();
    askServer();
    showOnlineStatus();
    emit verified(m_verification);
}

void VerifyDialog::showOutcome()
{
    m_sourceLabel->setText(m_source.isEmpty() ? (m_hasResult ? tr("Pasted text") : QString())
                                              : QFileInfo(m_source).fileName());
    if (!m_hasResult) {
        m_outcomeLabel->clear();
        m_detailLabel->clear();
        return;
    }
    using Outcome = CertificateVerification::Outcome;
    const Outcome outcome = m_verification.outcome;
    ui::setMessage(m_outcomeLabel, m_verification.outcomeText(),
        outcome == Outcome::Valid ? ui::Severity::Success : ui::Severity::Error);
    QString detail;
    switch (outcome) {
    case Outcome::Valid: {
        detail = m_verification.textCompared
            ? tr("The signature is valid and the text printed on the page matches the QR code.")
            : tr("The signature is valid: the fields below are as the server issued them.");
        // Keys of every server this computer synced with are trusted: say whose it is.
        const QString issuer = m_core->certificateKeyring()
            ? m_core->certificateKeyring()->serverOf(m_verification.keyId)
            : QString();
        if (!issuer.isEmpty())
            detail = ui::joinSentences(detail, tr("Signed by the server %1.").arg(issuer));
        break;
    }
    case Outcome::FieldChanged:
        detail = m_verification.printedDifferences.isEmpty()
            ? tr("The QR code's content was changed after it was signed.")
            : tr("What is printed on the page differs from what the QR code's signature "
                 "covers. The values below are the signed ones.");
        break;
    case Outcome::BadSignature:
        detail = tr("The signature does not match: the QR code was altered or forged.");
        break;
    case Outcome::UnknownKey:
        detail = tr("This certificate was signed with key %1, which this computer has not "
                    "seen. Log in once, or connect to the server, to receive its keys.")
                     .arg(QString::fromLatin1(m_verification.keyId.toHex()));
        break;
    case Outcome::Malformed:
        detail = tr("The QR code does not hold a Xueshi certificate.");
        break;
    case Outcome::Unreadable:
        detail = m_verification.error;
        break;
    }
    m_detailLabel->setText(detail);
}

void VerifyDialog::showFields()
{
    using Outcome = CertificateVerification::Outcome;
    const bool hasFields = m_hasResult && m_verification.outcome != Outcome::Malformed
        && m_verification.outcome != Outcome::Unreadable;
    const QStringList fields = hasFields ? CertificateFields::fieldNames() : QStringList();
    m_fieldsTableWidget->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const QString &field = fields.at(row);
        const bool changed = m_verification.changedFields.contains(field);
        QString value = CertificateDocument::printedValue(m_verification.fields, field);
        if (changed)
            value = tr("%1 (changed)").arg(value);
        auto *label = new QTableWidgetItem(CertificateVerifier::fieldLabel(field));
        auto *item = new QTableWidgetItem(value);
        label->setData(Qt::UserRole, field);
        if (changed) {
            for (QTableWidgetItem *cell : { label, item }) {
                cell->setForeground(QColor(0xb0, 0x1e, 0x1e));
                cell->setBackground(QColor(0xfd, 0xec, 0xec));
            }
        }
        m_fieldsTableWidget->setItem(row, 0, label);
        m_fieldsTableWidget->setItem(row, 1, item);
    }
    m_fieldsTableWidget->resizeColumnToContents(0);
}

void VerifyDialog::askServer()
{
    using Outcome = CertificateVerification::Outcome;
    const Outcome outcome = m_verification.outcome;
    if (outcome == Outcome::Malformed || outcome == Outcome::Unreadable)
        return;
    ApiClient *api = m_core->api();
    if (!api->serverUrl().isValid()) {
        // Not logged in: the server the login window last used, if any.
        const QUrl url = ApiClient::normalizeServerAddress(m_core->settings()->serverAddress());
        if (!url.isValid())
            return;
        api->setServerUrl(url);
    }
    if (outcome == Outcome::UnknownKey && !m_keysFetched && m_core->certificateKeyring()) {
        fetchKeysAndRetry();
        return;
    }
    const QString serial = m_verification.fields.serial;
    if (!isCertificateSerial(serial))
        return;
    m_statusPending = true;
    CertificateVerifier::fetchStatus(api, serial, this, [this, serial](const CertificateStatus &s) {
        // A newer verification may have started meanwhile.
        if (!m_hasResult || m_verification.fields.serial != serial)
            return;
        m_status = s;
        m_statusPending = false;
        showOnlineStatus();
        emit onlineStatusChanged(m_status);
    });
}

void VerifyDialog::fetchKeysAndRetry()
{
    m_keysFetched = true;
    m_statusPending = true;
    const QString source = m_source;
    const QString payload = m_payload;
    ApiClient *api = m_core->api();
    CertificateVerifier::fetchKeys(api, this,
        [this, api, source, payload](const QList<SigningKey> &keys, const QString &error) {
            if (source != m_source || payload != m_payload)
                return; // another certificate is shown by now
            m_statusPending = false;
            // The keys come over the server connection this client trusts (ServerTrust), like
            // those of the sync; they are kept for offline checks later.
            if (!keys.isEmpty()
                && m_core->certificateKeyring()->merge(api->serverKey(), keys) > 0) {
                check(source, payload); // m_keysFetched stays set: once per certificate
                return;
            }
            if (!error.isEmpty()) {
                m_status = {};
                m_status.serial = m_verification.fields.serial;
                m_status.error = error;
            }
            showOnlineStatus();
        });
}

void VerifyDialog::showOnlineStatus()
{
    if (!m_hasResult) {
        m_onlineStatusLabel->clear();
        return;
    }
    if (m_statusPending) {
        ui::setMessage(m_onlineStatusLabel, tr("Asking the server about this serial number…"),
            ui::Severity::Info);
        return;
    }
    if (m_status.serial.isEmpty()) {
        m_onlineStatusLabel->clear();
        return;
    }
    const QString text = m_status.describe(m_verification.fields.version);
    ui::Severity severity = ui::Severity::Info;
    if (m_status.ok) {
        const auto version = m_status.version(m_verification.fields.version);
        severity = version && version->status == QLatin1String("current") ? ui::Severity::Success
                                                                          : ui::Severity::Warning;
    } else if (m_status.unknown) {
        severity = ui::Severity::Error;
    }
    ui::setMessage(m_onlineStatusLabel, tr("Server: %1").arg(text), severity);
}

void VerifyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void VerifyDialog::retranslateUi()
{
    setWindowTitle(UiText::windowTitle(tr("Verify certificate")));
    m_introLabel->setText(tr("Open a certificate (the PDF, or a photo or scan of its QR code), or "
                             "paste the QR code's text. It is checked on this computer against "
                             "the signing keys received from the server."));
    m_openFileButton->setText(tr("Open file…"));
    m_payloadLabel->setText(tr("Or the QR code's text:"));
    m_payloadTextEdit->setPlaceholderText(QStringLiteral("XSC1.…"));
    m_verifyPayloadButton->setText(tr("Verify"));
    m_fieldsTableWidget->setHorizontalHeaderLabels({ tr("Field"), tr("Signed value") });
    showOutcome();
    showFields();
    showOnlineStatus();
}

} // namespace xueshi
