#pragma once

#include "certificateverifier.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace xueshi {

class ClientCore;

// 证书验证: anyone, logged in or not, checks a certificate: a PDF or an image of its QR code
// (opened), or the QR code's text (pasted). Offline against the signing keys this client has
// seen in sync (CertificateKeyring); the outcome (有效, 已被篡改 with the fields named, 签名无效,
// 未知的签发密钥), the signed fields with the changed ones marked, and, when the server answers,
// its status of the serial number (current, superseded, revoked with the reason).
class VerifyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerifyDialog)

public:
    explicit VerifyDialog(ClientCore *core, QWidget *parent = nullptr);

    // What the buttons do, for the menu actions and tests.
    void verifyFile(const QString &path);
    void verifyPayload(const QString &payload);
    const CertificateVerification &verification() const { return m_verification; }
    bool hasResult() const { return m_hasResult; }
    // Opens one (the dialog deletes itself when closed).
    static VerifyDialog *openDialog(ClientCore *core, QWidget *parent);

signals:
    // After each verification (offline); onlineStatusChanged when the server's answer arrives.
    void verified(const xueshi::CertificateVerification &verification);
    void onlineStatusChanged(const xueshi::CertificateStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFile();
    // Verifies the file at `path`, or `payload` when there is no path.
    void check(const QString &path, const QString &payload);
    void showVerification(const CertificateVerification &verification);
    void showFields();
    void showOutcome();
    void showOnlineStatus();
    void askServer();
    // Signed by a key not seen yet: takes the server's published keys once and checks again.
    void fetchKeysAndRetry();
    void retranslateUi();
    QList<QByteArray> publicKeys() const;

    ClientCore *m_core;
    CertificateVerification m_verification;
    CertificateStatus m_status;
    bool m_hasResult = false;
    bool m_statusPending = false;
    bool m_keysFetched = false; // for the current verification
    QString m_payload; // the pasted text, when it was pasted
    QString m_source; // the file's name, or empty for a pasted payload
    QString m_lastDirectory;

    QLabel *m_introLabel;
    QPushButton *m_openFileButton;
    QLabel *m_payloadLabel;
    QPlainTextEdit *m_payloadTextEdit;
    QPushButton *m_verifyPayloadButton;
    QLabel *m_sourceLabel;
    QLabel *m_outcomeLabel;
    QLabel *m_detailLabel;
    QTableWidget *m_fieldsTableWidget;
    QLabel *m_onlineStatusLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace xueshi
