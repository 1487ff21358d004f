// The server's --config file and its secrets (docs/operations.md): the command line wins over
// the file, a misspelt key is refused, secrets come from systemd's credentials directory or a
// file the configuration names, and a secret file others may read is refused. Also runs the
// real xueshi-server with a configuration file.

#include "core/serverconfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace xueshi::server;

namespace {

void writeFile(const QString &path, const QByteArray &content,
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(permissions));
}

// Sets an environment variable for one test and puts back what was there.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void commandLineWinsOverTheFile();
    void misspeltKeyIsRefused();
    void missingFileIsRefused();
    void secretFromCredentialsDirectory();
    void secretFromConfiguredFile();
    void secretReadableByOthersIsRefused();
    void emptySecretIsRefused();
    void executable_readsItsOptionsFromTheFile();
    void executable_refusesAnOpenSecret();

private:
    QTemporaryDir m_dir;
    const QCommandLineOption m_port { QStringLiteral("port"), QString(), QStringLiteral("port"),
        QStringLiteral("8443") };
    const QCommandLineOption m_listen { QStringLiteral("listen"), QString(),
        QStringLiteral("address"), QStringLiteral("127.0.0.1") };
    const QCommandLineOption m_database { QStringLiteral("database"), QString(),
        QStringLiteral("url") };
};

void TestServerConfig::commandLineWinsOverTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("a.conf"));
    writeFile(path,
        "[server]\nport=9001\nlisten=0.0.0.0\n[notifier]\nrecipients=a@example.cn, "
        "b@example.cn\n");
    QCommandLineParser parser;
    parser.addOptions({ m_port, m_listen, m_database });
    QVERIFY(parser.parse(
        { QStringLiteral("xueshi-server"), QStringLiteral("--port"), QStringLiteral("9002") }));
    QString error;
    const auto config = ServerConfig::open(path, { m_port, m_listen, m_database }, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(ServerConfig::option(parser, m_port, config.get()), QStringLiteral("9002"));
    QCOMPARE(ServerConfig::option(parser, m_listen, config.get()), QStringLiteral("0.0.0.0"));
    QVERIFY(ServerConfig::isSet(parser, m_listen, config.get()));
    QVERIFY(!ServerConfig::isSet(parser, m_database, config.get()));
    QCOMPARE(ServerConfig::option(parser, m_database, config.get()), QString());
    // Without a file, the option's default.
    QCOMPARE(ServerConfig::option(parser, m_listen, nullptr), QStringLiteral("127.0.0.1"));
    // A value with commas comes back as written, not as a list QSettings made of it.
    QCOMPARE(config->value(QStringLiteral("notifier"), QStringLiteral("recipients")),
        QStringLiteral("a@example.cn,b@example.cn"));
    QCOMPARE(
        config->value(QStringLiteral("notifier"), QStringLiteral("absent"), QStringLiteral("x")),
        QStringLiteral("x"));
}

void TestServerConfig::misspeltKeyIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("b.conf"));
    writeFile(path, "[server]\nprot=9001\n");
    QString error;
    QVERIFY(!ServerConfig::open(path, { m_port, m_listen }, &error));
    QVERIFY2(error.contains(QLatin1String("prot")), qPrintable(error));
}

void TestServerConfig::missingFileIsRefused()
{
    QString error;
    QVERIFY(!ServerConfig::open(m_dir.filePath(QStringLiteral("none.conf")), { m_port }, &error));
    QVERIFY(!error.isEmpty());
}

void TestServerConfig::secretFromCredentialsDirectory()
{
    QTemporaryDir credentials;
    writeFile(QDir(credentials.path()).filePath(QStringLiteral("db-password")), "s3cret\n");
    const QString other = m_dir.filePath(QStringLiteral("other-password"));
    writeFile(other, "from-file");
    const QString path = m_dir.filePath(QStringLiteral("c.conf"));
    writeFile(path, QByteArray("[secrets]\ndb-password-file=") + other.toUtf8() + '\n');
    QString error;
    const auto config = ServerConfig::open(path, {}, &error);
    QVERIFY2(config, qPrintable(error));

    const ScopedEnv env("CREDENTIALS_DIRECTORY", credentials.path().toUtf8());
    const auto secret = readSecret(config.get(), QStringLiteral("db-password"), &error);
    QVERIFY2(secret, qPrintable(error));
    QCOMPARE(*secret, QByteArray("s3cret")); // the credential wins, its newline dropped
    // A secret not in the credentials directory, nor configured: not there, and no error.
    QVERIFY(!readSecret(config.get(), QStringLiteral("smtp-password"), &error));
    QVERIFY(error.isEmpty());
}

void TestServerConfig::secretFromConfiguredFile()
{
    const ScopedEnv env("CREDENTIALS_DIRECTORY", QByteArray());
    const QString secretPath = m_dir.filePath(QStringLiteral("smtp-password"));
    writeFile(secretPath, "pa ss\r\n",
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    const QString path = m_dir.filePath(QStringLiteral("d.conf"));
    writeFile(path, QByteArray("[secrets]\nsmtp-password-file=") + secretPath.toUtf8() + '\n');
    QString error;
    const auto config = ServerConfig::open(path, {}, &error);
    QVERIFY2(config, qPrintable(error));
    const auto secret = readSecret(config.get(), QStringLiteral("smtp-password"), &error);
    QVERIFY2(secret, qPrintable(error));
    QCOMPARE(*secret, QByteArray("pa ss"));
    QVERIFY(!readSecret(nullptr, QStringLiteral("smtp-password"), &error));
    QVERIFY(error.isEmpty());
}

void TestServerConfig::secretReadableByOthersIsRefused()
{
    const ScopedEnv env("CREDENTIALS_DIRECTORY", QByteArray());
    const QString secretPath = m_dir.filePath(QStringLiteral("open-password"));
    writeFile(secretPath, "visible",
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    const QString path = m_dir.filePath(QStringLiteral("e.conf"));
    writeFile(path, QByteArray("[secrets]\ndb-password-file=") + secretPath.toUtf8() + '\n');
    QString error;
    const auto config = ServerConfig::open(path, {}, &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(!readSecret(config.get(), QStringLiteral("db-password"), &error));
    QVERIFY2(error.contains(QLatin1String("readable by every user")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("visible"))); // never the secret itself
}

void TestServerConfig::emptySecretIsRefused()
{
    QTemporaryDir credentials;
    writeFile(QDir(credentials.path()).filePath(QStringLiteral("webhook-token")), "\n");
    const ScopedEnv env("CREDENTIALS_DIRECTORY", credentials.path().toUtf8());
    QString error;
    QVERIFY(!readSecret(nullptr, QStringLiteral("webhook-token"), &error));
    QVERIFY2(error.contains(QLatin1String("empty")), qPrintable(error));
}

void TestServerConfig::executable_readsItsOptionsFromTheFile()
{
    const QString data = m_dir.filePath(QStringLiteral("state"));
    const QString path = m_dir.filePath(QStringLiteral("server.conf"));
    writeFile(path, QByteArray("[server]\ndata-dir=") + data.toUtf8() + "\nworkers=2\n");
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE),
        { QStringLiteral("--config"), path, QStringLiteral("admin"),
            QStringLiteral("list-pending") });
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QFileInfo::exists(QDir(data).filePath(QStringLiteral("xueshi.sqlite"))));

    writeFile(path, "[server]\nworker=2\n");
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE),
        { QStringLiteral("--config"), path, QStringLiteral("admin"),
            QStringLiteral("list-pending") });
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("[server] worker is not an option"));
}

void TestServerConfig::executable_refusesAnOpenSecret()
{
    // The database URL without a password takes it from the db-password credential; one that
    // every user may read stops the server before it connects anywhere.
    QTemporaryDir credentials;
    writeFile(QDir(credentials.path()).filePath(QStringLiteral("db-password")), "x",
        QFileDevice::ReadOwner | QFileDevice::ReadOther);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), credentials.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE),
        { QStringLiteral("--database"), QStringLiteral("postgres://xueshi@127.0.0.1:1/xueshi"),
            QStringLiteral("admin"), QStringLiteral("list-pending") });
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("db-password"));
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
