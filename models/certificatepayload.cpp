#include "certificatepayload.h"

#include <QJsonValue>

#include <array>
#include <cmath>
#include <sodium.h>

namespace xueshi {

namespace {

constexpr quint8 Format = 1;
constexpr int KeyIdBytes = 8;
constexpr int DigestBytes = 16;
constexpr int MaxValueBytes = 200;
constexpr int MaxBodyBytes = 1000;
constexpr int MaxPayloadChars = 2000;
constexpr int FieldCount = 13;
constexpr char Prefix[] = "XSC1.";
constexpr char SignatureContext[] = "xueshi-certificate-v1";

// The indexes of fieldNames() the code refers to.
enum Field {
    Serial,
    Version,
    Year,
    Name,
    ResidentIdMasked,
    Employer,
    PublicTenths,
    ProfessionalTenths,
    ElectiveTenths,
    TotalTenths,
    RequiredTenths,
    Result,
    IssuedOn,
};

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const QByteArray::Base64Options Base64Url
    = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Decodes unpadded base64url, refusing any character outside the alphabet and any text that is
// not the canonical encoding of what it decodes to (so one payload has one spelling).
std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    const auto decoded
        = QByteArray::fromBase64Encoding(text, Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(Base64Url) != text)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray digestOf(int index, const QByteArray &serial, const QByteArray &value)
{
    QByteArray input;
    input.reserve(1 + serial.size() + 1 + value.size());
    input.append(char(quint8(index)));
    input.append(serial);
    input.append('\0');
    input.append(value);
    QByteArray out(DigestBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
        reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()), nullptr,
        0);
    return out;
}

QByteArray signedMessage(const QByteArray &keyId, const QByteArray &digests)
{
    QByteArray message(SignatureContext);
    message.append(char(Format));
    message.append(keyId);
    message.append(digests);
    return message;
}

bool signatureHolds(
    const QByteArray &signature, const QByteArray &message, const QByteArray &publicKey)
{
    if (signature.size() != crypto_sign_BYTES || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.constData()),
               reinterpret_cast<const unsigned char *>(message.constData()),
               quint64(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

// A non-negative decimal number as the payload writes it: digits only, no leading zero, int.
std::optional<int> decimal(const QString &text)
{
    if (text.isEmpty() || text.size() > 9 || (text.size() > 1 && text.at(0) == QLatin1Char('0')))
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    return text.toInt();
}

std::optional<QDate> isoDate(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !date.isValid())
        return std::nullopt;
    return date;
}

// Reads the fields from their texts. Unreadable values leave their field at its default and
// make the result false (all are still read, so a check can show what the payload says).
bool fieldsFromValues(const QStringList &values, CertificateFields &out)
{
    bool ok = true;
    auto number = [&](int index, int &into) {
        if (const auto n = decimal(values.at(index)))
            into = *n;
        else
            ok = false;
    };
    out.serial = values.at(Serial);
    number(Version, out.version);
    number(Year, out.year);
    out.name = values.at(Name);
    out.residentIdMasked = values.at(ResidentIdMasked);
    out.employer = values.at(Employer);
    number(PublicTenths, out.publicTenths);
    number(ProfessionalTenths, out.professionalTenths);
    number(ElectiveTenths, out.electiveTenths);
    number(TotalTenths, out.totalTenths);
    number(RequiredTenths, out.requiredTenths);
    out.result = values.at(Result);
    if (const auto d = isoDate(values.at(IssuedOn)))
        out.issuedOn = *d;
    else
        ok = false;
    return ok;
}

// The parts of a payload as read, before any check of the signature.
struct ParsedPayload
{
    QByteArray keyId;
    QList<QByteArray> values; // UTF-8, fieldNames() order
    QByteArray digests; // FieldCount * DigestBytes
    QByteArray signature;
};

std::optional<ParsedPayload> parse(const QString &payload)
{
    if (payload.size() > MaxPayloadChars || !payload.startsWith(QLatin1String(Prefix)))
        return std::nullopt;
    for (const QChar c : payload) {
        if (c.unicode() > 0x7e || c.unicode() < 0x21)
            return std::nullopt;
    }
    const QList<QByteArray> parts
        = payload.toLatin1().sliced(qsizetype(sizeof Prefix) - 1).split('.');
    if (parts.size() != 2)
        return std::nullopt;
    const auto body = fromBase64Url(parts.at(0));
    const auto signature = fromBase64Url(parts.at(1));
    if (!body || !signature || body->size() > MaxBodyBytes
        || signature->size() != crypto_sign_BYTES)
        return std::nullopt;

    const QByteArray &b = *body;
    qsizetype at = 0;
    if (b.size() < 1 + KeyIdBytes || quint8(b.at(0)) != Format)
        return std::nullopt;
    at = 1;
    ParsedPayload out;
    out.keyId = b.sliced(at, KeyIdBytes);
    at += KeyIdBytes;
    for (int i = 0; i < FieldCount; ++i) {
        if (b.size() - at < 2)
            return std::nullopt;
        const int length = (int(quint8(b.at(at))) << 8) | int(quint8(b.at(at + 1)));
        at += 2;
        if (length > MaxValueBytes || b.size() - at < length)
            return std::nullopt;
        const QByteArray value = b.sliced(at, length);
        // Well-formed UTF-8 only: what does not survive a round trip was not.
        if (QString::fromUtf8(value).toUtf8() != value)
            return std::nullopt;
        out.values.append(value);
        at += length;
    }
    if (b.size() - at != FieldCount * DigestBytes)
        return std::nullopt;
    out.digests = b.sliced(at);
    out.signature = *signature;
    return out;
}

} // namespace

QStringList CertificateFields::fieldNames()
{
    return { QStringLiteral("serial"), QStringLiteral("version"), QStringLiteral("year"),
        QStringLiteral("name"), QStringLiteral("residentIdMasked"), QStringLiteral("employer"),
        QStringLiteral("publicTenths"), QStringLiteral("professionalTenths"),
        QStringLiteral("electiveTenths"), QStringLiteral("totalTenths"),
        QStringLiteral("requiredTenths"), QStringLiteral("result"), QStringLiteral("issuedOn") };
}

QStringList CertificateFields::values() const
{
    return { serial, QString::number(version), QString::number(year), name, residentIdMasked,
        employer, QString::number(publicTenths), QString::number(professionalTenths),
        QString::number(electiveTenths), QString::number(totalTenths),
        QString::number(requiredTenths), result, issuedOn.toString(Qt::ISODate) };
}

QJsonObject CertificateFields::toJson() const
{
    return { { QStringLiteral("serial"), serial }, { QStringLiteral("version"), version },
        { QStringLiteral("year"), year }, { QStringLiteral("name"), name },
        { QStringLiteral("residentIdMasked"), residentIdMasked },
        { QStringLiteral("employer"), employer }, { QStringLiteral("publicTenths"), publicTenths },
        { QStringLiteral("professionalTenths"), professionalTenths },
        { QStringLiteral("electiveTenths"), electiveTenths },
        { QStringLiteral("totalTenths"), totalTenths },
        { QStringLiteral("requiredTenths"), requiredTenths }, { QStringLiteral("result"), result },
        { QStringLiteral("issuedOn"), issuedOn.toString(Qt::ISODate) } };
}

std::optional<CertificateFields> CertificateFields::fromJson(const QJsonObject &json)
{
    bool ok = true;
    auto text = [&](const char *key) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isString())
            ok = false;
        return v.toString();
    };
    auto number = [&](const char *key) {
        const QJsonValue v = json.value(QLatin1String(key));
        const double d = v.toDouble();
        // The range first: a double outside int cast to it is undefined behaviour.
        if (!v.isDouble() || d < -2147483648.0 || d > 2147483647.0 || d != std::trunc(d)) {
            ok = false;
            return 0;
        }
        return int(d);
    };
    CertificateFields f;
    f.serial = text("serial");
    f.version = number("version");
    f.year = number("year");
    f.name = text("name");
    f.residentIdMasked = text("residentIdMasked");
    f.employer = text("employer");
    f.publicTenths = number("publicTenths");
    f.professionalTenths = number("professionalTenths");
    f.electiveTenths = number("electiveTenths");
    f.totalTenths = number("totalTenths");
    f.requiredTenths = number("requiredTenths");
    f.result = text("result");
    const auto issued = isoDate(text("issuedOn"));
    if (!ok || !issued)
        return std::nullopt;
    f.issuedOn = *issued;
    return f;
}

bool isCertificateSerial(const QString &serial)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    if (serial.size() != 16 || !serial.startsWith(QLatin1String("XS")))
        return false;
    for (int i = 2; i < 6; ++i) {
        if (serial.at(i) < QLatin1Char('0') || serial.at(i) > QLatin1Char('9'))
            return false;
    }
    for (int i = 6; i < 16; ++i) {
        if (!alphabet.contains(serial.at(i)))
            return false;
    }
    return true;
}

QByteArray signingKeyId(const QByteArray &publicKey)
{
    if (!sodiumReady())
        return {};
    std::array<unsigned char, crypto_generichash_BYTES> hash {};
    crypto_generichash(hash.data(), hash.size(),
        reinterpret_cast<const unsigned char *>(publicKey.constData()), size_t(publicKey.size()),
        nullptr, 0);
    return QByteArray(reinterpret_cast<const char *>(hash.data()), KeyIdBytes);
}

QString signCertificate(const CertificateFields &fields, const QByteArray &secretKey)
{
    if (!sodiumReady() || secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return {};
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(publicKey.data()),
        reinterpret_cast<const unsigned char *>(secretKey.constData()));
    const QByteArray keyId = signingKeyId(publicKey);

    const QStringList values = fields.values();
    const QByteArray serial = fields.serial.toUtf8();
    QByteArray body;
    body.append(char(Format));
    body.append(keyId);
    QByteArray digests;
    for (int i = 0; i < FieldCount; ++i) {
        const QByteArray value = values.at(i).toUtf8();
        if (value.size() > MaxValueBytes)
            return {};
        body.append(char(quint8(value.size() >> 8)));
        body.append(char(quint8(value.size() & 0xff)));
        body.append(value);
        digests.append(digestOf(i, serial, value));
    }
    body.append(digests);
    if (body.size() > MaxBodyBytes)
        return {};

    const QByteArray message = signedMessage(keyId, digests);
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
        reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
        reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return QLatin1String(Prefix) + QString::fromLatin1(body.toBase64(Base64Url)) + QLatin1Char('.')
        + QString::fromLatin1(signature.toBase64(Base64Url));
}

CertificateCheck verifyCertificate(const QString &payload, const QList<QByteArray> &publicKeys)
{
    CertificateCheck check;
    if (!sodiumReady())
        return check;
    const auto parsed = parse(payload);
    if (!parsed)
        return check;
    check.keyId = parsed->keyId;
    QStringList values;
    for (const QByteArray &v : parsed->values)
        values.append(QString::fromUtf8(v));
    const bool readable = fieldsFromValues(values, check.fields);

    const QByteArray message = signedMessage(parsed->keyId, parsed->digests);
    const QByteArray *key = nullptr;
    for (const QByteArray &k : publicKeys) {
        if (k.size() == crypto_sign_PUBLICKEYBYTES && signingKeyId(k) == parsed->keyId) {
            key = &k;
            break;
        }
    }
    if (!key) {
        // A signature one of the keys made over another key id: the key id was changed.
        for (const QByteArray &k : publicKeys) {
            if (signatureHolds(
                    parsed->signature, signedMessage(signingKeyId(k), parsed->digests), k)) {
                check.outcome = CertificateCheck::Outcome::BadSignature;
                return check;
            }
        }
        check.outcome = CertificateCheck::Outcome::UnknownKey;
        return check;
    }
    if (!signatureHolds(parsed->signature, message, *key)) {
        check.outcome = CertificateCheck::Outcome::BadSignature;
        return check;
    }

    const QStringList names = CertificateFields::fieldNames();
    const QByteArray serial = parsed->values.at(Serial);
    if (digestOf(Serial, serial, serial) != parsed->digests.sliced(0, DigestBytes)) {
        check.changedFields = { names.at(Serial) };
    } else {
        for (int i = 1; i < FieldCount; ++i) {
            if (digestOf(i, serial, parsed->values.at(i))
                != parsed->digests.sliced(qsizetype(i) * DigestBytes, DigestBytes))
                check.changedFields.append(names.at(i));
        }
    }
    if (!check.changedFields.isEmpty()) {
        check.outcome = CertificateCheck::Outcome::FieldChanged;
        return check;
    }
    // Signed, unchanged, yet unreadable: not a payload this format writes.
    check.outcome
        = readable ? CertificateCheck::Outcome::Valid : CertificateCheck::Outcome::Malformed;
    return check;
}

QStringList differingFields(const CertificateFields &printed, const CertificateFields &signed_)
{
    const QStringList names = CertificateFields::fieldNames();
    const QStringList a = printed.values();
    const QStringList b = signed_.values();
    QStringList out;
    for (int i = 0; i < names.size(); ++i) {
        if (a.at(i) != b.at(i))
            out.append(names.at(i));
    }
    return out;
}

} // namespace xueshi
