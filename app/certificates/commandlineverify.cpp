#include "commandlineverify.h"

#include "apiclient.h"
#include "certificatekeyring.h"
#include "certificateverifier.h"
#include "clientcore.h"

#include <QEventLoop>
#include <QUrl>

namespace xueshi {

int verifyFromCommandLine(ClientCore *core, const QString &path, const QStringList &extraKeys,
    bool online, QTextStream &out, QTextStream &err)
{
    QList<QByteArray> keys = core->certificateKeyring()->publicKeys();
    for (const QString &text : extraKeys) {
        const QByteArray key = QByteArray::fromBase64(
            text.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (key.size() != 32) {
            err << CertificateVerifier::tr("Not an Ed25519 public key in base64 (32 bytes): %1")
                       .arg(text)
                << Qt::endl;
            return 2;
        }
        keys.append(key);
    }
    const CertificateVerification result = CertificateVerifier(keys).verifyFile(path);
    const QString server = core->certificateKeyring()->serverOf(result.keyId);
    out << formatVerification(result, server);
    out.flush();
    if (!online || result.exitCode() != 0)
        return result.exitCode();

    // --online: the server whose key signed says whether this version is still current (over
    // its pinned certificate, as the client trusts it).
    const CertificateFields &fields = result.fields;
    if (server.isEmpty()) {
        out << CertificateVerifier::tr("Not checked online: %1")
                   .arg(CertificateVerifier::tr("No server address is set."))
            << Qt::endl;
        return 0;
    }
    core->api()->setServerUrl(QUrl(QStringLiteral("https://") + server));
    QEventLoop loop;
    CertificateStatus status;
    CertificateVerifier::fetchStatus(
        core->api(), fields.serial, &loop, [&](const CertificateStatus &answer) {
            status = answer;
            loop.quit();
        });
    loop.exec();
    out << CertificateVerifier::tr("Server: %1").arg(status.describe(fields.version)) << Qt::endl;
    // A revoked version, or one the server never issued, is not a valid certificate.
    const auto version = status.version(fields.version);
    if (status.unknown || (status.ok && (!version || version->status == QLatin1String("revoked"))))
        return 1;
    return 0;
}

} // namespace xueshi
