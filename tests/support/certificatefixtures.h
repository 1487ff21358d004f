#pragma once

#include "certificatepayload.h"

#include <QByteArray>

namespace xueshi::test {

struct SigningKeyPair
{
    QByteArray publicKey; // 32 bytes
    QByteArray secretKey; // 64 bytes, libsodium's form
};

// An Ed25519 key pair from a seed of `seedByte` repeated: the same on every run, so a signed
// payload (Ed25519 is deterministic), its QR code and a rendered page are too.
SigningKeyPair deterministicSigningKey(char seedByte);

// A passed year's certificate as the server issues it (张三丰 of 广州市环境监测中心, 2026, serial
// XS2026K7M3Q9X2PA version 1, issued 2026-12-06, 90 hours required), with these hours by type
// and their sum as the total.
CertificateFields sampleCertificate(int publicTenths, int professionalTenths, int electiveTenths);

} // namespace xueshi::test
