#pragma once

#include "httpmessage.h"

#include <QByteArray>

namespace xueshi::server {

// Response compression (docs/api.md, contract point 5 of issue 13): a JSON or text body of at
// least kGzipMinimumBytes is sent gzip-encoded when the request's Accept-Encoding allows gzip.
inline constexpr qsizetype kGzipMinimumBytes = 1024;

// Whether an Accept-Encoding value (all the request's Accept-Encoding headers joined with ",")
// allows gzip: "gzip" or "x-gzip" with a q-value above 0, or else "*" with a q-value above 0.
// A q-value that is not a number from 0 to 1 with at most three decimals makes that entry
// unacceptable; names are case-insensitive (RFC 9110, 12.5.3).
bool acceptsGzip(const QByteArray &acceptEncoding);

// The gzip stream (RFC 1952) of `data`, compressed at zlib's default level; empty on failure.
QByteArray gzipCompress(const QByteArray &data);

// Compresses `response` in place when it qualifies: a body in memory (not a file) of at least
// kGzipMinimumBytes, a JSON or text type, no Content-Encoding of its own, and a status with a
// body. Adds "Vary: Accept-Encoding" to every response that qualifies by its body, whether or not
// this client asked, so a cache never gives one client's encoding to another.
void compressIfAccepted(HttpResponse &response, bool clientAcceptsGzip);

} // namespace xueshi::server
