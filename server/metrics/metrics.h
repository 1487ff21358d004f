#pragma once

#include "http/httpmessage.h"
#include "http/httpserver.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>

#include <array>
#include <functional>

namespace xueshi::server {

// A few counters of the server in the Prometheus text format (version 0.0.4): requests by route
// template and status class, their latency as a histogram, sync pages served; the gauges (queue
// depth, connections) are read when the text is made. Labels come from the route table only,
// never from a request's own path or method, so a client cannot make new series.
// record() runs on the event-loop thread for each answer; render() on any thread.
class Metrics final
{
    Q_DISABLE_COPY_MOVE(Metrics)

public:
    Metrics();

    void record(const HttpExchange &exchange);

    struct Gauge
    {
        QByteArray name; // xueshi_...
        QByteArray help;
        QByteArray type; // "gauge" or "counter"
        QList<QPair<QByteArray, double>> samples; // {labels ("lane=\"normal\"" or empty), value}
    };
    QByteArray render(const QList<Gauge> &gauges) const;

    // Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> kBuckets { 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
        0.5, 1, 2.5, 5, 10 };
    // The sync feed's route: a 200 from it is one page served.
    static constexpr char kSyncChangesRoute[] = "GET /api/v1/sync/changes";

private:
    struct Series
    {
        std::array<quint64, 5> byClass {}; // 1xx..5xx
        std::array<quint64, kBuckets.size()> buckets {};
        quint64 count = 0;
        double seconds = 0;
    };
    mutable QMutex m_mutex;
    QHash<QByteArray, Series> m_series; // by route label ("GET /api/v1/me"; "" for none)
    quint64 m_syncPages = 0;
    qint64 m_startedAt; // seconds since the epoch
};

// The answer of the metrics listener (`--metrics-port`, plain HTTP on 127.0.0.1): GET /metrics
// from a loopback peer that came through no proxy; 403 for any other peer or a request carrying
// Forwarded, X-Forwarded-For or X-Real-IP, 404 for any other path, 405 for another method.
HttpResponse answerMetricsRequest(
    const HttpRequest &request, const std::function<QByteArray()> &render);

} // namespace xueshi::server
