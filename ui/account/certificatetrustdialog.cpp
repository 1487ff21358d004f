#include "account/certificatetrustdialog.h"

#include "common/uicommon.h"

#include <QCheckBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace xueshi {

namespace {

// 32 bytes "AB:CD:..." in two lines of 16, so it can be compared in halves.
QString twoLineFingerprint(const QString &fingerprint)
{
    const QStringList bytes = fingerprint.split(QLatin1Char(':'));
    if (bytes.size() != 32)
        return fingerprint;
    return bytes.mid(0, 16).join(QLatin1Char(':')) + QLatin1Char('\n')
        + bytes.mid(16).join(QLatin1Char(':'));
}

QString names(const QSslCertificate &certificate, bool issuer)
{
    const auto attribute = [&](QSslCertificate::SubjectInfo info) {
        const QStringList values
            = issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        return values.join(QStringLiteral(", "));
    };
    QStringList parts;
    for (const auto info : { QSslCertificate::CommonName, QSslCertificate::Organization,
             QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName }) {
        const QString value = attribute(info);
        if (!value.isEmpty())
            parts << value;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

CertificateTrustDialog::CertificateTrustDialog(const CertificateProblem &problem, QWidget *parent)
    : QDialog(parent)
    , m_problem(problem)
    , m_titleLabel(new QLabel(this))
    , m_warningFrame(new QFrame(this))
    , m_warningLabel(new QLabel(m_warningFrame))
    , m_explanationLabel(new QLabel(this))
    , m_fingerprintCaption(new QLabel(this))
    , m_fingerprintLabel(new QLabel(this))
    , m_pinnedCaption(new QLabel(this))
    , m_pinnedFingerprintLabel(new QLabel(this))
    , m_detailsLabel(new QLabel(this))
    , m_verifyLabel(new QLabel(this))
    , m_confirmChangeCheckBox(new QCheckBox(this))
    , m_trustButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("certificateTrustDialog"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(620);

    const bool changed = problem.kind == CertificateProblem::Kind::Changed;

    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 3);
    m_titleLabel->setWordWrap(true);

    m_warningFrame->setObjectName(QStringLiteral("certificateWarningFrame"));
    auto *warningLayout = new QHBoxLayout(m_warningFrame);
    auto *warningIcon = new QLabel(m_warningFrame);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(32, 32));
    warningIcon->setAlignment(Qt::AlignTop);
    m_warningLabel->setObjectName(QStringLiteral("warningLabel"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    warningLayout->addWidget(warningIcon);
    warningLayout->addWidget(m_warningLabel, 1);
    m_warningFrame->setVisible(changed);

    m_explanationLabel->setObjectName(QStringLiteral("explanationLabel"));
    m_explanationLabel->setWordWrap(true);

    for (QLabel *label : { m_fingerprintLabel, m_pinnedFingerprintLabel }) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setTextFormat(Qt::PlainText);
    }
    m_fingerprintLabel->setObjectName(QStringLiteral("fingerprintLabel"));
    m_fingerprintLabel->setText(twoLineFingerprint(problem.fingerprint));
    m_pinnedFingerprintLabel->setObjectName(QStringLiteral("pinnedFingerprintLabel"));
    m_pinnedFingerprintLabel->setText(twoLineFingerprint(problem.pinnedFingerprint));
    m_pinnedCaption->setVisible(changed);
    m_pinnedFingerprintLabel->setVisible(changed);

    m_detailsLabel->setObjectName(QStringLiteral("detailsLabel"));
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextFormat(Qt::PlainText);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifyLabel->setObjectName(QStringLiteral("verifyLabel"));
    m_verifyLabel->setWordWrap(true);

    m_confirmChangeCheckBox->setObjectName(QStringLiteral("confirmChangeCheckBox"));
    m_confirmChangeCheckBox->setVisible(changed);
    connect(m_confirmChangeCheckBox, &QCheckBox::toggled, this,
        &CertificateTrustDialog::updateTrustButton);

    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    ui::makePrimary(m_trustButton);
    if (changed) {
        // The safe choice is the default for a changed certificate.
        m_trustButton->setDefault(false);
        m_cancelButton->setDefault(true);
    }
    connect(m_trustButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_warningFrame);
    layout->addWidget(m_explanationLabel);
    layout->addWidget(m_pinnedCaption);
    layout->addWidget(m_pinnedFingerprintLabel);
    layout->addWidget(m_fingerprintCaption);
    layout->addWidget(m_fingerprintLabel);
    layout->addWidget(m_detailsLabel);
    layout->addWidget(m_verifyLabel);
    layout->addWidget(m_confirmChangeCheckBox);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_trustButton);
    layout->addLayout(buttons);

    retranslateUi();
    updateTrustButton();
    ui::fitToContents(this);
}

CertificateTrustDialog *CertificateTrustDialog::ask(QWidget *parent, ServerTrust *trust,
    const CertificateProblem &problem, std::function<void()> onTrusted)
{
    auto *dialog = new CertificateTrustDialog(problem, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, trust, [trust, problem, onTrusted = std::move(onTrusted)] {
        trust->pin(problem.server, problem.certificate);
        if (onTrusted)
            onTrusted();
    });
    dialog->open();
    return dialog;
}

void CertificateTrustDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CertificateTrustDialog::updateTrustButton()
{
    const bool changed = m_problem.kind == CertificateProblem::Kind::Changed;
    m_trustButton->setEnabled(
        !m_problem.certificate.isNull() && (!changed || m_confirmChangeCheckBox->isChecked()));
}

void CertificateTrustDialog::retranslateUi()
{
    const bool changed = m_problem.kind == CertificateProblem::Kind::Changed;
    const QString server = m_problem.server;
    setWindowTitle(UiText::windowTitle(tr("Server certificate")));

    if (changed) {
        m_titleLabel->setText(tr("The certificate of %1 has changed").arg(server));
        m_warningLabel->setText(
            tr("Warning: the server now presents a different certificate from the one you "
               "trusted before. The administrator may have replaced it, or someone may be "
               "impersonating the server to read your password (a man-in-the-middle attack). "
               "Do not continue unless the administrator confirms the new fingerprint."));
        m_explanationLabel->setText(
            tr("Compare the new fingerprint with the one the administrator gives you. Trust "
               "the new certificate only if they are exactly the same."));
        m_pinnedCaption->setText(tr("Fingerprint you trusted before (SHA-256):"));
        m_fingerprintCaption->setText(tr("New fingerprint (SHA-256):"));
        m_confirmChangeCheckBox->setText(
            tr("I have checked the new fingerprint with the administrator"));
        m_trustButton->setText(tr("Trust the new certificate"));
    } else {
        m_titleLabel->setText(tr("Do you trust the server %1?").arg(server));
        m_explanationLabel->setText(
            tr("This is the first connection to %1 from this computer, and its certificate is "
               "not issued by a public certificate authority (the Xueshi server creates its own "
               "certificate when it starts for the first time). Check that the fingerprint "
               "below is the server's before you continue.")
                .arg(server));
        m_fingerprintCaption->setText(tr("Certificate fingerprint (SHA-256):"));
        m_trustButton->setText(tr("Trust and continue"));
    }
    m_cancelButton->setText(tr("Cancel"));

    m_verifyLabel->setText(
        tr("How to check: the server prints its fingerprint when it starts (\"Certificate SHA-256 "
           "fingerprint: …\"); ask its administrator for it and compare every character. Once "
           "trusted, the certificate is remembered for this server and you will not be asked "
           "again unless it changes."));

    const QSslCertificate &certificate = m_problem.certificate;
    if (certificate.isNull()) {
        m_detailsLabel->setText(tr("The server sent no certificate; it cannot be trusted."));
    } else {
        const QLocale locale;
        QStringList reasons;
        for (const QSslError &error : m_problem.errors)
            reasons << error.errorString();
        reasons.removeDuplicates();
        m_detailsLabel->setText(
            tr("Issued to: %1\nIssued by: %2\nValid from %3 to %4\nWhy it is not trusted "
               "automatically: %5")
                .arg(names(certificate, false), names(certificate, true),
                    locale.toString(
                        certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                    locale.toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat),
                    reasons.join(QStringLiteral("; "))));
    }
}

} // namespace xueshi
