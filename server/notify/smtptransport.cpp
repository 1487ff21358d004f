#include "smtptransport.h"

#include "curlsupport.h"

#include <QDateTime>
#include <QUuid>

#include <cstring>

namespace xueshi::server {

namespace {

// RFC 2047 encoded words, each under 75 characters and holding whole characters.
QByteArray encodedWords(const QString &text)
{
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            ascii = false;
    }
    if (ascii)
        return text.toLatin1();
    QByteArray out;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        if (chunk.size() + character.size() > 45)
            flush();
        chunk += character;
        i += length - 1;
    }
    flush();
    return out;
}

// A header value or address that could add lines or addresses of its own is refused.
bool safeAddress(const QString &address)
{
    if (address.isEmpty() || address.size() > 254 || !address.contains(QLatin1Char('@')))
        return false;
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char(',') || c == QLatin1Char(';') || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const size_t room = size * count;
    const size_t left = size_t(upload->data.size() - upload->offset);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data.constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

} // namespace

SmtpTransport::SmtpTransport(Settings settings)
    : m_settings(std::move(settings))
{ }

QByteArray SmtpTransport::compose(const Notification &message) const
{
    QByteArray m;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString domain = m_settings.from.section(QLatin1Char('@'), 1);
    m += "Date: " + now.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    m += "From: ";
    if (!m_settings.fromName.isEmpty())
        m += encodedWords(m_settings.fromName) + " ";
    m += "<" + m_settings.from.toUtf8() + ">\r\n";
    m += "To: <" + message.destination.toUtf8() + ">\r\n";
    m += "Subject: " + encodedWords(message.subject) + "\r\n";
    m += "Message-ID: <" + QUuid::createUuid().toString(QUuid::Id128).toLatin1() + "@"
        + domain.toUtf8() + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    m += "\r\n";
    const QByteArray body = message.body.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        m += body.mid(i, 76) + "\r\n";
    return m;
}

DeliveryResult SmtpTransport::deliver(const Notification &message, const std::atomic<bool> &abort)
{
    if (!safeAddress(message.destination)) {
        return { DeliveryResult::Outcome::Permanent,
            QStringLiteral("the destination is not a plain e-mail address") };
    }
    curl::Easy easy(m_settings.timeoutSeconds, abort);
    if (!easy.valid())
        return { DeliveryResult::Outcome::Retry, QStringLiteral("libcurl could not start") };
    CURL *c = easy.handle();
    const QByteArray url = m_settings.url.toUtf8();
    const QByteArray from = "<" + m_settings.from.toUtf8() + ">";
    const QByteArray user = m_settings.username.toUtf8();
    const QByteArray caFile = m_settings.caFile.toUtf8();
    curl::StringList recipients;
    recipients.append("<" + message.destination.toUtf8() + ">");
    Upload upload { compose(message), 0 };

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    // STARTTLS or nothing: the code must not cross the network in clear text.
    curl_easy_setopt(c, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, m_settings.password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));

    const CURLcode result = curl_easy_perform(c);
    if (result == CURLE_OK)
        return { DeliveryResult::Outcome::Sent, {} };
    const long reply = easy.responseCode();
    QString error = easy.errorText(result);
    if (reply > 0)
        error += QStringLiteral(" (SMTP reply %1)").arg(reply);
    // A 5xx reply to the recipient or the message will be the same next time; anything else
    // (no connection, a timeout, 4xx, a refused login the administrator may fix) is tried again.
    const bool permanent = reply >= 500 && reply < 600
        && (result == CURLE_SEND_ERROR || result == CURLE_RECV_ERROR
            || result == CURLE_UPLOAD_FAILED);
    return { permanent ? DeliveryResult::Outcome::Permanent : DeliveryResult::Outcome::Retry,
        redacted(error, message) };
}

} // namespace xueshi::server
