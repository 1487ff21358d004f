#pragma once

#include "servertrust.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QFrame;
class QLabel;
class QPushButton;

namespace xueshi {

// Asks the user whether to trust a server certificate that does not verify (typically the
// server's own self-signed one), showing its SHA-256 fingerprint to compare with the one the
// server prints when it starts. For a certificate that differs from the pinned one it warns
// loudly, shows both fingerprints, and trusting needs an extra confirmation. Open it with open()
// (or ask()); accepted() means "trust".
class CertificateTrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateTrustDialog)

public:
    explicit CertificateTrustDialog(const CertificateProblem &problem, QWidget *parent = nullptr);

    const CertificateProblem &problem() const { return m_problem; }

    // Opens the dialog (window-modal, not blocking); when the user trusts the certificate it is
    // pinned in `trust` and `onTrusted` runs. The dialog deletes itself when closed.
    static CertificateTrustDialog *ask(QWidget *parent, ServerTrust *trust,
        const CertificateProblem &problem, std::function<void()> onTrusted);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTrustButton();

    CertificateProblem m_problem;
    QLabel *m_titleLabel;
    QFrame *m_warningFrame;
    QLabel *m_warningLabel;
    QLabel *m_explanationLabel;
    QLabel *m_fingerprintCaption;
    QLabel *m_fingerprintLabel;
    QLabel *m_pinnedCaption;
    QLabel *m_pinnedFingerprintLabel;
    QLabel *m_detailsLabel;
    QLabel *m_verifyLabel;
    QCheckBox *m_confirmChangeCheckBox;
    QPushButton *m_trustButton;
    QPushButton *m_cancelButton;
};

} // namespace xueshi
