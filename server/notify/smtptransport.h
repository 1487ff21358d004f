#pragma once

#include "transport.h"

#include <QByteArray>
#include <QString>

namespace xueshi::server {

// E-mail over SMTP with libcurl: smtp:// URLs must upgrade with STARTTLS (CURLUSESSL_ALL: a
// server that does not offer it gets nothing), smtps:// speak TLS from the start; the server's
// certificate is verified against the system's CAs or `caFile` (a private CA).
class SmtpTransport final : public Transport
{
public:
    struct Settings
    {
        QString url; // smtp://host:587 or smtps://host:465
        QString from; // the envelope and From: address
        QString fromName; // shown in From:, optional
        QString username; // empty: no authentication
        QByteArray password; // the smtp-password secret
        QString caFile;
        int timeoutSeconds = 30;
    };

    explicit SmtpTransport(Settings settings);
    QString name() const override { return QStringLiteral("smtp"); }
    int timeoutSeconds() const override { return m_settings.timeoutSeconds; }
    DeliveryResult deliver(const Notification &message, const std::atomic<bool> &abort) override;

    // The RFC 5322 message sent for `message` (CRLF lines; subject and body UTF-8, base64).
    QByteArray compose(const Notification &message) const;

private:
    Settings m_settings;
};

} // namespace xueshi::server
