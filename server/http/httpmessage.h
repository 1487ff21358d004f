#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <atomic>
#include <memory>
#include <optional>

namespace xueshi::server {

// One parsed HTTP/1.1 request, complete with its body. Header names are lower-case.
struct HttpRequest
{
    QByteArray method; // upper case, as sent: "GET", "POST", ...
    QString path; // percent-decoded path, without the query: "/api/v1/session"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    // Names the request in the answer's X-Request-Id, in an error body's "requestId" and in the
    // log lines about it: 32 hex digits the transport makes, or, from a trusted proxy only
    // (HttpLimits::trustRequestIdHeader), the proxy's own (nginx's $request_id).
    QByteArray requestId;
    // Set by the transport once the client's connection is gone: a request still waiting for a
    // worker is then dropped, since nobody would read its answer.
    std::shared_ptr<const std::atomic_bool> connectionClosed;

    bool clientGone() const
    {
        return connectionClosed && connectionClosed->load(std::memory_order_acquire);
    }

    // The first header with this (lower-case) name, or an empty array.
    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
};

// A response body sent from a file, read in chunks as the client takes them, so a large file
// never sits whole in memory. `length` bytes from `offset`; the file is opened when the answer is
// written, and a file that is gone or shorter by then gets a 500 instead (nothing sent yet).
struct FileBody
{
    QString path;
    qint64 offset = 0;
    qint64 length = 0;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. {"allow", "GET, POST"}
    QByteArray body;
    std::optional<FileBody> file; // when set, the body comes from this file and `body` is unused
    // Never gzip-encoded, whatever the client accepts: set on answers that carry a credential
    // (the session token), so their length never depends on how well a secret compresses with
    // the text beside it (BREACH; docs/security.md).
    bool carriesSecret = false;
    // The route template that answered ("/api/v1/users/{id}"), for the access log and the
    // metrics; set by the router, never from the request's own path (ids would make every
    // request a label of its own).
    QByteArray route;

    static HttpResponse json(int status, const QJsonObject &object)
    {
        HttpResponse r;
        r.status = status;
        r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return r;
    }
};

} // namespace xueshi::server
