// Fuzzes the page of the change feed the desktop client reads (GET /sync/changes, docs/sync.md
// "Pull"), through the client's real path: ApiClient reads the reply, SyncEngine checks the page
// and LocalStore::applyPage stores it in the SQLite cache, behind the fake network of the test
// suites. The input is the body of the first page; later pages are empty. Properties: no crash or
// sanitizer report; the sync ends (no endless paging); a page that is refused leaves the cache
// and its cursor exactly as they were (one transaction); a page that is taken moves the cursor to
// the page's own.

#include "apiclient.h"
#include "clientfakes.h"
#include "clock.h"
#include "fuzzing.h"
#include "localstore.h"
#include "servertrust.h"
#include "syncengine.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

struct Harness
{
    QDir dir { fuzz::scratchDirectory() };
    std::unique_ptr<QSettings> settings;
    FakeNetworkAccessManager network;
    std::unique_ptr<ServerTrust> trust;
    std::unique_ptr<ApiClient> api;
    TestClock clock;
    LocalStore store;
    std::unique_ptr<SyncEngine> engine;
    QByteArray page; // the first page of the current input
    int pulls = 0;
};

Harness *g_harness = nullptr;

// What is in the cache: every entity with its version and data, and the cursor.
QByteArray snapshot()
{
    QByteArray out = g_harness->store.cursor().toUtf8();
    for (const char *type : { "profile", "region", "note", "course", "class", "enrolment" }) {
        for (const CachedEntity &e : g_harness->store.entities(QLatin1String(type))) {
            out += '\n' + e.type.toUtf8() + ' ' + e.id.toUtf8() + ' '
                + QByteArray::number(e.version) + ' '
                + QJsonDocument(e.data).toJson(QJsonDocument::Compact);
        }
    }
    out += '\n' + QByteArray::number(g_harness->store.entityCount());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialiseQt(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    Harness *h = g_harness = new Harness;
    h->settings = std::make_unique<QSettings>(
        h->dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    h->trust = std::make_unique<ServerTrust>(h->settings.get());
    h->api = std::make_unique<ApiClient>(&h->network, h->trust.get());
    h->api->setServerUrl(QUrl(QStringLiteral("https://xueshi.test:8443")));
    h->api->setBearerToken(QStringLiteral("token-123"));
    if (!h->store.open(h->dir.filePath(QStringLiteral("cache.sqlite"))))
        qFatal("sync_page: cannot open the store: %s", qPrintable(h->store.lastError()));
    h->engine = std::make_unique<SyncEngine>(h->api.get(), &h->store, &h->clock);
    h->engine->setUserId(QStringLiteral("u-1"));
    h->engine->setWatchNetwork(false);
    h->engine->setPeriodicInterval(0);
    h->network.setHandler([h](const FakeRequest &request) {
        if (request.path == u"/sync/changes") {
            // The input once; then an empty last page, so a page saying "more" cannot loop.
            if (h->pulls++ == 0)
                return FakeResponse::raw(200, h->page, QByteArrayLiteral("application/json"));
            return FakeResponse::raw(200,
                QByteArrayLiteral(R"({"changes":[],"cursor":"v1.e.1.999","more":false})"),
                QByteArrayLiteral("application/json"));
        }
        return FakeResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no"));
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Harness *h = g_harness;
    // Each input starts from a cache holding one row and a cursor, so changes land on something.
    if (!h->store.resetCache()
        || !h->store.applyPage(
            QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("profile") },
                { QStringLiteral("id"), QStringLiteral("u-1") }, { QStringLiteral("version"), 3 },
                { QStringLiteral("op"), QStringLiteral("upsert") },
                { QStringLiteral("data"),
                    QJsonObject {
                        { QStringLiteral("mobile"), QStringLiteral("13800138000") } } } } },
            QStringLiteral("v1.e.1.1")))
        fuzz::fail("the cache cannot be prepared");
    h->page = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    h->pulls = 0;
    h->network.clearRequests();
    const QByteArray before = snapshot();

    bool finished = false;
    bool ok = false;
    QEventLoop loop;
    const QMetaObject::Connection done = QObject::connect(
        h->engine.get(), &SyncEngine::syncFinished, &loop, [&](bool success, const QString &) {
            finished = true;
            ok = success;
            loop.quit();
        });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(10000);
    h->engine->syncNow();
    if (!finished)
        loop.exec();
    QObject::disconnect(done);
    h->engine->stop(); // no retry timer left running into the next input
    if (!finished)
        fuzz::fail("the sync did not end within 10 seconds");
    if (h->pulls < 1)
        fuzz::fail("the sync did not pull");

    if (!ok) {
        // Refused at the first page: nothing of it may have landed.
        if (h->pulls == 1 && snapshot() != before)
            fuzz::fail("a refused page changed the cache");
        return 0;
    }
    const QJsonObject first = QJsonDocument::fromJson(h->page).object();
    const QString expected = h->pulls == 1 ? first.value(QStringLiteral("cursor")).toString()
                                           : QStringLiteral("v1.e.1.999");
    if (h->store.cursor() != expected)
        fuzz::fail("an accepted page did not leave the cache at its cursor");
    return 0;
}
