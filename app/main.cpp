#include "account/loginwindow.h"
#include "appsettings.h"
#include "clientcore.h"
#include "commandlinesync.h"
#include "commandlineverify.h"
#include "common/uicommon.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

// Whether the command line asks for work without a window (--sync, --verify).
bool windowless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--sync" || arg == "--verify" || arg.startsWith("--verify="))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // Windowless work runs where no display is (over ssh, from a scheduled job).
    if (windowless(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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
    const QCommandLineOption syncOption(QStringLiteral("sync"),
        QStringLiteral("Log in, sync this computer's cache with the server (send the changes "
                       "made offline, fetch the new ones), log out and exit, without a window. "
                       "The password is read from standard input. Exits 0 synced, 1 not synced "
                       "or changes left unsent, 2 not logged in, 3 certificate not trusted."));
    parser.addOption(syncOption);
    const QCommandLineOption userOption(QStringList { QStringLiteral("u"), QStringLiteral("user") },
        QStringLiteral("With --sync: the username (default: the last one that logged in here)."),
        QStringLiteral("NAME"));
    parser.addOption(userOption);
    const QCommandLineOption trustOption(QStringLiteral("trust-certificate"),
        QStringLiteral("With --sync: trust the server's self-signed certificate when its SHA-256 "
                       "fingerprint is this one (as the administrator gave it)."),
        QStringLiteral("SHA256"));
    parser.addOption(trustOption);
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
    if (parser.isSet(syncOption)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        const QString password = xueshi::CommandLineSync::readPassword(stdin, err);
        xueshi::CommandLineSync command(&core, &network, out, err);
#ifdef Q_OS_UNIX
        command.setShowProgress(isatty(fileno(stderr)));
#endif
        return command.run(
            { parser.value(serverOption), parser.value(userOption), parser.value(trustOption) },
            password);
    }
    xueshi::ui::applyTheme(application);

    xueshi::ClientController controller(&core);
    if (parser.isSet(serverOption))
        controller.loginWindow()->setServerAddress(parser.value(serverOption));
    controller.start();
    return application.exec();
}
