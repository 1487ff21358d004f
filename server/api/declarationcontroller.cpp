#include "controllers.h"
#include "core/apierror.h"
#include "core/jsonbody.h"
#include "errorcodes.h"
#include "router.h"
#include "services/declarationservice.h"

#include <QUrl>

namespace xueshi::server {

namespace {

using Access = Router::Access;
using Lane = Router::Lane;
namespace ec = xueshi::errorcode;

// "offset" of the query: digits only, at most 18 of them.
qint64 offsetOf(const HttpRequest &request)
{
    if (!request.query.hasQueryItem(QStringLiteral("offset"))) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(QStringLiteral("offset"))
            .arg(QStringLiteral("offset"));
    }
    const QString text = request.query.queryItemValue(QStringLiteral("offset"), QUrl::FullyDecoded);
    const bool digits = !text.isEmpty() && text.size() <= 18
        && std::all_of(text.begin(), text.end(),
            [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    if (!digits) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "offset must be a whole number of bytes."))
            .field(QStringLiteral("offset"));
    }
    return text.toLongLong();
}

} // namespace

void addDeclarationRoutes(Router &router, DeclarationService &declarations)
{
    // Announces an attachment (or asks how much of it arrived, to resume).
    router.add("POST", QStringLiteral("/api/v1/declarations/{id}/attachments"), Access::User,
        Lane::Normal, [&declarations](Router::Context &c) {
            const JsonBody body(c.request.body,
                { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("size"),
                    QStringLiteral("sha256") });
            const auto [status, answer]
                = declarations.startUpload(c.caller(), c.param(QStringLiteral("id")), body);
            return HttpResponse::json(status, answer);
        });

    // One piece of the file's bytes, raw: the only route whose body is not JSON.
    router.add("POST", QStringLiteral("/api/v1/attachments/{id}/content"), Access::User,
        Lane::Normal, [&declarations](Router::Context &c) {
            const QByteArray type = c.request.header("content-type");
            if (type.split(';').first().trimmed().toLower() != "application/octet-stream") {
                throw ApiError(415, ec::UnsupportedMediaType, "Server",
                    QT_TRANSLATE_NOOP(
                        "Server", "Send the file's bytes as application/octet-stream."));
            }
            return HttpResponse::json(200,
                declarations.receivePiece(c.caller(), c.param(QStringLiteral("id")),
                    offsetOf(c.request), c.request.body));
        });

    router.add("GET", QStringLiteral("/api/v1/attachments/{id}"), Access::User, Lane::Normal,
        [&declarations](Router::Context &c) {
            const DeclarationService::Download d
                = declarations.download(c.caller(), c.param(QStringLiteral("id")));
            HttpResponse r;
            r.contentType = d.mimeType.toLatin1();
            r.headers.append({ QByteArrayLiteral("etag"), '"' + d.sha256.toLatin1() + '"' });
            r.headers.append({ QByteArrayLiteral("cache-control"), "private, no-cache" });
            // The name only as RFC 5987 percent-encoded UTF-8: nothing of it can break the head.
            r.headers.append({ QByteArrayLiteral("content-disposition"),
                "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(d.name) });
            // Streamed from disk by the transport as the client reads: never whole in memory.
            r.file = FileBody { d.path, 0, d.size };
            return r;
        });

    router.add("DELETE", QStringLiteral("/api/v1/attachments/{id}"), Access::User, Lane::Normal,
        [&declarations](Router::Context &c) {
            return HttpResponse::json(
                200, declarations.removeAttachment(c.caller(), c.param(QStringLiteral("id"))));
        });
}

} // namespace xueshi::server
