#include "account/loginwindow.h"
#include "appsettings.h"
#include "clientcore.h"
#include "commandlineverify.h"
#include "common/uicommon.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTextStream>

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
    const QCommandLineOption onlineOption(QStringLiteral("online"),
        QStringLiteral("With --verify: also ask the server that signed whether this version is "
                       "current, superseded or revoked (a revoked one exits 1)."));
    parser.addOption(onlineOption);
    parser.process(application);

    xueshi::AppSettings settings;
    QNetworkAccessManager network;
    xueshi::ClientCore core(&settings, &network);
    core.enableLocalData(
        xueshi::AppSettings::dataDirectory(), xueshi::TokenStore::systemKeychain());
    core.setLanguage(settings.language());
    if (parser.isSet(verifyOption)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return xueshi::verifyFromCommandLine(&core, parser.value(verifyOption),
            parser.values(keyOption), parser.isSet(onlineOption), out, err);
    }
    xueshi::ui::applyTheme(application);

    xueshi::ClientController controller(&core);
    if (parser.isSet(serverOption))
        controller.loginWindow()->setServerAddress(parser.value(serverOption));
    controller.start();
    return application.exec();
}
