// The learner's outgoing attachments against the real server over HTTPS: files checked by
// content, size and count before anything is copied or sent; a copy named by a UUID; an upload
// cut off midway (the network gone, then the program restarted) resumed from the server's
// `received`; and a declaration.submit held in the outbox until its proof is uploaded.
#include "admin/demodata.h"
#include "apiclient.h"
#include "attachmentkind.h"
#include "attachmentuploads.h"
#include "declarations.h"
#include "localstore.h"
#include "servertrust.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// `size` bytes starting with `head`, the rest random.
QByteArray fileBytes(const QByteArray &head, qint64 size)
{
    QByteArray bytes = head;
    while (bytes.size() < size)
        bytes.append(char(QRandomGenerator::global()->bounded(256)));
    bytes.truncate(size);
    return bytes;
}

// The demo learner (bound to the demo employer) on one computer: pinned trust, a real network,
// the store, the engine and the upload queue.
struct Fixture
{
    // `bound`: the demo learner (bound to the demo employer); otherwise a new learner bound to
    // no one, who may not declare (study_locked).
    explicit Fixture(bool bound = true)
        : client(server)
        , settings(dir.path() + QStringLiteral("/client.ini"), QSettings::IniFormat)
        , trust(&settings)
        , api(&network, &trust)
    {
        QString error;
        if (!server::loadDemoData(server.server(), &error))
            qWarning("demo data: %s", qPrintable(error));
        if (!bound)
            client.post(QStringLiteral("/accounts/learners"),
                learnerRegistration(
                    QStringLiteral("unbound"), QStringLiteral("44010619900101123")));
        const TestReply login = client.post(QStringLiteral("/session"),
            { { QStringLiteral("username"),
                  bound ? QStringLiteral("demo_learner") : QStringLiteral("unbound") },
                { QStringLiteral("password"),
                    bound ? DemoPassword : QStringLiteral("Secret123") } });
        token = login.json.value(QStringLiteral("token")).toString();
        userId = client.get(QStringLiteral("/me"), token)
                     .json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
        trust.pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        api.setServerUrl(server.baseUrl());
        api.setBearerToken(token);
        store.open(dir.path() + QStringLiteral("/cache/learner.sqlite"));
        engine = std::make_unique<SyncEngine>(&api, &store, &server.clock());
        engine->setUserId(userId);
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
        engine->setBackoff(10, 100, [] { return 0.5; });
        registerDeclarationMutations(engine.get(), &store);
        restart();
    }

    // A new queue on the same directory, as after the program restarted.
    void restart()
    {
        uploads.reset();
        uploads = std::make_unique<AttachmentUploads>(
            &api, engine.get(), &store, AttachmentUploads::directoryFor(store.path()));
    }

    bool sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::syncFinished);
        engine->syncNow();
        if (!finished.wait(30000))
            return false;
        return finished.last().at(0).toBool();
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.path() + QStringLiteral("/chosen/") + name;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    // A draft of 2 days / 12 hours, professional, saved through the outbox.
    QString saveDraft()
    {
        const QDate today = server.clock().todayInChina();
        const QString id = newId();
        const QString queued = engine->queueMutation(QStringLiteral("declaration.save"), id,
            { { QStringLiteral("title"), QStringLiteral("环境监测新技术内部培训") },
                { QStringLiteral("organiser"), QStringLiteral("示范单位") },
                { QStringLiteral("startDate"), today.addDays(-3).toString(Qt::ISODate) },
                { QStringLiteral("endDate"), today.addDays(-2).toString(Qt::ISODate) },
                { QStringLiteral("trainingDays"), 2 }, { QStringLiteral("hoursTenths"), 120 },
                { QStringLiteral("subjectType"), QStringLiteral("professional") },
                { QStringLiteral("professionalSeries"),
                    QStringLiteral("engineering-environmental") } });
        return queued.isEmpty() ? QString() : id;
    }

    QJsonObject serverDeclaration(const QString &id)
    {
        QJsonObject newest; // the feed may hold older versions first
        for (const QJsonObject &change : pullAllChanges(client, token)) {
            if (change.value(QStringLiteral("type")).toString() == QLatin1String("declaration")
                && change.value(QStringLiteral("id")).toString() == id)
                newest = change.value(QStringLiteral("data")).toObject();
        }
        return newest;
    }

    QTemporaryDir dir;
    TestServer server;
    TestClient client;
    QString token;
    QString userId;
    QSettings settings;
    ServerTrust trust;
    QNetworkAccessManager network;
    ApiClient api;
    LocalStore store;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<AttachmentUploads> uploads;
};

} // namespace

class TestAttachmentUploads final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void refusedBeforeUpload_renamedExecutableTooLargeSixth();
    void chosenName_neverAPath();
    void cutMidway_resumedFromTheServersReceived();
    void submit_heldUntilItsProofIsUploaded();
    void refusedSave_submissionNotHeldForever();
};

void TestAttachmentUploads::refusedBeforeUpload_renamedExecutableTooLargeSixth()
{
    Fixture f;
    QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
    const QString declaration = newId();
    const QString out = f.uploads->directory();

    // An executable called .pdf: refused by its content, nothing copied or queued.
    QString error;
    const QString exe = f.writeFile(QStringLiteral("proof.pdf"),
        fileBytes(QByteArray("\x7f"
                             "ELF\x02\x01\x01\x00",
                      8),
            4096));
    QVERIFY(f.uploads->add(declaration, exe, 0, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("not a PDF, JPEG or PNG")), qPrintable(error));
    // "MZ" (a Windows executable) as well.
    QVERIFY(
        f.uploads
            ->add(declaration,
                f.writeFile(QStringLiteral("scan.png"), fileBytes("MZ\x90\x00", 2048)), 0, &error)
            .isEmpty());
    QVERIFY(f.uploads->items().isEmpty());
    QVERIFY(QDir(out).entryList(QDir::Files).isEmpty());

    // 11 MB: refused before anything is read.
    const QString big
        = f.writeFile(QStringLiteral("big.pdf"), fileBytes("%PDF-1.7\n", 11 * 1024 * 1024));
    QVERIFY(f.uploads->add(declaration, big, 0, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("10 MB")), qPrintable(error));
    // Exactly 10 MB is accepted.
    const QString limit
        = f.writeFile(QStringLiteral("limit.pdf"), fileBytes("%PDF-1.7\n", kMaxAttachmentBytes));
    QVERIFY2(!f.uploads->add(declaration, limit, 0, &error).isEmpty(), qPrintable(error));

    // A sixth file: four sent already and one queued make five.
    const QString small
        = f.writeFile(QStringLiteral("a.png"), fileBytes(QByteArray("\x89PNG\r\n\x1a\n", 8), 1000));
    QVERIFY(f.uploads->add(declaration, small, 5, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("at most 5")), qPrintable(error));
    QVERIFY(f.uploads->add(declaration, small, 4, &error).isEmpty());
    QVERIFY(!f.uploads->add(declaration, small, 3, &error).isEmpty());
    QCOMPARE(f.uploads->items(declaration).size(), 2);
    // The queue survives a restart.
    f.restart();
    QCOMPARE(f.uploads->items(declaration).size(), 2);
    QVERIFY(f.uploads->hasUnsent(declaration));
    QVERIFY(!f.uploads->hasUnsent(newId()));
}

void TestAttachmentUploads::chosenName_neverAPath()
{
    Fixture f;
    QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
    const QString declaration = newId();
    // A name that climbs out of a directory, with a bidirectional override.
    const QString written
        = f.writeFile(QStringLiteral("..evil\u202Efdp.exe"), fileBytes("%PDF-1.4\n", 3000));
    QVERIFY(!written.isEmpty());
    const QString path = f.dir.path() + QStringLiteral("/chosen/../chosen/..evil\u202Efdp.exe");
    QString error;
    const QString id = f.uploads->add(declaration, path, 0, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY(!QUuid::fromString(id).isNull());
    const QueuedAttachment a = f.uploads->items(declaration).first();
    QVERIFY(!a.name.contains(QChar(0x202E)));
    QVERIFY(!a.name.contains(QLatin1Char('/')));
    QCOMPARE(a.name, QStringLiteral("..evilfdp.exe"));
    QCOMPARE(a.kind, QStringLiteral("pdf"));
    QCOMPARE(a.size, 3000);
    // The copy is the UUID in the queue's directory, nothing else.
    QCOMPARE(QDir(f.uploads->directory()).entryList(QDir::Files, QDir::Name),
        QStringList({ id, QStringLiteral("queue.json") }));
    // Readable by this user only.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther
        | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    QCOMPARE(QFileInfo(f.uploads->directory()).permissions() & others, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(f.uploads->directory() + QLatin1Char('/') + id).permissions() & others,
        QFileDevice::Permissions());
    QFile copy(f.uploads->directory() + QLatin1Char('/') + id);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(
                 QCryptographicHash::hash(copy.readAll(), QCryptographicHash::Sha256).toHex()),
        a.sha256);
}

void TestAttachmentUploads::cutMidway_resumedFromTheServersReceived()
{
    Fixture f;
    QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
    const QString declaration = f.saveDraft();
    QVERIFY(!declaration.isEmpty());
    QVERIFY(f.sync());
    // Three pieces and a bit.
    const QByteArray bytes = fileBytes("%PDF-1.7\n", 3 * kAttachmentPieceBytes + 1234);
    QString error;
    const QString id
        = f.uploads->add(declaration, f.writeFile(QStringLiteral("证明.pdf"), bytes), 0, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    // The network goes away once the first piece arrived.
    QTcpServer dead;
    QVERIFY(dead.listen(QHostAddress::LocalHost));
    const quint16 deadPort = dead.serverPort();
    dead.close();
    QObject::connect(f.uploads.get(), &AttachmentUploads::progress, &f.network,
        [&f, deadPort](const QString &, const QString &, qint64 sent, qint64) {
            if (sent >= kAttachmentPieceBytes)
                f.network.setProxy(
                    QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), deadPort));
        });
    QSignalSpy finished(f.uploads.get(), &AttachmentUploads::finished);
    f.uploads->start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().at(0).toBool(), false); // cut off
    QVERIFY(f.uploads->hasUnsent(declaration));
    // The server holds part of it.
    {
        const TestReply status = f.client.post(
            QStringLiteral("/declarations/%1/attachments").arg(declaration),
            { { QStringLiteral("id"), id }, { QStringLiteral("name"), QStringLiteral("x.pdf") },
                { QStringLiteral("size"), double(bytes.size()) },
                { QStringLiteral("sha256"),
                    QString::fromLatin1(
                        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) } },
            f.token);
        QCOMPARE(status.status, 200);
        const qint64 received = qint64(status.json.value(QStringLiteral("received")).toDouble());
        QVERIFY2(received >= kAttachmentPieceBytes && received < bytes.size(),
            qPrintable(QString::number(received)));
    }

    // The program restarts, the network is back: it goes on where the server is.
    f.network.setProxy(QNetworkProxy::NoProxy);
    f.restart();
    QCOMPARE(f.uploads->items(declaration).size(), 1);
    QList<qint64> sent;
    QObject::connect(f.uploads.get(), &AttachmentUploads::progress, f.uploads.get(),
        [&sent](const QString &, const QString &, qint64 bytesSent, qint64) {
            sent.append(bytesSent);
        });
    QSignalSpy done(f.uploads.get(), &AttachmentUploads::finished);
    f.uploads->start();
    QVERIFY(done.wait(30000));
    QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    QVERIFY(!sent.isEmpty());
    QVERIFY2(sent.first() >= kAttachmentPieceBytes, qPrintable(QString::number(sent.first())));
    QCOMPARE(sent.last(), qint64(bytes.size()));
    QVERIFY(f.uploads->items().isEmpty());
    QVERIFY(!QFile::exists(f.uploads->directory() + QLatin1Char('/') + id));

    // The server has it whole, listed on the declaration, and gives back the same bytes.
    const QJsonArray attachments
        = f.serverDeclaration(declaration).value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("证明.pdf"));
    QCOMPARE(f.client.get(QStringLiteral("/attachments/") + id, f.token).body, bytes);

    // Removed again from the draft: gone from the server.
    QSignalSpy removed(f.uploads.get(), &AttachmentUploads::removed);
    f.uploads->removeSent(id);
    QVERIFY(removed.wait(30000));
    QVERIFY2(removed.first().at(1).toBool(), qPrintable(removed.first().at(2).toString()));
    QCOMPARE(
        f.serverDeclaration(declaration).value(QStringLiteral("attachments")).toArray().size(), 0);
    QCOMPARE(f.client.get(QStringLiteral("/attachments/") + id, f.token).status, 404);
}

void TestAttachmentUploads::submit_heldUntilItsProofIsUploaded()
{
    Fixture f;
    QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
    QVERIFY(f.sync());
    // Offline: saved, a proof attached, submitted; all in the outbox and the queue.
    const QString declaration = f.saveDraft();
    QVERIFY(!declaration.isEmpty());
    QString error;
    QVERIFY2(!f.uploads
                  ->add(declaration,
                      f.writeFile(QStringLiteral("scan.jpg"),
                          fileBytes(QByteArray("\xFF\xD8\xFF\xE0", 4), 700 * 1024)),
                      0, &error)
                  .isEmpty(),
        qPrintable(error));
    QVERIFY(
        !f.engine->queueMutation(QStringLiteral("declaration.submit"), declaration, {}).isEmpty());
    QCOMPARE(f.store.entity(QStringLiteral("declaration"), declaration)
                 ->data.value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("pending"));

    // Online: the save goes, the submit waits for the upload, then goes too; nothing refused.
    QSignalSpy uploaded(f.uploads.get(), &AttachmentUploads::finished);
    QVERIFY(f.sync());
    QVERIFY(f.store.problems().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!uploaded.isEmpty(), 30000);
    QVERIFY(uploaded.first().at(0).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(f.store.pendingCount(), 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!f.engine->isSyncing(), 30000);
    QVERIFY2(f.store.problems().isEmpty(),
        qPrintable(f.store.problems().isEmpty()
                ? QString()
                : QString::fromUtf8(QJsonDocument(f.store.problems().first().lastError).toJson())));
    const QJsonObject onServer = f.serverDeclaration(declaration);
    QCOMPARE(onServer.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(onServer.value(QStringLiteral("attachments")).toArray().size(), 1);
}

void TestAttachmentUploads::refusedSave_submissionNotHeldForever()
{
    // A learner bound to no employer: the server refuses the save, so the proof has nowhere to
    // go; the submission must not hold back what was queued after it.
    Fixture f(false);
    QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
    QVERIFY(!f.token.isEmpty());
    QVERIFY(f.sync());
    const QString declaration = f.saveDraft();
    QVERIFY(!declaration.isEmpty());
    QString error;
    QVERIFY2(
        !f.uploads
             ->add(declaration,
                 f.writeFile(QStringLiteral("scan.pdf"), fileBytes("%PDF-1.5\n", 2000)), 0, &error)
             .isEmpty(),
        qPrintable(error));
    QVERIFY(
        !f.engine->queueMutation(QStringLiteral("declaration.submit"), declaration, {}).isEmpty());
    QVERIFY(!f.engine
                 ->queueProfileUpdate(
                     { { QStringLiteral("email"), QStringLiteral("unbound@example.com") } })
                 .isEmpty());

    QVERIFY(f.sync());
    // The save refused, then the submission (once the upload found no declaration), and the
    // profile change sent all the same.
    QTRY_COMPARE_WITH_TIMEOUT(f.store.pendingCount(), 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!f.engine->isSyncing() && !f.uploads->isRunning(), 30000);
    QStringList refused;
    for (const OutboxMutation &m : f.store.problems())
        refused.append(m.type);
    refused.sort();
    QCOMPARE(refused,
        QStringList({ QStringLiteral("declaration.save"), QStringLiteral("declaration.submit") }));
    QCOMPARE(f.client.get(QStringLiteral("/me"), f.token)
                 .json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("email"))
                 .toString(),
        QStringLiteral("unbound@example.com"));
    // The file stays queued (a corrected save may still take it), and says why it waits.
    QCOMPARE(f.uploads->items(declaration).size(), 1);
    QVERIFY(!f.uploads->items(declaration).first().error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAttachmentUploads)
#include "tst_attachmentuploads.moc"
