#include "metrics.h"

#include <QDateTime>
#include <QJsonObject>

#include <cmath>

namespace xueshi::server {

namespace {

// A label value with \, " and line breaks escaped, as the exposition format wants.
QByteArray labelValue(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double value)
{
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(value, 'g', 12);
}

HttpResponse plain(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = body;
    return r;
}

} // namespace

Metrics::Metrics()
    : m_startedAt(QDateTime::currentSecsSinceEpoch())
{ }

void Metrics::record(const HttpExchange &exchange)
{
    const int statusClass = exchange.status / 100;
    const double seconds = double(exchange.microseconds) / 1e6;
    QMutexLocker lock(&m_mutex);
    Series &series = m_series[exchange.route];
    if (statusClass >= 1 && statusClass <= 5)
        ++series.byClass[statusClass - 1];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++series.buckets[i];
    }
    ++series.count;
    series.seconds += seconds;
    if (exchange.status == 200 && exchange.route == kSyncChangesRoute)
        ++m_syncPages;
}

QByteArray Metrics::render(const QList<Gauge> &gauges) const
{
    QByteArray out;
    out.reserve(16 * 1024);
    QMutexLocker lock(&m_mutex);
    QList<QByteArray> routes = m_series.keys();
    std::sort(routes.begin(), routes.end());
    const auto labels = [](const QByteArray &route) {
        const qsizetype space = route.indexOf(' ');
        const QByteArray method = space < 0 ? QByteArray("-") : route.left(space);
        const QByteArray path = space < 0 ? QByteArray("none") : route.mid(space + 1);
        return "method=\"" + labelValue(method) + "\",route=\"" + labelValue(path) + '"';
    };

    out += "# HELP xueshi_http_requests_total Requests answered, by route template and status "
           "class (route \"none\": no route matched, or the transport refused the request).\n"
           "# TYPE xueshi_http_requests_total counter\n";
    for (const QByteArray &route : std::as_const(routes)) {
        const Series &s = m_series[route];
        for (int c = 0; c < 5; ++c) {
            if (s.byClass[c] == 0)
                continue;
            out += "xueshi_http_requests_total{" + labels(route) + ",status=\""
                + QByteArray::number(c + 1) + "xx\"} " + QByteArray::number(s.byClass[c]) + '\n';
        }
    }
    out += "# HELP xueshi_http_request_duration_seconds Time from a request's head to its "
           "answer's head.\n"
           "# TYPE xueshi_http_request_duration_seconds histogram\n";
    for (const QByteArray &route : std::as_const(routes)) {
        const Series &s = m_series[route];
        const QByteArray l = labels(route);
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            out += "xueshi_http_request_duration_seconds_bucket{" + l + ",le=\""
                + number(kBuckets[i]) + "\"} " + QByteArray::number(s.buckets[i]) + '\n';
        }
        out += "xueshi_http_request_duration_seconds_bucket{" + l + ",le=\"+Inf\"} "
            + QByteArray::number(s.count) + '\n';
        out += "xueshi_http_request_duration_seconds_sum{" + l + "} " + number(s.seconds) + '\n';
        out += "xueshi_http_request_duration_seconds_count{" + l + "} "
            + QByteArray::number(s.count) + '\n';
    }
    out += "# HELP xueshi_sync_pages_total Pages of the change feed served (GET /sync/changes "
           "answered 200).\n"
           "# TYPE xueshi_sync_pages_total counter\n"
           "xueshi_sync_pages_total "
        + QByteArray::number(m_syncPages) + '\n';
    out += "# HELP xueshi_process_start_time_seconds When the server started, in seconds since "
           "the epoch.\n"
           "# TYPE xueshi_process_start_time_seconds gauge\n"
           "xueshi_process_start_time_seconds "
        + QByteArray::number(m_startedAt) + '\n';
    lock.unlock();
    for (const Gauge &g : gauges) {
        out += "# HELP " + g.name + ' ' + g.help + "\n# TYPE " + g.name + ' ' + g.type + '\n';
        for (const auto &[sampleLabels, value] : g.samples) {
            out += g.name;
            if (!sampleLabels.isEmpty())
                out += '{' + sampleLabels + '}';
            out += ' ' + number(value) + '\n';
        }
    }
    return out;
}

HttpResponse answerMetricsRequest(
    const HttpRequest &request, const std::function<QByteArray()> &render)
{
    // The listener is bound to 127.0.0.1; this is the second line of defence, should anyone put
    // a proxy in front of it or bind it wider.
    const bool forwarded = !request.header("forwarded").isEmpty()
        || !request.header("x-forwarded-for").isEmpty() || !request.header("x-real-ip").isEmpty();
    if (!request.peer.isLoopback() || forwarded)
        return plain(403, "The metrics are for this machine only.\n");
    if (request.path != QLatin1String("/metrics"))
        return plain(404, "Not found: the metrics are at /metrics.\n");
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse r = plain(405, "GET only.\n");
        r.headers.append({ QByteArrayLiteral("allow"), QByteArrayLiteral("GET, HEAD") });
        return r;
    }
    HttpResponse r = plain(200, render());
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    return r;
}

} // namespace xueshi::server
