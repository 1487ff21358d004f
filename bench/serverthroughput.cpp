// Benchmark (issue 13): the requests per second a running xueshi-server answers over HTTPS with
// 64 keep-alive connections, for an authenticated small read (GET /me) and a pull with nothing new
// (GET /sync/changes?since=<the latest cursor>), next to nginx serving a static file of the size of
// /me's answer over HTTPS (same certificate, one worker process) in the same run. The load comes
// from wrk; this program logs in, finds the cursor, starts nginx, runs wrk three times and prints
// one JSON line per figure and one with all of them.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>

#include <cstdio>
#include <optional>

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
};

class Client
{
public:
    Client(const QUrl &base, const QSslConfiguration &tls)
        : m_base(base)
        , m_tls(tls)
    { }

    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
        const QString &token = {})
    {
        QUrl url = m_base;
        const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
        url.setPath(QStringLiteral("/api/v1") + pathAndQuery.left(question));
        if (question >= 0)
            url.setQuery(pathAndQuery.mid(question + 1));
        QNetworkRequest request(url);
        request.setSslConfiguration(m_tls);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->readAll() };
        reply->deleteLater();
        return r;
    }

private:
    QUrl m_base;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_network;
};

struct WrkResult
{
    double rps = 0;
    double p99Ms = 0;
    qint64 errors = 0;
    QString failure;
};

// "Requests/sec: 1234.56" and the "99%  12.34ms" line of `wrk --latency`.
WrkResult runWrk(
    const QString &url, const QString &script, int connections, int threads, int seconds)
{
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    wrk.start(QStringLiteral("wrk"),
        { QStringLiteral("-t%1").arg(threads), QStringLiteral("-c%1").arg(connections),
            QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"), QStringLiteral("-s"),
            script, url });
    WrkResult result;
    if (!wrk.waitForFinished((seconds + 60) * 1000) || wrk.exitCode() != 0) {
        result.failure = QStringLiteral("wrk failed: ") + QString::fromLocal8Bit(wrk.readAll());
        return result;
    }
    const QString out = QString::fromLocal8Bit(wrk.readAll());
    static const QRegularExpression rps(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression p99(QStringLiteral("\\n\\s*99%\\s+([0-9.]+)(us|ms|s)"));
    static const QRegularExpression errors(QStringLiteral("Non-2xx or 3xx responses:\\s+([0-9]+)"));
    static const QRegularExpression socketErrors(
        QStringLiteral("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout "
                       "([0-9]+)"));
    const auto r = rps.match(out);
    const auto p = p99.match(out);
    if (!r.hasMatch() || !p.hasMatch()) {
        result.failure = QStringLiteral("cannot read wrk's output: ") + out;
        return result;
    }
    result.rps = r.captured(1).toDouble();
    const double value = p.captured(1).toDouble();
    const QString unit = p.captured(2);
    result.p99Ms = unit == QLatin1String("us") ? value / 1000
        : unit == QLatin1String("s")           ? value * 1000
                                               : value;
    if (const auto e = errors.match(out); e.hasMatch())
        result.errors += e.captured(1).toLongLong();
    if (const auto e = socketErrors.match(out); e.hasMatch()) {
        for (int i = 1; i <= 4; ++i)
            result.errors += e.captured(i).toLongLong();
    }
    return result;
}

bool waitForPort(quint16 port)
{
    for (int i = 0; i < 100; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (socket.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

void line(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("url"), QStringLiteral("Server base URL"),
        QStringLiteral("url"), QStringLiteral("https://127.0.0.1:18443") });
    parser.addOption({ QStringLiteral("cert"),
        QStringLiteral("The server's certificate (PEM), also nginx's"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("key"), QStringLiteral("The certificate's key, for nginx"),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("username"), QStringLiteral("Account to log in as"),
        QStringLiteral("name"), QStringLiteral("demo_learner") });
    parser.addOption({ QStringLiteral("password"), QStringLiteral("Its password"),
        QStringLiteral("password"), QStringLiteral("Xueshi2026") });
    parser.addOption({ QStringLiteral("connections"), QStringLiteral("Keep-alive connections"),
        QStringLiteral("n"), QStringLiteral("64") });
    parser.addOption({ QStringLiteral("threads"), QStringLiteral("wrk threads"),
        QStringLiteral("n"), QStringLiteral("2") });
    parser.addOption({ QStringLiteral("seconds"), QStringLiteral("Duration of each run"),
        QStringLiteral("s"), QStringLiteral("10") });
    parser.addOption({ QStringLiteral("nginx-port"), QStringLiteral("Port for nginx"),
        QStringLiteral("port"), QStringLiteral("18444") });
    parser.process(app);
    const auto fail = [](const QString &why) {
        std::fprintf(stderr, "server-throughput: %s\n", qPrintable(why));
        return 2;
    };

    const QUrl base(parser.value(QStringLiteral("url")));
    QFile certFile(parser.value(QStringLiteral("cert")));
    if (!certFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the certificate: ") + certFile.errorString());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(certFile.readAll()));
    Client client(base, tls);

    // Log in, read /me once, and follow the feed to its end for the cursor of "nothing new".
    const Reply login = client.send("POST", QStringLiteral("/session"),
        QJsonDocument(
            QJsonObject { { QStringLiteral("username"), parser.value(QStringLiteral("username")) },
                { QStringLiteral("password"), parser.value(QStringLiteral("password")) } })
            .toJson(QJsonDocument::Compact));
    const QString token
        = QJsonDocument::fromJson(login.body).object().value(QStringLiteral("token")).toString();
    if (login.status != 200 || token.isEmpty())
        return fail(QStringLiteral("login failed: %1").arg(login.status));
    const Reply me = client.send("GET", QStringLiteral("/me"), {}, token);
    if (me.status != 200)
        return fail(QStringLiteral("/me answered %1").arg(me.status));
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        const Reply r = client.send("GET",
            QStringLiteral("/sync/changes?limit=1000&since=")
                + QString::fromLatin1(QUrl::toPercentEncoding(cursor)),
            {}, token);
        const QJsonObject json = QJsonDocument::fromJson(r.body).object();
        if (r.status != 200)
            return fail(QStringLiteral("the pull answered %1").arg(r.status));
        cursor = json.value(QStringLiteral("cursor")).toString();
        if (!json.value(QStringLiteral("more")).toBool())
            break;
    }
    const QString pullPath = QStringLiteral("/api/v1/sync/changes?limit=1000&since=")
        + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    const Reply empty = client.send("GET", pullPath.mid(7), {}, token);
    if (empty.status != 200
        || !QJsonDocument::fromJson(empty.body)
                .object()
                .value(QStringLiteral("changes"))
                .toArray()
                .isEmpty())
        return fail(QStringLiteral("the pull from the last cursor is not empty"));

    // nginx: one worker, the same certificate, a static file as large as /me's answer.
    QTemporaryDir dir;
    // nginx's worker may run as another user (nobody, when started as root): it reads the file.
    QFile::setPermissions(dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther);
    const quint16 nginxPort = quint16(parser.value(QStringLiteral("nginx-port")).toUInt());
    QFile staticFile(dir.filePath(QStringLiteral("me.json")));
    if (!staticFile.open(QIODevice::WriteOnly) || staticFile.write(me.body) != me.body.size())
        return fail(QStringLiteral("cannot write the static file"));
    staticFile.close();
    QFile conf(dir.filePath(QStringLiteral("nginx.conf")));
    if (!conf.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write nginx.conf"));
    conf.write(QStringLiteral(
        "daemon off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log;\n"
        "events { worker_connections 1024; }\n"
        "http {\n access_log off;\n client_body_temp_path %1;\n proxy_temp_path %1;\n"
        " fastcgi_temp_path %1;\n uwsgi_temp_path %1;\n scgi_temp_path %1;\n"
        " server {\n  listen 127.0.0.1:%2 ssl;\n  ssl_certificate %3;\n"
        "  ssl_certificate_key %4;\n  ssl_protocols TLSv1.2 TLSv1.3;\n  keepalive_requests "
        "1000000;\n"
        "  root %1;\n  default_type application/json;\n }\n}\n")
                   .arg(dir.path())
                   .arg(nginxPort)
                   .arg(QFileInfo(certFile).absoluteFilePath(),
                       QFileInfo(parser.value(QStringLiteral("key"))).absoluteFilePath())
                   .toUtf8());
    conf.close();
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    nginx.start(QStringLiteral("nginx"),
        { QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), conf.fileName() });
    if (!nginx.waitForStarted() || !waitForPort(nginxPort))
        return fail(QStringLiteral("nginx did not start"));

    // wrk sends the bearer token with each request (nginx ignores it).
    QFile script(dir.filePath(QStringLiteral("auth.lua")));
    if (!script.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write the wrk script"));
    script.write("wrk.headers[\"Authorization\"] = \"Bearer " + token.toLatin1() + "\"\n");
    script.close();

    const int connections = parser.value(QStringLiteral("connections")).toInt();
    const int threads = parser.value(QStringLiteral("threads")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    QUrl origin = base;
    origin.setPath({});
    const QString server = origin.toString(QUrl::RemovePath);
    const WrkResult nginxRun = runWrk(QStringLiteral("https://127.0.0.1:%1/me.json").arg(nginxPort),
        script.fileName(), connections, threads, seconds);
    const WrkResult meRun = runWrk(
        server + QStringLiteral("/api/v1/me"), script.fileName(), connections, threads, seconds);
    const WrkResult pullRun
        = runWrk(server + pullPath, script.fileName(), connections, threads, seconds);
    nginx.terminate();
    nginx.waitForFinished(5000);
    for (const WrkResult *r : { &nginxRun, &meRun, &pullRun }) {
        if (!r->failure.isEmpty())
            return fail(r->failure);
    }

    const auto figure = [](const char *metric, double value, const char *unit) {
        line({ { QStringLiteral("benchmark"), QStringLiteral("server-throughput") },
            { QStringLiteral("metric"), QLatin1String(metric) }, { QStringLiteral("value"), value },
            { QStringLiteral("unit"), QLatin1String(unit) } });
    };
    const double p99 = std::max(meRun.p99Ms, pullRun.p99Ms);
    figure("me_rps", meRun.rps, "requests/s");
    figure("pull_rps", pullRun.rps, "requests/s");
    figure("nginx_rps", nginxRun.rps, "requests/s");
    figure("me_ratio", meRun.rps / nginxRun.rps, "of nginx");
    figure("pull_ratio", pullRun.rps / nginxRun.rps, "of nginx");
    figure("p99_ms", p99, "ms");
    line({ { QStringLiteral("benchmark"), QStringLiteral("server-throughput") },
        { QStringLiteral("connections"), connections }, { QStringLiteral("seconds"), seconds },
        { QStringLiteral("body_bytes"), me.body.size() },
        { QStringLiteral("pull_body_bytes"), empty.body.size() },
        { QStringLiteral("me_rps"), meRun.rps }, { QStringLiteral("pull_rps"), pullRun.rps },
        { QStringLiteral("nginx_rps"), nginxRun.rps },
        { QStringLiteral("me_ratio"), meRun.rps / nginxRun.rps },
        { QStringLiteral("pull_ratio"), pullRun.rps / nginxRun.rps },
        { QStringLiteral("me_p99_ms"), meRun.p99Ms },
        { QStringLiteral("pull_p99_ms"), pullRun.p99Ms },
        { QStringLiteral("nginx_p99_ms"), nginxRun.p99Ms }, { QStringLiteral("p99_ms"), p99 },
        { QStringLiteral("errors"), double(meRun.errors + pullRun.errors + nginxRun.errors) },
        { QStringLiteral("goal"),
            QStringLiteral("me_ratio and pull_ratio >= 0.5, p99_ms < 50") } });
    return 0;
}
