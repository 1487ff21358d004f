#pragma once

#include <QByteArray>
#include <QString>

namespace xueshi {

// "AB:CD:..." upper-case hex of the SHA-256 of a certificate's DER form, as browsers and
// `openssl x509 -fingerprint -sha256` show it. The server prints it at start; the client shows
// and pins it; both must spell it the same. Empty for empty input.
QString sha256Fingerprint(const QByteArray &der);

} // namespace xueshi
