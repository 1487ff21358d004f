// Benchmark: 20 concurrent logins against a running xueshi-server, and the latency of another
// route (/health, asked one request after the other) while they run, against the same route on
// an idle server measured just before in the same run. Prints one JSON object.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <sodium.h>
#include <vector>

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

struct Bench
{
    QUrl base;
    QSslConfiguration tls;
    QString username;
    QString password;
    int logins = 20;

    QNetworkRequest request(const QString &path) const
    {
        QUrl u = base;
        u.setPath(QStringLiteral("/api/v1") + path);
        QNetworkRequest r(u);
        r.setSslConfiguration(tls);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return r;
    }
};

// Asks /health every 10 ms, one request after the other, until `stop` says so; records each latency
// in ms.
void pollHealth(const Bench &bench, QNetworkAccessManager *network, std::vector<double> *latencies,
    const std::function<bool()> &stop, const std::function<void()> &done)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = network->get(bench.request(QStringLiteral("/health")));
    QObject::connect(reply, &QNetworkReply::finished, reply, [=, &bench] {
        latencies->push_back(double(timer->nsecsElapsed()) / 1e6);
        reply->deleteLater();
        if (stop()) {
            done();
            return;
        }
        // Paced, not flat out: a poller that never pauses would be a load of its own.
        QTimer::singleShot(
            10, network, [=, &bench] { pollHealth(bench, network, latencies, stop, done); });
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("url"), QStringLiteral("Server base URL"),
        QStringLiteral("url"), QStringLiteral("https://127.0.0.1:8443") });
    parser.addOption({ QStringLiteral("cert"),
        QStringLiteral("The server's certificate (PEM) to trust"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("username"), QStringLiteral("Account to log in as"),
        QStringLiteral("name"), QStringLiteral("demo_learner") });
    parser.addOption({ QStringLiteral("password"), QStringLiteral("Its password"),
        QStringLiteral("password"), QStringLiteral("Xueshi2026") });
    parser.addOption({ QStringLiteral("logins"), QStringLiteral("Concurrent logins"),
        QStringLiteral("n"), QStringLiteral("20") });
    parser.process(app);

    Bench bench;
    bench.base = QUrl(parser.value(QStringLiteral("url")));
    bench.username = parser.value(QStringLiteral("username"));
    bench.password = parser.value(QStringLiteral("password"));
    bench.logins = parser.value(QStringLiteral("logins")).toInt();
    bench.tls = QSslConfiguration::defaultConfiguration();
    QFile certFile(parser.value(QStringLiteral("cert")));
    if (!certFile.open(QIODevice::ReadOnly)) {
        qCritical("cannot read the certificate: %s", qPrintable(certFile.errorString()));
        return 2;
    }
    bench.tls.setCaCertificates(QSslCertificate::fromData(certFile.readAll()));

    // The baseline for the burst: one Argon2id hash at the server's cost, timed in this process
    // on this machine just before (the median of five).
    if (sodium_init() < 0)
        return 2;
    std::vector<double> hashTimes;
    for (int i = 0; i < 5; ++i) {
        char out[crypto_pwhash_STRBYTES];
        QElapsedTimer t;
        t.start();
        if (crypto_pwhash_str(out, "Xueshi2026", 10, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                crypto_pwhash_MEMLIMIT_INTERACTIVE)
            != 0)
            return 2;
        hashTimes.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double hashMs = percentile(hashTimes, 0.5);
    const int passwordThreads = 2;

    QNetworkAccessManager healthNetwork;
    std::vector<double> idle;
    std::vector<double> underLoad;
    std::vector<double> loginLatencies;
    int exitCode = 0;

    // Phase 1: the idle baseline, 200 requests.
    pollHealth(
        bench, &healthNetwork, &idle, [&] { return idle.size() >= 200; },
        [&] {
            // Phase 2: the burst, each login on its own connection, /health polled meanwhile.
            auto networks = std::make_shared<std::vector<std::unique_ptr<QNetworkAccessManager>>>();
            auto finished = std::make_shared<int>(0);
            QElapsedTimer burst;
            burst.start();
            const QByteArray body
                = QJsonDocument(QJsonObject { { QStringLiteral("username"), bench.username },
                                    { QStringLiteral("password"), bench.password } })
                      .toJson(QJsonDocument::Compact);
            for (int i = 0; i < bench.logins; ++i) {
                networks->push_back(std::make_unique<QNetworkAccessManager>());
                auto started = std::make_shared<QElapsedTimer>();
                started->start();
                QNetworkReply *reply
                    = networks->back()->post(bench.request(QStringLiteral("/session")), body);
                QObject::connect(
                    reply, &QNetworkReply::finished, reply, [&, reply, started, finished] {
                        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                            != 200) {
                            qCritical("login failed: %s", reply->readAll().constData());
                            exitCode = 1;
                        }
                        loginLatencies.push_back(double(started->nsecsElapsed()) / 1e6);
                        ++*finished;
                        reply->deleteLater();
                    });
            }
            pollHealth(
                bench, &healthNetwork, &underLoad,
                [finished, &bench] { return *finished >= bench.logins; },
                [&, burst, networks, hashMs] {
                    const double idleP99 = percentile(idle, 0.99);
                    const double loadP99 = percentile(underLoad, 0.99);
                    const QJsonObject result {
                        { QStringLiteral("logins"), bench.logins },
                        { QStringLiteral("argon2id_ms_one_hash"), hashMs },
                        // The least a burst can take: every hash, spread over the password threads.
                        { QStringLiteral("burst_ratio_to_hashing_floor"),
                            double(burst.nsecsElapsed()) / 1e6
                                / (bench.logins * hashMs / passwordThreads) },
                        { QStringLiteral("burst_seconds"), double(burst.nsecsElapsed()) / 1e9 },
                        { QStringLiteral("login_ms_median"), percentile(loginLatencies, 0.5) },
                        { QStringLiteral("login_ms_max"), percentile(loginLatencies, 1.0) },
                        { QStringLiteral("health_requests_during_burst"), int(underLoad.size()) },
                        { QStringLiteral("health_ms_p99_idle"), idleP99 },
                        { QStringLiteral("health_ms_p50_during_burst"),
                            percentile(underLoad, 0.5) },
                        { QStringLiteral("health_ms_p99_during_burst"), loadP99 },
                        { QStringLiteral("health_p99_ratio_burst_to_idle"),
                            idleP99 > 0 ? loadP99 / idleP99 : 0 },
                    };
                    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
                    QCoreApplication::exit(exitCode);
                });
        });
    return app.exec();
}
