#include "clientcore.h"

#include "attachmentcache.h"
#include "attachmentuploads.h"
#include "certificatekeyring.h"
#include "clock.h"
#include "contentcache.h"
#include "localstore.h"
#include "offlinecredentials.h"
#include "syncengine.h"
#include "tokenstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>

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
    // Connected before any window's slots, so the engine exists when the role window opens and
    // is stopped before the window goes.
    connect(m_session, &Session::loggedIn, this, &ClientCore::startSync);
    connect(m_session, &Session::loggedOut, this, &ClientCore::stopSync);
    connect(m_session, &Session::sessionExpired, this, &ClientCore::stopSync);
}

ClientCore::~ClientCore()
{
    stopSync();
}

void ClientCore::setLanguage(Language language)
{
    m_settings->setLanguage(language);
    m_api->setLanguage(language);
    m_languages->setLanguage(language);
}

void ClientCore::enableLocalData(const QString &directory, std::unique_ptr<SecretBackend> keychain)
{
    if (hasLocalData())
        return;
    m_dataDirectory = QDir::cleanPath(directory);
    QDir().mkpath(m_dataDirectory);
    const QString credentials = m_dataDirectory + QStringLiteral("/credentials");
    privatefiles::ensureDirectory(credentials);
    m_offline = new OfflineCredentials(
        credentials + QStringLiteral("/offline-logins.json"), m_clock, this);
    m_tokens = new TokenStore(credentials + QStringLiteral("/tokens"), std::move(keychain), this);
    m_content
        = new ContentCache(m_api, m_trust, m_dataDirectory + QStringLiteral("/content"), this);
    m_keyring
        = std::make_unique<CertificateKeyring>(CertificateKeyring::defaultPath(m_dataDirectory));
    m_session->setOfflineCredentials(m_offline);
    m_session->setTokenStore(m_tokens);
}

QString ClientCore::localStorePath(const QString &serverKey, const QString &userId) const
{
    // The same layout as LocalStore::defaultPath(), under the chosen directory.
    const QString server = QString::fromLatin1(
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha1).toHex());
    QString user = userId;
    user.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return m_dataDirectory + QStringLiteral("/cache/") + server + QLatin1Char('/') + user
        + QStringLiteral(".sqlite");
}

void ClientCore::startSync(const User &user)
{
    stopSync();
    if (!hasLocalData())
        return;
    const QString path = localStorePath(m_session->serverKey(), user.id);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    // Stale only when the process that took it is gone, however long it has run.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        m_storeError = lock->error() == QLockFile::LockFailedError
            ? tr("This account's data on this computer is in use by another Xueshi program "
                 "(process %1). Close it, then try again.")
                  .arg(pid)
            : tr("The lock file of this account's data cannot be made: %1").arg(path);
        qWarning("local store: %s", qPrintable(m_storeError));
        emit syncEngineChanged(nullptr);
        return;
    }
    auto store = std::make_unique<LocalStore>();
    if (!store->open(path)) {
        // The client still works online; the settings page and the status bar say why syncing
        // is off.
        m_storeError = store->lastError();
        qWarning("local store: %s", qPrintable(m_storeError));
        emit syncEngineChanged(nullptr);
        return;
    }
    m_storeError.clear();
    m_store = std::move(store);
    m_storeLock = std::move(lock);
    auto *engine = new SyncEngine(m_api, m_store.get(), m_clock, this);
    engine->setUserId(user.id);
    if (m_engineSetup)
        m_engineSetup(engine);
    m_engine = engine;
    // A sync that reaches the server ends offline mode: GET /me confirms the kept token and
    // refreshes the user.
    connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
        if (ok && m_session->isOffline())
            m_session->refreshUser(this, {});
    });
    connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
        if (types.contains(QLatin1String("signingKey")))
            collectSigningKeys();
        if (!types.contains(QLatin1String("profile")) || !m_store)
            return;
        if (const auto profile = m_store->entity(QStringLiteral("profile"), m_session->user().id))
            m_session->adoptSyncedUser(profile->data);
    });
    // Keys cached by an older client, before the keyring existed.
    collectSigningKeys();
    emit syncEngineChanged(engine);
    engine->start();
}

void ClientCore::forgetThisComputer()
{
    if (!m_session->isLoggedIn())
        return;
    m_session->forgetThisComputer();
    if (hasLocalData()) {
        m_storeToRemove = m_store ? m_store->path()
                                  : localStorePath(m_session->serverKey(), m_session->user().id);
    }
    // Closes the store (at once, or when the engine is gone) and then deletes its files.
    stopSync();
    m_session->logout();
}

QStringList ClientCore::localDataPaths(const QString &storePath)
{
    return { storePath, storePath + QStringLiteral("-wal"), storePath + QStringLiteral("-shm"),
        storePath + QStringLiteral("-journal"), AttachmentCache::directoryFor(storePath),
        AttachmentUploads::directoryFor(storePath), storePath + QStringLiteral(".lock") };
}

void ClientCore::removeLocalData(const QString &storePath)
{
    if (storePath.isEmpty())
        return;
    for (const QString &path : localDataPaths(storePath)) {
        const QFileInfo info(path);
        if (info.isDir())
            QDir(path).removeRecursively();
        else if (info.exists() && !QFile::remove(path))
            qWarning("forget this computer: cannot delete %s", qPrintable(path));
    }
}

void ClientCore::collectSigningKeys()
{
    if (!m_keyring || !m_store)
        return;
    // Only ever adds keys: a key the server no longer publishes still verifies what it signed.
    if (m_keyring->mergeEntities(
            m_session->serverKey(), m_store->entities(QStringLiteral("signingKey")))
        < 0)
        qWarning("certificate keyring: %s", qPrintable(m_keyring->lastError()));
}

void ClientCore::stopSync()
{
    // Another program may take the account's data from now on (this engine only finishes).
    m_storeLock.reset();
    if (!m_engine && !m_store)
        return;
    if (SyncEngine *engine = m_engine) {
        engine->stop();
        m_engine = nullptr;
        // Later: a signal of this engine may be what ended the session. Its replies' callbacks
        // are dropped with it; the outbox stays in the file.
        engine->disconnect(this);
        LocalStore *store = m_store.release();
        connect(engine, &QObject::destroyed, [store, remove = std::exchange(m_storeToRemove, {})] {
            delete store;
            removeLocalData(remove);
        });
        engine->deleteLater();
        emit syncEngineChanged(nullptr);
    } else {
        m_store.reset();
        emit syncEngineChanged(nullptr);
        removeLocalData(std::exchange(m_storeToRemove, {}));
    }
}

} // namespace xueshi
