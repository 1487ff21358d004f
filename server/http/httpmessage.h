#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

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

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. {"allow", "GET, POST"}
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject &object)
    {
        HttpResponse r;
        r.status = status;
        r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return r;
    }
};

} // namespace xueshi::server
