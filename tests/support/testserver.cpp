#include "testserver.h"

#include "services/accountservice.h"
#include "storage/database.h"
#include "sync/syncservice.h"
#include "testsupport.h"
#include "validators.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace xueshi::test {

bool postgresAdminExec(const QString &adminUrl, const QString &sql, QString *error)
{
    const auto config = server::DatabaseConfig::fromUrl(adminUrl, error);
    if (!config)
        return false;
    const QString connection
        = QStringLiteral("xueshi-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(config->host);
        db.setPort(config->port);
        db.setUserName(config->user);
        db.setPassword(config->password);
        db.setDatabaseName(config->name);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

namespace {

// Creates an empty database on the cluster named by adminUrl; returns its URL.
QString createPostgresDatabase(const QString &adminUrl, QString *name, QString *error)
{
    *name = QStringLiteral("xueshi_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!postgresAdminExec(adminUrl, QStringLiteral("CREATE DATABASE %1").arg(*name), error))
        return {};
    QString url = adminUrl;
    url.truncate(url.lastIndexOf(QLatin1Char('/')) + 1);
    return url + *name;
}

void dropPostgresDatabase(const QString &adminUrl, const QString &name)
{
    QString error;
    postgresAdminExec(
        adminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name), &error);
}

} // namespace

TestServer::TestServer(server::PasswordHasher::Cost cost)
    : TestServer(nullptr, cost)
{ }

TestServer::TestServer(
    std::shared_ptr<const server::ServerConfig> config, server::PasswordHasher::Cost cost)
{
    server::ServerOptions options;
    options.config = std::move(config);
    options.dataDir = m_dir.path();
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.passwordCost = cost;
    options.clock = &m_clock;
    m_postgresAdminUrl = qEnvironmentVariable("XUESHI_TEST_POSTGRES_URL");
    if (!m_postgresAdminUrl.isEmpty()) {
        const QString url
            = createPostgresDatabase(m_postgresAdminUrl, &m_postgresDatabase, &m_error);
        if (url.isEmpty()) {
            m_error = QStringLiteral("cannot create a PostgreSQL test database: ") + m_error;
            return;
        }
        options.database = server::DatabaseConfig::fromUrl(url, &m_error);
    }
    m_options = options;
    m_server = std::make_unique<server::Server>(options);
    m_running = m_server->openStorage(&m_error) && m_server->listen(&m_error);
}

bool TestServer::restart(const std::function<void()> &whileStopped)
{
    m_server.reset();
    if (whileStopped)
        whileStopped();
    m_server = std::make_unique<server::Server>(m_options);
    m_running = m_server->openStorage(&m_error) && m_server->listen(&m_error);
    return m_running;
}

TestServer::~TestServer()
{
    m_server.reset();
    if (!m_postgresDatabase.isEmpty())
        dropPostgresDatabase(m_postgresAdminUrl, m_postgresDatabase);
}

bool TestServer::isPostgres() const
{
    return !m_postgresAdminUrl.isEmpty();
}

QUrl TestServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

QUrl TestServer::url(const QString &path) const
{
    QUrl u = baseUrl();
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    u.setPath(QStringLiteral("/api/v1") + path.left(question));
    if (question >= 0)
        u.setQuery(path.mid(question + 1), QUrl::StrictMode);
    return u;
}

quint16 TestServer::port() const
{
    return m_server ? m_server->port() : 0;
}

QSslCertificate TestServer::certificate() const
{
    return m_server->certificate();
}

QString TestServer::fingerprint() const
{
    return m_server->certificateFingerprint();
}

QList<server::Notification> TestServer::outbox(int limit)
{
    for (const server::Notification &n : m_server->outbox().deliverPending())
        m_received.prepend(n);
    return m_received.mid(0, limit);
}

QString TestServer::lastCode()
{
    const QList<server::Notification> messages = outbox(1);
    if (messages.isEmpty())
        return {};
    static const QRegularExpression sixDigits(QStringLiteral("\\b(\\d{6})\\b"));
    return sixDigits.match(messages.first().body).captured(1);
}

QString TestReply::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString TestReply::errorField() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

QString TestReply::errorMessage() const
{
    return json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

QByteArray TestReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

TestClient::TestClient(const TestServer &server)
    : m_server(server)
{ }

TestReply TestClient::get(const QString &path, const QString &token, const QByteArray &language)
{
    return send("GET", path, {}, token, language);
}

TestReply TestClient::post(
    const QString &path, const QJsonObject &body, const QString &token, const QByteArray &language)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token, language);
}

TestReply TestClient::postRaw(const QString &path, const QByteArray &body, const QString &token)
{
    return send("POST", path, body, token, {});
}

TestReply TestClient::del(const QString &path, const QString &token)
{
    return send("DELETE", path, {}, token, {});
}

TestReply TestClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const QString &token, const QByteArray &language)
{
    QNetworkRequest request(m_server.url(path));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server.certificate() });
    request.setSslConfiguration(tls);
    if (!body.isEmpty() || method == "POST")
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    // QNetworkAccessManager would send the system locale (en-US in tests) otherwise; "*" asks for
    // the server's default language.
    request.setRawHeader("Accept-Language", language.isEmpty() ? QByteArrayLiteral("*") : language);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    TestReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.headers = reply->rawHeaderPairs();
    r.networkError = reply->error();
    r.errorString = reply->errorString();
    reply->deleteLater();
    return r;
}

TestAccount registerAndLogin(
    TestClient &client, const QString &accountsPath, const QJsonObject &registration)
{
    const TestReply reg = client.post(accountsPath, registration);
    const TestReply session = client.post(QStringLiteral("/session"),
        { { QStringLiteral("username"), registration.value(QStringLiteral("username")) },
            { QStringLiteral("password"), registration.value(QStringLiteral("password")) } });
    return {
        reg.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
        session.json.value(QStringLiteral("token")).toString()
    };
}

QJsonObject applyMutation(TestClient &client, const TestAccount &who, const QString &type,
    const QString &target, qint64 baseVersion, const QJsonObject &payload)
{
    const TestReply r = client.post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject {
                { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                { QStringLiteral("baseVersion"), double(baseVersion) },
                { QStringLiteral("payload"), payload } } } } },
        who.token, "en");
    return r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

TestAccount registerBindableLearner(
    TestServer &server, TestClient &client, const QString &username, const QString &first17)
{
    const TestAccount a = registerAndLogin(client, QStringLiteral("/accounts/learners"),
        learnerRegistration(username, first17, QStringLiteral("138") + first17.right(8)));
    QSqlQuery v = server.server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { a.id });
    const qint64 version = v.next() ? v.value(0).toLongLong() : 0;
    v.finish();
    const QJsonObject r = applyMutation(client, a, QStringLiteral("profile.update"), a.id, version,
        { { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("education"), QStringLiteral("bachelor") } });
    if (r.value(QStringLiteral("status")).toString() != QLatin1String("applied"))
        qWarning("profile of %s: %s", qPrintable(username),
            QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    return a;
}

TestAccount registerApprovedEmployer(TestServer &server, TestClient &client,
    const QString &username, const QString &creditFirst17, const QString &regionCode)
{
    QJsonObject registration = organisationRegistration(username, creditFirst17);
    if (!regionCode.isEmpty())
        registration.insert(QStringLiteral("regionCode"), regionCode);
    const TestAccount a
        = registerAndLogin(client, QStringLiteral("/accounts/employers"), registration);
    QString error;
    if (!server.server().accounts().approveOrganisation(username, Role::Employer, &error))
        qWarning("approve %s: %s", qPrintable(username), qPrintable(error));
    return a;
}

bool bindLearner(TestClient &client, const TestAccount &learner, const TestAccount &employer)
{
    const QString binding = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto applied = [](const QJsonObject &result) {
        return result.value(QStringLiteral("status")).toString() == QLatin1String("applied");
    };
    return applied(applyMutation(client, learner, QStringLiteral("binding.request"), binding, 0,
               { { QStringLiteral("employerId"), employer.id } }))
        && applied(applyMutation(client, employer, QStringLiteral("binding.confirm"), binding, 1));
}

QList<QJsonObject> pullAllChanges(
    TestClient &client, const QString &token, int limit, QString *cursorOut, const QString &since)
{
    QList<QJsonObject> all;
    QString cursor = since;
    for (int page = 0; page < 1000; ++page) {
        const TestReply r
            = client.get(QStringLiteral("/sync/changes?limit=%1&since=%2")
                             .arg(limit)
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor))),
                token);
        if (r.status != 200) {
            qWarning("pull failed: %d %s", r.status, r.body.constData());
            return {};
        }
        for (const QJsonValue &v : r.json.value(QStringLiteral("changes")).toArray())
            all.append(v.toObject());
        cursor = r.json.value(QStringLiteral("cursor")).toString();
        if (!r.json.value(QStringLiteral("more")).toBool())
            break;
    }
    if (cursorOut)
        *cursorOut = cursor;
    return all;
}

QString residentId(const QString &first17)
{
    return first17 + residentIdCheckCharacter(first17);
}

QString creditCode(const QString &first17)
{
    return first17 + creditCodeCheckCharacter(first17);
}

QJsonObject learnerRegistration(
    const QString &username, const QString &residentIdFirst17, const QString &mobile)
{
    return { { QStringLiteral("username"), username },
        { QStringLiteral("password"), QStringLiteral("Secret123") },
        { QStringLiteral("realName"), QStringLiteral("张三") },
        { QStringLiteral("residentId"), residentId(residentIdFirst17) },
        { QStringLiteral("mobile"), mobile },
        { QStringLiteral("email"), QStringLiteral("zhangsan@example.cn") } };
}

qsizetype httpAnswerLength(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    const QByteArray head = bytes.left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    const qsizetype length
        = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
    return bytes.size() >= end + 4 + length ? end + 4 + length : -1;
}

QByteArray readHttpAnswer(QTcpSocket &socket, int timeoutMs)
{
    QByteArray answer;
    [[maybe_unused]] const bool complete = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return httpAnswerLength(answer) >= 0;
        },
        timeoutMs);
    return answer;
}

QString learnerMobile(const QJsonObject &user)
{
    return user.value(QStringLiteral("learner"))
        .toObject()
        .value(QStringLiteral("mobile"))
        .toString();
}

QJsonObject organisationRegistration(
    const QString &username, const QString &creditCodeFirst17, const QString &phone)
{
    return { { QStringLiteral("username"), username },
        { QStringLiteral("password"), QStringLiteral("Secret123") },
        { QStringLiteral("name"), QStringLiteral("广州测试科技有限公司") },
        { QStringLiteral("creditCode"), creditCode(creditCodeFirst17) },
        { QStringLiteral("regionCode"), QStringLiteral("440106") },
        { QStringLiteral("contactPerson"), QStringLiteral("李四") },
        { QStringLiteral("phone"), phone },
        { QStringLiteral("email"), QStringLiteral("hr@example.cn") } };
}

std::thread applyInThread(server::Server &server, const TestAccount &who, Role role,
    const QString &type, const QString &target, qint64 baseVersion, const QJsonObject &payload,
    QJsonObject *result, std::atomic<bool> *failed)
{
    server::AuthenticatedUser caller;
    caller.id = who.id;
    caller.role = role;
    caller.status = QStringLiteral("active");
    const QJsonArray batch { QJsonObject {
        { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
        { QStringLiteral("baseVersion"), double(baseVersion) },
        { QStringLiteral("payload"), payload } } };
    return std::thread([&server, caller, batch, result, failed] {
        try {
            *result = server.sync()
                          .applyMutations(caller, batch, Language::English)
                          .value(QStringLiteral("results"))
                          .toArray()
                          .at(0)
                          .toObject();
        } catch (const std::exception &e) {
            qWarning("mutation failed: %s", e.what());
            *failed = true;
        }
    });
}

ChangeCounterGate::ChangeCounterGate(server::Database &database)
    : m_database(database)
    , m_transaction(std::make_unique<server::Transaction>(database))
{
    m_database.exec(QStringLiteral("UPDATE change_counter SET n = n WHERE id = 1"));
}

ChangeCounterGate::~ChangeCounterGate()
{
    release();
}

bool ChangeCounterGate::waitForWaiters(int count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        // pg_locks is read anew by each statement (unlike pg_stat_activity inside a transaction).
        QSqlQuery q = m_database.exec(
            QStringLiteral("SELECT COUNT(DISTINCT pid) FROM pg_locks WHERE NOT granted"));
        if (q.next() && q.value(0).toInt() >= count)
            return true;
        q.finish();
        QThread::msleep(20);
    }
    return false;
}

void ChangeCounterGate::release()
{
    m_transaction.reset();
}

} // namespace xueshi::test
