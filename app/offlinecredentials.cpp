#include "offlinecredentials.h"

#include "clock.h"
#include "tokenstore.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

#include <sodium.h>

namespace xueshi {

Q_LOGGING_CATEGORY(lcOffline, "xueshi.offline")

namespace {

constexpr int FileVersion = 1;

// Argon2id at the interactive limits, as the server hashes passwords; empty on failure.
QByteArray hashPassword(const QByteArray &password)
{
    if (sodium_init() < 0)
        return {};
    char verifier[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(verifier, password.constData(),
            static_cast<unsigned long long>(password.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QByteArray(verifier);
}

bool checkPassword(const QByteArray &verifier, const QByteArray &password)
{
    if (sodium_init() < 0 || verifier.isEmpty())
        return false;
    return crypto_pwhash_str_verify(verifier.constData(), password.constData(),
               static_cast<unsigned long long>(password.size()))
        == 0;
}

// Runs `work` on the global pool and `then` with its result on the event loop of `receiver`.
template<typename Result, typename Work, typename Then>
void runOffThread(QObject *receiver, Work work, Then then)
{
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, receiver, [watcher, then = std::move(then)] {
            then(watcher->result());
            watcher->deleteLater();
        });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

QJsonObject OfflineAccount::toJson() const
{
    QJsonObject object {
        { QStringLiteral("server"), server },
        { QStringLiteral("username"), username },
        { QStringLiteral("verifier"), verifier },
        { QStringLiteral("user"), user },
        { QStringLiteral("lastOnlineLogin"), lastOnlineLogin.toString(Qt::ISODateWithMs) },
        { QStringLiteral("failures"), failures },
    };
    if (lockedUntil.isValid())
        object.insert(QStringLiteral("lockedUntil"), lockedUntil.toString(Qt::ISODateWithMs));
    return object;
}

OfflineAccount OfflineAccount::fromJson(const QJsonObject &object)
{
    OfflineAccount account;
    account.server = object.value(QLatin1String("server")).toString();
    account.username = object.value(QLatin1String("username")).toString();
    account.verifier = object.value(QLatin1String("verifier")).toString();
    account.user = object.value(QLatin1String("user")).toObject();
    account.lastOnlineLogin = QDateTime::fromString(
        object.value(QLatin1String("lastOnlineLogin")).toString(), Qt::ISODateWithMs);
    account.failures = object.value(QLatin1String("failures")).toInt();
    account.lockedUntil = QDateTime::fromString(
        object.value(QLatin1String("lockedUntil")).toString(), Qt::ISODateWithMs);
    return account;
}

OfflineCredentials::OfflineCredentials(const QString &file, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_file(file.isEmpty() ? defaultFilePath() : file)
    , m_clock(clock ? clock : SystemClock::instance())
{
    load();
}

OfflineCredentials::~OfflineCredentials() = default;

QString OfflineCredentials::defaultFilePath()
{
    return privatefiles::defaultDirectory() + QStringLiteral("/offline-logins.json");
}

QString OfflineCredentials::keyOf(const QString &server, const QString &username)
{
    return server + QLatin1Char('\n') + username.trimmed().toLower();
}

bool OfflineCredentials::contains(const QString &server, const QString &username) const
{
    return m_accounts.contains(keyOf(server, username));
}

std::optional<OfflineAccount> OfflineCredentials::account(
    const QString &server, const QString &username) const
{
    const auto it = m_accounts.constFind(keyOf(server, username));
    if (it == m_accounts.cend())
        return std::nullopt;
    return *it;
}

QList<OfflineAccount> OfflineCredentials::accounts() const
{
    return m_accounts.values();
}

void OfflineCredentials::remember(const QString &server, const QString &username,
    const QString &password, const QJsonObject &user, const QObject *context, DoneCallback done)
{
    const QString key = keyOf(server, username);
    const quint64 generation = ++m_generations[key];
    ++m_pending;
    runOffThread<QByteArray>(
        this, [password = password.toUtf8()] { return hashPassword(password); },
        [this, key, generation, server, username, user, guard = QPointer<const QObject>(context),
            hasContext = context != nullptr, done = std::move(done)](const QByteArray &verifier) {
            bool ok = false;
            if (verifier.isEmpty()) {
                qCWarning(lcOffline) << "cannot compute the offline login verifier";
            } else if (m_generations.value(key) != generation) {
                ok = true; // superseded by a newer remember() or a forget()
            } else {
                OfflineAccount account;
                account.server = server;
                account.username = username.trimmed();
                account.verifier = QString::fromLatin1(verifier);
                account.user = user;
                account.lastOnlineLogin = m_clock->nowUtc();
                m_accounts.insert(key, account);
                ok = save();
                emit changed();
            }
            if (done && (!hasContext || guard))
                done(ok);
            operationDone();
        });
}

void OfflineCredentials::updateUser(
    const QString &server, const QString &username, const QJsonObject &user)
{
    const auto it = m_accounts.find(keyOf(server, username));
    if (it == m_accounts.end() || it->user == user)
        return;
    it->user = user;
    save();
    emit changed();
}

void OfflineCredentials::verify(const QString &server, const QString &username,
    const QString &password, const QObject *context, VerifyCallback callback)
{
    const QString key = keyOf(server, username);
    ++m_pending;
    const auto answer
        = [this, guard = QPointer<const QObject>(context), hasContext = context != nullptr,
              callback = std::move(callback)](const OfflineVerdict &verdict) {
              if (callback && (!hasContext || guard))
                  callback(verdict);
              operationDone();
          };
    const auto later = [this, answer](OfflineVerdict verdict) {
        QTimer::singleShot(0, this, [answer, verdict] { answer(verdict); });
    };

    const auto it = m_accounts.find(key);
    if (it == m_accounts.end()) {
        OfflineVerdict verdict;
        verdict.result = OfflineVerdict::Result::Unknown;
        verdict.message = tr("Offline login is possible only after you have logged in online "
                             "once on this computer.");
        later(verdict);
        return;
    }
    const QDateTime now = m_clock->nowUtc();
    if (it->lockedUntil.isValid() && it->lockedUntil > now) {
        OfflineVerdict verdict;
        verdict.result = OfflineVerdict::Result::LockedOut;
        verdict.retryAfterSeconds = int(std::max<qint64>(1, now.secsTo(it->lockedUntil)));
        verdict.message = tr("Too many wrong passwords: offline login is locked for %n minute(s).",
            nullptr, (verdict.retryAfterSeconds + 59) / 60);
        later(verdict);
        return;
    }
    if (it->failures >= MaxFailures) {
        // Enough checks are already in flight to use up the tries.
        OfflineVerdict verdict;
        verdict.result = OfflineVerdict::Result::LockedOut;
        verdict.retryAfterSeconds = LockoutSeconds;
        verdict.message = tr("Too many wrong passwords: offline login is locked for %n minute(s).",
            nullptr, LockoutSeconds / 60);
        later(verdict);
        return;
    }
    // Counted before checking, so parallel tries or a crash mid-check cannot escape the limit.
    if (it->lockedUntil.isValid())
        it->lockedUntil = {};
    ++it->failures;
    save();

    const QByteArray verifier = it->verifier.toLatin1();
    const quint64 generation = m_generations.value(key);
    runOffThread<bool>(
        this,
        [verifier, password = password.toUtf8()] { return checkPassword(verifier, password); },
        [this, key, generation, answer](bool matches) {
            OfflineVerdict verdict;
            const auto entry = m_accounts.find(key);
            if (entry == m_accounts.end() || m_generations.value(key) != generation) {
                // Forgotten or replaced while checking: the old verifier no longer counts.
                verdict.result = OfflineVerdict::Result::Unknown;
                verdict.message = tr("Offline login is possible only after you have logged in "
                                     "online once on this computer.");
                answer(verdict);
                return;
            }
            if (matches) {
                entry->failures = 0;
                entry->lockedUntil = {};
                verdict.result = OfflineVerdict::Result::Accepted;
                verdict.account = *entry;
            } else if (entry->failures >= MaxFailures) {
                entry->failures = 0;
                entry->lockedUntil = m_clock->nowUtc().addSecs(LockoutSeconds);
                verdict.result = OfflineVerdict::Result::LockedOut;
                verdict.retryAfterSeconds = LockoutSeconds;
                verdict.message = tr("Wrong password. Too many wrong passwords: offline login is "
                                     "locked for %n minute(s).",
                    nullptr, LockoutSeconds / 60);
            } else {
                verdict.result = OfflineVerdict::Result::WrongPassword;
                verdict.triesLeft = MaxFailures - entry->failures;
                verdict.message = tr("Wrong password (checked offline against your last online "
                                     "login on this computer). %n try(s) left.",
                    nullptr, verdict.triesLeft);
            }
            save();
            emit changed();
            answer(verdict);
        });
}

bool OfflineCredentials::forget(const QString &server, const QString &username)
{
    const QString key = keyOf(server, username);
    ++m_generations[key];
    if (!m_accounts.remove(key))
        return true;
    const bool ok = save();
    emit changed();
    return ok;
}

void OfflineCredentials::load()
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcOffline) << "ignoring a damaged offline login file" << m_file
                             << error.errorString();
        return;
    }
    const QJsonArray accounts = document.object().value(QLatin1String("accounts")).toArray();
    for (const QJsonValue &value : accounts) {
        const OfflineAccount account = OfflineAccount::fromJson(value.toObject());
        if (!account.server.isEmpty() && !account.username.isEmpty() && !account.verifier.isEmpty())
            m_accounts.insert(keyOf(account.server, account.username), account);
    }
}

bool OfflineCredentials::save()
{
    QJsonArray accounts;
    for (const OfflineAccount &account : std::as_const(m_accounts))
        accounts.append(account.toJson());
    const QJsonObject root { { QStringLiteral("version"), FileVersion },
        { QStringLiteral("accounts"), accounts } };
    QString error;
    if (!privatefiles::write(m_file, QJsonDocument(root).toJson(QJsonDocument::Indented), &error)) {
        qCWarning(lcOffline) << "cannot write the offline login file" << m_file << error;
        return false;
    }
    return true;
}

void OfflineCredentials::operationDone()
{
    if (--m_pending == 0)
        emit idle();
}

} // namespace xueshi
