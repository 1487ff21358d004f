#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace xueshi {

// What a continuing-education certificate (继续教育证书) states: the snapshot the server issues
// for a passed year, printed on the PDF and signed in its QR code. Hours in tenths.
struct CertificateFields
{
    QString serial; // "XS" + year + 10 Crockford base32 characters, e.g. XS2026K7M3Q9X2PA
    int version = 0; // 1, 2, ...: a reissue is a new version of the same serial
    int year = 0;
    QString name; // the real name as confirmed
    QString residentIdMasked; // e.g. 440106********1234
    QString employer; // the employer's name, "" when none
    int publicTenths = 0;
    int professionalTenths = 0;
    int electiveTenths = 0;
    int totalTenths = 0;
    int requiredTenths = 0; // the policy's total
    QString result; // "passed" (only passed years are issued)
    QDate issuedOn;

    // The names of the fields in the order above (and in the payload): "serial", "version",
    // "year", "name", "residentIdMasked", "employer", "publicTenths", "professionalTenths",
    // "electiveTenths", "totalTenths", "requiredTenths", "result", "issuedOn".
    static QStringList fieldNames();
    // Each field as text, in fieldNames() order: numbers in decimal, the date YYYY-MM-DD.
    QStringList values() const;

    // An object keyed by fieldNames() (numbers as numbers, the date YYYY-MM-DD).
    QJsonObject toJson() const;
    // Reads what toJson() writes; nullopt when a field is missing or of the wrong kind (a
    // number not whole or outside int, a date not YYYY-MM-DD).
    static std::optional<CertificateFields> fromJson(const QJsonObject &json);

    friend bool operator==(const CertificateFields &, const CertificateFields &) = default;
};

// Whether `serial` has the form of a certificate serial: "XS", a year of four digits and ten
// characters of Crockford's base32 alphabet (0-9, A-Z without I, L, O and U).
bool isCertificateSerial(const QString &serial);

// The payload of the QR code, signed with the 64-byte Ed25519 secret key `secretKey`
// (libsodium's format):
//   "XSC1." base64url(body) "." base64url(signature)   (no padding)
//   body = u8 format (1) | 8-byte key id | for each field in fieldNames() order: u16 big-endian
//          length + UTF-8 value | for each field a 16-byte BLAKE2b digest of
//          (u8 index | serial | 0x00 | value)
//   signature = Ed25519 over "xueshi-certificate-v1" | format | key id | all the digests.
// A changed value thus fails its own digest; a changed digest or key id fails the signature.
// Empty when the key is not 64 bytes, a value exceeds 200 bytes or the body 1,000 bytes.
QString signCertificate(const CertificateFields &fields, const QByteArray &secretKey);

// The 8-byte id of an Ed25519 public key: the first 8 bytes of its BLAKE2b-256 digest
// (libsodium's crypto_generichash), shown as 16 hex digits.
QByteArray signingKeyId(const QByteArray &publicKey);

// What checking a payload found.
struct CertificateCheck
{
    enum class Outcome {
        Valid, // signed by a known key and no field changed
        Malformed, // not a payload: wrong prefix, bad base64, wrong lengths, values unreadable
        UnknownKey, // well-formed, but signed by none of the keys given
        BadSignature, // the signature does not cover these digests or this key id
        FieldChanged, // the signature holds but a value does not match its digest
    };
    Outcome outcome = Outcome::Malformed;
    // The fields as the payload carries them (Valid, FieldChanged, BadSignature, UnknownKey).
    CertificateFields fields;
    // FieldChanged: the names of the fields whose value does not match its signed digest. Every
    // digest covers the serial, so a changed serial is named alone: the other values cannot be
    // checked against a serial that is not the signed one.
    QStringList changedFields;
    QByteArray keyId; // the key id the payload names (8 bytes), when it is well-formed
};

// Checks `payload` against the Ed25519 public keys `publicKeys` (32 bytes each). Never throws
// or crashes on any input; text over 2,000 characters is Malformed without decoding.
CertificateCheck verifyCertificate(const QString &payload, const QList<QByteArray> &publicKeys);

// The names of the fields of `printed` that differ from `signed_` (the PDF's text against the
// QR code's payload), in fieldNames() order.
QStringList differingFields(const CertificateFields &printed, const CertificateFields &signed_);

} // namespace xueshi
