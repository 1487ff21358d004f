#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <curl/curl.h>

namespace xueshi::server::curl {

// curl_global_init, once per process; call before starting threads that use libcurl.
void initialise();

// An easy handle freed on scope exit, with what every transport sets: no signals (threads), no
// redirects, an error buffer, the timeouts, and a progress callback that ends the transfer when
// `abort` becomes true.
class Easy final
{
public:
    Easy(int timeoutSeconds, const std::atomic<bool> &abort);
    ~Easy();
    Easy(const Easy &) = delete;
    Easy &operator=(const Easy &) = delete;

    CURL *handle() const { return m_handle; }
    bool valid() const { return m_handle != nullptr; }
    // The reason of a failed transfer: curl's own text and, when it says more, its error buffer.
    QString errorText(CURLcode code) const;
    long responseCode() const;

private:
    CURL *m_handle = nullptr;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
};

// A curl_slist freed on scope exit.
class StringList final
{
public:
    StringList() = default;
    ~StringList();
    StringList(const StringList &) = delete;
    StringList &operator=(const StringList &) = delete;
    void append(const QByteArray &item);
    curl_slist *get() const { return m_list; }

private:
    curl_slist *m_list = nullptr;
};

} // namespace xueshi::server::curl
