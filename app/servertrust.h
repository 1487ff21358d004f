#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

class QNetworkReply;
class QSettings;
class QUrl;

namespace xueshi {

// Why a server's certificate was not accepted, with what the user needs to decide.
struct CertificateProblem
{
    enum class Kind {
        None, // no problem: the certificate verified, or it is the pinned one
        Untrusted, // it did not verify and nothing is pinned for this server
        Changed, // it did not verify and a different certificate is pinned for this server
    };
    Kind kind = Kind::None;
    QString server; // "host:port"
    // Initialised explicitly: QSslCertificate's default constructor is explicit, which clang
    // refuses in the copy-initialisation of QVariant::value<CertificateProblem>().
    QSslCertificate certificate {}; // the server's certificate (may be null if it sent none)
    QString fingerprint; // SHA-256 of `certificate`, "AB:CD:..."
    QString pinnedFingerprint; // the fingerprint on record for the server (Changed only)
    QList<QSslError> errors; // why the certificate did not verify

    bool isNull() const { return kind == Kind::None; }
};

// SSH-style trust in servers whose certificate does not verify against the system's CAs (the
// server's self-signed certificate): the user confirms a certificate's fingerprint once, it is
// pinned per server ("host:port") in QSettings, and from then on exactly the TLS errors about that
// certificate are ignored for that server. A different certificate is refused loudly until the
// user replaces the pin explicitly. Certificates that verify normally need no pin.
class ServerTrust final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerTrust)

public:
    // `settings` must outlive this object.
    explicit ServerTrust(QSettings *settings, QObject *parent = nullptr);

    // "host:port" of a URL (port 443 when it has none); IPv6 hosts in brackets.
    static QString serverKey(const QUrl &url);
    // "AB:CD:..." upper-case hex of the SHA-256 of the certificate's DER form; empty for null.
    static QString fingerprint(const QSslCertificate &certificate);

    // The pinned fingerprint for a server, or an empty string.
    QString pinnedFingerprint(const QString &server) const;
    // Trusts this certificate for the server from now on, replacing any earlier pin.
    void pin(const QString &server, const QSslCertificate &certificate);
    void forget(const QString &server);

    // The verdict on a certificate of `server` that did not verify against the system's CAs.
    CertificateProblem check(const QString &server, const QSslCertificate &certificate,
        const QList<QSslError> &errors) const;

    // For QNetworkReply::sslErrors: when the peer certificate is the pinned one, ignores exactly
    // `errors` and returns a null problem; otherwise records the problem on the reply (see
    // problemOf), aborts it and returns the problem. Aborting emits the reply's finished() before
    // this returns, so handlers of finished() must read the problem with problemOf().
    CertificateProblem handleSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    // The problem handleSslErrors() recorded on a reply, or a null problem.
    static CertificateProblem problemOf(const QNetworkReply *reply);

signals:
    void pinsChanged();

private:
    QSettings *m_settings;
};

} // namespace xueshi

Q_DECLARE_METATYPE(xueshi::CertificateProblem)
