#include "servermain.h"

#include "admin/backup.h"
#include "admin/demodata.h"
#include "admin/policycommand.h"
#include "certificates/signingkeys.h"
#include "content/coursepackage.h"
#include "core/serverconfig.h"
#include "server.h"
#include "services/accountservice.h"
#include "services/certificateservice.h"
#include "services/courseservice.h"
#include "services/notifier.h"
#include "sync/changelog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xueshi::server {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int signalPipe[2] = { -1, -1 };

// Exit status of a server that refuses a database whose schema a newer version changed
// (systemd: RestartPreventExitStatus=3, restarting would not help).
constexpr int kExitSchemaTooNew = 3;

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &c, 1);
}

// SIGINT/SIGTERM stop the server gracefully: it stops accepting, answers the requests it has
// received (for at most the drain time) and then ends the event loop, so the database closes
// cleanly. A second signal ends it at once.
void installSignalHandlers(Server &server)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [&server] {
        char c;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &c, 1);
        static bool stopping = false;
        if (stopping) {
            QCoreApplication::quit();
            return;
        }
        stopping = true;
        err() << "stopping: finishing the requests in flight (at most "
              << server.options().drainTimeoutMs / 1000 << " s)\n";
        err().flush();
        QObject::connect(&server, &Server::stopped, qApp, &QCoreApplication::quit);
        server.stopGracefully();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void printDemoAccounts()
{
    out() << "Demo accounts (password for all: " << demoAccounts().constFirst().password << "):\n";
    for (const DemoAccount &a : demoAccounts())
        out() << "  " << Qt::left << qSetFieldWidth(15) << a.role << qSetFieldWidth(19)
              << a.username << qSetFieldWidth(0) << a.name << "\n";
    out().flush();
}

int runAdmin(Server &server, const QStringList &args)
{
    const QString command = args.value(0);
    QString error;
    if (command == QLatin1String("approve-institution") && args.size() == 2) {
        if (!server.accounts().approveInstitution(args.at(1), &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "approved institution " << args.at(1) << "\n";
        return 0;
    }
    if (command == QLatin1String("approve-employer") && args.size() == 2) {
        if (!server.accounts().approveOrganisation(args.at(1), Role::Employer, &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "approved employer " << args.at(1) << "\n";
        return 0;
    }
    if (command == QLatin1String("reject-organisation") && args.size() == 3) {
        if (!server.accounts().rejectOrganisation(args.at(1), args.at(2), &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "rejected " << args.at(1) << "\n";
        return 0;
    }
    if (command == QLatin1String("list-pending") && args.size() == 1) {
        for (const QJsonObject &u : server.accounts().listPendingOrganisations()) {
            const QJsonObject o = u.value(QStringLiteral("organisation")).toObject();
            out() << u.value(QStringLiteral("username")).toString() << '\t'
                  << u.value(QStringLiteral("role")).toString() << '\t'
                  << o.value(QStringLiteral("name")).toString() << '\t'
                  << o.value(QStringLiteral("creditCode")).toString() << '\t'
                  << o.value(QStringLiteral("regionName")).toString() << '\t'
                  << o.value(QStringLiteral("contactPerson")).toString() << '\t'
                  << u.value(QStringLiteral("createdAt")).toString() << "\n";
        }
        return 0;
    }
    if (command == QLatin1String("create-admin") && args.size() == 2) {
        // The password comes from standard input (one line), never from the command line where
        // `ps` would show it.
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (!server.accounts().createAdministrator(args.at(1), password, &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "created administrator " << args.at(1) << "\n";
        return 0;
    }
    if (command == QLatin1String("list-users") && args.size() <= 2) {
        const QString role = args.value(1);
        for (const QJsonObject &u : server.accounts().listUsers(role)) {
            out() << u.value(QStringLiteral("username")).toString() << '\t'
                  << u.value(QStringLiteral("role")).toString() << '\t'
                  << u.value(QStringLiteral("status")).toString() << '\t'
                  << u.value(QStringLiteral("displayName")).toString() << '\t'
                  << u.value(QStringLiteral("createdAt")).toString() << "\n";
        }
        return 0;
    }
    if (command == QLatin1String("outbox") && args.size() <= 2) {
        bool ok = true;
        const int limit = args.size() == 2 ? args.at(1).toInt(&ok) : 20;
        if (!ok || limit <= 0) {
            err() << "error: the limit must be a positive number\n";
            return 2;
        }
        const QList<Notification> messages = server.outbox().recent(limit);
        if (messages.isEmpty())
            out() << "The outbox is empty.\n";
        for (const Notification &n : messages) {
            out() << '#' << n.id << "  " << n.createdAt.toString(Qt::ISODate) << "  " << n.channel
                  << " via " << n.transport << "  " << n.destination << "\n  " << n.subject
                  << "\n  " << n.body << "\n\n";
        }
        const OutboxNotifier::Summary summary = server.outbox().summary();
        out() << "Last 7 days: " << summary.pending << " pending, " << summary.sent << " sent, "
              << summary.failed << " failed, " << summary.expired << " expired unread.\n";
        return 0;
    }
    if (command == QLatin1String("new-epoch") && args.size() == 1) {
        // After restoring a backup, clients may hold cursors past the restored log: make them all
        // rebuild their caches (their outboxes are kept and sent again).
        out() << "New epoch " << server.changeLog().newEpoch()
              << ": every client will download its data again at its next sync.\n";
        return 0;
    }
    if (command == QLatin1String("import-course") && args.size() == 2) {
        QStringList problems;
        const std::optional<CoursePackage> package = CoursePackage::load(args.at(1), &problems);
        if (!package) {
            err() << "error: " << args.at(1) << " is not a valid course package:\n";
            for (const QString &problem : std::as_const(problems))
                err() << "  " << problem << "\n";
            return 1;
        }
        const std::optional<CourseService::ImportResult> result
            = server.courses().importPackage(*package, &error);
        if (!result) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << (result->previousVersion ? "Updated" : "Imported") << " course "
              << result->courseId << " version " << result->packageVersion << ": "
              << result->lessons << " lessons, " << result->questions << " questions\n";
        if (result->previousVersion) {
            out() << "  replaced version " << result->previousVersion << "; lessons changed: "
                  << (result->changedLessons.isEmpty()
                             ? QStringLiteral("none")
                             : result->changedLessons.join(QStringLiteral(", ")))
                  << " (" << result->progressReset << " progress rows reset), "
                  << result->attemptsRedrawn << " unsubmitted exams drawn again\n";
        }
        return 0;
    }
    if (command == QLatin1String("policy"))
        return runPolicyCommand(server, args.mid(1), out(), err());
    if (command == QLatin1String("signing-key") && args.size() == 1) {
        // Public halves only: the secret keys never leave <data dir>/signing.
        for (const SigningKeys::Key &k : server.signingKeys().keys()) {
            out() << k.keyIdHex() << '\t' << QString::fromLatin1(k.publicKey.toBase64()) << '\t'
                  << k.createdAt.toString(Qt::ISODate) << '\t'
                  << (k.current ? "current" : "retired") << "\n";
        }
        return 0;
    }
    if (command == QLatin1String("rotate-signing-key") && args.size() == 1) {
        const std::optional<QString> id = server.certificates().rotateKey(&error);
        if (!id) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "New current signing key " << *id
              << "; certificates signed before keep verifying with the retired keys.\n";
        return 0;
    }
    if (command == QLatin1String("revoke-certificate") && args.size() == 3) {
        if (!server.certificates().revokeFromCommandLine(args.at(1), args.at(2), &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "revoked the current version of certificate " << args.at(1) << "\n";
        return 0;
    }
    if (command == QLatin1String("load-demo") && args.size() == 1) {
        if (!loadDemoData(server, &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
        out() << "Demo data loaded.\n";
        printDemoAccounts();
        return 0;
    }
    err()
        << "usage: xueshi-server [options] admin COMMAND\n"
           "commands:\n"
           "  list-pending                   organisations awaiting approval\n"
           "  approve-institution USERNAME   let an institution publish classes\n"
           "  approve-employer USERNAME      let an employer appear in the search and confirm "
           "staff\n"
           "  reject-organisation USERNAME REASON\n"
           "                                 refuse an organisation awaiting approval\n"
           "  create-admin USERNAME          an administrator account (password on standard "
           "input)\n"
           "  list-users [ROLE]              learner, employer, institution or administrator\n"
           "  outbox [N]                     the last N messages of the notifier (20): "
           "development\n"
           "                                 ones in full (that delivers them), the others' state\n"
           "  import-course PATH             validate and publish a course package (folder or\n"
           "                                 .zip); a higher version replaces the installed one\n"
           "  load-demo                      create the demo accounts and course (idempotent)\n"
           "  new-epoch                      after restoring a backup: clients download their data "
           "again\n"
           "  signing-key                    the certificate signing keys: id, public key "
           "(base64),\n"
           "                                 creation time, current or retired\n"
           "  rotate-signing-key             a new current signing key (the old one is kept)\n"
           "  revoke-certificate SERIAL REASON\n"
           "                                 revoke the current version of a certificate\n"
        << policyCommandUsage() << backupCommandUsage()
        << "Options of the server (--data-dir, --database) come before `admin`.\n";
    return 2;
}

} // namespace

int serverMain(int argc, char *argv[])
{
    // Whatever the server or a library under it creates (SQLite's journal files, course content,
    // exports) is the owner's only: the data holds password hashes and personal data.
    ::umask(S_IRWXG | S_IRWXO);
    // Each connection takes a descriptor, a download one more: up to 1024 connections need more
    // than the usual soft limit of 1024 (systemd's too), so take what the hard limit allows.
    // Running out anyway only pauses accepting (HttpServer).
    rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Xueshi"));
    QCoreApplication::setApplicationName(QStringLiteral("xueshi-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XUESHI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Xueshi central server: HTTPS JSON API for the xueshi desktop client.\n"
        "Administrator commands: xueshi-server [options] admin COMMAND (run `admin help`)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QStringLiteral("Directory for the SQLite database and the generated certificate."),
        QStringLiteral("dir"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
        QStringLiteral(
            "postgres://user:password@host:port/db (default: SQLite in the data directory)."),
        QStringLiteral("url"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)."),
        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("HTTPS port (default 8443)."), QStringLiteral("port"),
        QStringLiteral("8443"));
    const QCommandLineOption certOption(QStringLiteral("cert"),
        QStringLiteral("PEM certificate (chain) file."), QStringLiteral("file"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"), QStringLiteral("PEM private key file."), QStringLiteral("file"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QStringLiteral("Load the demo data before serving and print the demo accounts."));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
        QStringLiteral("Worker threads for requests (default 8)."), QStringLiteral("n"),
        QStringLiteral("8"));
    const QCommandLineOption perAddressOption(QStringLiteral("max-connections-per-address"),
        QStringLiteral("Connections one client address may hold (default 32; 0: no limit, for "
                       "a server behind a reverse proxy, which limits them itself)."),
        QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption configOption(QStringLiteral("config"),
        QStringLiteral("INI file whose [server] group holds any of these options by their long "
                       "name (the command line wins); secrets go in files, see "
                       "docs/operations.md."),
        QStringLiteral("file"));
    const QCommandLineOption metricsPortOption(QStringLiteral("metrics-port"),
        QStringLiteral("Serve Prometheus metrics on http://127.0.0.1:<port>/metrics (loopback "
                       "only; default: off)."),
        QStringLiteral("port"));
    // Several servers behind nginx (docs/operations.md): plain HTTP on loopback, drain time.
    const QCommandLineOption upstreamOption(QStringLiteral("upstream"),
        QStringLiteral("Serve plain HTTP to a reverse proxy on this machine (nginx terminates "
                       "TLS): loopback addresses only; client addresses from X-Real-IP / "
                       "X-Forwarded-For."));
    const QCommandLineOption drainOption(QStringLiteral("drain-seconds"),
        QStringLiteral("On SIGTERM, how long the requests in flight may take (default 10)."),
        QStringLiteral("s"), QStringLiteral("10"));
    const QList<QCommandLineOption> serverOptions { configOption, dataDirOption, databaseOption,
        listenOption, portOption, certOption, keyOption, demoOption, workersOption,
        perAddressOption, metricsPortOption, upstreamOption, drainOption };
    parser.addOptions(serverOptions);
    parser.addPositionalArgument(QStringLiteral("admin"),
        QStringLiteral("Run an administrator command."), QStringLiteral("[admin COMMAND ...]"));
    // What follows `admin` belongs to the command (`admin policy set 2026 --total 90`).
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);

    ServerOptions options;
    if (parser.isSet(configOption)) {
        QString error;
        options.config = ServerConfig::open(parser.value(configOption), serverOptions, &error);
        if (!options.config) {
            err() << "error: --config: " << error << "\n";
            return 2;
        }
    }
    const ServerConfig *config = options.config.get();
    const auto value = [&](const QCommandLineOption &option) {
        return ServerConfig::option(parser, option, config);
    };
    options.dataDir = ServerConfig::isSet(parser, dataDirOption, config)
        ? value(dataDirOption)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (ServerConfig::isSet(parser, databaseOption, config)) {
        QString error;
        options.database = DatabaseConfig::fromUrl(value(databaseOption), &error);
        if (!options.database) {
            err() << "error: --database: " << error << "\n";
            return 2;
        }
        // The password belongs in the db-password secret, not in the URL that `ps` shows.
        if (options.database->password.isEmpty()) {
            const std::optional<QByteArray> password
                = readSecret(config, QStringLiteral("db-password"), &error);
            if (!error.isEmpty()) {
                err() << "error: " << error << "\n";
                return 2;
            }
            if (password)
                options.database->password = QString::fromUtf8(*password);
        }
    }
    if (!options.address.setAddress(value(listenOption))) {
        err() << "error: --listen: not an IP address: " << value(listenOption) << "\n";
        return 2;
    }
    bool ok = false;
    const uint port = value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err() << "error: --port: not a port number\n";
        return 2;
    }
    options.port = quint16(port);
    const int workers = value(workersOption).toInt(&ok);
    if (!ok || workers < 1 || workers > 256) {
        err() << "error: --workers: between 1 and 256\n";
        return 2;
    }
    options.workerThreads = workers;
    const int perAddress = value(perAddressOption).toInt(&ok);
    if (!ok || perAddress < 0 || perAddress > 100000) {
        err() << "error: --max-connections-per-address: between 0 and 100000\n";
        return 2;
    }
    options.limits.maxConnectionsPerAddress = perAddress;
    if (ServerConfig::isSet(parser, metricsPortOption, config)) {
        const uint metricsPort = value(metricsPortOption).toUInt(&ok);
        if (!ok || metricsPort < 1 || metricsPort > 65535) {
            err() << "error: --metrics-port: not a port number\n";
            return 2;
        }
        options.metricsPort = int(metricsPort);
    }
    options.upstream = parser.isSet(upstreamOption)
        || (config
            && QVariant(config->value(QStringLiteral("server"), QStringLiteral("upstream")))
                   .toBool());
    if (options.upstream && !options.address.isLoopback()) {
        err() << "error: --upstream serves plain HTTP: --listen must be a loopback address "
                 "(127.0.0.1 or ::1), not "
              << options.address.toString() << "\n";
        return 2;
    }
    const int drainSeconds = value(drainOption).toInt(&ok);
    if (!ok || drainSeconds < 0 || drainSeconds > 3600) {
        err() << "error: --drain-seconds: between 0 and 3600\n";
        return 2;
    }
    options.drainTimeoutMs = drainSeconds * 1000;
    options.certificatePath = value(certOption);
    options.privateKeyPath = value(keyOption);
    if (options.certificatePath.isEmpty() != options.privateKeyPath.isEmpty()) {
        err() << "error: --cert and --key go together\n";
        return 2;
    }
    const bool demo = parser.isSet(demoOption)
        || (config
            && QVariant(config->value(QStringLiteral("server"), QStringLiteral("demo"))).toBool());

    const QStringList positional = parser.positionalArguments();
    // Backup and restore take the data as it is, before anything opens (or migrates) it.
    if (positional.size() >= 2 && positional.first() == QLatin1String("admin")
        && (positional.at(1) == QLatin1String("backup")
            || positional.at(1) == QLatin1String("restore"))) {
        const int code = positional.at(1) == QLatin1String("backup")
            ? runBackupCommand(options, positional.mid(2), out(), err())
            : runRestoreCommand(options, positional.mid(2), out(), err());
        out().flush();
        err().flush();
        return code;
    }

    Server server(options);
    QString error;
    if (!server.openStorage(&error)) {
        err() << "error: " << error << "\n";
        return server.schemaTooNew() ? kExitSchemaTooNew : 1;
    }

    if (!positional.isEmpty()) {
        if (positional.first() != QLatin1String("admin")) {
            err() << "error: unknown command " << positional.first() << " (try --help)\n";
            return 2;
        }
        const int code = runAdmin(server, positional.mid(1));
        out().flush();
        err().flush();
        return code;
    }

    if (demo) {
        if (!loadDemoData(server, &error)) {
            err() << "error: " << error << "\n";
            return 1;
        }
    }
    if (!server.listen(&error)) {
        err() << "error: " << error << "\n";
        return 1;
    }
    installSignalHandlers(server);
    out() << "xueshi-server " << XUESHI_VERSION << " listening on "
          << (options.upstream ? "http://" : "https://")
          << (options.address.protocol() == QAbstractSocket::IPv6Protocol
                     ? QLatin1Char('[') + options.address.toString() + QLatin1Char(']')
                     : options.address.toString())
          << ':' << server.port() << "/api/v1\n";
    out() << "Data: " << options.dataDir << "\n";
    if (server.certificateWasGenerated())
        out() << "Generated a self-signed certificate for localhost in " << options.dataDir
              << "/tls\n";
    if (!options.upstream)
        out() << "Certificate SHA-256 fingerprint: " << server.certificateFingerprint() << "\n";
    if (demo)
        printDemoAccounts();
    out().flush();
    return app.exec();
}

} // namespace xueshi::server
