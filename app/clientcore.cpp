#include "clientcore.h"

#include "clock.h"

namespace xueshi {

ClientCore::ClientCore(
    AppSettings *settings, QNetworkAccessManager *network, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_trust(new ServerTrust(settings->settings(), this))
    , m_api(new ApiClient(network, m_trust, this))
    , m_session(new Session(m_api, this))
    , m_languages(new LanguageSwitcher(this))
{
    m_api->setLanguage(settings->language());
    connect(m_languages, &LanguageSwitcher::languageChanged, this, &ClientCore::languageChanged);
}

void ClientCore::setLanguage(Language language)
{
    m_settings->setLanguage(language);
    m_api->setLanguage(language);
    m_languages->setLanguage(language);
}

} // namespace xueshi
