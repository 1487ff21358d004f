#include "certificates/revocationpage.h"

#include "apiclient.h"
#include "certificatepayload.h"
#include "clientcore.h"
#include "common/uicommon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xueshi {

namespace {

constexpr int MaxReason = 200;

QString statusText(const QString &status)
{
    if (status == QLatin1String("current"))
        return RevocationPage::tr("Current");
    if (status == QLatin1String("superseded"))
        return RevocationPage::tr("Superseded by a later version");
    if (status == QLatin1String("revoked"))
        return RevocationPage::tr("Revoked");
    return status;
}

} // namespace

RevocationPage::RevocationPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
{
    setObjectName(QStringLiteral("revocationPage"));
    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    ui::makeHeading(m_titleLabel);
    layout->addWidget(m_titleLabel);
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);
    layout->addWidget(m_introLabel);

    auto *row = new QHBoxLayout;
    m_serialCaption = new QLabel(this);
    m_serialEdit = new QLineEdit(this);
    m_serialEdit->setObjectName(QStringLiteral("revocationSerialEdit"));
    m_serialEdit->setMaxLength(16);
    m_serialEdit->setPlaceholderText(QStringLiteral("XS2026K7M3Q9X2PA"));
    m_serialCaption->setBuddy(m_serialEdit);
    m_lookUpButton = new QPushButton(this);
    m_lookUpButton->setObjectName(QStringLiteral("revocationLookUpButton"));
    row->addWidget(m_serialCaption);
    row->addWidget(m_serialEdit, 1);
    row->addWidget(m_lookUpButton);
    layout->addLayout(row);

    m_versions = new QTableWidget(this);
    m_versions->setObjectName(QStringLiteral("revocationVersionsTable"));
    m_versions->setColumnCount(4);
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->setSelectionMode(QAbstractItemView::NoSelection);
    m_versions->verticalHeader()->hide();
    m_versions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versions->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    layout->addWidget(m_versions, 1);

    m_reasonCaption = new QLabel(this);
    layout->addWidget(m_reasonCaption);
    m_reasonEdit = new QPlainTextEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("revocationReasonEdit"));
    m_reasonEdit->setMaximumHeight(80);
    m_reasonCaption->setBuddy(m_reasonEdit);
    layout->addWidget(m_reasonEdit);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    m_revokeButton = new QPushButton(this);
    m_revokeButton->setObjectName(QStringLiteral("revokeCertificateButton"));
    actions->addWidget(m_revokeButton);
    layout->addLayout(actions);
    m_message = ui::createMessageLabel(QStringLiteral("revocationMessageLabel"), this);
    layout->addWidget(m_message);

    connect(m_lookUpButton, &QPushButton::clicked, this, &RevocationPage::lookUp);
    connect(m_serialEdit, &QLineEdit::returnPressed, this, &RevocationPage::lookUp);
    connect(m_serialEdit, &QLineEdit::textChanged, this, &RevocationPage::updateActions);
    connect(m_reasonEdit, &QPlainTextEdit::textChanged, this, &RevocationPage::updateActions);
    connect(m_revokeButton, &QPushButton::clicked, this, &RevocationPage::revoke);
    retranslateUi();
    updateActions();
}

void RevocationPage::lookUp()
{
    const QString serial = m_serialEdit->text().trimmed().toUpper();
    if (!isCertificateSerial(serial)) {
        ui::setMessage(m_message,
            tr("A serial number is XS, the year and ten letters or digits, as printed on the "
               "certificate."),
            ui::Severity::Error);
        return;
    }
    m_busy = true;
    updateActions();
    m_core->api()->get(
        QStringLiteral("/certificates/") + serial, this, [this](const ApiResult &result) {
            m_busy = false;
            if (!result.ok()) {
                showCertificate({});
                ui::setMessage(m_message, result.error.message, ui::Severity::Error);
            } else {
                showCertificate(result.body);
                ui::setMessage(m_message, {}, ui::Severity::Hint);
            }
            updateActions();
            emit answered(result.ok());
        });
}

void RevocationPage::revoke()
{
    const QString serial = m_certificate.value(QLatin1String("serial")).toString();
    const QString reason = m_reasonEdit->toPlainText().trimmed();
    if (serial.isEmpty() || reason.isEmpty() || reason.size() > MaxReason)
        return;
    if (QMessageBox::question(this, tr("Revoke the certificate"),
            tr("Revoke certificate No. %1? Anyone who verifies it will be told it is revoked, "
               "with your reason. This cannot be undone.")
                .arg(serial))
        != QMessageBox::Yes)
        return;
    m_busy = true;
    updateActions();
    m_core->api()->post(QStringLiteral("/certificates/%1/revoke").arg(serial),
        { { QStringLiteral("reason"), reason } }, this, [this, serial](const ApiResult &result) {
            m_busy = false;
            if (!result.ok()) {
                ui::setMessage(m_message, result.error.message, ui::Severity::Error);
                updateActions();
                emit answered(false);
                return;
            }
            m_reasonEdit->clear();
            ui::setMessage(
                m_message, tr("Certificate No. %1 is revoked.").arg(serial), ui::Severity::Success);
            lookUp();
        });
}

void RevocationPage::showCertificate(const QJsonObject &certificate)
{
    m_certificate = certificate;
    const QJsonArray versions = certificate.value(QLatin1String("versions")).toArray();
    m_versions->clearContents();
    m_versions->setRowCount(int(versions.size()));
    for (int row = 0; row < versions.size(); ++row) {
        const QJsonObject v = versions.at(row).toObject();
        m_versions->setItem(row, 0,
            new QTableWidgetItem(
                QString::number(v.value(QLatin1String("certificateVersion")).toInt())));
        m_versions->setItem(
            row, 1, new QTableWidgetItem(statusText(v.value(QLatin1String("status")).toString())));
        m_versions->setItem(
            row, 2, new QTableWidgetItem(v.value(QLatin1String("issuedOn")).toString()));
        m_versions->setItem(
            row, 3, new QTableWidgetItem(v.value(QLatin1String("revokedReason")).toString()));
    }
}

void RevocationPage::updateActions()
{
    const QJsonArray versions = m_certificate.value(QLatin1String("versions")).toArray();
    const bool hasCurrent = std::any_of(versions.begin(), versions.end(), [](const QJsonValue &v) {
        return v.toObject().value(QLatin1String("status")).toString() == QLatin1String("current");
    });
    const QString reason = m_reasonEdit->toPlainText().trimmed();
    m_lookUpButton->setEnabled(!m_busy && !m_serialEdit->text().trimmed().isEmpty());
    m_revokeButton->setEnabled(
        !m_busy && hasCurrent && !reason.isEmpty() && reason.size() <= MaxReason);
    m_revokeButton->setToolTip(reason.size() > MaxReason
            ? tr("The reason may have at most %1 characters.").arg(MaxReason)
            : QString());
}

void RevocationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RevocationPage::retranslateUi()
{
    m_titleLabel->setText(tr("Certificate management"));
    m_introLabel->setText(
        tr("Look a certificate up by the serial number printed on it. Revoking its current "
           "version makes every verification say so, with the reason; the learner may be "
           "issued a new version once the hours behind it are corrected."));
    m_serialCaption->setText(tr("Serial number:"));
    m_lookUpButton->setText(tr("Look up"));
    m_versions->setHorizontalHeaderLabels(
        { tr("Version"), tr("Status"), tr("Issued on"), tr("Reason for revocation") });
    m_reasonCaption->setText(tr("Reason for revocation (1 to %1 characters):").arg(MaxReason));
    m_revokeButton->setText(tr("Revoke the current version"));
}

} // namespace xueshi
