#include "curlsupport.h"

#include "transport.h"

#include <QRegularExpression>

#include <mutex>

namespace xueshi::server {

QString redacted(QString text, const Notification &message)
{
    if (!message.destination.isEmpty())
        text.replace(message.destination, QStringLiteral("<destination>"), Qt::CaseInsensitive);
    static const QRegularExpression digits(QStringLiteral("\\d{6,}"));
    text.replace(digits, QStringLiteral("<digits>"));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > 300)
        text = text.left(297) + QStringLiteral("...");
    return text;
}

namespace curl {

namespace {

int onProgress(void *abort, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<const std::atomic<bool> *>(abort)->load() ? 1 : 0;
}

} // namespace

void initialise()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Easy::Easy(int timeoutSeconds, const std::atomic<bool> &abort)
{
    initialise();
    m_handle = curl_easy_init();
    if (!m_handle)
        return;
    curl_easy_setopt(m_handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(m_handle, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(m_handle, CURLOPT_CONNECTTIMEOUT, long(std::min(timeoutSeconds, 15)));
    curl_easy_setopt(m_handle, CURLOPT_TIMEOUT, long(timeoutSeconds));
    curl_easy_setopt(m_handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(m_handle, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(m_handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(m_handle, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(m_handle, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool> *>(&abort));
}

Easy::~Easy()
{
    if (m_handle)
        curl_easy_cleanup(m_handle);
}

QString Easy::errorText(CURLcode code) const
{
    const QString general = QString::fromUtf8(curl_easy_strerror(code));
    const QString detail = QString::fromUtf8(m_errorBuffer).trimmed();
    if (detail.isEmpty() || detail == general)
        return general;
    return general + QStringLiteral(": ") + detail;
}

long Easy::responseCode() const
{
    long code = 0;
    if (m_handle)
        curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

StringList::~StringList()
{
    if (m_list)
        curl_slist_free_all(m_list);
}

void StringList::append(const QByteArray &item)
{
    m_list = curl_slist_append(m_list, item.constData());
}

} // namespace curl

} // namespace xueshi::server
