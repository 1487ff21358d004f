#include "servertrust.h"

#include "fingerprint.h"

#include <QNetworkReply>
#include <QSettings>
#include <QSslConfiguration>
#include <QUrl>

namespace xueshi {

namespace {

constexpr char ProblemProperty[] = "xueshiCertificateProblem";

// QSettings treats '/' and '\' in keys as separators; host:port never contains them, but a
// hostile or mistyped address must not write outside the group.
QString settingsKey(const QString &server)
{
    return QStringLiteral("trustedServers/")
        + QString::fromLatin1(QUrl::toPercentEncoding(server, QByteArrayLiteral(":[]")));
}

} // namespace

ServerTrust::ServerTrust(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

QString ServerTrust::serverKey(const QUrl &url)
{
    QString host = url.host().toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(url.port(443));
}

QString ServerTrust::fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QString() : sha256Fingerprint(certificate.toDer());
}

QString ServerTrust::pinnedFingerprint(const QString &server) const
{
    return m_settings->value(settingsKey(server)).toString();
}

void ServerTrust::pin(const QString &server, const QSslCertificate &certificate)
{
    m_settings->setValue(settingsKey(server), fingerprint(certificate));
    m_settings->sync();
    emit pinsChanged();
}

void ServerTrust::forget(const QString &server)
{
    m_settings->remove(settingsKey(server));
    m_settings->sync();
    emit pinsChanged();
}

CertificateProblem ServerTrust::check(
    const QString &server, const QSslCertificate &certificate, const QList<QSslError> &errors) const
{
    CertificateProblem problem;
    problem.server = server;
    problem.certificate = certificate;
    problem.fingerprint = fingerprint(certificate);
    problem.errors = errors;
    const QString pinned = pinnedFingerprint(server);
    if (problem.fingerprint.isEmpty())
        problem.kind = CertificateProblem::Kind::Untrusted; // nothing to compare, nothing to pin
    else if (pinned.isEmpty())
        problem.kind = CertificateProblem::Kind::Untrusted;
    else if (pinned.compare(problem.fingerprint, Qt::CaseInsensitive) == 0)
        problem.kind = CertificateProblem::Kind::None;
    else
        problem.kind = CertificateProblem::Kind::Changed;
    if (problem.kind == CertificateProblem::Kind::Changed)
        problem.pinnedFingerprint = pinned;
    return problem;
}

CertificateProblem ServerTrust::handleSslErrors(
    QNetworkReply *reply, const QList<QSslError> &errors)
{
    QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    if (peer.isNull()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                peer = error.certificate();
                break;
            }
        }
    }
    CertificateProblem problem = check(serverKey(reply->url()), peer, errors);
    if (problem.isNull()) {
        // Only the errors reported for this pinned certificate, never all errors.
        reply->ignoreSslErrors(errors);
    } else {
        reply->setProperty(ProblemProperty, QVariant::fromValue(problem));
        reply->abort();
    }
    return problem;
}

CertificateProblem ServerTrust::problemOf(const QNetworkReply *reply)
{
    return reply->property(ProblemProperty).value<CertificateProblem>();
}

} // namespace xueshi
