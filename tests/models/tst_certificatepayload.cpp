// The certificate's signed QR payload (models/certificatepayload.h): a round trip, tampering with
// each field, each digest, the key id and the signature, unknown keys and malformed text.
#include "certificatefixtures.h"
#include "certificatepayload.h"

#include <QJsonObject>
#include <QTest>

#include <sodium.h>

using namespace xueshi;

namespace {

CertificateFields sample()
{
    return test::sampleCertificate(300, 425, 180);
}

// The payload taken apart as the format (certificatepayload.h) describes it, so a test can
// change one part and put it back together.
struct Parts
{
    quint8 format = 0;
    QByteArray keyId;
    QList<QByteArray> values;
    QByteArray digests;
    QByteArray signature;
};

const QByteArray::Base64Options Url
    = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Parts split(const QString &payload)
{
    Parts p;
    const QList<QByteArray> dots = payload.toLatin1().split('.');
    if (dots.size() != 3)
        return p;
    const QByteArray body = QByteArray::fromBase64(dots.at(1), Url);
    p.signature = QByteArray::fromBase64(dots.at(2), Url);
    p.format = quint8(body.at(0));
    p.keyId = body.sliced(1, 8);
    qsizetype at = 9;
    for (int i = 0; i < 13; ++i) {
        const int length = (int(quint8(body.at(at))) << 8) | int(quint8(body.at(at + 1)));
        p.values.append(body.sliced(at + 2, length));
        at += 2 + length;
    }
    p.digests = body.sliced(at);
    return p;
}

QString join(const Parts &p)
{
    QByteArray body;
    body.append(char(p.format));
    body.append(p.keyId);
    for (const QByteArray &v : p.values) {
        body.append(char(quint8(v.size() >> 8)));
        body.append(char(quint8(v.size() & 0xff)));
        body.append(v);
    }
    body.append(p.digests);
    return QStringLiteral("XSC1.") + QString::fromLatin1(body.toBase64(Url)) + QLatin1Char('.')
        + QString::fromLatin1(p.signature.toBase64(Url));
}

} // namespace

class TestCertificatePayload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void roundTrip_validWithTheFieldsSigned()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const QString payload = signCertificate(sample(), key.secretKey);
        QVERIFY(payload.startsWith(QLatin1String("XSC1.")));
        // ASCII only, short enough for a QR code in byte mode.
        QVERIFY(payload.size() < 700);
        for (const QChar c : payload)
            QVERIFY(c.unicode() > 0x20 && c.unicode() < 0x7f);

        const CertificateCheck check = verifyCertificate(
            payload, { test::deterministicSigningKey('b').publicKey, key.publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::Valid);
        QCOMPARE(check.fields, sample());
        QVERIFY(check.changedFields.isEmpty());
        QCOMPARE(check.keyId, signingKeyId(key.publicKey));
        QCOMPARE(check.keyId.size(), 8);
        // Signing is deterministic (Ed25519): the same fields and key, the same payload.
        QCOMPARE(signCertificate(sample(), key.secretKey), payload);
    }

    void roundTrip_emptyEmployerAndLongName()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        CertificateFields f = sample();
        f.employer.clear();
        f.name = QString(66, QChar(0x4e2d)); // 198 bytes of UTF-8
        const CertificateCheck check
            = verifyCertificate(signCertificate(f, key.secretKey), { key.publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::Valid);
        QCOMPARE(check.fields, f);
    }

    void sign_refusesOversizedValuesAndWrongKeys()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        CertificateFields f = sample();
        f.name = QString(67, QChar(0x4e2d)); // 201 bytes
        QVERIFY(signCertificate(f, key.secretKey).isEmpty());
        QVERIFY(signCertificate(sample(), key.publicKey).isEmpty());
        QVERIFY(signCertificate(sample(), QByteArray()).isEmpty());
    }

    void tamperedField_namesExactlyThatField_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QByteArray>("newValue");
        const QStringList names = CertificateFields::fieldNames();
        const QList<QByteArray> changed = { "XS2026K7M3Q9X2PB", "2", "2025", "李四",
            "440106********9999", "", "400", "525", "280", "1205", "600", "failed", "2026-12-07" };
        QCOMPARE(changed.size(), names.size());
        for (int i = 0; i < names.size(); ++i)
            QTest::newRow(qPrintable(names.at(i))) << i << changed.at(i);
    }

    void tamperedField_namesExactlyThatField()
    {
        QFETCH(int, index);
        QFETCH(QByteArray, newValue);
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        Parts parts = split(signCertificate(sample(), key.secretKey));
        QVERIFY(parts.values.at(index) != newValue);
        parts.values[index] = newValue;
        const CertificateCheck check = verifyCertificate(join(parts), { key.publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::FieldChanged);
        QCOMPARE(check.changedFields, QStringList { CertificateFields::fieldNames().at(index) });
        // The fields are as the payload carries them: the changed value shows.
        QCOMPARE(check.fields.values().at(index), QString::fromUtf8(newValue));
    }

    void tamperedTwoFields_namesBoth()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        Parts parts = split(signCertificate(sample(), key.secretKey));
        parts.values[3] = "李四";
        parts.values[9] = "1200";
        const CertificateCheck check = verifyCertificate(join(parts), { key.publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::FieldChanged);
        QCOMPARE(check.changedFields,
            (QStringList { QStringLiteral("name"), QStringLiteral("totalTenths") }));
    }

    void changedDigest_badSignature_data()
    {
        QTest::addColumn<int>("byte");
        for (int field = 0; field < 13; ++field) {
            QTest::newRow(qPrintable(QStringLiteral("digest %1 first").arg(field))) << field * 16;
            QTest::newRow(qPrintable(QStringLiteral("digest %1 last").arg(field)))
                << field * 16 + 15;
        }
    }

    void changedDigest_badSignature()
    {
        QFETCH(int, byte);
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        Parts parts = split(signCertificate(sample(), key.secretKey));
        parts.digests[byte] = char(parts.digests.at(byte) ^ 0x01);
        QCOMPARE(verifyCertificate(join(parts), { key.publicKey }).outcome,
            CertificateCheck::Outcome::BadSignature);
    }

    void changedDigestAndValueTogether_badSignature()
    {
        // Recomputing a changed value's digest does not help: the signature covers the digests.
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const test::SigningKeyPair other = test::deterministicSigningKey('z');
        CertificateFields forged = sample();
        forged.totalTenths = 1205;
        const Parts genuine = split(signCertificate(sample(), key.secretKey));
        Parts parts = split(signCertificate(forged, other.secretKey));
        parts.keyId = genuine.keyId;
        parts.signature = genuine.signature;
        QCOMPARE(verifyCertificate(join(parts), { key.publicKey }).outcome,
            CertificateCheck::Outcome::BadSignature);
    }

    void changedSignatureByte_badSignature_data()
    {
        QTest::addColumn<int>("byte");
        for (int b : { 0, 1, 31, 32, 62, 63 })
            QTest::newRow(qPrintable(QString::number(b))) << b;
    }

    void changedSignatureByte_badSignature()
    {
        QFETCH(int, byte);
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        Parts parts = split(signCertificate(sample(), key.secretKey));
        parts.signature[byte] = char(parts.signature.at(byte) ^ 0x80);
        QCOMPARE(verifyCertificate(join(parts), { key.publicKey }).outcome,
            CertificateCheck::Outcome::BadSignature);
    }

    void changedKeyIdByte_badSignature_data()
    {
        QTest::addColumn<int>("byte");
        for (int b = 0; b < 8; ++b)
            QTest::newRow(qPrintable(QString::number(b))) << b;
    }

    void changedKeyIdByte_badSignature()
    {
        // Whether the changed id names no key at all or another known key, the signature of the
        // key that signed does not hold over it.
        QFETCH(int, byte);
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const test::SigningKeyPair other = test::deterministicSigningKey('b');
        Parts parts = split(signCertificate(sample(), key.secretKey));
        Parts changed = parts;
        changed.keyId[byte] = char(changed.keyId.at(byte) ^ 0x01);
        const CertificateCheck check
            = verifyCertificate(join(changed), { other.publicKey, key.publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::BadSignature);
        QCOMPARE(check.keyId, changed.keyId);

        Parts swapped = parts;
        swapped.keyId = signingKeyId(other.publicKey);
        QCOMPARE(verifyCertificate(join(swapped), { other.publicKey, key.publicKey }).outcome,
            CertificateCheck::Outcome::BadSignature);
    }

    void unknownKey_unknownKey()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const QString payload = signCertificate(sample(), key.secretKey);
        const CertificateCheck check
            = verifyCertificate(payload, { test::deterministicSigningKey('b').publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::UnknownKey);
        QCOMPARE(check.keyId, signingKeyId(key.publicKey));
        QCOMPARE(check.fields, sample());
        QCOMPARE(verifyCertificate(payload, {}).outcome, CertificateCheck::Outcome::UnknownKey);
        // A key of the wrong size is no key.
        QCOMPARE(verifyCertificate(payload, { key.publicKey.left(31) }).outcome,
            CertificateCheck::Outcome::UnknownKey);
    }

    void signingKeyId_isTheFirstBytesOfBlake2b()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        unsigned char hash[crypto_generichash_BYTES];
        crypto_generichash(hash, sizeof hash,
            reinterpret_cast<const unsigned char *>(key.publicKey.constData()), 32, nullptr, 0);
        QCOMPARE(signingKeyId(key.publicKey), QByteArray(reinterpret_cast<const char *>(hash), 8));
        QVERIFY(signingKeyId(key.publicKey)
            != signingKeyId(test::deterministicSigningKey('b').publicKey));
    }

    void malformed_neverCrashes_data()
    {
        QTest::addColumn<QString>("payload");
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const QString good = signCertificate(sample(), key.secretKey);
        const Parts parts = split(good);
        const QString body = good.section(QLatin1Char('.'), 1, 1);
        const QString sig = good.section(QLatin1Char('.'), 2, 2);

        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << QStringLiteral("XSC1.");
        QTest::newRow("garbage") << QStringLiteral("hello, world");
        QTest::newRow("binary-ish") << QString::fromLatin1(QByteArray(300, '\xff'));
        QTest::newRow("wrong prefix") << QStringLiteral("XSC2.") + body + QLatin1Char('.') + sig;
        QTest::newRow("lower-case prefix")
            << QStringLiteral("xsc1.") + body + QLatin1Char('.') + sig;
        QTest::newRow("no signature") << QStringLiteral("XSC1.") + body;
        QTest::newRow("empty signature") << QStringLiteral("XSC1.") + body + QLatin1Char('.');
        QTest::newRow("extra part") << good + QStringLiteral(".AAAA");
        QTest::newRow("padding") << good + QStringLiteral("==");
        QTest::newRow("standard base64 alphabet")
            << QStringLiteral("XSC1.") + body + QStringLiteral("+/.") + sig;
        QTest::newRow("space") << QStringLiteral("XSC1.") + body + QStringLiteral(" .") + sig;
        QTest::newRow("non-ascii") << QStringLiteral("XSC1.") + body + QStringLiteral("中.") + sig;
        QTest::newRow("signature truncated") << good.chopped(2);
        QTest::newRow("body truncated")
            << QStringLiteral("XSC1.") + body.chopped(4) + QLatin1Char('.') + sig;
        QTest::newRow("body of one byte") << QStringLiteral("XSC1.AQ.") + sig;
        QTest::newRow("oversized text") << good + QString(2000, QLatin1Char('A'));

        Parts p = parts;
        p.format = 2;
        QTest::newRow("format 2") << join(p);
        p = parts;
        p.digests.chop(1);
        QTest::newRow("digests short") << join(p);
        p = parts;
        p.digests.append('x');
        QTest::newRow("trailing byte") << join(p);
        p = parts;
        p.values.removeLast();
        p.digests.chop(16);
        QTest::newRow("a field missing") << join(p);
        p = parts;
        p.values[3] = QByteArray(201, 'a');
        QTest::newRow("value over 200 bytes") << join(p);
        p = parts;
        p.values[5] = QByteArray(200, 'a');
        p.values[4] = QByteArray(200, 'a');
        p.values[3] = QByteArray(200, 'a');
        p.values[11] = QByteArray(200, 'a');
        QTest::newRow("body over 1000 bytes") << join(p);
        p = parts;
        p.values[3] = QByteArray("\xe4\xb8", 2);
        QTest::newRow("invalid utf-8") << join(p);
        p = parts;
        p.signature.chop(1);
        QTest::newRow("signature of 63 bytes") << join(p);
        p = parts;
        p.signature.append('\0');
        QTest::newRow("signature of 65 bytes") << join(p);
    }

    void malformed_neverCrashes()
    {
        QFETCH(QString, payload);
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const CertificateCheck check = verifyCertificate(payload, { key.publicKey });
        QCOMPARE(check.outcome, CertificateCheck::Outcome::Malformed);
        QVERIFY(check.changedFields.isEmpty());
    }

    void signedButUnreadable_malformed()
    {
        // Values the format never writes (a number that is not decimal, an invalid date) are
        // not a certificate, even under a good signature.
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        CertificateFields f = sample();
        f.issuedOn = QDate();
        QCOMPARE(verifyCertificate(signCertificate(f, key.secretKey), { key.publicKey }).outcome,
            CertificateCheck::Outcome::Malformed);
        f = sample();
        f.version = -1;
        QCOMPARE(verifyCertificate(signCertificate(f, key.secretKey), { key.publicKey }).outcome,
            CertificateCheck::Outcome::Malformed);
    }

    void everyByteFlipped_neverValidNeverCrashes()
    {
        const test::SigningKeyPair key = test::deterministicSigningKey('a');
        const QString good = signCertificate(sample(), key.secretKey);
        for (int i = 5; i < good.size(); ++i) {
            for (const char c : { 'A', 'g', '_', '-', '.', '0' }) {
                if (good.at(i) == QLatin1Char(c))
                    continue;
                QString bad = good;
                bad[i] = QLatin1Char(c);
                const CertificateCheck check = verifyCertificate(bad, { key.publicKey });
                // One character of base64 may change only unused low bits of the last one
                // (then it is not canonical and refused); never may a change pass as valid.
                QVERIFY2(check.outcome != CertificateCheck::Outcome::Valid, qPrintable(bad));
            }
        }
    }

    void json_roundTripAndStrictness()
    {
        const CertificateFields f = sample();
        const QJsonObject json = f.toJson();
        QCOMPARE(json.keys().size(), 13);
        for (const QString &name : CertificateFields::fieldNames())
            QVERIFY2(json.contains(name), qPrintable(name));
        QCOMPARE(json.value(QLatin1String("issuedOn")).toString(), QStringLiteral("2026-12-06"));
        QCOMPARE(CertificateFields::fromJson(json), std::optional<CertificateFields>(f));

        QJsonObject bad = json;
        bad.remove(QLatin1String("name"));
        QVERIFY(!CertificateFields::fromJson(bad));
        bad = json;
        bad.insert(QLatin1String("version"), 1.5);
        QVERIFY(!CertificateFields::fromJson(bad));
        bad = json;
        bad.insert(QLatin1String("year"), 1e12);
        QVERIFY(!CertificateFields::fromJson(bad));
        bad = json;
        bad.insert(QLatin1String("year"), QStringLiteral("2026"));
        QVERIFY(!CertificateFields::fromJson(bad));
        bad = json;
        bad.insert(QLatin1String("issuedOn"), QStringLiteral("2026-2-6"));
        QVERIFY(!CertificateFields::fromJson(bad));
        bad = json;
        bad.insert(QLatin1String("employer"), 3);
        QVERIFY(!CertificateFields::fromJson(bad));
    }

    void differingFields_namesTheDifferences()
    {
        const CertificateFields signed_ = sample();
        QVERIFY(differingFields(signed_, signed_).isEmpty());
        CertificateFields printed = signed_;
        printed.name = QStringLiteral("张三");
        printed.electiveTenths = 200;
        printed.issuedOn = QDate(2026, 12, 7);
        QCOMPARE(differingFields(printed, signed_),
            (QStringList { QStringLiteral("name"), QStringLiteral("electiveTenths"),
                QStringLiteral("issuedOn") }));
    }

    void serialForm()
    {
        QVERIFY(isCertificateSerial(QStringLiteral("XS2026K7M3Q9X2PA")));
        QVERIFY(isCertificateSerial(QStringLiteral("XS20260123456789")));
        QVERIFY(!isCertificateSerial(QStringLiteral("XS2026K7M3Q9X2P"))); // short
        QVERIFY(!isCertificateSerial(QStringLiteral("XS2026K7M3Q9X2PAA"))); // long
        QVERIFY(!isCertificateSerial(QStringLiteral("XS2026K7M3Q9X2PI"))); // I not in the alphabet
        QVERIFY(!isCertificateSerial(QStringLiteral("XS2026K7M3Q9X2PU")));
        QVERIFY(!isCertificateSerial(QStringLiteral("XS2026k7m3q9x2pa"))); // lower case
        QVERIFY(!isCertificateSerial(QStringLiteral("XS20A6K7M3Q9X2PA")));
        QVERIFY(!isCertificateSerial(QStringLiteral("YS2026K7M3Q9X2PA")));
        QVERIFY(!isCertificateSerial(QString()));
    }
};

QTEST_GUILESS_MAIN(TestCertificatePayload)
#include "tst_certificatepayload.moc"
