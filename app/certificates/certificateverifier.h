#pragma once

#include "certificatekeyring.h"
#include "certificatepayload.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QObject;

namespace xueshi {

class ApiClient;

// What verifying a certificate found. The payload's own check (verifyCertificate) and, for a
// PDF with a text layer, the printed values compared with the signed ones.
struct CertificateVerification
{
    enum class Outcome {
        Valid, // signed by a known key, every field matches its digest, the page agrees
        FieldChanged, // a field differs from what was signed (`changedFields` names them)
        BadSignature, // the signature, a digest or the key id was altered
        UnknownKey, // signed by a key this client has not seen
        Malformed, // a QR code was found, but it is not a Xueshi certificate
        Unreadable, // no file, not a PDF or an image, or no QR code in it (`error` says)
    };
    Outcome outcome = Outcome::Unreadable;
    CertificateFields fields; // as signed (not for Malformed/Unreadable)
    QString payload; // the QR code's text
    QByteArray keyId;
    // FieldChanged: fields whose value does not match its signed digest, then fields printed on
    // the page differently from the signed value (each named once, in fieldNames() order).
    QStringList changedFields;
    QStringList printedDifferences; // those of changedFields found by comparing the page's text
    bool textCompared = false; // the page had a text layer that was compared
    QString error; // Unreadable: why, in the current language

    bool isValid() const { return outcome == Outcome::Valid; }
    // `xueshi --verify`: 0 valid, 1 invalid or tampered, 2 unreadable or no QR code.
    int exitCode() const;
    // "Valid", "Tampered with (Name, Year)", "Invalid signature", "Unknown signing key", ...
    QString outcomeText() const;
};

// The server's word on a serial number (GET /api/v1/certificates/{serial}).
struct CertificateStatus
{
    struct Version
    {
        int version = 0;
        QString status; // current | superseded | revoked
        QDate issuedOn;
        QString revokedReason;
    };
    bool ok = false;
    bool unknown = false; // 404: the server never issued this serial
    QString error; // when !ok, in the current language
    QString serial;
    QList<Version> versions;

    std::optional<Version> version(int number) const;
    // "Current", "Superseded by version 3", "Revoked: <reason>", "Unknown to the server", ...
    QString describe(int number) const;
};

// Checks certificates offline against the signing keys this client knows (CertificateKeyring),
// from the payload text, a PDF (page 1 rendered at 200 dpi, the QR code found with zbar, the
// page's text read back and compared with the signed values) or an image of the QR code
// (PNG, JPEG). Online, the server's status of a serial number.
class CertificateVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::CertificateVerifier)

public:
    explicit CertificateVerifier(const QList<QByteArray> &publicKeys);

    // Limits: files above MaximumFileBytes and images above MaximumImagePixels are refused
    // unread; a PDF page is rendered at RenderDpi, at most MaximumRenderPixels.
    static constexpr qint64 MaximumFileBytes = 50 * 1024 * 1024;
    static constexpr qint64 MaximumImagePixels = 50'000'000;
    static constexpr int RenderDpi = 200;
    static constexpr qint64 MaximumRenderPixels = 40'000'000;

    CertificateVerification verifyPayload(const QString &payload) const;
    // A PDF (by its content, not its name) or an image.
    CertificateVerification verifyFile(const QString &path) const;
    CertificateVerification verifyImage(const QImage &image) const;

    // The texts of the QR codes zbar finds in `image`.
    static QStringList decodeQrCodes(const QImage &image);
    // A field's name for people ("Name", "Resident ID", ...), in the current language.
    static QString fieldLabel(const QString &field);

    // Asks the server about `serial`; `done` runs on the event loop unless `context` is gone.
    // The route is public: no login needed, only the server address on `api`.
    static void fetchStatus(ApiClient *api, const QString &serial, const QObject *context,
        std::function<void(const CertificateStatus &)> done);

    // Asks the server for its signing keys (GET /api/v1/certificates/keys, public); `done` gets
    // the valid ones (each key id checked against its key), or the error's message.
    static void fetchKeys(ApiClient *api, const QObject *context,
        std::function<void(const QList<SigningKey> &keys, const QString &error)> done);

private:
    CertificateVerification fromCodes(const QStringList &codes, const QString &noCodeError) const;

    QList<QByteArray> m_publicKeys;
};

// The outcome, the signed fields and the changed ones as lines of text (`xueshi --verify`);
// `issuer` is the server ("host:port") whose key signed it, when known (CertificateKeyring).
QString formatVerification(const CertificateVerification &verification, const QString &issuer = {});

} // namespace xueshi
