#include "tokenstore.h"

#include "appsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>
#include <QUrl>

#ifdef XUESHI_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace xueshi {

Q_LOGGING_CATEGORY(lcTokens, "xueshi.tokens")

namespace privatefiles {

QString defaultDirectory()
{
    const QString directory = AppSettings::dataDirectory() + QStringLiteral("/credentials");
    ensureDirectory(directory);
    return directory;
}

bool ensureDirectory(const QString &directory)
{
    if (!QDir().mkpath(directory))
        return false;
    return QFile::setPermissions(
        directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool write(const QString &path, const QByteArray &data, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!ensureDirectory(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("cannot create the directory of %1").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // Before the first byte: the temporary file must never be readable by others.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(file.errorString());
    if (file.write(data) != data.size())
        return fail(file.errorString());
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace privatefiles

namespace {

const QString FileModeMarker = QStringLiteral("file");

#ifdef XUESHI_HAVE_QTKEYCHAIN
// The system keychain through QtKeychain (Secret Service, KWallet, Keychain, Credential Store).
class QtKeychainBackend final : public SecretBackend
{
public:
    void readSecret(const QString &key, Callback callback) override
    {
        auto *job
            = new QKeychain::ReadPasswordJob(QString::fromLatin1(TokenStore::KeychainService));
        job->setKey(key);
        start(job, [job, callback = std::move(callback)](Result result) {
            if (result.ok())
                result.secret = job->textData();
            callback(result);
        });
    }

    void writeSecret(const QString &key, const QString &secret, Callback callback) override
    {
        auto *job
            = new QKeychain::WritePasswordJob(QString::fromLatin1(TokenStore::KeychainService));
        job->setKey(key);
        job->setTextData(secret);
        start(job, std::move(callback));
    }

    void deleteSecret(const QString &key, Callback callback) override
    {
        auto *job
            = new QKeychain::DeletePasswordJob(QString::fromLatin1(TokenStore::KeychainService));
        job->setKey(key);
        start(job, std::move(callback));
    }

private:
    static void start(QKeychain::Job *job, Callback callback)
    {
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // the file fallback is ours, and says where it is
        QObject::connect(job, &QKeychain::Job::finished, job,
            [callback = std::move(callback)](QKeychain::Job *finished) {
                Result result;
                switch (finished->error()) {
                case QKeychain::NoError:
                    result.status = Result::Status::Ok;
                    break;
                case QKeychain::EntryNotFound:
                    result.status = Result::Status::NotFound;
                    break;
                case QKeychain::NoBackendAvailable:
                case QKeychain::NotImplemented:
                    result.status = Result::Status::Unavailable;
                    break;
                default:
                    result.status = Result::Status::Failed;
                    break;
                }
                result.error = finished->errorString();
                callback(result);
            });
        job->start();
    }
};
#endif

// Runs `callback` only while `context` lives (or always, without a context).
template<typename Callback> auto guarded(const QObject *context, Callback callback)
{
    return [guard = QPointer<const QObject>(context), hasContext = context != nullptr,
               callback = std::move(callback)](auto &&...arguments) {
        if (callback && (!hasContext || guard))
            callback(std::forward<decltype(arguments)>(arguments)...);
    };
}

} // namespace

TokenStore::TokenStore(
    const QString &directory, std::unique_ptr<SecretBackend> keychain, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? privatefiles::defaultDirectory() + QStringLiteral("/tokens")
                                      : directory)
    , m_keychain(std::move(keychain))
{
    privatefiles::ensureDirectory(m_directory);
    QFile marker(markerPath());
    const bool fileChosen = marker.open(QIODevice::ReadOnly)
        && QString::fromUtf8(marker.readAll()).trimmed() == FileModeMarker;
    m_backend = m_keychain && !fileChosen ? Backend::Keychain : Backend::File;
}

TokenStore::~TokenStore() = default;

std::unique_ptr<SecretBackend> TokenStore::systemKeychain()
{
#ifdef XUESHI_HAVE_QTKEYCHAIN
    return std::make_unique<QtKeychainBackend>();
#else
    return nullptr;
#endif
}

QString TokenStore::keyFor(const QString &server, const QString &username)
{
    return server + QLatin1Char('/') + username.trimmed().toLower();
}

QString TokenStore::backendDescription() const
{
    if (m_backend == Backend::Keychain)
        return tr("the system keychain");
    return tr("a file only you can read: %1").arg(QDir::toNativeSeparators(m_directory));
}

QString TokenStore::filePath(const QString &server, const QString &username) const
{
    return fileForKey(keyFor(server, username));
}

QString TokenStore::fileForKey(const QString &key) const
{
    // Percent-encoded, so that "host:port/name" is one safe file name on every system.
    return m_directory + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(key))
        + QStringLiteral(".token");
}

void TokenStore::store(const QString &server, const QString &username, const QString &token,
    const QObject *context, DoneCallback done)
{
    const QString key = keyFor(server, username);
    const QString path = filePath(server, username);
    enqueue([this, key, path, token, done = guarded(context, std::move(done))](auto next) {
        const auto toFile = [this, path, token, done, next] {
            QString error;
            const bool ok = privatefiles::write(path, token.toUtf8(), &error);
            if (!ok)
                qCWarning(lcTokens) << "cannot write the token file" << path << error;
            done(ok);
            next();
        };
        if (!useKeychain()) {
            toFile();
            return;
        }
        QPointer<TokenStore> self(this);
        askKeychain([&](auto answer) { m_keychain->writeSecret(key, token, answer); },
            [self, path, done, next, toFile](const SecretBackend::Result &result) {
                if (!self)
                    return;
                if (result.ok()) {
                    // No plaintext copy may linger from an earlier fallback.
                    QFile::remove(path);
                    done(true);
                    next();
                    return;
                }
                self->fallBackToFile(result.error);
                toFile();
            });
    });
}

void TokenStore::load(
    const QString &server, const QString &username, const QObject *context, ReadCallback done)
{
    const QString key = keyFor(server, username);
    enqueue([this, key, done = guarded(context, std::move(done))](auto next) {
        if (!useKeychain()) {
            done(readFile(key));
            next();
            return;
        }
        QPointer<TokenStore> self(this);
        askKeychain([&](auto answer) { m_keychain->readSecret(key, answer); },
            [self, key, done, next](const SecretBackend::Result &result) {
                if (!self)
                    return;
                if (result.ok()) {
                    done(result.secret);
                } else {
                    if (result.status != SecretBackend::Result::Status::NotFound)
                        self->fallBackToFile(result.error);
                    done(self->readFile(key));
                }
                next();
            });
    });
}

void TokenStore::remove(
    const QString &server, const QString &username, const QObject *context, DoneCallback done)
{
    const QString key = keyFor(server, username);
    enqueue([this, key, done = guarded(context, std::move(done))](auto next) {
        const bool fileRemoved = removeFile(key);
        if (!useKeychain()) {
            done(fileRemoved);
            next();
            return;
        }
        QPointer<TokenStore> self(this);
        askKeychain([&](auto answer) { m_keychain->deleteSecret(key, answer); },
            [self, done, next, fileRemoved](const SecretBackend::Result &result) {
                if (!self)
                    return;
                const bool gone
                    = result.ok() || result.status == SecretBackend::Result::Status::NotFound;
                if (!gone)
                    self->fallBackToFile(result.error);
                done(fileRemoved && gone);
                next();
            });
    });
}

void TokenStore::askKeychain(
    const std::function<void(SecretBackend::Callback)> &ask, SecretBackend::Callback then)
{
    // The first of the keychain's answer and the deadline wins; the other is dropped.
    auto answered = std::make_shared<bool>(false);
    auto once = [answered, then = std::move(then)](const SecretBackend::Result &result) {
        if (std::exchange(*answered, true))
            return;
        then(result);
    };
    QTimer::singleShot(m_keychainTimeoutMs, this, [once] {
        SecretBackend::Result result;
        result.status = SecretBackend::Result::Status::Unavailable;
        result.error = QStringLiteral("the keychain did not answer in time");
        once(result);
    });
    ask(once);
}

void TokenStore::retryKeychain()
{
    QFile::remove(markerPath());
    if (m_keychain && m_backend != Backend::Keychain) {
        m_backend = Backend::Keychain;
        emit backendChanged(m_backend);
    }
}

void TokenStore::enqueue(Operation operation)
{
    m_queue.push_back(std::move(operation));
    // Always later on the event loop: callers get their answer asynchronously, as from a
    // keychain job, whichever backend serves them.
    if (!m_running)
        QTimer::singleShot(0, this, &TokenStore::runNext);
}

void TokenStore::runNext()
{
    if (m_running)
        return;
    if (m_queue.empty()) {
        emit idle();
        return;
    }
    m_running = true;
    Operation operation = std::move(m_queue.front());
    m_queue.pop_front();
    QPointer<TokenStore> self(this);
    operation([self] {
        if (!self)
            return;
        self->m_running = false;
        QTimer::singleShot(0, self, &TokenStore::runNext);
    });
}

void TokenStore::fallBackToFile(const QString &reason)
{
    if (m_backend == Backend::File)
        return;
    qCWarning(lcTokens) << "the system keychain is not usable, keeping tokens in files:" << reason;
    m_backend = Backend::File;
    QString error;
    if (!privatefiles::write(markerPath(), FileModeMarker.toUtf8(), &error))
        qCWarning(lcTokens) << "cannot remember the choice of the token file" << error;
    emit backendChanged(m_backend);
}

bool TokenStore::useKeychain() const
{
    return m_keychain && m_backend == Backend::Keychain;
}

QString TokenStore::markerPath() const
{
    return m_directory + QStringLiteral("/backend");
}

QString TokenStore::readFile(const QString &key) const
{
    QFile file(fileForKey(key));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool TokenStore::removeFile(const QString &key)
{
    const QString path = fileForKey(key);
    return !QFile::exists(path) || QFile::remove(path);
}

} // namespace xueshi
