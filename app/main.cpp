#include "account/loginwindow.h"
#include "appsettings.h"
#include "certificatekeyring.h"
#include "certificateverifier.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace {

// `xueshi --verify FILE [--key BASE64]...`: checks a certificate (a PDF or an image of its QR
// code) offline against the keys seen in sync and those given, prints the outcome and the fields
// in the current language, and returns 0 valid, 1 invalid or tampered, 2 unreadable.
int verifyFromCommandLine(
    xueshi::ClientCore *core, const QString &path, const QStringList &extraKeys)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QList<QByteArray> keys = core->certificateKeyring()->publicKeys();
    for (const QString &text : extraKeys) {
        const QByteArray key = QByteArray::fromBase64(
            text.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (key.size() != 32) {
            err << xueshi::CertificateVerifier::tr(
                "Not an Ed25519 public key in base64 (32 bytes): %1")
                       .arg(text)
                << Qt::endl;
            return 2;
        }
        keys.append(key);
    }
    const xueshi::CertificateVerification result
        = xueshi::CertificateVerifier(keys).verifyFile(path);
    out << xueshi::formatVerification(result, core->certificateKeyring()->serverOf(result.keyId));
    out.flush();
    return result.exitCode();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Xueshi"));
    QApplication::setOrganizationDomain(QStringLiteral("xueshi.example.cn"));
    QApplication::setApplicationName(QStringLiteral("xueshi"));
    QApplication::setApplicationVersion(QStringLiteral(XUESHI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cn.example.xueshi"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Xueshi: continuing education for professional technical personnel"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringList { QStringLiteral("s"), QStringLiteral("server") },
        QStringLiteral("Pre-fill the server address, e.g. https://localhost:8443."),
        QStringLiteral("URL"));
    parser.addOption(serverOption);
    const QCommandLineOption verifyOption(QStringLiteral("verify"),
        QStringLiteral("Verify a certificate (a PDF, or a PNG or JPEG image of its QR code) "
                       "offline and exit: 0 valid, 1 invalid or tampered, 2 unreadable."),
        QStringLiteral("FILE"));
    parser.addOption(verifyOption);
    const QCommandLineOption keyOption(QStringLiteral("key"),
        QStringLiteral("With --verify: also trust this signing public key (base64), as "
                       "`xueshi-server admin signing-key` prints it. May be repeated."),
        QStringLiteral("BASE64"));
    parser.addOption(keyOption);
    parser.process(application);

    xueshi::AppSettings settings;
    QNetworkAccessManager network;
    xueshi::ClientCore core(&settings, &network);
    core.enableLocalData(
        xueshi::AppSettings::dataDirectory(), xueshi::TokenStore::systemKeychain());
    core.setLanguage(settings.language());
    if (parser.isSet(verifyOption))
        return verifyFromCommandLine(&core, parser.value(verifyOption), parser.values(keyOption));
    xueshi::ui::applyTheme(application);

    xueshi::ClientController controller(&core);
    if (parser.isSet(serverOption))
        controller.loginWindow()->setServerAddress(parser.value(serverOption));
    controller.start();
    return application.exec();
}
