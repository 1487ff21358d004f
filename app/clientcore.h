#pragma once

#include "apiclient.h"
#include "appsettings.h"
#include "languageswitcher.h"
#include "servertrust.h"
#include "session.h"
#include "syncengine.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QLockFile;
class QNetworkAccessManager;

namespace xueshi {

class CertificateKeyring;
class Clock;
class ContentCache;
class LocalStore;
class OfflineCredentials;
class SecretBackend;
class TokenStore;

// The client's core objects wired together: settings, server trust, the API client and the
// session, sharing one injected QNetworkAccessManager. Windows get this instead of each piece.
//
// With enableLocalData() the client also keeps data on this computer (R9): the offline login
// verifiers, the session token, the content cache and, while someone is logged in, their local
// store with the sync engine that keeps it in step with the server. The engine is made at login
// and started at once (a login with no network works from the cache), and stopped at logout or
// when the session ends; the outbox stays in the store's file for the next login.
class ClientCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCore)

public:
    // `settings`, `network` and `clock` must outlive this object; a null clock is the system one.
    ClientCore(AppSettings *settings, QNetworkAccessManager *network, const Clock *clock = nullptr,
        QObject *parent = nullptr);
    ~ClientCore() override;

    AppSettings *settings() const { return m_settings; }
    ServerTrust *trust() const { return m_trust; }
    ApiClient *api() const { return m_api; }
    Session *session() const { return m_session; }
    const Clock *clock() const { return m_clock; }

    Language language() const { return m_languages->language(); }
    // Saves the language, installs its translators and sends Accept-Language in it from now on.
    void setLanguage(Language language);

    // Keeps the client's data under `directory` (the program passes AppSettings::dataDirectory();
    // tests a temporary one): credentials/ (offline logins, the token file fallback), content/
    // and cache/ (one local store per server and user). `keychain` is where the token goes
    // first (null: files only). Call once, before the first login.
    void enableLocalData(const QString &directory, std::unique_ptr<SecretBackend> keychain);
    bool hasLocalData() const { return m_tokens != nullptr; }
    QString dataDirectory() const { return m_dataDirectory; }
    OfflineCredentials *offlineCredentials() const { return m_offline; }
    TokenStore *tokenStore() const { return m_tokens; }
    ContentCache *contentCache() const { return m_content; }
    // The certificate signing keys seen in sync (any user's, any server's), kept in
    // dataDirectory() so certificates verify offline and without a login.
    CertificateKeyring *certificateKeyring() const { return m_keyring.get(); }
    // The local store file of a server ("host:port") and user under dataDirectory().
    QString localStorePath(const QString &serverKey, const QString &userId) const;

    // While someone is logged in (with local data enabled): their store and its sync engine.
    // The store is this program's alone meanwhile (a lock file beside it): when another Xueshi
    // already uses it, there is no engine and localStoreError() says so.
    SyncEngine *syncEngine() const { return m_engine; }
    LocalStore *localStore() const { return m_store.get(); }
    QString localStoreError() const { return m_storeError; }
    // "Forget this computer": forgets the logged-in user's offline login and kept token, logs
    // out, and deletes their local store with its attachments (downloaded and waiting to be
    // sent) once the engine has let go of it. What was not yet sent is lost: the settings page
    // says how much first (LocalStore::unsentCount()).
    void forgetThisComputer();
    // The files and directories of the local store at `storePath`: the database with its
    // journal files and lock file, and the attachment directories beside it.
    static QStringList localDataPaths(const QString &storePath);
    // Called on each new engine before it starts (tests shorten timers and turn off the network
    // watch).
    using EngineSetup = std::function<void(SyncEngine *)>;
    void setEngineSetup(EngineSetup setup) { m_engineSetup = std::move(setup); }

signals:
    void languageChanged(xueshi::Language language);
    // A new engine after a login, or null after the session ended.
    void syncEngineChanged(xueshi::SyncEngine *engine);

private:
    void startSync(const User &user);
    void stopSync();
    void collectSigningKeys();
    static void removeLocalData(const QString &storePath);

    AppSettings *m_settings;
    const Clock *m_clock;
    ServerTrust *m_trust;
    ApiClient *m_api;
    Session *m_session;
    LanguageSwitcher *m_languages;

    QString m_dataDirectory;
    OfflineCredentials *m_offline = nullptr;
    TokenStore *m_tokens = nullptr;
    ContentCache *m_content = nullptr;
    std::unique_ptr<CertificateKeyring> m_keyring;
    std::unique_ptr<LocalStore> m_store;
    // Held while the store is in use: one program at a time per account on this computer (a
    // window and `xueshi --sync`, or two windows, would otherwise sync the same file at once).
    std::unique_ptr<QLockFile> m_storeLock;
    QPointer<SyncEngine> m_engine;
    QString m_storeError;
    QString m_storeToRemove; // set by forgetThisComputer() for stopSync()
    EngineSetup m_engineSetup;
};

} // namespace xueshi
