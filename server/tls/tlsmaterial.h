#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace xueshi::server {

struct PemPair
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// TLS certificate handling for the server, using OpenSSL's library (not the openssl program).
namespace tls {

// A new self-signed X.509 v3 certificate and its private key (ECDSA P-256), valid from now for
// `validDays`, with the DNS names and IP addresses as subjectAltName entries, CN = first DNS name,
// basicConstraints CA:FALSE, keyUsage digitalSignature, extendedKeyUsage serverAuth, a random
// serial. Returns an empty pair and sets *error on failure.
PemPair generateSelfSigned(const QStringList &dnsNames, const QList<QHostAddress> &addresses,
    int validDays, QString *error);

// Loads the certificate and key from the given files; when both paths are empty, loads
// `dataDir`/tls/server.crt and server.key, generating and saving them first (key file mode 0600)
// for localhost, 127.0.0.1 and ::1 if they do not exist. Fills a server-side QSslConfiguration
// (TLS 1.2 or later). Returns false with *error on any failure (missing file, unreadable, key not
// matching the certificate).
bool loadOrCreate(const QString &dataDir, const QString &certPath, const QString &keyPath,
    QSslConfiguration *configuration, bool *generated, QString *error);

// "AB:CD:..." upper-case hex of the SHA-256 of the certificate's DER form, as browsers and
// `openssl x509 -fingerprint -sha256` show it.
QString sha256Fingerprint(const QSslCertificate &certificate);

} // namespace tls
} // namespace xueshi::server
