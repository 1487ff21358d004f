#pragma once

#include "transport.h"

#include <QByteArray>
#include <QString>

namespace xueshi::server {

// Text messages through an SMS gateway's webhook: an HTTPS POST of {"to": number, "text": body}
// as JSON with `Authorization: Bearer <webhook-token>`. A 2xx answer means the gateway took the
// message on. HTTPS only, no redirects; the certificate is verified against the system's CAs or
// `caFile`. The gateway's answer is never logged or stored (it may echo the text).
class WebhookTransport final : public Transport
{
public:
    struct Settings
    {
        QString url; // https://...
        QByteArray token; // the webhook-token secret
        QString caFile;
        int timeoutSeconds = 15;
    };

    explicit WebhookTransport(Settings settings);
    QString name() const override { return QStringLiteral("webhook"); }
    int timeoutSeconds() const override { return m_settings.timeoutSeconds; }
    DeliveryResult deliver(const Notification &message, const std::atomic<bool> &abort) override;

private:
    Settings m_settings;
};

} // namespace xueshi::server
