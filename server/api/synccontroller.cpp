#include "content/contentstore.h"
#include "controllers.h"
#include "core/apierror.h"
#include "core/jsonbody.h"
#include "errorcodes.h"
#include "router.h"
#include "sync/syncservice.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace xueshi::server {

namespace {

using Access = Router::Access;
using Lane = Router::Lane;
namespace ec = xueshi::errorcode;

// Parses "bytes=N-" or "bytes=N-M" against a file of `size` bytes. False for anything else
// (multiple ranges, suffix ranges): the whole file is sent then, as HTTP allows.
bool parseRange(const QByteArray &header, qint64 size, qint64 *first, qint64 *last)
{
    if (!header.startsWith("bytes=") || header.contains(','))
        return false;
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash <= 0)
        return false;
    bool ok = false;
    *first = spec.left(dash).toLongLong(&ok);
    if (!ok || *first < 0)
        return false;
    const QByteArray end = spec.mid(dash + 1);
    *last = size - 1;
    if (!end.isEmpty()) {
        *last = end.toLongLong(&ok);
        if (!ok || *last < *first)
            return false;
        *last = std::min(*last, size - 1);
    }
    return true;
}

} // namespace

void addSyncRoutes(Router &router, SyncService &sync)
{
    router.add("GET", QStringLiteral("/api/v1/sync/changes"), Access::User, Lane::Normal,
        [&sync](Router::Context &c) {
            int limit = SyncService::DefaultPageSize;
            if (c.request.query.hasQueryItem(QStringLiteral("limit"))) {
                bool ok = false;
                limit = c.request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
                if (!ok || limit < 1 || limit > SyncService::MaxPageSize) {
                    throw ApiError(400, ec::InvalidField, "Server",
                        QT_TRANSLATE_NOOP("Server", "limit must be a number from 1 to %1."))
                        .field(QStringLiteral("limit"))
                        .arg(QString::number(SyncService::MaxPageSize));
                }
            }
            // count=1 on the first page of a pull: the answer then says how many entries follow.
            bool count = false;
            if (c.request.query.hasQueryItem(QStringLiteral("count"))) {
                const QString value = c.request.query.queryItemValue(QStringLiteral("count"));
                if (value != QLatin1String("0") && value != QLatin1String("1")) {
                    throw ApiError(400, ec::InvalidField, "Server",
                        QT_TRANSLATE_NOOP("Server", "count must be 0 or 1."))
                        .field(QStringLiteral("count"));
                }
                count = value == QLatin1String("1");
            }
            const QString since
                = c.request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
            HttpResponse response;
            response.body = sync.changesJson(c.caller(), since, limit, count);
            return response;
        });

    router.add("POST", QStringLiteral("/api/v1/sync/mutations"), Access::User, Lane::Normal,
        [&sync](Router::Context &c) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(c.request.body, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                throw ApiError(400, ec::InvalidJson, "Server",
                    QT_TRANSLATE_NOOP("Server", "The request body is not a valid JSON object."));
            }
            const QJsonObject body = doc.object();
            for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
                if (it.key() != QLatin1String("mutations")) {
                    throw ApiError(400, ec::UnknownField, "Server",
                        QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                        .field(it.key())
                        .arg(it.key());
                }
            }
            if (!body.contains(QStringLiteral("mutations"))) {
                throw ApiError(400, ec::MissingField, "Server",
                    QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
                    .field(QStringLiteral("mutations"))
                    .arg(QStringLiteral("mutations"));
            }
            return HttpResponse::json(200,
                sync.applyMutations(
                    c.caller(), body.value(QStringLiteral("mutations")), c.language));
        });
}

void addContentRoutes(Router &router, ContentStore &content)
{
    router.add("GET", QStringLiteral("/api/v1/content/{sha256}"), Access::User, Lane::Normal,
        [&content](Router::Context &c) {
            const QString path = content.path(c.param(QStringLiteral("sha256")));
            QFile file(path);
            if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
                throw ApiError(404, ec::NotFound, "Server",
                    QT_TRANSLATE_NOOP("Server", "This file is not on the server."));
            }
            const qint64 size = file.size();
            HttpResponse r;
            r.contentType = "application/octet-stream";
            r.headers.append({ QByteArrayLiteral("accept-ranges"), "bytes" });
            r.headers.append({ QByteArrayLiteral("etag"),
                '"' + c.param(QStringLiteral("sha256")).toLatin1() + '"' });
            // Content never changes under its hash.
            r.headers.append(
                { QByteArrayLiteral("cache-control"), "private, max-age=31536000, immutable" });
            qint64 first = 0;
            qint64 last = size - 1;
            const QByteArray range = c.request.header("range");
            if (!range.isEmpty() && parseRange(range, size, &first, &last)) {
                if (first >= size) {
                    HttpResponse unsatisfiable = HttpResponse::json(416,
                        QJsonObject { { QStringLiteral("error"),
                            QJsonObject {
                                { QStringLiteral("code"), QStringLiteral("range_not_satisfiable") },
                                { QStringLiteral("message"),
                                    QStringLiteral("bytes */%1").arg(size) } } } });
                    unsatisfiable.headers.append({ QByteArrayLiteral("content-range"),
                        "bytes */" + QByteArray::number(size) });
                    return unsatisfiable;
                }
                r.status = 206;
                r.headers.append({ "content-range",
                    "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                        + QByteArray::number(size) });
            }
            // Streamed from disk by the transport as the client reads: never whole in memory.
            r.file = FileBody { path, first, last - first + 1 };
            return r;
        });
}

} // namespace xueshi::server
