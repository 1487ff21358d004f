// Benchmarks sync-initial and sync-incremental (issue 13): the real client (ClientCore, Session,
// SyncEngine, LocalStore, the employer's staff page shown offscreen) syncing with a real
// xueshi-server process over HTTPS on loopback. bench/run.sh starts the servers and calls this
// program in three modes:
//
//   seed     --data-dir D [--postgres URL] --staff N --records M [--no-noise] [--others K]
//            publishes the HR office and its noise into the server's change log;
//   employer --url U --cert PEM --data-dir D [--postgres URL] --label L --staff N --records M
//            logs in as demo_employer into an empty cache and times the first sync with the staff
//            page open (seconds, client_peak_rss_mb, max_ui_stall_ms), then downloads the same
//            pages again to time the baseline (parse the JSON, insert the rows into SQLite) and
//            count bytes_on_wire; then times syncs of 0 and of 100 new changes;
//   learner  --url U --cert PEM --data-dir D [--postgres URL] --label L
//            logs in as demo_learner (the log holds a million changes of others), syncs, then
//            times syncs of 10 new changes of their own.
//
// Each mode prints one JSON object; run.sh combines the runs into the figures of
// docs/performance.md.
#include "apiclient.h"
#include "appsettings.h"
#include "binding/staffpage.h"
#include "clientcore.h"
#include "localstore.h"
#include "server.h"
#include "servertrust.h"
#include "session.h"
#include "syncengine.h"
#include "syncseed.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

using namespace xueshi;

namespace {

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void printJson(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "xueshi-bench-sync: %s\n", qPrintable(message));
    std::exit(1);
}

server::ServerOptions serverOptions(const QCommandLineParser &parser)
{
    server::ServerOptions options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    if (parser.isSet(QStringLiteral("postgres"))) {
        QString error;
        const auto config
            = server::DatabaseConfig::fromUrl(parser.value(QStringLiteral("postgres")), &error);
        if (!config)
            die(error);
        options.database = *config;
    }
    return options;
}

// The client of one user on this computer, as the program runs it, with a 10 ms heartbeat on the
// main thread that records the longest gap while a sync runs.
class Client
{
public:
    Client(const QUrl &url, const QString &certificatePath)
        : m_settings(m_dir.filePath(QStringLiteral("settings.ini")))
        , m_core(&m_settings, &m_network)
        , m_url(url)
    {
        m_core.enableLocalData(m_dir.path(), nullptr);
        QFile file(certificatePath);
        if (!file.open(QIODevice::ReadOnly))
            die(QStringLiteral("cannot read %1").arg(certificatePath));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(file.readAll());
        if (chain.isEmpty())
            die(QStringLiteral("no certificate in %1").arg(certificatePath));
        m_certificate = chain.first();
        m_core.trust()->pin(ServerTrust::serverKey(url), m_certificate);
        m_core.api()->setServerUrl(url);
        m_core.setEngineSetup([](SyncEngine *engine) {
            engine->setWatchNetwork(false);
            engine->setPeriodicInterval(0);
        });
        m_heartbeat.setInterval(10);
        QObject::connect(&m_heartbeat, &QTimer::timeout, [this] {
            if (m_sinceBeat.isValid())
                m_maxGapMs = std::max(m_maxGapMs, double(m_sinceBeat.nsecsElapsed()) / 1e6);
            m_sinceBeat.restart();
        });
    }

    ClientCore &core() { return m_core; }

    // Logs in; the first sync starts at once. Returns its seconds.
    double loginAndSync(const QString &username, const QString &password, QWidget *page)
    {
        QElapsedTimer timer;
        bool failed = false;
        QString message;
        QEventLoop loop;
        QObject::connect(&m_core, &ClientCore::syncEngineChanged, &loop, [&](SyncEngine *engine) {
            if (!engine)
                return;
            if (auto *staff = qobject_cast<StaffPage *>(page))
                staff->setEngine(engine);
            startBeating();
            timer.start();
            QObject::connect(
                engine, &SyncEngine::syncFinished, &loop, [&](bool ok, const QString &text) {
                    if (!ok) {
                        failed = true;
                        message = text;
                    }
                    loop.quit();
                });
        });
        m_core.session()->login(username, password, &loop, [&](const ApiResult &result) {
            if (!result.ok()) {
                failed = true;
                message = result.error.message;
                loop.quit();
            }
        });
        loop.exec();
        m_heartbeat.stop();
        if (failed)
            die(QStringLiteral("the first sync failed: %1").arg(message));
        return double(timer.nsecsElapsed()) / 1e9;
    }

    // One more sync, timed (ms).
    double syncOnce()
    {
        SyncEngine *engine = m_core.syncEngine();
        QEventLoop loop;
        bool ok = false;
        QString message;
        const auto connection = QObject::connect(
            engine, &SyncEngine::syncFinished, &loop, [&](bool success, const QString &text) {
                ok = success;
                message = text;
                loop.quit();
            });
        QElapsedTimer timer;
        timer.start();
        engine->syncNow();
        loop.exec();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        QObject::disconnect(connection);
        if (!ok)
            die(QStringLiteral("a sync failed: %1").arg(message));
        return ms;
    }

    double maxGapMs() const { return m_maxGapMs; }

    // The feed from the start, page by page as the engine asks for it: the bodies as JSON, and
    // `wireBytes` the same pages as they cross the wire (asked again with Accept-Encoding set by
    // hand, so that nothing decodes them).
    QList<QByteArray> download(qint64 *wireBytes)
    {
        QList<QByteArray> pages;
        QString cursor;
        *wireBytes = 0;
        for (;;) {
            QUrl url = m_url;
            url.setPath(QStringLiteral("/api/v1/sync/changes"));
            QUrlQuery query;
            query.addQueryItem(
                QStringLiteral("limit"), QString::number(SyncEngine::DefaultPageSize));
            if (!cursor.isEmpty())
                query.addQueryItem(
                    QStringLiteral("since"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
            url.setQuery(query);
            const QByteArray body = get(url, false);
            *wireBytes += get(url, true).size();
            pages.append(body);
            const QJsonObject page = QJsonDocument::fromJson(body).object();
            cursor = page.value(QLatin1String("cursor")).toString();
            if (!page.value(QLatin1String("more")).toBool()
                || page.value(QLatin1String("changes")).toArray().isEmpty())
                break;
        }
        return pages;
    }

private:
    QByteArray get(const QUrl &url, bool raw)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_core.api()->bearerToken().toUtf8());
        if (raw)
            request.setRawHeader("Accept-Encoding", "gzip");
        QNetworkReply *reply = m_network.get(request);
        // Loopback and the certificate the server made: the pinned one.
        QObject::connect(
            reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &) {
                if (reply->sslConfiguration().peerCertificate() == m_certificate)
                    reply->ignoreSslErrors();
            });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            die(QStringLiteral("download: %1").arg(reply->errorString()));
        return body;
    }

    void startBeating()
    {
        m_maxGapMs = 0;
        m_sinceBeat.invalidate();
        m_heartbeat.start();
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    AppSettings m_settings;
    ClientCore m_core;
    QUrl m_url;
    QSslCertificate m_certificate;
    QTimer m_heartbeat;
    QElapsedTimer m_sinceBeat;
    double m_maxGapMs = 0;
};

// The baseline: the same pages parsed and their rows inserted into SQLite, in one process, with
// nothing else (no network, no engine, no views).
double baselineSeconds(const QList<QByteArray> &pages)
{
    QTemporaryDir dir;
    double seconds = 0;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(dir.filePath(QStringLiteral("baseline.sqlite")));
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery setup(db);
        setup.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        setup.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        setup.exec(QStringLiteral("CREATE TABLE entities (type TEXT NOT NULL, id TEXT NOT NULL,"
                                  " version INTEGER NOT NULL, data TEXT, PRIMARY KEY (type, id))"));
        QElapsedTimer timer;
        timer.start();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO entities (type, id, version, data)"
                                      " VALUES (?, ?, ?, ?)"));
        for (const QByteArray &body : pages) {
            const QJsonArray changes
                = QJsonDocument::fromJson(body).object().value(QLatin1String("changes")).toArray();
            db.transaction();
            for (const QJsonValue &value : changes) {
                const QJsonObject change = value.toObject();
                insert.bindValue(0, change.value(QLatin1String("type")).toString());
                insert.bindValue(1, change.value(QLatin1String("id")).toString());
                insert.bindValue(2, qint64(change.value(QLatin1String("version")).toDouble()));
                insert.bindValue(3,
                    QString::fromUtf8(QJsonDocument(change.value(QLatin1String("data")).toObject())
                                          .toJson(QJsonDocument::Compact)));
                insert.exec();
            }
            db.commit();
        }
        seconds = double(timer.nsecsElapsed()) / 1e9;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("mode"), QStringLiteral("seed, employer or learner"));
    parser.addOptions({
        { QStringLiteral("data-dir"), QStringLiteral("The server's data directory."),
            QStringLiteral("dir") },
        { QStringLiteral("postgres"), QStringLiteral("The server's PostgreSQL database."),
            QStringLiteral("url") },
        { QStringLiteral("url"), QStringLiteral("The server."), QStringLiteral("url") },
        { QStringLiteral("cert"), QStringLiteral("The server's certificate (PEM)."),
            QStringLiteral("file") },
        { QStringLiteral("label"), QStringLiteral("Names the run in the output."),
            QStringLiteral("text") },
        { QStringLiteral("staff"), QStringLiteral("Staff of the HR office."), QStringLiteral("n"),
            QStringLiteral("10000") },
        { QStringLiteral("records"), QStringLiteral("Their hour records."), QStringLiteral("n"),
            QStringLiteral("100000") },
        { QStringLiteral("others"), QStringLiteral("Changes of people nobody logs in as."),
            QStringLiteral("n"), QStringLiteral("0") },
        { QStringLiteral("no-noise"), QStringLiteral("No other employers, courses or classes.") },
        { QStringLiteral("rounds"), QStringLiteral("Timed incremental syncs per case."),
            QStringLiteral("n"), QStringLiteral("5") },
    });
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);
    const int staff = parser.value(QStringLiteral("staff")).toInt();
    const int records = parser.value(QStringLiteral("records")).toInt();
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const QString label = parser.value(QStringLiteral("label"));

    if (mode == QLatin1String("seed")) {
        bench::SeedSize size;
        size.staff = staff;
        size.records = records;
        size.noise = !parser.isSet(QStringLiteral("no-noise"));
        size.otherChanges = parser.value(QStringLiteral("others")).toInt();
        QElapsedTimer timer;
        timer.start();
        const QString error = bench::seed(serverOptions(parser), size);
        if (!error.isEmpty())
            die(error);
        printJson({ { QStringLiteral("seeded"), label },
            { QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0 } });
        return 0;
    }

    const QUrl url(parser.value(QStringLiteral("url")));
    const QString cert = parser.value(QStringLiteral("cert"));
    if (mode == QLatin1String("employer")) {
        Client client(url, cert);
        StaffPage page(&client.core());
        page.resize(1280, 800);
        page.show();
        const double seconds = client.loginAndSync(
            QStringLiteral("demo_employer"), QStringLiteral("Xueshi2026"), &page);
        const double stall = client.maxGapMs();
        const double rss = peakRssMb();
        LocalStore *store = client.core().localStore();
        const int bindings = int(store->entityCount(QStringLiteral("binding")));
        const int hourRecords = int(store->entityCount(QStringLiteral("hourRecord")));
        qint64 bytes = 0;
        const QList<QByteArray> pages = client.download(&bytes);
        const double baseline = baselineSeconds(pages);

        QJsonObject result { { QStringLiteral("bench"), QStringLiteral("sync-initial") },
            { QStringLiteral("label"), label }, { QStringLiteral("staff"), staff },
            { QStringLiteral("records"), records }, { QStringLiteral("seconds"), seconds },
            { QStringLiteral("baseline_seconds"), baseline },
            { QStringLiteral("ratio_to_baseline"), seconds / baseline },
            { QStringLiteral("client_peak_rss_mb"), rss },
            { QStringLiteral("bytes_on_wire"), double(bytes) },
            { QStringLiteral("pages"), int(pages.size()) },
            { QStringLiteral("max_ui_stall_ms"), stall },
            { QStringLiteral("cached_bindings"), bindings },
            { QStringLiteral("cached_hour_records"), hourRecords } };
        if (bindings < staff || hourRecords < records)
            result.insert(QStringLiteral("error"), QStringLiteral("the cache is incomplete"));

        // Incremental: nothing new, then 100 new versions of the staff's records.
        QList<double> empty;
        QList<double> hundred;
        for (int round = 0; round < rounds; ++round)
            empty.append(client.syncOnce());
        for (int round = 0; round < rounds; ++round) {
            const QString error
                = bench::publishChanges(serverOptions(parser), 100, round * 100, false, 3 + round);
            if (!error.isEmpty())
                die(error);
            hundred.append(client.syncOnce());
        }
        result.insert(QStringLiteral("ms_0_new"), median(empty));
        result.insert(QStringLiteral("ms_100_new"), median(hundred));
        printJson(result);
        return 0;
    }
    if (mode == QLatin1String("learner")) {
        Client client(url, cert);
        const double seconds = client.loginAndSync(
            QStringLiteral("demo_learner"), QStringLiteral("Xueshi2026"), nullptr);
        QList<double> ten;
        for (int round = 0; round < rounds; ++round) {
            const QString error
                = bench::publishChanges(serverOptions(parser), 10, round * 10, true, 1);
            if (!error.isEmpty())
                die(error);
            ten.append(client.syncOnce());
        }
        printJson({ { QStringLiteral("bench"), QStringLiteral("sync-incremental") },
            { QStringLiteral("label"), label }, { QStringLiteral("first_sync_seconds"), seconds },
            { QStringLiteral("ms_learner_10_new"), median(ten) } });
        return 0;
    }
    die(QStringLiteral("unknown mode %1 (seed, employer or learner)").arg(mode));
}
