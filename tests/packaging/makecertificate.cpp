// Writes the certificates the installed client verifies in test-packages.sh: <dir>/valid.pdf
// (signed with the tests' deterministic key) and <dir>/tampered.pdf (the same payload under an
// edited name); prints the signing public key in base64, as `--key` takes it.
#include "certificatedocument.h"
#include "certificatefixtures.h"

#include <QDir>
#include <QGuiApplication>
#include <QTextStream>

#include <sodium.h>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    if (app.arguments().size() != 2 || sodium_init() < 0) {
        err << "usage: makecertificate DIR\n";
        return 2;
    }
    const QDir dir(app.arguments().at(1));
    const xueshi::test::SigningKeyPair key = xueshi::test::deterministicSigningKey('k');
    const xueshi::CertificateFields fields = xueshi::test::sampleCertificate(315, 420, 185);
    const QString payload = xueshi::signCertificate(fields, key.secretKey);
    xueshi::CertificateFields edited = fields;
    edited.name = QStringLiteral("张三峰");
    QString error;
    if (!xueshi::writeCertificatePdf(
            fields, payload, dir.filePath(QStringLiteral("valid.pdf")), &error)
        || !xueshi::writeCertificatePdf(
            edited, payload, dir.filePath(QStringLiteral("tampered.pdf")), &error)) {
        err << "error: " << error << "\n";
        return 1;
    }
    QTextStream(stdout) << QString::fromLatin1(key.publicKey.toBase64()) << "\n";
    return 0;
}
