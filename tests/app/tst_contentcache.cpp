#include "apiclient.h"
#include "clientfakes.h"
#include "content/contentstore.h"
#include "contentcache.h"
#include "servertrust.h"
#include "testserver.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

// The real network, recording the requests the cache sends (URL and Range header).
class RecordingNetworkAccessManager final : public QNetworkAccessManager
{
public:
    struct Seen
    {
        QUrl url;
        QByteArray range;
        QByteArray authorization;
    };
    QList<Seen> requests;

    int count(const QString &sha256) const
    {
        return int(std::count_if(requests.cbegin(), requests.cend(),
            [&](const Seen &seen) { return seen.url.path().endsWith(sha256); }));
    }

protected:
    QNetworkReply *createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        requests.append(
            { request.url(), request.rawHeader("Range"), request.rawHeader("Authorization") });
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    }
};

// What finished() said about one hash.
struct Outcome
{
    bool done = false;
    bool ok = false;
    QString error;
};

Outcome waitFor(ContentCache &cache, const QString &sha256, int timeoutMs = 30000)
{
    Outcome outcome;
    const QMetaObject::Connection connection = QObject::connect(
        &cache, &ContentCache::finished, [&](const QString &hash, bool ok, const QString &error) {
            if (hash != sha256 || outcome.done)
                return;
            outcome = { true, ok, error };
        });
    if (!QTest::qWaitFor([&] { return outcome.done; }, timeoutMs))
        qWarning("no finished() for %s", qPrintable(sha256));
    QObject::disconnect(connection);
    return outcome;
}

// The client side of the real server: API client over the recording network, trusting the test
// server's certificate, logged in as a learner; the cache in a temporary data directory that also
// holds a stand-in for the local store with its outbox.
struct RealServerFixture
{
    RealServerFixture()
        : settings(temporaryDirectory() + QStringLiteral("/client.ini"), QSettings::IniFormat)
        , trust(&settings)
        , api(&network, &trust)
        , dataDirectory(temporaryDirectory())
    {
        if (!server.isRunning())
            return;
        trust.pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        api.setServerUrl(server.baseUrl());
        TestClient client(server);
        client.post(QStringLiteral("/accounts/learners"),
            learnerRegistration(QStringLiteral("zhangsan"), QStringLiteral("11010519491231002")));
        const TestReply session = client.post(QStringLiteral("/session"),
            { { QStringLiteral("username"), QStringLiteral("zhangsan") },
                { QStringLiteral("password"), QStringLiteral("Secret123") } });
        api.setBearerToken(session.json.value(QStringLiteral("token")).toString());
        cache = std::make_unique<ContentCache>(&api, &trust, cacheDirectory());
    }

    QString cacheDirectory() const { return dataDirectory + QStringLiteral("/content"); }
    QString partPath(const QString &sha256) const
    {
        return cacheDirectory() + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256
            + QStringLiteral(".part");
    }

    TestServer server;
    QSettings settings;
    ServerTrust trust;
    RecordingNetworkAccessManager network;
    ApiClient api;
    QString dataDirectory;
    std::unique_ptr<ContentCache> cache;
};

} // namespace

// The content cache against the real server over HTTPS (full download, resume with Range, 416),
// and against a fake network for what a correct server never does (wrong bytes, ignored ranges).
class TestContentCache final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fetch_downloadsVerifies_andReadsOfflineLater()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 17, 1);
        const QString sha256 = f.server.server().content().put(bytes);
        QCOMPARE(sha256, sha256Of(bytes));
        QVERIFY(!f.cache->contains(sha256));
        QVERIFY(f.cache->path(sha256).isEmpty());

        QSignalSpy progress(f.cache.get(), &ContentCache::progress);
        QSignalSpy changed(f.cache.get(), &ContentCache::changed);
        f.cache->fetch(sha256);
        QVERIFY(f.cache->isFetching(sha256));
        const Outcome outcome = waitFor(*f.cache, sha256);
        QVERIFY(outcome.done);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(!f.cache->isFetching(sha256));
        QVERIFY(f.cache->contains(sha256));
        const QString path = f.cache->path(sha256);
        QCOMPARE(path,
            f.cacheDirectory() + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256);
        QCOMPARE(readFile(path), bytes);
        QVERIFY(!QFileInfo::exists(f.partPath(sha256)));
        QCOMPARE(f.cache->size(), bytes.size());
        QVERIFY(changed.count() >= 1);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toLongLong(), bytes.size());
        QCOMPARE(progress.last().at(2).toLongLong(), bytes.size());
        QCOMPARE(f.network.count(sha256), 1);
        QVERIFY(f.network.requests.last().range.isEmpty());
        QVERIFY(f.network.requests.last().authorization.startsWith("Bearer "));

        // Offline: another cache on the same directory serves it without any request.
        ContentCache offline(&f.api, &f.trust, f.cacheDirectory());
        f.api.setServerUrl(QUrl(QStringLiteral("https://127.0.0.1:1")));
        QVERIFY(offline.contains(sha256));
        QCOMPARE(readFile(offline.path(sha256)), bytes);
        offline.fetch(sha256);
        const Outcome cached = waitFor(offline, sha256, 5000);
        QVERIFY(cached.done && cached.ok);
        QCOMPARE(f.network.count(sha256), 1);
    }

    void fetch_sameHashTwice_downloadsOnce_othersInParallel()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QByteArray first = randomBytes(512 * 1024, 2);
        const QByteArray second = randomBytes(300 * 1024, 3);
        const QString a = f.server.server().content().put(first);
        const QString b = f.server.server().content().put(second);

        int finishedA = 0;
        int finishedB = 0;
        connect(f.cache.get(), &ContentCache::finished, this,
            [&](const QString &hash, bool ok, const QString &error) {
                QVERIFY2(ok, qPrintable(error));
                (hash == a ? finishedA : finishedB) += 1;
            });
        f.cache->fetch(a);
        f.cache->fetch(b);
        f.cache->fetch(a);
        QCOMPARE(f.cache->activeDownloads(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(finishedA == 1 && finishedB == 1, 30000);
        QCOMPARE(f.network.count(a), 1);
        QCOMPARE(f.network.count(b), 1);
        QCOMPARE(readFile(f.cache->path(a)), first);
        QCOMPARE(readFile(f.cache->path(b)), second);
        QCOMPARE(f.cache->size(), first.size() + second.size());
    }

    void interruptedDownload_resumesWithRange()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QByteArray bytes = randomBytes(8 * 1024 * 1024, 4);
        const QString sha256 = f.server.server().content().put(bytes);

        // Interrupted as soon as some bytes are on disk.
        const QMetaObject::Connection interrupt = connect(f.cache.get(), &ContentCache::progress,
            this, [&](const QString &hash, qint64 received, qint64) {
                if (hash == sha256 && received > 0)
                    f.cache->cancel(sha256);
            });
        f.cache->fetch(sha256);
        const Outcome interrupted = waitFor(*f.cache, sha256);
        QVERIFY(interrupted.done);
        QVERIFY(!interrupted.ok);
        disconnect(interrupt);
        QVERIFY(!f.cache->contains(sha256));
        const qint64 kept = QFileInfo(f.partPath(sha256)).size();
        QVERIFY2(kept > 0 && kept < bytes.size(), qPrintable(QString::number(kept)));
        QCOMPARE(readFile(f.partPath(sha256)), bytes.left(kept));
        QCOMPARE(f.cache->size(), kept);

        QSignalSpy progress(f.cache.get(), &ContentCache::progress);
        f.cache->fetch(sha256);
        const Outcome resumed = waitFor(*f.cache, sha256);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(f.network.count(sha256), 2);
        QCOMPARE(f.network.requests.last().range, "bytes=" + QByteArray::number(kept) + '-');
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().at(1).toLongLong() > kept);
        QCOMPARE(progress.first().at(2).toLongLong(), bytes.size());
        QCOMPARE(readFile(f.cache->path(sha256)), bytes);
        QVERIFY(!QFileInfo::exists(f.partPath(sha256)));
    }

    void partialFileOfAnEarlierRun_isResumed()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QByteArray bytes = randomBytes(200 * 1024, 5);
        const QString sha256 = f.server.server().content().put(bytes);
        QVERIFY(writeFile(f.partPath(sha256), bytes.left(1000)));

        f.cache->fetch(sha256);
        const Outcome outcome = waitFor(*f.cache, sha256);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(f.network.requests.last().range, QByteArray("bytes=1000-"));
        QCOMPARE(readFile(f.cache->path(sha256)), bytes);
    }

    void partAsLongAsTheFile_416_restartsFromZero()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QByteArray bytes = randomBytes(64 * 1024, 6);
        const QString sha256 = f.server.server().content().put(bytes);
        QVERIFY(writeFile(f.partPath(sha256), randomBytes(bytes.size(), 7)));

        f.cache->fetch(sha256);
        const Outcome outcome = waitFor(*f.cache, sha256);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(f.network.count(sha256), 2);
        QCOMPARE(f.network.requests.at(0).range, "bytes=" + QByteArray::number(bytes.size()) + '-');
        QVERIFY(f.network.requests.at(1).range.isEmpty());
        QCOMPARE(readFile(f.cache->path(sha256)), bytes);
    }

    void unknownHash_reportsTheServersRefusal()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QString sha256 = sha256Of("never stored");
        f.cache->fetch(sha256);
        const Outcome outcome = waitFor(*f.cache, sha256);
        QVERIFY(outcome.done);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(QLatin1String("404")), qPrintable(outcome.error));
        QVERIFY(!f.cache->contains(sha256));
        QVERIFY(!QFileInfo::exists(f.partPath(sha256)));
    }

    void corruptedDownload_isDeletedAndReported()
    {
        FakeNetworkAccessManager network;
        const QByteArray bytes = randomBytes(100 * 1024, 8);
        const QString sha256 = sha256Of(bytes);
        QByteArray damaged = bytes;
        damaged[5000] = char(damaged[5000] ^ 0x40);
        network.setHandler([&](const FakeRequest &) {
            return FakeResponse::raw(200, damaged, "application/octet-stream");
        });
        ApiClient api(&network, nullptr);
        api.setServerUrl(QUrl(QStringLiteral("https://xueshi.test:8443")));
        api.setBearerToken(QStringLiteral("token-123"));
        const QString directory = temporaryDirectory() + QStringLiteral("/content");
        ContentCache cache(&api, nullptr, directory);

        cache.fetch(sha256);
        const Outcome outcome = waitFor(cache, sha256);
        QVERIFY(outcome.done);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(QLatin1String("damaged")), qPrintable(outcome.error));
        QVERIFY(!cache.contains(sha256));
        QVERIFY(cache.path(sha256).isEmpty());
        QVERIFY(!QFileInfo::exists(directory + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/')
            + sha256 + QStringLiteral(".part")));
        QCOMPARE(cache.size(), 0);
        QCOMPARE(network.lastRequest().header("Authorization"), QByteArray("Bearer token-123"));
        QCOMPARE(network.lastRequest().path, QStringLiteral("/content/") + sha256);
    }

    void serverIgnoringRange_200_restartsFromZero()
    {
        FakeNetworkAccessManager network;
        const QByteArray bytes = randomBytes(50 * 1024, 9);
        const QString sha256 = sha256Of(bytes);
        network.setHandler([&](const FakeRequest &) {
            return FakeResponse::raw(200, bytes, "application/octet-stream");
        });
        ApiClient api(&network, nullptr);
        api.setServerUrl(QUrl(QStringLiteral("https://xueshi.test:8443")));
        const QString directory = temporaryDirectory() + QStringLiteral("/content");
        const QString part = directory + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/')
            + sha256 + QStringLiteral(".part");
        QVERIFY(writeFile(part, bytes.left(700)));
        ContentCache cache(&api, nullptr, directory);

        cache.fetch(sha256);
        const Outcome outcome = waitFor(cache, sha256);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(network.lastRequest().header("Range"), QByteArray("bytes=700-"));
        QCOMPARE(readFile(cache.path(sha256)), bytes); // not appended to the 700 bytes
    }

    void invalidHashes_neverBecomePaths()
    {
        FakeNetworkAccessManager network;
        ApiClient api(&network, nullptr);
        api.setServerUrl(QUrl(QStringLiteral("https://xueshi.test:8443")));
        ContentCache cache(&api, nullptr, temporaryDirectory() + QStringLiteral("/content"));
        const QString valid = sha256Of("x");
        const QStringList invalid { QStringLiteral("../../outbox.sqlite"), valid.toUpper(),
            valid.left(63), valid + QLatin1Char('0'), QString(),
            QStringLiteral("../") + valid.mid(3) };
        for (const QString &hash : invalid) {
            QVERIFY(!ContentCache::isValidHash(hash));
            QVERIFY(!cache.contains(hash));
            QVERIFY(cache.path(hash).isEmpty());
            cache.fetch(hash);
            const Outcome outcome = waitFor(cache, hash, 5000);
            QVERIFY(outcome.done);
            QVERIFY(!outcome.ok);
        }
        QVERIFY(ContentCache::isValidHash(valid));
        QVERIFY(network.requests().isEmpty());
    }

    void sizeAndClear_touchOnlyTheCache()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        // The local store and its outbox live next to the cache directory.
        const QString outbox = f.dataDirectory + QStringLiteral("/outbox.sqlite");
        QVERIFY(writeFile(outbox, "SQLite format 3 and the user's unsent work"));
        const QString note = f.cacheDirectory() + QStringLiteral("/README.txt");
        QVERIFY(writeFile(note, "not cache content"));
        const QString odd = f.cacheDirectory() + QStringLiteral("/ab/not-a-hash.db");
        QVERIFY(writeFile(odd, "something else"));

        const QByteArray first = randomBytes(100 * 1024, 10);
        const QByteArray second = randomBytes(40 * 1024, 11);
        const QString a = f.server.server().content().put(first);
        const QString b = f.server.server().content().put(second);
        f.cache->fetch(a);
        QVERIFY(waitFor(*f.cache, a).ok);
        f.cache->fetch(b);
        QVERIFY(waitFor(*f.cache, b).ok);
        const QString c = sha256Of("partial");
        QVERIFY(writeFile(f.partPath(c), "part"));
        QCOMPARE(f.cache->size(), first.size() + second.size() + 4);

        QSignalSpy changed(f.cache.get(), &ContentCache::changed);
        QVERIFY(f.cache->clear());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(f.cache->size(), 0);
        QVERIFY(!f.cache->contains(a));
        QVERIFY(!f.cache->contains(b));
        QVERIFY(!QFileInfo::exists(f.partPath(c)));
        QCOMPARE(readFile(outbox), QByteArray("SQLite format 3 and the user's unsent work"));
        QVERIFY(QFileInfo::exists(note));
        QVERIFY(QFileInfo::exists(odd));

        // Even a cache pointed at the data directory itself deletes nothing but its own files.
        ContentCache misplaced(&f.api, &f.trust, f.dataDirectory);
        QVERIFY(misplaced.clear());
        QVERIFY(QFileInfo::exists(outbox));
        QVERIFY(QFileInfo::exists(note));

        // And the cache works again after a clear.
        f.cache->fetch(a);
        QVERIFY(waitFor(*f.cache, a).ok);
        QCOMPARE(readFile(f.cache->path(a)), first);
    }

    void clear_cancelsRunningDownloads()
    {
        RealServerFixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        const QByteArray bytes = randomBytes(8 * 1024 * 1024, 12);
        const QString sha256 = f.server.server().content().put(bytes);
        Outcome outcome;
        connect(f.cache.get(), &ContentCache::finished, this,
            [&](const QString &, bool ok, const QString &error) {
                outcome = { true, ok, error };
            });
        const QMetaObject::Connection clearing = connect(f.cache.get(), &ContentCache::progress,
            this, [&](const QString &, qint64 received, qint64) {
                if (received > 0)
                    f.cache->clear();
            });
        f.cache->fetch(sha256);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
        disconnect(clearing);
        QVERIFY(!outcome.ok);
        QCOMPARE(f.cache->activeDownloads(), 0);
        QVERIFY(!QFileInfo::exists(f.partPath(sha256)));
        QCOMPARE(f.cache->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestContentCache)
#include "tst_contentcache.moc"
