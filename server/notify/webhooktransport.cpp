#include "webhooktransport.h"

#include "curlsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace xueshi::server {

namespace {

// The answer is read (so the connection ends cleanly) and dropped.
size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

} // namespace

WebhookTransport::WebhookTransport(Settings settings)
    : m_settings(std::move(settings))
{ }

DeliveryResult WebhookTransport::deliver(
    const Notification &message, const std::atomic<bool> &abort)
{
    curl::Easy easy(m_settings.timeoutSeconds, abort);
    if (!easy.valid())
        return { DeliveryResult::Outcome::Retry, QStringLiteral("libcurl could not start") };
    CURL *c = easy.handle();
    const QByteArray url = m_settings.url.toUtf8();
    const QByteArray caFile = m_settings.caFile.toUtf8();
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("to"), message.destination },
                            { QStringLiteral("text"), message.body } })
              .toJson(QJsonDocument::Compact);
    curl::StringList headers;
    headers.append("Content-Type: application/json; charset=utf-8");
    headers.append("Authorization: Bearer " + m_settings.token);
    headers.append("Expect:");

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &discard);

    const CURLcode result = curl_easy_perform(c);
    if (result != CURLE_OK)
        return { DeliveryResult::Outcome::Retry, redacted(easy.errorText(result), message) };
    const long status = easy.responseCode();
    if (status >= 200 && status < 300)
        return { DeliveryResult::Outcome::Sent, {} };
    // The gateway refused this request as it is (4xx) unless it asks to wait (408, 429).
    const bool permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    return { permanent ? DeliveryResult::Outcome::Permanent : DeliveryResult::Outcome::Retry,
        QStringLiteral("the gateway answered HTTP %1").arg(status) };
}

} // namespace xueshi::server
