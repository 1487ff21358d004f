#pragma once

#include "apiclient.h"
#include "appsettings.h"
#include "languageswitcher.h"
#include "servertrust.h"
#include "session.h"

#include <QObject>

class QNetworkAccessManager;

namespace xueshi {

class Clock;

// The client's core objects wired together: settings, server trust, the API client and the
// session, sharing one injected QNetworkAccessManager. Windows get this instead of each piece.
class ClientCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCore)

public:
    // `settings`, `network` and `clock` must outlive this object; a null clock is the system one.
    ClientCore(AppSettings *settings, QNetworkAccessManager *network, const Clock *clock = nullptr,
        QObject *parent = nullptr);

    AppSettings *settings() const { return m_settings; }
    ServerTrust *trust() const { return m_trust; }
    ApiClient *api() const { return m_api; }
    Session *session() const { return m_session; }
    const Clock *clock() const { return m_clock; }

    Language language() const { return m_languages->language(); }
    // Saves the language, installs its translators and sends Accept-Language in it from now on.
    void setLanguage(Language language);

signals:
    void languageChanged(xueshi::Language language);

private:
    AppSettings *m_settings;
    const Clock *m_clock;
    ServerTrust *m_trust;
    ApiClient *m_api;
    Session *m_session;
    LanguageSwitcher *m_languages;
};

} // namespace xueshi
