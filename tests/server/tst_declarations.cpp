// Self-declared hours with proof (issue 11) on the server, over HTTPS: the rules at their edges as
// the server applies them, resumable uploads in pieces (cut off, resumed, wrong offset, too large,
// too many, a renamed executable, a changed file), who may fetch and decide what (another
// employer, a former employer, an institution, another learner), decisions on a version the HR
// office did not see, several confirmed in one batch, and the hour record that confirming
// credits. Runs on SQLite and PostgreSQL.
#include "admin/demodata.h"
#include "attachmentkind.h"
#include "services/accountservice.h"
#include "services/declarationservice.h"
#include "storage/database.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace xueshi;
using namespace xueshi::test;

namespace {

using Account = TestAccount;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A file of `size` bytes that starts like a PDF, its bytes varying so a misplaced piece shows.
QByteArray pdfBytes(qsizetype size)
{
    QByteArray bytes("%PDF-1.7\n");
    bytes.reserve(size);
    for (qsizetype i = bytes.size(); i < size; ++i)
        bytes.append(char((i * 131 + i / 977) & 0xff));
    bytes.truncate(size);
    return bytes;
}

QByteArray pngBytes()
{
    return QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16) + QByteArray(2000, '\x42');
}

// An ELF executable's start, as a file someone renamed proof.pdf would have.
QByteArray elfBytes()
{
    return QByteArray("\x7f"
                      "ELF\x02\x01\x01\x00",
               8)
        + QByteArray(3000, '\x90');
}

QJsonObject resultOf(const TestReply &r, int index = 0)
{
    return r.json.value(QStringLiteral("results")).toArray().at(index).toObject();
}

QString status(const QJsonObject &result)
{
    return result.value(QStringLiteral("status")).toString();
}

QString errorCode(const QJsonObject &result)
{
    return result.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QString errorField(const QJsonObject &result)
{
    return result.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

} // namespace

class TestDeclarations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void policies_publishedForEveryone();
    void rules_atTheirEdges_refusedWithTheFieldAndReason();
    void rules_capComesFromTheYearsPolicy();
    void save_unboundLearner_studyLocked();
    void submit_withoutAttachment_refused_thenReachesEmployer();
    void upload_cutOffMidwayAndResumed_completesAndDownloads();
    void upload_wrongOffset_conflictWithReceived();
    void upload_tooLargeAndPieceLimits_refused();
    void upload_sixthAttachment_refused();
    void upload_renamedExecutable_refusedAtCompletion_nothingLeft();
    void upload_checksumMismatch_refused_nothingLeft();
    void upload_nameWithPath_storedUnderItsIdOnly();
    void upload_partFileLostBytes_resumesFromWhatTheDiskHolds();
    void start_removesOldFilesNoUploadNames();
    void attachment_remove_keepsOneOnAPendingDeclaration();
    void permissions_othersGet404Or403();
    void formerEmployer_losesDeclarationsAndAttachments();
    void decision_onVersionNotSeen_conflictNothingApplied();
    void batch_severalConfirmed_perItemResults();
    void confirm_hourRecordReachesLearnerAndEmployer();
    void reject_needsReason_thenCorrectedAndResubmitted();
    void delete_draftOnly_removesItsFiles();
    void demo_learnerDeclaresAndDemoEmployerConfirms();

private:
    Account registerLearner(const QString &username, const QString &first17);
    Account registerEmployer(const QString &username, const QString &creditFirst17);
    void bind(const Account &learner, const Account &employer);
    TestReply batch(const Account &who, const QJsonArray &mutations);
    QJsonObject mutate(const Account &who, const QString &type, const QString &target, qint64 base,
        const QJsonObject &payload = {});
    QJsonObject payload(int days = 2, int hoursTenths = 120) const;
    QString saveDraft(const Account &learner, const QJsonObject &p);
    TestReply announce(const Account &learner, const QString &declarationId,
        const QString &attachmentId, const QString &name, qint64 size, const QString &sha);
    TestReply sendPiece(const Account &who, const QString &attachmentId, qint64 offset,
        const QByteArray &bytes, const QByteArray &contentType = "application/octet-stream");
    // Announces and sends the whole file in pieces; the last answer.
    TestReply upload(const Account &learner, const QString &declarationId, const QByteArray &bytes,
        QString *attachmentId = nullptr, const QString &name = QStringLiteral("证明.pdf"));
    // A declaration with one PDF, submitted; its id.
    QString submitted(const Account &learner, QString *attachmentId = nullptr);
    qint64 version(const QString &declarationId);
    // The latest state of each entity of `type` in the user's feed (deleted ones absent).
    QHash<QString, QJsonObject> latest(const Account &who, const QString &type);
    QStringList attachmentFiles();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    Account m_learner;
    Account m_employer;
};

void TestDeclarations::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    m_learner = registerLearner(QStringLiteral("declarer"), QStringLiteral("44010619900101123"));
    m_employer = registerEmployer(QStringLiteral("hr_office"), QStringLiteral("91440106MA59XK3T1"));
    bind(m_learner, m_employer);
}

void TestDeclarations::cleanup()
{
    m_client.reset();
    m_server.reset();
}

Account TestDeclarations::registerLearner(const QString &username, const QString &first17)
{
    return registerBindableLearner(*m_server, *m_client, username, first17);
}

Account TestDeclarations::registerEmployer(const QString &username, const QString &creditFirst17)
{
    return registerApprovedEmployer(*m_server, *m_client, username, creditFirst17);
}

void TestDeclarations::bind(const Account &learner, const Account &employer)
{
    QVERIFY(bindLearner(*m_client, learner, employer));
}

TestReply TestDeclarations::batch(const Account &who, const QJsonArray &mutations)
{
    return m_client->post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"), mutations } }, who.token, "en");
}

QJsonObject TestDeclarations::mutate(const Account &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload)
{
    return resultOf(batch(who,
        { QJsonObject { { QStringLiteral("id"), newId() }, { QStringLiteral("type"), type },
            { QStringLiteral("target"), target }, { QStringLiteral("baseVersion"), double(base) },
            { QStringLiteral("payload"), payload } } }));
}

QJsonObject TestDeclarations::payload(int days, int hoursTenths) const
{
    // The test clock's today is 2026-03-01 in China.
    return { { QStringLiteral("title"), QStringLiteral("环境影响评价技术培训") },
        { QStringLiteral("organiser"), QStringLiteral("广东省环境科学学会") },
        { QStringLiteral("startDate"), QStringLiteral("2026-02-10") },
        { QStringLiteral("endDate"), QStringLiteral("2026-02-11") },
        { QStringLiteral("trainingDays"), days }, { QStringLiteral("hoursTenths"), hoursTenths },
        { QStringLiteral("subjectType"), QStringLiteral("professional") },
        { QStringLiteral("professionalSeries"), QStringLiteral("engineering-environmental") } };
}

QString TestDeclarations::saveDraft(const Account &learner, const QJsonObject &p)
{
    const QString id = newId();
    const QJsonObject r = mutate(learner, QStringLiteral("declaration.save"), id, 0, p);
    if (status(r) != QLatin1String("applied"))
        qWarning("save: %s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    return id;
}

TestReply TestDeclarations::announce(const Account &learner, const QString &declarationId,
    const QString &attachmentId, const QString &name, qint64 size, const QString &sha)
{
    return m_client->post(QStringLiteral("/declarations/%1/attachments").arg(declarationId),
        { { QStringLiteral("id"), attachmentId }, { QStringLiteral("name"), name },
            { QStringLiteral("size"), double(size) }, { QStringLiteral("sha256"), sha } },
        learner.token, "en");
}

TestReply TestDeclarations::sendPiece(const Account &who, const QString &attachmentId,
    qint64 offset, const QByteArray &bytes, const QByteArray &contentType)
{
    QNetworkRequest request(m_server->url(
        QStringLiteral("/attachments/%1/content?offset=%2").arg(attachmentId).arg(offset)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Authorization", "Bearer " + who.token.toUtf8());
    request.setRawHeader("Accept-Language", "en");
    QNetworkReply *reply = m_client->network().post(request, bytes);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    TestReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

TestReply TestDeclarations::upload(const Account &learner, const QString &declarationId,
    const QByteArray &bytes, QString *attachmentId, const QString &name)
{
    const QString id = newId();
    if (attachmentId)
        *attachmentId = id;
    TestReply r = announce(learner, declarationId, id, name, bytes.size(), sha256(bytes));
    if (r.status != 201)
        return r;
    for (qint64 offset = 0; offset < bytes.size(); offset += kAttachmentPieceBytes) {
        r = sendPiece(learner, id, offset, bytes.mid(offset, kAttachmentPieceBytes));
        if (r.status != 200)
            return r;
    }
    return r;
}

QString TestDeclarations::submitted(const Account &learner, QString *attachmentId)
{
    const QString id = saveDraft(learner, payload());
    const TestReply up = upload(learner, id, pdfBytes(3000), attachmentId);
    if (up.status != 200 || !up.json.value(QStringLiteral("complete")).toBool())
        qWarning("upload: %d %s", up.status, up.body.constData());
    const QJsonObject r = mutate(learner, QStringLiteral("declaration.submit"), id, version(id));
    if (status(r) != QLatin1String("applied"))
        qWarning("submit: %s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    return id;
}

qint64 TestDeclarations::version(const QString &declarationId)
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM declarations WHERE id = ?"), { declarationId });
    return q.next() ? q.value(0).toLongLong() : -1;
}

QHash<QString, QJsonObject> TestDeclarations::latest(const Account &who, const QString &type)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
        if (c.value(QStringLiteral("type")).toString() != type)
            continue;
        const QString id = c.value(QStringLiteral("id")).toString();
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            out.remove(id);
        else
            out.insert(id, c.value(QStringLiteral("data")).toObject());
    }
    return out;
}

QStringList TestDeclarations::attachmentFiles()
{
    return QDir(m_server->server().declarations().attachmentsDirectory())
        .entryList(QDir::Files | QDir::Hidden);
}

// --- policies and rules ---------------------------------------------------------------------

void TestDeclarations::policies_publishedForEveryone()
{
    const QHash<QString, QJsonObject> policies = latest(m_employer, QStringLiteral("policy"));
    QCOMPARE(policies.size(), 4);
    for (int year = 2024; year <= 2027; ++year) {
        const QJsonObject p = policies.value(QString::number(year));
        QCOMPARE(p.value(QStringLiteral("year")).toInt(), year);
        QCOMPARE(p.value(QStringLiteral("hoursPerDayTenths")).toInt(), 60);
        QCOMPARE(p.value(QStringLiteral("totalTenths")).toInt(), 900);
        QCOMPARE(p.value(QStringLiteral("entryDeadline")).toString(),
            QStringLiteral("%1-03-31").arg(year + 1));
    }
    // Published once: a restart does not publish them again.
    QString error;
    server::ServerOptions options;
    options.dataDir = m_server->server().options().dataDir;
    options.database = m_server->server().options().database;
    server::Server second(options);
    QVERIFY2(second.openStorage(&error), qPrintable(error));
    int count = 0;
    for (const QJsonObject &c : pullAllChanges(*m_client, m_learner.token))
        count += c.value(QStringLiteral("type")).toString() == QLatin1String("policy");
    QCOMPARE(count, 4);
}

void TestDeclarations::rules_atTheirEdges_refusedWithTheFieldAndReason()
{
    // 13 hours for 2 days: refused with the reason in words; 12 is the most.
    QJsonObject r
        = mutate(m_learner, QStringLiteral("declaration.save"), newId(), 0, payload(2, 130));
    QCOMPARE(status(r), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    QCOMPARE(errorField(r), QStringLiteral("hoursTenths"));
    QCOMPARE(
        r.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
        QStringLiteral("13 hours for 2 training days is more than the 12 allowed (at most 6 hours "
                       "a training day)."));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toString(),
        QStringLiteral("hours_over_cap"));
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.save"), newId(), 0, payload())),
        QStringLiteral("applied"));

    const auto refusedField = [&](const QJsonObject &p) {
        const QJsonObject result
            = mutate(m_learner, QStringLiteral("declaration.save"), newId(), 0, p);
        return status(result) == QLatin1String("rejected") ? errorField(result) : QString();
    };
    // Days 0, and one more than the dates hold.
    QCOMPARE(refusedField(payload(0, 10)), QStringLiteral("trainingDays"));
    QCOMPARE(refusedField(payload(3, 120)), QStringLiteral("trainingDays"));
    // Ending tomorrow (today is 2026-03-01), and ending today.
    QJsonObject p = payload(1, 60);
    p.insert(QStringLiteral("startDate"), QStringLiteral("2026-03-02"));
    p.insert(QStringLiteral("endDate"), QStringLiteral("2026-03-02"));
    QCOMPARE(refusedField(p), QStringLiteral("endDate"));
    p.insert(QStringLiteral("startDate"), QStringLiteral("2026-03-01"));
    p.insert(QStringLiteral("endDate"), QStringLiteral("2026-03-01"));
    QCOMPARE(refusedField(p), QString());
    // Starting after it ends.
    p.insert(QStringLiteral("startDate"), QStringLiteral("2026-02-12"));
    p.insert(QStringLiteral("endDate"), QStringLiteral("2026-02-11"));
    QCOMPARE(refusedField(p), QStringLiteral("endDate"));
    // Professional hours without a series; elective ones with one.
    p = payload();
    p.insert(QStringLiteral("professionalSeries"), QString());
    QCOMPARE(refusedField(p), QStringLiteral("professionalSeries"));
    p.insert(QStringLiteral("subjectType"), QStringLiteral("elective"));
    QCOMPARE(refusedField(p), QString());
    p.insert(QStringLiteral("professionalSeries"), QStringLiteral("engineering-environmental"));
    QCOMPARE(refusedField(p), QStringLiteral("professionalSeries"));
    // A date not written YYYY-MM-DD, hours as a fraction, a field missing.
    p = payload();
    p.insert(QStringLiteral("startDate"), QStringLiteral("2026-2-10"));
    QCOMPARE(refusedField(p), QStringLiteral("startDate"));
    p = payload();
    p.insert(QStringLiteral("hoursTenths"), 12.5);
    QCOMPARE(refusedField(p), QStringLiteral("hoursTenths"));
    p = payload();
    p.remove(QStringLiteral("organiser"));
    QCOMPARE(refusedField(p), QStringLiteral("organiser"));
    // None of the refused ones exists.
    QSqlQuery n
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM declarations"));
    QVERIFY(n.next());
    QCOMPARE(n.value(0).toInt(), 3);
}

void TestDeclarations::rules_capComesFromTheYearsPolicy()
{
    // A year whose policy allows 8 hours a training day (issue 12 will edit policies).
    m_server->server().database().exec(
        QStringLiteral("UPDATE policies SET hours_per_day_tenths = 80 WHERE year = 2026"));
    QCOMPARE(
        status(mutate(m_learner, QStringLiteral("declaration.save"), newId(), 0, payload(2, 160))),
        QStringLiteral("applied"));
    const QJsonObject r
        = mutate(m_learner, QStringLiteral("declaration.save"), newId(), 0, payload(2, 161));
    QCOMPARE(errorField(r), QStringLiteral("hoursTenths"));
    // A year without a row takes the defaults: 6 hours a day.
    QJsonObject p = payload(1, 61);
    p.insert(QStringLiteral("startDate"), QStringLiteral("2023-05-10"));
    p.insert(QStringLiteral("endDate"), QStringLiteral("2023-05-10"));
    QCOMPARE(errorField(mutate(m_learner, QStringLiteral("declaration.save"), newId(), 0, p)),
        QStringLiteral("hoursTenths"));
}

void TestDeclarations::save_unboundLearner_studyLocked()
{
    const Account loner
        = registerLearner(QStringLiteral("unbound"), QStringLiteral("44010619900101131"));
    const QJsonObject r = mutate(loner, QStringLiteral("declaration.save"), newId(), 0, payload());
    QCOMPARE(errorCode(r), QStringLiteral("study_locked"));
}

void TestDeclarations::submit_withoutAttachment_refused_thenReachesEmployer()
{
    const QString id = saveDraft(m_learner, payload());
    // A draft is the learner's alone.
    QVERIFY(latest(m_learner, QStringLiteral("declaration")).contains(id));
    QVERIFY(!latest(m_employer, QStringLiteral("declaration")).contains(id));
    QJsonObject r = mutate(m_learner, QStringLiteral("declaration.submit"), id, 1);
    QCOMPARE(errorCode(r), QStringLiteral("attachment_required"));

    QCOMPARE(upload(m_learner, id, pdfBytes(5000)).status, 200);
    r = mutate(m_learner, QStringLiteral("declaration.submit"), id, 1);
    QCOMPARE(status(r), QStringLiteral("applied"));
    const QJsonObject seen = latest(m_employer, QStringLiteral("declaration")).value(id);
    QCOMPARE(seen.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(seen.value(QStringLiteral("employerId")).toString(), m_employer.id);
    QCOMPARE(seen.value(QStringLiteral("employerName")).toString(),
        QStringLiteral("广州测试科技有限公司"));
    QCOMPARE(seen.value(QStringLiteral("learnerName")).toString(), QStringLiteral("张三"));
    QCOMPARE(seen.value(QStringLiteral("year")).toInt(), 2026);
    QCOMPARE(seen.value(QStringLiteral("attachments")).toArray().size(), 1);
    QCOMPARE(qint64(seen.value(QStringLiteral("version")).toDouble()), version(id));

    // Withdrawn, it comes back to the HR office as a draft it cannot review.
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.withdraw"), id, version(id))),
        QStringLiteral("applied"));
    QCOMPARE(latest(m_employer, QStringLiteral("declaration"))
                 .value(id)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("draft"));
    QCOMPARE(status(mutate(m_employer, QStringLiteral("declaration.confirm"), id, version(id))),
        QStringLiteral("conflict"));
}

// --- uploads --------------------------------------------------------------------------------

void TestDeclarations::upload_cutOffMidwayAndResumed_completesAndDownloads()
{
    const QString declaration = saveDraft(m_learner, payload());
    const QByteArray bytes = pdfBytes(1300 * 1024); // three pieces: 512 + 512 + 276 KiB
    const QString id = newId();
    TestReply r = announce(
        m_learner, declaration, id, QStringLiteral("结业证书.pdf"), bytes.size(), sha256(bytes));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(QStringLiteral("received")).toInt(), 0);
    QCOMPARE(qint64(r.json.value(QStringLiteral("size")).toDouble()), qint64(bytes.size()));
    r = sendPiece(m_learner, id, 0, bytes.left(kAttachmentPieceBytes));
    QCOMPARE(r.status, 200);
    QCOMPARE(qint64(r.json.value(QStringLiteral("received")).toDouble()), kAttachmentPieceBytes);
    QCOMPARE(r.json.value(QStringLiteral("complete")).toBool(), false);

    // The second piece is cut off midway: the connection drops after half its bytes.
    {
        const QByteArray piece = bytes.mid(kAttachmentPieceBytes, kAttachmentPieceBytes);
        const QByteArray head = "POST /api/v1/attachments/" + id.toLatin1()
            + "/content?offset=" + QByteArray::number(kAttachmentPieceBytes)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_learner.token.toLatin1()
            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
            + QByteArray::number(piece.size()) + "\r\n\r\n";
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ m_server->certificate() });
        socket.setSslConfiguration(tls);
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(&socket, &QSslSocket::encrypted, this,
            [&] { socket.write(head + piece.left(piece.size() / 2)); });
        connect(&socket, &QSslSocket::encryptedBytesWritten, this, [&] {
            if (socket.bytesToWrite() == 0 && socket.encryptedBytesToWrite() == 0)
                loop.quit();
        });
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
        deadline.start(20000);
        loop.exec();
        QVERIFY(deadline.isActive());
        socket.abort();
    }
    // The server counts nothing of the cut piece: announcing again says where to resume.
    r = announce(
        m_learner, declaration, id, QStringLiteral("结业证书.pdf"), bytes.size(), sha256(bytes));
    QCOMPARE(r.status, 200);
    QCOMPARE(qint64(r.json.value(QStringLiteral("received")).toDouble()), kAttachmentPieceBytes);
    QVERIFY(attachmentFiles().contains(id + QStringLiteral(".part")));
    for (qint64 offset = kAttachmentPieceBytes; offset < bytes.size();
         offset += kAttachmentPieceBytes) {
        r = sendPiece(m_learner, id, offset, bytes.mid(offset, kAttachmentPieceBytes));
        QCOMPARE(r.status, 200);
    }
    QCOMPARE(r.json.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(qint64(r.json.value(QStringLiteral("received")).toDouble()), qint64(bytes.size()));
    const QJsonObject entity = r.json.value(QStringLiteral("declaration")).toObject();
    QCOMPARE(qint64(entity.value(QStringLiteral("version")).toDouble()), qint64(2));
    const QJsonObject listed
        = entity.value(QStringLiteral("attachments")).toArray().at(0).toObject();
    QCOMPARE(listed.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("pdf"));
    QCOMPARE(listed.value(QStringLiteral("sha256")).toString(), sha256(bytes));
    QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("结业证书.pdf"));
    QCOMPARE(attachmentFiles(), QStringList { id });

    // The feed has the new version; the learner downloads exactly the bytes.
    QCOMPARE(latest(m_learner, QStringLiteral("declaration"))
                 .value(declaration)
                 .value(QStringLiteral("attachments"))
                 .toArray()
                 .size(),
        1);
    const TestReply d = m_client->get(QStringLiteral("/attachments/") + id, m_learner.token);
    QCOMPARE(d.status, 200);
    QCOMPARE(d.header("content-type"), QByteArray("application/pdf"));
    QVERIFY(d.body == bytes);
    QVERIFY(d.header("content-disposition").contains("filename*=UTF-8''"));
    // A piece after completion is told it is complete.
    r = sendPiece(m_learner, id, bytes.size(), "x");
    QCOMPARE(r.status, 409);
    QCOMPARE(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("complete")).toBool(),
        true);
}

void TestDeclarations::upload_wrongOffset_conflictWithReceived()
{
    const QString declaration = saveDraft(m_learner, payload());
    const QByteArray bytes = pdfBytes(600 * 1024);
    const QString id = newId();
    QCOMPARE(
        announce(m_learner, declaration, id, QStringLiteral("a.pdf"), bytes.size(), sha256(bytes))
            .status,
        201);
    QCOMPARE(sendPiece(m_learner, id, 0, bytes.left(1000)).status, 200);
    for (const qint64 offset : { qint64(0), qint64(999), qint64(1001), qint64(500000) }) {
        const TestReply r = sendPiece(m_learner, id, offset, bytes.mid(offset, 1000));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("offset_mismatch"));
        QCOMPARE(r.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("received"))
                     .toInt(),
            1000);
    }
    // Not a number, missing, or sent as JSON: refused without counting anything.
    TestReply r = sendPiece(m_learner, id, 1000, bytes.mid(1000, 10), "application/json");
    QCOMPARE(r.status, 415);
    QCOMPARE(r.errorCode(), QStringLiteral("unsupported_media_type"));
    r = m_client->send("POST", QStringLiteral("/attachments/%1/content?offset=-1").arg(id), "abc",
        m_learner.token, "en");
    QCOMPARE(r.status, 415);
    QCOMPARE(sendPiece(m_learner, id, -1, "abc").status, 400);
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT received FROM attachments WHERE id = ?"), { id });
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(1000));
    QCOMPARE(QFileInfo(QDir(m_server->server().declarations().attachmentsDirectory())
                           .filePath(id + QStringLiteral(".part")))
                 .size(),
        qint64(1000));
    // And it resumes at 1000.
    QCOMPARE(sendPiece(m_learner, id, 1000, bytes.mid(1000, kAttachmentPieceBytes)).status, 200);
}

void TestDeclarations::upload_tooLargeAndPieceLimits_refused()
{
    const QString declaration = saveDraft(m_learner, payload());
    // 11 MB refused at once; exactly 10 MB is allowed.
    TestReply r = announce(m_learner, declaration, newId(), QStringLiteral("big.pdf"),
        11 * 1024 * 1024, QString(64, QLatin1Char('a')));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("attachment_too_large"));
    QCOMPARE(r.errorField(), QStringLiteral("size"));
    const QString id = newId();
    r = announce(m_learner, declaration, id, QStringLiteral("big.pdf"), kMaxAttachmentBytes,
        QString(64, QLatin1Char('a')));
    QCOMPARE(r.status, 201);
    // A piece above 512 KiB, or past the announced size, is refused.
    r = sendPiece(m_learner, id, 0, QByteArray(kAttachmentPieceBytes + 1, 'a'));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    const QString small = newId();
    QCOMPARE(announce(m_learner, declaration, small, QStringLiteral("s.pdf"), 10,
                 QString(64, QLatin1Char('b')))
                 .status,
        201);
    r = sendPiece(m_learner, small, 0, QByteArray("%PDF-12345x"));
    QCOMPARE(r.status, 400);
    // Bad announcements.
    for (const QJsonObject &body :
        { QJsonObject { { QStringLiteral("id"), QStringLiteral("not-a-uuid") },
              { QStringLiteral("name"), QStringLiteral("a.pdf") }, { QStringLiteral("size"), 10 },
              { QStringLiteral("sha256"), QString(64, QLatin1Char('a')) } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("name"), QStringLiteral("../..") }, { QStringLiteral("size"), 10 },
                { QStringLiteral("sha256"), QString(64, QLatin1Char('a')) } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("name"), QStringLiteral("a.pdf") }, { QStringLiteral("size"), 0 },
                { QStringLiteral("sha256"), QString(64, QLatin1Char('a')) } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("name"), QStringLiteral("a.pdf") },
                { QStringLiteral("size"), 10.5 },
                { QStringLiteral("sha256"), QString(64, QLatin1Char('a')) } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("name"), QStringLiteral("a.pdf") }, { QStringLiteral("size"), 10 },
                { QStringLiteral("sha256"), QString(63, QLatin1Char('a')) } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("name"), QStringLiteral("a.pdf") }, { QStringLiteral("size"), 10 },
                { QStringLiteral("sha256"), QString(64, QLatin1Char('g')) } } }) {
        r = m_client->post(QStringLiteral("/declarations/%1/attachments").arg(declaration), body,
            m_learner.token, "en");
        QVERIFY2(r.status == 400, r.body.constData());
    }
    QSqlQuery n
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM attachments"));
    QVERIFY(n.next());
    QCOMPARE(n.value(0).toInt(), 2);
}

void TestDeclarations::upload_sixthAttachment_refused()
{
    const QString declaration = saveDraft(m_learner, payload());
    for (int i = 0; i < kMaxAttachmentsPerDeclaration; ++i) {
        const TestReply r = upload(m_learner, declaration, pdfBytes(1000 + i));
        QCOMPARE(r.status, 200);
    }
    const QString sixth = newId();
    const QByteArray bytes = pngBytes();
    TestReply r = announce(
        m_learner, declaration, sixth, QStringLiteral("6.png"), bytes.size(), sha256(bytes));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("too_many_attachments"));
    QCOMPARE(latest(m_learner, QStringLiteral("declaration"))
                 .value(declaration)
                 .value(QStringLiteral("attachments"))
                 .toArray()
                 .size(),
        5);
    // Removing one makes room.
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT id FROM attachments WHERE declaration_id = ?"), { declaration });
    QVERIFY(q.next());
    const QString first = q.value(0).toString();
    q.finish();
    QCOMPARE(m_client->del(QStringLiteral("/attachments/") + first, m_learner.token).status, 200);
    QCOMPARE(upload(m_learner, declaration, bytes).status, 200);
}

void TestDeclarations::upload_renamedExecutable_refusedAtCompletion_nothingLeft()
{
    const QString declaration = saveDraft(m_learner, payload());
    const qint64 before = version(declaration);
    // Sent with its true checksum: the name says PDF, the content says executable.
    QString id;
    const TestReply r
        = upload(m_learner, declaration, elfBytes(), &id, QStringLiteral("proof.pdf"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("attachment_type"));
    QVERIFY(!r.errorMessage().isEmpty());
    QVERIFY(attachmentFiles().isEmpty());
    QSqlQuery n
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM attachments"));
    QVERIFY(n.next());
    QCOMPARE(n.value(0).toInt(), 0);
    n.finish();
    QCOMPARE(version(declaration), before);
    QCOMPARE(m_client->get(QStringLiteral("/attachments/") + id, m_learner.token).status, 404);
    QCOMPARE(
        errorCode(mutate(m_learner, QStringLiteral("declaration.submit"), declaration, before)),
        QStringLiteral("attachment_required"));
}

void TestDeclarations::upload_checksumMismatch_refused_nothingLeft()
{
    const QString declaration = saveDraft(m_learner, payload());
    const QByteArray bytes = pdfBytes(700 * 1024);
    QByteArray changed = bytes;
    changed[600 * 1024] = char(changed.at(600 * 1024) ^ 0x01);
    const QString id = newId();
    QCOMPARE(
        announce(m_learner, declaration, id, QStringLiteral("a.pdf"), bytes.size(), sha256(bytes))
            .status,
        201);
    QCOMPARE(sendPiece(m_learner, id, 0, changed.left(kAttachmentPieceBytes)).status, 200);
    const TestReply r
        = sendPiece(m_learner, id, kAttachmentPieceBytes, changed.mid(kAttachmentPieceBytes));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QStringLiteral("attachment_checksum"));
    QVERIFY(attachmentFiles().isEmpty());
    // Gone: announcing the same id again starts from nothing.
    const TestReply again = announce(
        m_learner, declaration, id, QStringLiteral("a.pdf"), bytes.size(), sha256(bytes));
    QCOMPARE(again.status, 201);
    QCOMPARE(again.json.value(QStringLiteral("received")).toInt(), 0);
}

void TestDeclarations::upload_nameWithPath_storedUnderItsIdOnly()
{
    const QString declaration = saveDraft(m_learner, payload());
    QString id;
    const TestReply r = upload(m_learner, declaration, pngBytes(), &id,
        QStringLiteral("../../xueshi.sqlite\n\u202egnp.png"));
    QCOMPARE(r.status, 200);
    const QJsonObject listed = r.json.value(QStringLiteral("declaration"))
                                   .toObject()
                                   .value(QStringLiteral("attachments"))
                                   .toArray()
                                   .at(0)
                                   .toObject();
    QCOMPARE(
        listed.value(QStringLiteral("name")).toString(), QStringLiteral("xueshi.sqlitegnp.png"));
    QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("png"));
    QCOMPARE(attachmentFiles(), QStringList { id });
    const QString data = m_server->server().options().dataDir;
    QVERIFY(!QFileInfo::exists(QDir(data).filePath(QStringLiteral("../xueshi.sqlite"))));
    // The files are the owner's only.
    const QString path
        = QDir(m_server->server().declarations().attachmentsDirectory()).filePath(id);
    QCOMPARE(QFileInfo(path).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    const TestReply d = m_client->get(QStringLiteral("/attachments/") + id, m_learner.token);
    QCOMPARE(d.header("content-type"), QByteArray("image/png"));
}

void TestDeclarations::attachment_remove_keepsOneOnAPendingDeclaration()
{
    QString attachment;
    const QString declaration = submitted(m_learner, &attachment);
    const qint64 before = version(declaration);
    TestReply r = m_client->del(QStringLiteral("/attachments/") + attachment, m_learner.token);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("attachment_required"));
    QCOMPARE(version(declaration), before);
    // With a second one it goes, and the HR office sees a new version.
    QString second;
    QCOMPARE(upload(m_learner, declaration, pngBytes(), &second).status, 200);
    r = m_client->del(QStringLiteral("/attachments/") + attachment, m_learner.token);
    QCOMPARE(r.status, 200);
    QCOMPARE(version(declaration), before + 2);
    QCOMPARE(attachmentFiles(), QStringList { second });
    const QJsonArray listed = latest(m_employer, QStringLiteral("declaration"))
                                  .value(declaration)
                                  .value(QStringLiteral("attachments"))
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("id")).toString(), second);
}

void TestDeclarations::upload_partFileLostBytes_resumesFromWhatTheDiskHolds()
{
    const QString declaration = saveDraft(m_learner, payload());
    const QByteArray bytes = pdfBytes(900 * 1024);
    const QString id = newId();
    QCOMPARE(
        announce(m_learner, declaration, id, QStringLiteral("a.pdf"), bytes.size(), sha256(bytes))
            .status,
        201);
    QCOMPARE(sendPiece(m_learner, id, 0, bytes.left(kAttachmentPieceBytes)).status, 200);
    // A crash lost the end of what was written (pieces are not synced one by one).
    QFile part(QDir(m_server->server().declarations().attachmentsDirectory())
                   .filePath(id + QStringLiteral(".part")));
    QVERIFY(part.resize(100000));
    TestReply r = sendPiece(m_learner, id, kAttachmentPieceBytes, bytes.mid(kAttachmentPieceBytes));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("offset_mismatch"));
    QCOMPARE(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("received")).toInt(),
        100000);
    r = announce(m_learner, declaration, id, QStringLiteral("a.pdf"), bytes.size(), sha256(bytes));
    QCOMPARE(r.json.value(QStringLiteral("received")).toInt(), 100000);
    for (qint64 offset = 100000; offset < bytes.size(); offset += kAttachmentPieceBytes)
        r = sendPiece(m_learner, id, offset, bytes.mid(offset, kAttachmentPieceBytes));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QStringLiteral("complete")).toBool());
    QVERIFY(m_client->get(QStringLiteral("/attachments/") + id, m_learner.token).body == bytes);
}

void TestDeclarations::start_removesOldFilesNoUploadNames()
{
    const QString declaration = saveDraft(m_learner, payload());
    QString complete;
    QCOMPARE(upload(m_learner, declaration, pngBytes(), &complete).status, 200);
    const QString inProgress = newId();
    QCOMPARE(announce(m_learner, declaration, inProgress, QStringLiteral("b.pdf"), 5000,
                 QString(64, QLatin1Char('a')))
                 .status,
        201);
    const QDir dir(m_server->server().declarations().attachmentsDirectory());
    // Left by a crash between a file and its transaction: one old, one that may still be
    // in a transaction of another process.
    const auto make = [&](const QString &name, int ageSeconds) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("left over");
        QVERIFY(f.flush());
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds),
            QFileDevice::FileModificationTime));
    };
    const QString oldOrphan = newId() + QStringLiteral(".part");
    const QString youngOrphan = newId();
    make(oldOrphan, 7200);
    make(youngOrphan, 60);
    // Even old, the files of the uploads are kept.
    for (const QString &name : { complete, inProgress + QStringLiteral(".part") }) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-7200), QFileDevice::FileModificationTime));
    }
    server::ServerOptions options;
    options.dataDir = m_server->server().options().dataDir;
    options.database = m_server->server().options().database;
    server::Server restarted(options);
    QString error;
    QVERIFY2(restarted.openStorage(&error), qPrintable(error));
    QStringList expected { complete, inProgress + QStringLiteral(".part"), youngOrphan };
    expected.sort();
    QStringList files = attachmentFiles();
    files.sort();
    QCOMPARE(files, expected);
}

// --- who may do what ------------------------------------------------------------------------

void TestDeclarations::permissions_othersGet404Or403()
{
    QString attachment;
    const QString declaration = submitted(m_learner, &attachment);
    const Account otherEmployer
        = registerEmployer(QStringLiteral("other_hr"), QStringLiteral("91440106MA59XK3T7"));
    const Account otherLearner
        = registerLearner(QStringLiteral("other_learner"), QStringLiteral("44010619900101124"));
    bind(otherLearner, otherEmployer);
    const Account institution = registerAndLogin(*m_client,
        QStringLiteral("/accounts/institutions"),
        organisationRegistration(QStringLiteral("school"), QStringLiteral("52440106MJ0123457")));
    QString error;
    QVERIFY2(m_server->server().accounts().approveInstitution(QStringLiteral("school"), &error),
        qPrintable(error));
    const qint64 v = version(declaration);

    // Attachments: nobody but the learner and the current HR office, not even told it exists.
    QCOMPARE(
        m_client->get(QStringLiteral("/attachments/") + attachment, m_learner.token).status, 200);
    QCOMPARE(
        m_client->get(QStringLiteral("/attachments/") + attachment, m_employer.token).status, 200);
    for (const Account &other : { otherEmployer, otherLearner, institution }) {
        const TestReply r
            = m_client->get(QStringLiteral("/attachments/") + attachment, other.token);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(
            m_client->del(QStringLiteral("/attachments/") + attachment, other.token).status, 404);
        QCOMPARE(sendPiece(other, attachment, 0, "%PDF-").status, 404);
        const TestReply announced = announce(other, declaration, newId(), QStringLiteral("x.pdf"),
            10, QString(64, QLatin1Char('a')));
        QVERIFY2(announced.status == 403 || announced.status == 404, announced.body.constData());
    }
    QCOMPARE(m_client->get(QStringLiteral("/attachments/") + attachment, QString()).status, 401);

    // Decisions: the other HR office and another learner find nothing; an institution is refused.
    QCOMPARE(
        errorCode(mutate(otherEmployer, QStringLiteral("declaration.confirm"), declaration, v)),
        QStringLiteral("not_found"));
    QCOMPARE(errorCode(mutate(otherEmployer, QStringLiteral("declaration.reject"), declaration, v,
                 { { QStringLiteral("reason"), QStringLiteral("不是我单位的") } })),
        QStringLiteral("not_found"));
    QCOMPARE(errorCode(mutate(institution, QStringLiteral("declaration.confirm"), declaration, v)),
        QStringLiteral("forbidden"));
    QCOMPARE(errorCode(mutate(m_learner, QStringLiteral("declaration.confirm"), declaration, v)),
        QStringLiteral("forbidden"));
    // The learner's own changes: nobody else's.
    for (const QString &type : { QStringLiteral("declaration.withdraw"),
             QStringLiteral("declaration.submit"), QStringLiteral("declaration.delete") }) {
        QCOMPARE(
            errorCode(mutate(otherLearner, type, declaration, v)), QStringLiteral("not_found"));
        QCOMPARE(errorCode(mutate(m_employer, type, declaration, v)), QStringLiteral("forbidden"));
    }
    QCOMPARE(errorCode(mutate(
                 otherLearner, QStringLiteral("declaration.save"), declaration, v, payload())),
        QStringLiteral("not_found"));
    QCOMPARE(version(declaration), v);
    // An employer awaiting approval decides nothing.
    const Account unapproved = registerAndLogin(*m_client, QStringLiteral("/accounts/employers"),
        organisationRegistration(QStringLiteral("squatter"), QStringLiteral("91440106MA59XK3T8")));
    QCOMPARE(errorCode(mutate(unapproved, QStringLiteral("declaration.confirm"), declaration, v)),
        QStringLiteral("awaiting_approval"));
    // Nothing of it in the others' feeds.
    for (const Account &other : { otherEmployer, otherLearner, institution, unapproved })
        QVERIFY(latest(other, QStringLiteral("declaration")).isEmpty());
}

void TestDeclarations::formerEmployer_losesDeclarationsAndAttachments()
{
    QString attachment;
    const QString pending = submitted(m_learner, &attachment);
    QString decidedAttachment;
    const QString confirmed = submitted(m_learner, &decidedAttachment);
    QCOMPARE(status(mutate(
                 m_employer, QStringLiteral("declaration.confirm"), confirmed, version(confirmed))),
        QStringLiteral("applied"));
    QCOMPARE(latest(m_employer, QStringLiteral("declaration")).size(), 2);

    // Where the HR office's client is (docs/sync.md "Compaction": a pull from the start carries
    // no deletes, a client that had the entries gets them).
    QString hrCursor;
    pullAllChanges(*m_client, m_employer.token, 1000, &hrCursor);

    // The learner moves to another employer.
    const Account next
        = registerEmployer(QStringLiteral("next_hr"), QStringLiteral("91440106MA59XK3T7"));
    bind(m_learner, next);

    // The former HR office: out of its feed, its clients told to delete, no more files.
    QVERIFY(latest(m_employer, QStringLiteral("declaration")).isEmpty());
    QStringList deletes;
    for (const QJsonObject &c :
        pullAllChanges(*m_client, m_employer.token, 1000, nullptr, hrCursor)) {
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("declaration")) {
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
            deletes.append(c.value(QStringLiteral("id")).toString());
        }
    }
    deletes.sort();
    QStringList both { pending, confirmed };
    both.sort();
    QCOMPARE(deletes, both);
    for (const QString &a : { attachment, decidedAttachment })
        QCOMPARE(m_client->get(QStringLiteral("/attachments/") + a, m_employer.token).status, 404);
    QCOMPARE(errorCode(mutate(
                 m_employer, QStringLiteral("declaration.confirm"), pending, version(pending))),
        QStringLiteral("not_found"));

    // The one still waiting returned to the learner as a draft, to submit to the new employer,
    // which sees none of the earlier ones until then.
    const QJsonObject mine = latest(m_learner, QStringLiteral("declaration")).value(pending);
    QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QVERIFY(latest(next, QStringLiteral("declaration")).isEmpty());
    QCOMPARE(
        status(mutate(m_learner, QStringLiteral("declaration.submit"), pending, version(pending))),
        QStringLiteral("applied"));
    const QHash<QString, QJsonObject> atNext = latest(next, QStringLiteral("declaration"));
    QCOMPARE(atNext.keys(), QStringList { pending });
    QCOMPARE(atNext.value(pending).value(QStringLiteral("employerId")).toString(), next.id);
    QCOMPARE(m_client->get(QStringLiteral("/attachments/") + attachment, next.token).status, 200);
    QCOMPARE(
        m_client->get(QStringLiteral("/attachments/") + attachment, m_employer.token).status, 404);
    // The confirmed hours went with the learner (hour records follow the binding).
    bool credited = false;
    for (const QJsonObject &record : latest(next, QStringLiteral("hourRecord")))
        credited = credited
            || record.value(QStringLiteral("source")).toString()
                == QLatin1String("selfDeclaration");
    QVERIFY(credited);

    // Confirmed again by the first employer: what was submitted to it is its to see again.
    bind(m_learner, m_employer);
    const QHash<QString, QJsonObject> back = latest(m_employer, QStringLiteral("declaration"));
    QCOMPARE(back.keys(), QStringList { confirmed });
    QCOMPARE(
        m_client->get(QStringLiteral("/attachments/") + decidedAttachment, m_employer.token).status,
        200);
    QCOMPARE(m_client->get(QStringLiteral("/attachments/") + attachment, next.token).status, 404);
}

// --- decisions ------------------------------------------------------------------------------

void TestDeclarations::decision_onVersionNotSeen_conflictNothingApplied()
{
    const QString id = submitted(m_learner);
    // The officer syncs, goes offline, and confirms the version seen.
    const qint64 seen = qint64(latest(m_employer, QStringLiteral("declaration"))
                                   .value(id)
                                   .value(QStringLiteral("version"))
                                   .toDouble());
    QCOMPARE(seen, version(id));
    // Meanwhile the learner edits it (an edit is a new version, still pending).
    QCOMPARE(
        status(mutate(m_learner, QStringLiteral("declaration.save"), id, seen, payload(2, 100))),
        QStringLiteral("applied"));
    QCOMPARE(version(id), seen + 1);
    const QJsonObject r = mutate(m_employer, QStringLiteral("declaration.confirm"), id, seen);
    QCOMPARE(status(r), QStringLiteral("conflict"));
    const QJsonObject current = r.value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("type")).toString(), QStringLiteral("declaration"));
    QCOMPARE(qint64(current.value(QStringLiteral("version")).toDouble()), seen + 1);
    QCOMPARE(current.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("hoursTenths"))
                 .toInt(),
        100);
    // Nothing applied: still pending, no hour record.
    QCOMPARE(latest(m_learner, QStringLiteral("declaration"))
                 .value(id)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("pending"));
    QVERIFY(latest(m_learner, QStringLiteral("hourRecord")).isEmpty());
    QCOMPARE(status(mutate(m_employer, QStringLiteral("declaration.reject"), id, seen,
                 { { QStringLiteral("reason"), QStringLiteral("材料不清晰") } })),
        QStringLiteral("conflict"));
    // A new attachment is a new version too.
    QCOMPARE(upload(m_learner, id, pngBytes()).status, 200);
    QCOMPARE(status(mutate(m_employer, QStringLiteral("declaration.confirm"), id, seen + 1)),
        QStringLiteral("conflict"));
    // On the version it now sees, it is decided.
    QCOMPARE(status(mutate(m_employer, QStringLiteral("declaration.confirm"), id, version(id))),
        QStringLiteral("applied"));
    // A confirmed declaration is final for the learner.
    QCOMPARE(errorCode(
                 mutate(m_learner, QStringLiteral("declaration.save"), id, version(id), payload())),
        QStringLiteral("declaration_decided"));
    QCOMPARE(errorCode(mutate(m_learner, QStringLiteral("declaration.withdraw"), id, version(id))),
        QStringLiteral("declaration_decided"));
    QCOMPARE(announce(m_learner, id, newId(), QStringLiteral("late.pdf"), 10,
                 QString(64, QLatin1Char('a')))
                 .errorCode(),
        QStringLiteral("declaration_decided"));
}

void TestDeclarations::batch_severalConfirmed_perItemResults()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(submitted(m_learner));
    const QString stale = submitted(m_learner);
    const qint64 staleSeen = version(stale);
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.withdraw"), stale, staleSeen)),
        QStringLiteral("applied"));
    QJsonArray mutations;
    QStringList mutationIds;
    for (const QString &id : ids + QStringList { stale }) {
        mutationIds.append(newId());
        mutations.append(QJsonObject { { QStringLiteral("id"), mutationIds.last() },
            { QStringLiteral("type"), QStringLiteral("declaration.confirm") },
            { QStringLiteral("target"), id },
            { QStringLiteral("baseVersion"), double(id == stale ? staleSeen : version(id)) } });
    }
    // And one for a declaration that does not exist.
    mutations.append(QJsonObject { { QStringLiteral("id"), newId() },
        { QStringLiteral("type"), QStringLiteral("declaration.confirm") },
        { QStringLiteral("target"), newId() }, { QStringLiteral("baseVersion"), 1 } });
    const TestReply r = batch(m_employer, mutations);
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 5);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(status(results.at(i).toObject()), QStringLiteral("applied"));
        QCOMPARE(
            results.at(i).toObject().value(QStringLiteral("id")).toString(), mutationIds.at(i));
        QVERIFY(
            !results.at(i).toObject().value(QStringLiteral("hourRecordId")).toString().isEmpty());
    }
    QCOMPARE(status(results.at(3).toObject()), QStringLiteral("conflict"));
    QCOMPARE(errorCode(results.at(4).toObject()), QStringLiteral("not_found"));
    int records = 0;
    for (const QJsonObject &record : latest(m_employer, QStringLiteral("hourRecord")))
        records += record.value(QStringLiteral("source")).toString()
            == QLatin1String("selfDeclaration");
    QCOMPARE(records, 3);
    // The batch sent again (the answer was lost) changes nothing and answers the same.
    const TestReply again = batch(m_employer, mutations);
    QCOMPARE(again.json.value(QStringLiteral("results")).toArray(), results);
    QSqlQuery n
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM hour_records"));
    QVERIFY(n.next());
    QCOMPARE(n.value(0).toInt(), 3);
}

void TestDeclarations::confirm_hourRecordReachesLearnerAndEmployer()
{
    const QString id = submitted(m_learner);
    const QJsonObject r
        = mutate(m_employer, QStringLiteral("declaration.confirm"), id, version(id));
    QCOMPARE(status(r), QStringLiteral("applied"));
    const QString recordId = r.value(QStringLiteral("hourRecordId")).toString();
    QVERIFY(!recordId.isEmpty());
    for (const Account &who : { m_learner, m_employer }) {
        const QJsonObject record = latest(who, QStringLiteral("hourRecord")).value(recordId);
        QCOMPARE(
            record.value(QStringLiteral("source")).toString(), QStringLiteral("selfDeclaration"));
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(record.value(QStringLiteral("hoursTenths")).toInt(), 120);
        QCOMPARE(record.value(QStringLiteral("year")).toInt(), 2026);
        QCOMPARE(
            record.value(QStringLiteral("subjectType")).toString(), QStringLiteral("professional"));
        QCOMPARE(record.value(QStringLiteral("title")).toString(),
            QStringLiteral("环境影响评价技术培训"));
        QCOMPARE(
            record.value(QStringLiteral("startDate")).toString(), QStringLiteral("2026-02-10"));
        QCOMPARE(record.value(QStringLiteral("endDate")).toString(), QStringLiteral("2026-02-11"));
        const QJsonObject declaration = latest(who, QStringLiteral("declaration")).value(id);
        QCOMPARE(
            declaration.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
        QCOMPARE(declaration.value(QStringLiteral("hourRecordId")).toString(), recordId);
        QVERIFY(!declaration.value(QStringLiteral("decidedAt")).toString().isEmpty());
    }
    // Nobody else sees it.
    const Account stranger
        = registerEmployer(QStringLiteral("stranger"), QStringLiteral("91440106MA59XK3T7"));
    QVERIFY(latest(stranger, QStringLiteral("hourRecord")).isEmpty());
}

void TestDeclarations::reject_needsReason_thenCorrectedAndResubmitted()
{
    const QString id = submitted(m_learner);
    QJsonObject r = mutate(m_employer, QStringLiteral("declaration.reject"), id, version(id));
    QCOMPARE(errorCode(r), QStringLiteral("missing_field"));
    r = mutate(m_employer, QStringLiteral("declaration.reject"), id, version(id),
        { { QStringLiteral("reason"), QString(201, QChar(0x5b66)) } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    r = mutate(m_employer, QStringLiteral("declaration.reject"), id, version(id),
        { { QStringLiteral("reason"), QStringLiteral("证明材料不清晰，请重新上传") } });
    QCOMPARE(status(r), QStringLiteral("applied"));
    QJsonObject mine = latest(m_learner, QStringLiteral("declaration")).value(id);
    QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(mine.value(QStringLiteral("reason")).toString(),
        QStringLiteral("证明材料不清晰，请重新上传"));
    QVERIFY(latest(m_learner, QStringLiteral("hourRecord")).isEmpty());

    // Corrected: a draft that keeps the reason, then submitted again, the reason cleared.
    QCOMPARE(upload(m_learner, id, pngBytes()).status, 200);
    QCOMPARE(status(mutate(
                 m_learner, QStringLiteral("declaration.save"), id, version(id), payload(1, 61))),
        QStringLiteral("rejected"));
    QJsonObject corrected = payload(2, 110);
    QCOMPARE(
        status(mutate(m_learner, QStringLiteral("declaration.save"), id, version(id), corrected)),
        QStringLiteral("applied"));
    mine = latest(m_learner, QStringLiteral("declaration")).value(id);
    QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QCOMPARE(mine.value(QStringLiteral("reason")).toString(),
        QStringLiteral("证明材料不清晰，请重新上传"));
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.submit"), id, version(id))),
        QStringLiteral("applied"));
    const QJsonObject seen = latest(m_employer, QStringLiteral("declaration")).value(id);
    QCOMPARE(seen.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QVERIFY(seen.value(QStringLiteral("reason")).isNull());
    QCOMPARE(seen.value(QStringLiteral("hoursTenths")).toInt(), 110);
}

void TestDeclarations::delete_draftOnly_removesItsFiles()
{
    QString attachment;
    const QString id = submitted(m_learner, &attachment);
    QString hrCursor; // the HR office's client, which has it
    pullAllChanges(*m_client, m_employer.token, 1000, &hrCursor);
    // Waiting for the HR office: withdraw first.
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.delete"), id, version(id))),
        QStringLiteral("conflict"));
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.withdraw"), id, version(id))),
        QStringLiteral("applied"));
    QCOMPARE(status(mutate(m_learner, QStringLiteral("declaration.delete"), id, version(id))),
        QStringLiteral("applied"));
    QVERIFY(attachmentFiles().isEmpty());
    QCOMPARE(version(id), qint64(-1));
    QVERIFY(!latest(m_learner, QStringLiteral("declaration")).contains(id));
    // The HR office that saw it is told to delete it, and nothing of it stays in its feed.
    int seen = 0;
    for (const QJsonObject &c :
        pullAllChanges(*m_client, m_employer.token, 1000, nullptr, hrCursor)) {
        if (c.value(QStringLiteral("id")).toString() == id) {
            ++seen;
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
        }
    }
    QCOMPARE(seen, 1);
    for (const QJsonObject &c : pullAllChanges(*m_client, m_employer.token))
        QVERIFY(c.value(QStringLiteral("id")).toString() != id);
    QCOMPARE(
        m_client->get(QStringLiteral("/attachments/") + attachment, m_learner.token).status, 404);
    QCOMPARE(errorCode(mutate(m_learner, QStringLiteral("declaration.delete"), id, 1)),
        QStringLiteral("not_found"));
}

void TestDeclarations::demo_learnerDeclaresAndDemoEmployerConfirms()
{
    // The flow of the manual with the demo data of xueshi-server --demo: demo_learner is bound
    // to demo_employer already. A server of its own: the demo's credit codes are the suite's.
    m_client.reset();
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    Account learner;
    Account employer;
    for (const server::DemoAccount &a : server::demoAccounts()) {
        if (a.username != QLatin1String("demo_learner")
            && a.username != QLatin1String("demo_employer"))
            continue;
        const TestReply r = m_client->post(QStringLiteral("/session"),
            { { QStringLiteral("username"), a.username },
                { QStringLiteral("password"), a.password } });
        QCOMPARE(r.status, 200);
        Account &who = a.username == QLatin1String("demo_learner") ? learner : employer;
        who.token = r.json.value(QStringLiteral("token")).toString();
        who.id = r.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
    }
    QCOMPARE(errorField(
                 mutate(learner, QStringLiteral("declaration.save"), newId(), 0, payload(2, 130))),
        QStringLiteral("hoursTenths"));
    const QString id = submitted(learner);
    QCOMPARE(latest(learner, QStringLiteral("declaration"))
                 .value(id)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("pending"));
    const QJsonObject seen = latest(employer, QStringLiteral("declaration")).value(id);
    QCOMPARE(seen.value(QStringLiteral("learnerName")).toString(), QStringLiteral("张明"));
    const QJsonObject r = mutate(employer, QStringLiteral("declaration.confirm"), id,
        qint64(seen.value(QStringLiteral("version")).toDouble()));
    QCOMPARE(status(r), QStringLiteral("applied"));
    QCOMPARE(latest(learner, QStringLiteral("hourRecord"))
                 .value(r.value(QStringLiteral("hourRecordId")).toString())
                 .value(QStringLiteral("hoursTenths"))
                 .toInt(),
        120);
}

QTEST_GUILESS_MAIN(TestDeclarations)
#include "tst_declarations.moc"
