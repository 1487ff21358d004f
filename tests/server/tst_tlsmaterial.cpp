#include "testsupport.h"
#include "tls/tlsmaterial.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace xueshi::server;

namespace {

const QList<QHostAddress> kLoopbackAddresses { QHostAddress(QHostAddress::LocalHost),
    QHostAddress(QHostAddress::LocalHostIPv6) };

PemPair generate()
{
    QString error;
    const PemPair pair
        = tls::generateSelfSigned({ QStringLiteral("localhost") }, kLoopbackAddresses, 30, &error);
    if (pair.certificatePem.isEmpty())
        qWarning("generateSelfSigned failed: %s", qPrintable(error));
    return pair;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

// Checks the signature with the certificate's own key, as a verifier treating it as its own
// issuer does. (QSslCertificate::isSelfSigned() also demands keyCertSign, which a leaf lacks.)
bool signedByOwnKey(const QByteArray &certificatePem)
{
    BIO *bio = BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size()));
    X509 *x509 = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!x509)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(x509);
    const bool ok = key && X509_verify(x509, key) == 1;
    X509_free(x509);
    return ok;
}

} // namespace

class TestTlsMaterial : public QObject
{
    Q_OBJECT

private slots:
    void generate_localhost_hasSubjectAltNames();
    void generate_localhost_isSelfSignedServerCertificate();
    void generate_keyMatchesCertificate();
    void generate_withoutDnsName_fails();
    void fingerprint_isColonSeparatedUpperCaseSha256();
    void fingerprint_nullCertificate_isEmpty();
    void loadOrCreate_firstCall_createsFilesAndConfiguration();
    void loadOrCreate_secondCall_reusesCertificate();
    void loadOrCreate_keyFile_isOwnerOnly();
    void loadOrCreate_explicitPaths_loaded();
    void loadOrCreate_mismatchedPair_refused();
    void loadOrCreate_missingFile_refused();
    void loadOrCreate_onlyOnePathGiven_refused();
    void loadOrCreate_halfPairInDataDir_refused();
};

void TestTlsMaterial::generate_localhost_hasSubjectAltNames()
{
    const PemPair pair = generate();
    const QSslCertificate certificate(pair.certificatePem, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    const auto names = certificate.subjectAlternativeNames();
    QCOMPARE(names.values(QSsl::DnsEntry), QStringList { QStringLiteral("localhost") });
    const QStringList addresses = names.values(QSsl::IpAddressEntry);
    QCOMPARE(addresses.size(), 2);
    QVERIFY(addresses.contains(QStringLiteral("127.0.0.1")));
    QVERIFY(addresses.contains(QStringLiteral("::1")));
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
        QStringList { QStringLiteral("localhost") });
}

void TestTlsMaterial::generate_localhost_isSelfSignedServerCertificate()
{
    const PemPair pair = generate();
    const QSslCertificate certificate(pair.certificatePem, QSsl::Pem);
    QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName),
        certificate.subjectInfo(QSslCertificate::CommonName));
    QVERIFY(signedByOwnKey(pair.certificatePem));
    QCOMPARE(certificate.version(), QByteArray("3"));
    QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(certificate.publicKey().length(), 256);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(certificate.effectiveDate() <= now.addSecs(1));
    QVERIFY(certificate.expiryDate() > now.addDays(29));
    QVERIFY(certificate.expiryDate() <= now.addDays(31));
    QVERIFY(!certificate.serialNumber().isEmpty());

    QStringList extensions;
    for (const QSslCertificateExtension &extension : certificate.extensions())
        extensions.append(extension.name());
    for (const char *name :
        { "basicConstraints", "keyUsage", "extendedKeyUsage", "subjectAltName" })
        QVERIFY2(extensions.contains(QLatin1String(name)), name);
    for (const QSslCertificateExtension &extension : certificate.extensions()) {
        if (extension.name() == QLatin1String("basicConstraints"))
            QCOMPARE(extension.value().toMap().value(QStringLiteral("ca")).toBool(), false);
    }

    // Two certificates never share a serial number.
    const QSslCertificate other(generate().certificatePem, QSsl::Pem);
    QVERIFY(other.serialNumber() != certificate.serialNumber());
}

void TestTlsMaterial::generate_keyMatchesCertificate()
{
    const PemPair pair = generate();
    const QSslCertificate certificate(pair.certificatePem, QSsl::Pem);
    const QSslKey key(pair.privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!key.isNull());
    QVERIFY(pair.privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));

    const QString dir = xueshi::test::temporaryDirectory();
    QVERIFY(writeFile(dir + QStringLiteral("/a.crt"), pair.certificatePem));
    QVERIFY(writeFile(dir + QStringLiteral("/a.key"), pair.privateKeyPem));
    QSslConfiguration configuration;
    QString error;
    QVERIFY2(tls::loadOrCreate(dir, dir + QStringLiteral("/a.crt"), dir + QStringLiteral("/a.key"),
                 &configuration, nullptr, &error),
        qPrintable(error));
    QCOMPARE(configuration.localCertificate(), certificate);
    QCOMPARE(configuration.privateKey(), key);
}

void TestTlsMaterial::generate_withoutDnsName_fails()
{
    QString error;
    const PemPair pair = tls::generateSelfSigned({}, kLoopbackAddresses, 30, &error);
    QVERIFY(pair.certificatePem.isEmpty());
    QVERIFY(pair.privateKeyPem.isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestTlsMaterial::fingerprint_isColonSeparatedUpperCaseSha256()
{
    const QSslCertificate certificate(generate().certificatePem, QSsl::Pem);
    const QString fingerprint = tls::sha256Fingerprint(certificate);
    QCOMPARE(fingerprint.size(), 95);
    static const QRegularExpression format(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    QVERIFY2(format.match(fingerprint).hasMatch(), qPrintable(fingerprint));

    const QByteArray digest
        = QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
    QStringList octets;
    for (const char byte : digest)
        octets.append(QStringLiteral("%1").arg(quint8(byte), 2, 16, QLatin1Char('0')).toUpper());
    QCOMPARE(fingerprint, octets.join(QLatin1Char(':')));
}

void TestTlsMaterial::fingerprint_nullCertificate_isEmpty()
{
    QVERIFY(tls::sha256Fingerprint(QSslCertificate()).isEmpty());
}

void TestTlsMaterial::loadOrCreate_firstCall_createsFilesAndConfiguration()
{
    const QString dataDir = xueshi::test::temporaryDirectory() + QStringLiteral("/not/yet/there");
    QSslConfiguration configuration;
    bool generated = false;
    QString error;
    QVERIFY2(
        tls::loadOrCreate(dataDir, {}, {}, &configuration, &generated, &error), qPrintable(error));
    QVERIFY(generated);
    QVERIFY(QFile::exists(dataDir + QStringLiteral("/tls/server.crt")));
    QVERIFY(QFile::exists(dataDir + QStringLiteral("/tls/server.key")));
    QVERIFY(!QFile::exists(dataDir + QStringLiteral("/tls/server.key.new")));

    QVERIFY(!configuration.localCertificate().isNull());
    QVERIFY(!configuration.privateKey().isNull());
    QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyNone);
    QVERIFY(configuration.localCertificate()
                .subjectAlternativeNames()
                .values(QSsl::DnsEntry)
                .contains(QStringLiteral("localhost")));
}

void TestTlsMaterial::loadOrCreate_secondCall_reusesCertificate()
{
    const QString dataDir = xueshi::test::temporaryDirectory();
    QSslConfiguration first;
    QSslConfiguration second;
    bool generated = false;
    QString error;
    QVERIFY2(tls::loadOrCreate(dataDir, {}, {}, &first, &generated, &error), qPrintable(error));
    QVERIFY(generated);
    QVERIFY2(tls::loadOrCreate(dataDir, {}, {}, &second, &generated, &error), qPrintable(error));
    QVERIFY(!generated);
    QCOMPARE(second.localCertificate(), first.localCertificate());
    QCOMPARE(second.privateKey(), first.privateKey());
    QCOMPARE(tls::sha256Fingerprint(second.localCertificate()),
        tls::sha256Fingerprint(first.localCertificate()));
}

void TestTlsMaterial::loadOrCreate_keyFile_isOwnerOnly()
{
    const QString dataDir = xueshi::test::temporaryDirectory();
    QSslConfiguration configuration;
    QString error;
    QVERIFY2(
        tls::loadOrCreate(dataDir, {}, {}, &configuration, nullptr, &error), qPrintable(error));
    const QFile::Permissions permissions
        = QFile::permissions(dataDir + QStringLiteral("/tls/server.key"));
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    QVERIFY(permissions.testFlag(QFileDevice::WriteOwner));
    const QFile::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther | QFileDevice::ExeOwner;
    QCOMPARE(permissions & others, QFile::Permissions());
}

void TestTlsMaterial::loadOrCreate_explicitPaths_loaded()
{
    const QString dir = xueshi::test::temporaryDirectory();
    const PemPair pair = generate();
    QVERIFY(writeFile(dir + QStringLiteral("/cert.pem"), pair.certificatePem));
    QVERIFY(writeFile(dir + QStringLiteral("/key.pem"), pair.privateKeyPem));
    QSslConfiguration configuration;
    bool generated = true;
    QString error;
    QVERIFY2(tls::loadOrCreate(dir + QStringLiteral("/data"), dir + QStringLiteral("/cert.pem"),
                 dir + QStringLiteral("/key.pem"), &configuration, &generated, &error),
        qPrintable(error));
    QVERIFY(!generated);
    QCOMPARE(configuration.localCertificate(), QSslCertificate(pair.certificatePem, QSsl::Pem));
    QVERIFY(!QFile::exists(dir + QStringLiteral("/data/tls/server.crt")));
}

void TestTlsMaterial::loadOrCreate_mismatchedPair_refused()
{
    const QString dir = xueshi::test::temporaryDirectory();
    const PemPair first = generate();
    const PemPair second = generate();
    QVERIFY(writeFile(dir + QStringLiteral("/cert.pem"), first.certificatePem));
    QVERIFY(writeFile(dir + QStringLiteral("/key.pem"), second.privateKeyPem));
    QSslConfiguration configuration;
    QString error;
    QVERIFY(!tls::loadOrCreate(dir, dir + QStringLiteral("/cert.pem"),
        dir + QStringLiteral("/key.pem"), &configuration, nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("does not match")));
    QVERIFY(configuration.localCertificate().isNull());
}

void TestTlsMaterial::loadOrCreate_missingFile_refused()
{
    const QString dir = xueshi::test::temporaryDirectory();
    QVERIFY(writeFile(dir + QStringLiteral("/cert.pem"), generate().certificatePem));
    QSslConfiguration configuration;
    QString error;
    QVERIFY(!tls::loadOrCreate(dir, dir + QStringLiteral("/cert.pem"),
        dir + QStringLiteral("/missing.pem"), &configuration, nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("missing.pem")));
    // A missing file is an error, never a reason to generate one.
    QVERIFY(!QFile::exists(dir + QStringLiteral("/missing.pem")));
}

void TestTlsMaterial::loadOrCreate_onlyOnePathGiven_refused()
{
    const QString dir = xueshi::test::temporaryDirectory();
    QVERIFY(writeFile(dir + QStringLiteral("/cert.pem"), generate().certificatePem));
    QString error;
    QSslConfiguration configuration;
    QVERIFY(!tls::loadOrCreate(
        dir, dir + QStringLiteral("/cert.pem"), {}, &configuration, nullptr, &error));
    QVERIFY(!error.isEmpty());
}

void TestTlsMaterial::loadOrCreate_halfPairInDataDir_refused()
{
    const QString dataDir = xueshi::test::temporaryDirectory();
    QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/tls")));
    QVERIFY(writeFile(dataDir + QStringLiteral("/tls/server.crt"), generate().certificatePem));
    QSslConfiguration configuration;
    bool generated = true;
    QString error;
    QVERIFY(!tls::loadOrCreate(dataDir, {}, {}, &configuration, &generated, &error));
    QVERIFY(!generated);
    QVERIFY(error.contains(QStringLiteral("server.key")));
    QVERIFY(!QFile::exists(dataDir + QStringLiteral("/tls/server.key")));
}

QTEST_GUILESS_MAIN(TestTlsMaterial)
#include "tst_tlsmaterial.moc"
