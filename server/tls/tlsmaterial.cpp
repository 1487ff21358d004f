#include "tlsmaterial.h"

#include "core/privatedirectory.h"
#include "fingerprint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslKey>
#include <QSslSocket>
#include <QUrl>

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace xueshi::server::tls {

namespace {

// OpenSSL objects owned the RAII way, so every early return frees what was built so far.
template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME, GENERAL_NAME_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES, GENERAL_NAMES_free>>;

constexpr int kSerialBits = 159; // positive and at most 20 octets, as RFC 5280 asks

// The message with OpenSSL's most recent error appended, and OpenSSL's error queue emptied.
QString withOpenSslError(const QString &message)
{
    const unsigned long code = ERR_peek_last_error();
    QString result = message;
    if (code != 0) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        result += QStringLiteral(" (%1)").arg(QString::fromLatin1(text));
    }
    ERR_clear_error();
    return result;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const char *value)
{
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool appendDnsName(GENERAL_NAMES *names, const QByteArray &ascii)
{
    GeneralNamePtr name(GENERAL_NAME_new());
    ASN1_IA5STRING *text = ASN1_IA5STRING_new();
    if (!name || !text || ASN1_STRING_set(text, ascii.constData(), int(ascii.size())) != 1) {
        ASN1_IA5STRING_free(text);
        return false;
    }
    GENERAL_NAME_set0_value(name.get(), GEN_DNS, text);
    return sk_GENERAL_NAME_push(names, name.release()) > 0;
}

bool appendIpAddress(GENERAL_NAMES *names, const QHostAddress &address)
{
    QByteArray octets;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        for (const int shift : { 24, 16, 8, 0 })
            octets += char((v4 >> shift) & 0xff);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        octets = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    } else {
        return false;
    }
    GeneralNamePtr name(GENERAL_NAME_new());
    ASN1_OCTET_STRING *value = ASN1_OCTET_STRING_new();
    if (!name || !value
        || ASN1_OCTET_STRING_set(value, reinterpret_cast<const unsigned char *>(octets.constData()),
               int(octets.size()))
            != 1) {
        ASN1_OCTET_STRING_free(value);
        return false;
    }
    GENERAL_NAME_set0_value(name.get(), GEN_IPADD, value);
    return sk_GENERAL_NAME_push(names, name.release()) > 0;
}

PkeyPtr readPrivateKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return nullptr;
    // No passphrase callback: an encrypted key fails here instead of prompting on the console.
    return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char *>("")));
}

X509Ptr readCertificate(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return nullptr;
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

bool readFile(const QString &path, QByteArray *contents, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return fail(error, QStringLiteral("TLS file %1 does not exist").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            error, QStringLiteral("cannot read TLS file %1: %2").arg(path, file.errorString()));
    *contents = file.readAll();
    return true;
}

// Writes through a temporary file created with `permissions` from the start, so the private key
// is never readable by others, not even for a moment, and a crash leaves no half-written file.
bool writeFile(const QString &path, const QByteArray &contents,
    QFileDevice::Permissions permissions, QString *error)
{
    const QString temporary = path + QStringLiteral(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return fail(
            error, QStringLiteral("cannot create %1: %2").arg(temporary, file.errorString()));
    file.setPermissions(permissions); // also when the umask or platform ignored the mode above
    if (file.write(contents) != contents.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.close();
        QFile::remove(temporary);
        return fail(error, QStringLiteral("cannot write %1: %2").arg(temporary, reason));
    }
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return fail(error, QStringLiteral("cannot rename %1 to %2").arg(temporary, path));
    }
    return true;
}

} // namespace

PemPair generateSelfSigned(const QStringList &dnsNames, const QList<QHostAddress> &addresses,
    int validDays, QString *error)
{
    const auto failed = [error](const QString &message) {
        fail(error, withOpenSslError(message));
        return PemPair {};
    };
    if (dnsNames.isEmpty())
        return failed(QStringLiteral("a certificate needs at least one DNS name"));
    if (validDays <= 0)
        return failed(QStringLiteral("a certificate must be valid for at least one day"));

    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return failed(QStringLiteral("cannot generate an EC P-256 key"));

    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        return failed(QStringLiteral("cannot create a certificate"));

    BignumPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), kSerialBits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        return failed(QStringLiteral("cannot choose a certificate serial number"));

    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0)
        || !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), validDays, 0, nullptr))
        return failed(QStringLiteral("cannot set the certificate validity"));
    if (X509_set_pubkey(certificate.get(), key.get()) != 1)
        return failed(QStringLiteral("cannot set the certificate key"));

    QList<QByteArray> asciiNames;
    for (const QString &dnsName : dnsNames) {
        const QByteArray ascii = QUrl::toAce(dnsName);
        if (ascii.isEmpty())
            return failed(QStringLiteral("invalid DNS name %1").arg(dnsName));
        asciiNames.append(ascii);
    }

    X509_NAME *subject = X509_get_subject_name(certificate.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
            reinterpret_cast<const unsigned char *>(asciiNames.constFirst().constData()),
            int(asciiNames.constFirst().size()), -1, 0)
            != 1
        || X509_set_issuer_name(certificate.get(), subject) != 1)
        return failed(QStringLiteral("cannot set the certificate name"));

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    if (!addExtension(certificate.get(), &context, NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), &context, NID_ext_key_usage, "serverAuth")
        || !addExtension(certificate.get(), &context, NID_subject_key_identifier, "hash"))
        return failed(QStringLiteral("cannot add the certificate extensions"));

    GeneralNamesPtr altNames(sk_GENERAL_NAME_new_null());
    if (!altNames)
        return failed(QStringLiteral("cannot build the subjectAltName"));
    for (const QByteArray &ascii : std::as_const(asciiNames)) {
        if (!appendDnsName(altNames.get(), ascii))
            return failed(QStringLiteral("cannot add DNS name %1").arg(QString::fromLatin1(ascii)));
    }
    for (const QHostAddress &address : addresses) {
        if (!appendIpAddress(altNames.get(), address))
            return failed(QStringLiteral("cannot add IP address %1").arg(address.toString()));
    }
    if (X509_add1_ext_i2d(
            certificate.get(), NID_subject_alt_name, altNames.get(), 0, X509V3_ADD_DEFAULT)
        != 1)
        return failed(QStringLiteral("cannot add the subjectAltName"));

    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return failed(QStringLiteral("cannot sign the certificate"));

    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio
        || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return failed(QStringLiteral("cannot encode the certificate and key as PEM"));

    PemPair pair { bioContents(certificateBio.get()), bioContents(keyBio.get()) };
    if (pair.certificatePem.isEmpty() || pair.privateKeyPem.isEmpty())
        return failed(QStringLiteral("cannot encode the certificate and key as PEM"));
    return pair;
}

bool loadOrCreate(const QString &dataDir, const QString &certPath, const QString &keyPath,
    QSslConfiguration *configuration, bool *generated, QString *error)
{
    if (generated)
        *generated = false;
    if (certPath.isEmpty() != keyPath.isEmpty())
        return fail(
            error, QStringLiteral("give both the certificate and the key file, or neither"));

    QString certificateFile = certPath;
    QString keyFile = keyPath;
    if (certPath.isEmpty()) {
        const QString tlsDir = QDir(dataDir).filePath(QStringLiteral("tls"));
        if (!makePrivateDirectory(tlsDir))
            return fail(error, QStringLiteral("cannot create directory %1").arg(tlsDir));
        certificateFile = QDir(tlsDir).filePath(QStringLiteral("server.crt"));
        keyFile = QDir(tlsDir).filePath(QStringLiteral("server.key"));
        const bool haveCertificate = QFileInfo::exists(certificateFile);
        const bool haveKey = QFileInfo::exists(keyFile);
        // Half a pair is left alone rather than overwritten: the missing half may be restored.
        if (haveCertificate != haveKey)
            return fail(error,
                QStringLiteral("%1 exists without %2")
                    .arg(haveCertificate ? certificateFile : keyFile,
                        haveCertificate ? keyFile : certificateFile));
        if (!haveCertificate) {
            const PemPair pair = generateSelfSigned({ QStringLiteral("localhost") },
                { QHostAddress(QHostAddress::LocalHost),
                    QHostAddress(QHostAddress::LocalHostIPv6) },
                825, error);
            if (pair.certificatePem.isEmpty())
                return false;
            const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
            const auto worldReadable = ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
            if (!writeFile(keyFile, pair.privateKeyPem, ownerOnly, error))
                return false;
            if (!writeFile(certificateFile, pair.certificatePem, worldReadable, error)) {
                QFile::remove(keyFile);
                return false;
            }
            if (generated)
                *generated = true;
        }
    }

    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readFile(certificateFile, &certificatePem, error) || !readFile(keyFile, &keyPem, error))
        return false;

    const X509Ptr x509 = readCertificate(certificatePem);
    if (!x509)
        return fail(error,
            withOpenSslError(QStringLiteral("%1 holds no PEM certificate").arg(certificateFile)));
    const PkeyPtr pkey = readPrivateKey(keyPem);
    if (!pkey)
        return fail(error,
            withOpenSslError(
                QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyFile)));
    if (X509_check_private_key(x509.get(), pkey.get()) != 1)
        return fail(error,
            withOpenSslError(QStringLiteral("the key in %1 does not match the "
                                            "certificate in %2")
                                 .arg(keyFile, certificateFile)));

    QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
    switch (EVP_PKEY_get_base_id(pkey.get())) {
    case EVP_PKEY_EC:
        algorithm = QSsl::Ec;
        break;
    case EVP_PKEY_RSA:
        algorithm = QSsl::Rsa;
        break;
    default:
        return fail(error, QStringLiteral("the key in %1 is neither EC nor RSA").arg(keyFile));
    }
    const QSslCertificate certificate(certificatePem, QSsl::Pem);
    const QSslKey key(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (certificate.isNull() || key.isNull())
        return fail(error,
            QStringLiteral("Qt cannot use the certificate in %1 or the key in %2")
                .arg(certificateFile, keyFile));

    QSslConfiguration result = QSslConfiguration::defaultConfiguration();
    result.setLocalCertificate(certificate);
    result.setPrivateKey(key);
    result.setProtocol(QSsl::TlsV1_2OrLater);
    result.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    if (configuration)
        *configuration = result;
    return true;
}

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QString() : xueshi::sha256Fingerprint(certificate.toDer());
}

} // namespace xueshi::server::tls
