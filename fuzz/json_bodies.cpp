// Fuzzes the JSON bodies of every route with a body or a parameter, through the server's real
// router, controllers and services on a SQLite database in a temporary folder (no sockets): the
// strict body checks (server/core/jsonbody.cpp), the mutation batch checks and every mutation
// type's payload checks (server/sync/syncservice.cpp and the handlers each service registers).
// The routes come from the router's own table, so a new route is fuzzed without a change here.
// Input: a first line naming the route as in the table ("POST /api/v1/session"), a byte for the
// caller (modulo 5: anonymous, learner, employer, institution, administrator; 5 to 9 the same in
// English), the rest is the body (or the path
// parameter, or the query string), in which "@me" stands for the caller's own user id. With
// XUESHI_FUZZ_POSTGRES_URL (postgres://user@host:port/db of a cluster it may create databases on)
// it runs on a fresh PostgreSQL database instead, dropped at exit. Properties: no crash or
// sanitizer report; never a 5xx (a 500 means an input reached an unhandled error); every 4xx
// carries the API's error object with a code; a 200 answer of /sync/mutations has one result per
// mutation, each applied, conflict or rejected with a code.

#include "api/controllers.h"
#include "api/router.h"
#include "fuzzing.h"
#include "http/httpconnection.h"
#include "server.h"
#include "services/accountservice.h"
#include "validators.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QUuid>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>

using namespace xueshi;
using namespace xueshi::server;

namespace {

// A route of the server's own table as the fuzzer drives it.
struct Route
{
    QByteArray name; // "POST /api/v1/session", as in the table
    QByteArray method;
    // A trailing '/' takes the input as the path parameter, a trailing '?' as the query string;
    // otherwise the input is the body. Parameters in the middle hold a fixed id of nobody's.
    QByteArray path;
};

struct Harness
{
    std::unique_ptr<Server> server;
    QThreadPool pool;
    std::unique_ptr<Router> router;
    QList<Route> routes; // every route of the router's table except DELETE (it ends sessions)
    QByteArray tokens[4]; // learner, employer, institution, administrator
    QByteArray ids[4];
};

Harness *g_harness = nullptr;

// The PostgreSQL cluster named by XUESHI_FUZZ_POSTGRES_URL, and the database made on it.
std::optional<DatabaseConfig> g_postgresAdmin;
QString g_postgresDatabase;

// Runs one statement on the cluster's administrative database (CREATE or DROP DATABASE).
bool adminStatement(const QString &sql, QString *error)
{
    const QString connection = QStringLiteral("xueshi-fuzz-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(g_postgresAdmin->host);
        db.setPort(g_postgresAdmin->port);
        db.setUserName(g_postgresAdmin->user);
        db.setPassword(g_postgresAdmin->password);
        db.setDatabaseName(g_postgresAdmin->name);
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

// The server is left as it is (its statics may be gone at exit); FORCE ends its connections.
void dropPostgresDatabase()
{
    QString error;
    adminStatement(
        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(g_postgresDatabase), &error);
}

// A fresh database on the cluster, or nullopt (and a message) when XUESHI_FUZZ_POSTGRES_URL is
// not set.
std::optional<DatabaseConfig> postgresDatabase()
{
    const QString url = qEnvironmentVariable("XUESHI_FUZZ_POSTGRES_URL");
    if (url.isEmpty())
        return std::nullopt;
    QString error;
    g_postgresAdmin = DatabaseConfig::fromUrl(url, &error);
    if (!g_postgresAdmin)
        qFatal("json_bodies: XUESHI_FUZZ_POSTGRES_URL: %s", qPrintable(error));
    g_postgresDatabase
        = QStringLiteral("xueshi_fuzz_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!adminStatement(QStringLiteral("CREATE DATABASE %1").arg(g_postgresDatabase), &error))
        qFatal("json_bodies: cannot create a PostgreSQL database: %s", qPrintable(error));
    std::atexit(dropPostgresDatabase);
    DatabaseConfig config = *g_postgresAdmin;
    config.name = g_postgresDatabase;
    return config;
}

// The request as the transport would hand it over: the head goes through the real parser, so a
// path or query reaches the router only in a form the transport lets through (percent-decoded,
// valid UTF-8, no NUL). nullopt when the transport itself would refuse the head.
std::optional<HttpResponse> call(const QByteArray &method, const QByteArray &target,
    const QByteArray &body, const QByteArray &token, bool english)
{
    QByteArray head = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1";
    if (method == "POST")
        head += "\r\nContent-Length: " + QByteArray::number(body.size());
    if (!token.isEmpty())
        head += "\r\nAuthorization: Bearer " + token;
    if (english)
        head += "\r\nAccept-Language: en";
    HttpRequest request;
    HttpHead parsed;
    if (parseRequestHead(head, HttpLimits(), &request, &parsed))
        return std::nullopt;
    request.body = body;
    request.peer = QHostAddress::LocalHost;
    std::promise<HttpResponse> answer;
    std::future<HttpResponse> future = answer.get_future();
    g_harness->router->dispatch(
        std::move(request), [&answer](HttpResponse r) { answer.set_value(std::move(r)); });
    return future.get();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Logs in; the token, and the user's id in *id.
QByteArray login(const QString &username, const QString &password, QByteArray *id)
{
    const HttpResponse r = *call("POST", "/api/v1/session",
        json(
            { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } }),
        {}, false);
    const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
    const QByteArray token = answer.value(QStringLiteral("token")).toString().toLatin1();
    if (token.isEmpty())
        qFatal("json_bodies: cannot log in as %s: %d %s", qPrintable(username), r.status,
            r.body.constData());
    *id = answer.value(QStringLiteral("user"))
              .toObject()
              .value(QStringLiteral("id"))
              .toString()
              .toLatin1();
    return token;
}

QByteArray registerAndLogin(const QByteArray &path, const QJsonObject &registration, QByteArray *id)
{
    const HttpResponse reg = *call("POST", path, json(registration), {}, false);
    if (reg.status != 201) {
        qFatal("json_bodies: cannot register %s: %d %s", path.constData(), reg.status,
            reg.body.constData());
    }
    return login(registration.value(QStringLiteral("username")).toString(),
        registration.value(QStringLiteral("password")).toString(), id);
}

void checkErrorObject(const HttpResponse &r)
{
    const QJsonObject error
        = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
    if (error.value(QStringLiteral("code")).toString().isEmpty())
        fuzz::fail("a refusal has no error object with a code");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialiseQt(argc, argv);
    g_harness = new Harness;
    ServerOptions options;
    options.dataDir = fuzz::scratchDirectory();
    options.passwordCost = PasswordHasher::Cost::Minimal;
    options.database = postgresDatabase();
    g_harness->server = std::make_unique<Server>(options);
    QString error;
    if (!g_harness->server->openStorage(&error))
        qFatal("json_bodies: cannot open the database: %s", qPrintable(error));
    // One worker thread: one database connection, and inputs never overlap.
    g_harness->pool.setMaxThreadCount(1);
    g_harness->pool.setExpiryTimeout(-1);
    Server &s = *g_harness->server;
    g_harness->router
        = std::make_unique<Router>(s.accounts(), s.localizer(), &g_harness->pool, &g_harness->pool);
    Router &router = *g_harness->router;
    addHealthRoutes(router, s.database());
    addAccountRoutes(router, s.accounts());
    addRecoveryRoutes(router, s.recovery());
    addSyncRoutes(router, s.sync());
    addContentRoutes(router, s.content());
    addClassRoutes(router, s.classes());
    addDeclarationRoutes(router, s.declarations());
    for (const Router::RouteInfo &info : router.routes()) {
        if (info.method == "DELETE")
            continue;
        QByteArray path = info.pattern.toLatin1();
        const bool lastIsParameter = path.endsWith('}');
        if (lastIsParameter && info.method == "GET")
            path.truncate(path.lastIndexOf('/') + 1);
        // Any other parameter: a well-formed id nobody has, so the checks before the lookup run.
        static const QRegularExpression parameter(QStringLiteral("\\{[^}]*\\}"));
        path = QString::fromLatin1(path)
                   .replace(parameter, QStringLiteral("6b1e4f2a-9c3d-4e5f-8a7b-1c2d3e4f5a6b"))
                   .toLatin1();
        if (info.method == "GET" && !path.endsWith('/'))
            path += '?';
        g_harness->routes.append(
            { info.method + ' ' + info.pattern.toLatin1(), info.method, path });
    }

    const QString password = QStringLiteral("Secret123");
    const QString residentFirst17 = QStringLiteral("44010619900101123");
    g_harness->tokens[0] = registerAndLogin("/api/v1/accounts/learners",
        { { QStringLiteral("username"), QStringLiteral("fuzzlearner") },
            { QStringLiteral("password"), password },
            { QStringLiteral("realName"), QStringLiteral("张三") },
            { QStringLiteral("residentId"),
                residentFirst17 + residentIdCheckCharacter(residentFirst17) },
            { QStringLiteral("mobile"), QStringLiteral("13800138000") } },
        &g_harness->ids[0]);
    const auto organisation = [&](const char *username, const QString &first17) {
        return QJsonObject { { QStringLiteral("username"), QLatin1String(username) },
            { QStringLiteral("password"), password },
            { QStringLiteral("name"), QStringLiteral("广州测试科技有限公司") },
            { QStringLiteral("creditCode"), first17 + creditCodeCheckCharacter(first17) },
            { QStringLiteral("regionCode"), QStringLiteral("440106") },
            { QStringLiteral("contactPerson"), QStringLiteral("李四") },
            { QStringLiteral("phone"), QStringLiteral("13900139000") } };
    };
    g_harness->tokens[1] = registerAndLogin("/api/v1/accounts/employers",
        organisation("fuzzemployer", QStringLiteral("91440101MA5CXXXX0")), &g_harness->ids[1]);
    g_harness->tokens[2] = registerAndLogin("/api/v1/accounts/institutions",
        organisation("fuzzinstitution", QStringLiteral("52440101MA5CYYYY1")), &g_harness->ids[2]);
    // Approved, so their mutations reach the checks behind the approval.
    QString adminError;
    if (!s.accounts().approveOrganisation(
            QStringLiteral("fuzzemployer"), Role::Employer, &adminError)
        || !s.accounts().approveInstitution(QStringLiteral("fuzzinstitution"), &adminError))
        qFatal("json_bodies: cannot approve the organisations: %s", qPrintable(adminError));
    if (!s.accounts().createAdministrator(
            QStringLiteral("fuzzadmin"), QStringLiteral("Secret123admin"), &adminError))
        qFatal("json_bodies: cannot create the administrator: %s", qPrintable(adminError));
    g_harness->tokens[3]
        = login(QStringLiteral("fuzzadmin"), QStringLiteral("Secret123admin"), &g_harness->ids[3]);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // "METHOD /pattern\n", a caller byte, the rest. A first line naming no route of the table
    // still picks one (by its hash), so every input reaches some route.
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0 || newline + 1 >= input.size())
        return 0;
    const QByteArray name = input.left(newline);
    const QList<Route> &routes = g_harness->routes;
    const Route *found = &routes.at(qsizetype(qHash(name) % size_t(routes.size())));
    for (const Route &r : routes) {
        if (r.name == name)
            found = &r;
    }
    const Route &route = *found;
    const uchar callerByte = uchar(input.at(newline + 1));
    const int caller = callerByte % 5;
    const bool english = (callerByte / 5) % 2;
    QByteArray rest = input.mid(newline + 2);
    const QByteArray token = caller == 0 ? QByteArray() : g_harness->tokens[caller - 1];
    // The caller's own id cannot be in a seed: "@me" stands for it.
    if (caller != 0)
        rest.replace("@me", g_harness->ids[caller - 1]);

    QByteArray target = route.path;
    QByteArray body;
    if (target.endsWith('/') || target.endsWith('?'))
        target += rest;
    else
        body = rest;

    const std::optional<HttpResponse> answer = call(route.method, target, body, token, english);
    if (!answer)
        return 0; // the transport refuses this head itself (fuzzed by http_head)
    const HttpResponse &r = *answer;
    static const bool verbose = qEnvironmentVariableIsSet("XUESHI_FUZZ_VERBOSE");
    if (verbose) {
        std::fprintf(stderr, "%s (caller %d) -> %d %s\n", route.name.constData(), caller, r.status,
            r.body.left(300).constData());
    }
    if (r.status >= 500 || r.status < 200)
        fuzz::fail("an input was answered with a server error");
    if (r.status >= 400) {
        checkErrorObject(r);
        return 0;
    }
    if (route.path == "/api/v1/sync/mutations") {
        const QJsonArray sent
            = QJsonDocument::fromJson(body).object().value(QStringLiteral("mutations")).toArray();
        const QJsonArray results
            = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("results")).toArray();
        if (results.size() != sent.size())
            fuzz::fail("a batch was answered with another number of results");
        for (const QJsonValue &v : results) {
            const QJsonObject result = v.toObject();
            const QString status = result.value(QStringLiteral("status")).toString();
            if (status == u"rejected") {
                if (result.value(QStringLiteral("error"))
                        .toObject()
                        .value(QStringLiteral("code"))
                        .toString()
                        .isEmpty())
                    fuzz::fail("a rejected mutation has no error code");
            } else if (status != u"applied" && status != u"conflict") {
                fuzz::fail("a mutation result is neither applied, conflict nor rejected");
            }
        }
    }
    return 0;
}
