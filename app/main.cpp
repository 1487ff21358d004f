#include "account/loginwindow.h"
#include "appsettings.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>

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
    parser.process(application);

    xueshi::AppSettings settings;
    QNetworkAccessManager network;
    xueshi::ClientCore core(&settings, &network);
    core.enableLocalData(
        xueshi::AppSettings::dataDirectory(), xueshi::TokenStore::systemKeychain());
    core.setLanguage(settings.language());
    xueshi::ui::applyTheme(application);

    xueshi::ClientController controller(&core);
    if (parser.isSet(serverOption))
        controller.loginWindow()->setServerAddress(parser.value(serverOption));
    controller.start();
    return application.exec();
}
