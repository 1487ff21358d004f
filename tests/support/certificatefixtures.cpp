#include "certificatefixtures.h"

#include <sodium.h>

namespace xueshi::test {

SigningKeyPair deterministicSigningKey(char seedByte)
{
    const QByteArray seed(crypto_sign_SEEDBYTES, seedByte);
    SigningKeyPair k;
    k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    k.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()),
        reinterpret_cast<unsigned char *>(k.secretKey.data()),
        reinterpret_cast<const unsigned char *>(seed.constData()));
    return k;
}

CertificateFields sampleCertificate(int publicTenths, int professionalTenths, int electiveTenths)
{
    CertificateFields f;
    f.serial = QStringLiteral("XS2026K7M3Q9X2PA");
    f.version = 1;
    f.year = 2026;
    f.name = QStringLiteral("张三丰");
    f.residentIdMasked = QStringLiteral("440106********1234");
    f.employer = QStringLiteral("广州市环境监测中心");
    f.publicTenths = publicTenths;
    f.professionalTenths = professionalTenths;
    f.electiveTenths = electiveTenths;
    f.totalTenths = publicTenths + professionalTenths + electiveTenths;
    f.requiredTenths = 900;
    f.result = QStringLiteral("passed");
    f.issuedOn = QDate(2026, 12, 6);
    return f;
}

} // namespace xueshi::test
