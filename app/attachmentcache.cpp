#include "attachmentcache.h"

#include "apiclient.h"
#include "attachmentkind.h"
#include "localstore.h"
#include "servertrust.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>

#include <algorithm>

namespace xueshi {

Q_LOGGING_CATEGORY(lcAttachments, "xueshi.attachments")

namespace {

constexpr char UserAgent[] = "Xueshi/" XUESHI_VERSION;
constexpr int TransferTimeoutMs = 30'000;
const QString PartSuffix = QStringLiteral(".part");

bool isHash(const QString &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

// Attachment ids go into a URL path: a UUID's characters only.
bool isSafeId(const QString &id)
{
    return !id.isEmpty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-';
    });
}

} // namespace

AttachmentCache::AttachmentCache(ApiClient *api, LocalStore *store, ServerTrust *trust,
    const QString &directory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_trust(trust)
    , m_directory(QDir::cleanPath(directory))
{ }

QString AttachmentCache::directoryFor(const QString &storePath)
{
    const QFileInfo file(storePath);
    return file.absolutePath() + QLatin1Char('/') + file.completeBaseName()
        + QStringLiteral(".attachments");
}

AttachmentCache::~AttachmentCache()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void AttachmentCache::setCapBytes(qint64 bytes)
{
    m_cap = std::max<qint64>(0, bytes);
}

QString AttachmentCache::filePath(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256;
}

QString AttachmentCache::path(const QString &sha256) const
{
    if (!isHash(sha256))
        return {};
    const QString file = filePath(sha256);
    return QFileInfo(file).isFile() ? file : QString();
}

qint64 AttachmentCache::usedBytes() const
{
    qint64 total = 0;
    const QFileInfoList files = QDir(m_directory).entryInfoList(QDir::Files);
    for (const QFileInfo &file : files) {
        if (isHash(file.fileName()))
            total += file.size();
    }
    return total;
}

int AttachmentCache::prune()
{
    if (!m_store || !m_store->isOpen())
        return 0;
    QSet<QString> listed;
    const QList<CachedEntity> declarations = m_store->entities(QStringLiteral("declaration"));
    for (const CachedEntity &declaration : declarations) {
        const QJsonArray attachments
            = declaration.data.value(QLatin1String("attachments")).toArray();
        for (const QJsonValue &attachment : attachments)
            listed.insert(attachment.toObject().value(QLatin1String("sha256")).toString());
    }
    int removed = 0;
    QDir dir(m_directory);
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : files) {
        const bool part = name.endsWith(PartSuffix);
        const QString hash = part ? name.chopped(PartSuffix.size()) : name;
        if (!isHash(hash))
            continue; // not ours: never touched
        if (part && isRunning() && hash == m_current.sha256)
            continue;
        if (part || !listed.contains(hash)) {
            if (dir.remove(name))
                ++removed;
            else
                qCWarning(lcAttachments) << "cannot delete" << dir.filePath(name);
        }
    }
    if (removed > 0)
        emit changed();
    return removed;
}

void AttachmentCache::update()
{
    if (isRunning() || !m_store || !m_store->isOpen())
        return;
    prune();
    struct Pending
    {
        QString submittedAt;
        Item item;
    };
    QList<Pending> wanted;
    QSet<QString> seen;
    const QList<CachedEntity> declarations = m_store->entities(QStringLiteral("declaration"));
    for (const CachedEntity &declaration : declarations) {
        if (declaration.data.value(QLatin1String("status")).toString() != QLatin1String("pending"))
            continue;
        const QString submitted = declaration.data.value(QLatin1String("submittedAt")).toString();
        const QJsonArray attachments
            = declaration.data.value(QLatin1String("attachments")).toArray();
        for (const QJsonValue &value : attachments) {
            const QJsonObject attachment = value.toObject();
            Item item;
            item.attachmentId = attachment.value(QLatin1String("id")).toString();
            item.sha256 = attachment.value(QLatin1String("sha256")).toString();
            item.size = attachment.value(QLatin1String("size")).toInteger();
            if (!isHash(item.sha256) || !isSafeId(item.attachmentId) || item.size <= 0
                || item.size > kMaxAttachmentBytes || seen.contains(item.sha256)
                || contains(item.sha256))
                continue;
            seen.insert(item.sha256);
            wanted.append({ submitted, item });
        }
    }
    // The oldest submissions first: they have waited longest for the HR office.
    std::stable_sort(wanted.begin(), wanted.end(),
        [](const Pending &a, const Pending &b) { return a.submittedAt < b.submittedAt; });

    m_queue.clear();
    m_errors.clear();
    m_skipped = 0;
    qint64 used = usedBytes();
    for (const Pending &pending : std::as_const(wanted)) {
        if (used + pending.item.size > m_cap) {
            ++m_skipped;
            continue;
        }
        used += pending.item.size;
        m_queue.append(pending.item);
    }
    m_capReached = m_skipped > 0;
    m_bytesDone = 0;
    m_bytesTotal = 0;
    for (const Item &item : std::as_const(m_queue))
        m_bytesTotal += item.size;
    m_filesDone = 0;
    m_filesTotal = int(m_queue.size());
    emit progress(0, m_bytesTotal, 0, m_filesTotal);
    next();
}

void AttachmentCache::next()
{
    if (m_queue.isEmpty()) {
        finish(m_errors.isEmpty(), m_errors.join(QLatin1Char('\n')));
        return;
    }
    m_current = m_queue.takeFirst();
    if (!QDir().mkpath(m_directory)) {
        finish(false,
            tr("The attachments cannot be saved: the folder %1 cannot be created.")
                .arg(QDir::toNativeSeparators(m_directory)));
        return;
    }
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_part.setFileName(filePath(m_current.sha256) + PartSuffix);
    if (!m_part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        finish(false, tr("The attachments cannot be saved: %1").arg(m_part.errorString()));
        return;
    }
    m_part.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    m_hash.reset();
    m_received = 0;
    m_failure.clear();

    QUrl url = m_api->serverUrl();
    url.setPath(QStringLiteral("/api/v1/attachments/") + m_current.attachmentId);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(UserAgent));
    request.setRawHeader("Accept-Encoding", "identity");
    if (!m_api->bearerToken().isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_api->bearerToken().toLatin1());
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = m_api->network()->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_trust)
            m_trust->handleSslErrors(reply, errors);
        else
            reply->abort();
    });
    connect(reply, &QNetworkReply::readyRead, this, &AttachmentCache::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &AttachmentCache::onFinished);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void AttachmentCache::onReadyRead()
{
    if (!m_reply || !m_failure.isEmpty())
        return;
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // an error answer: onFinished() reads it
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    if (m_received + chunk.size() > m_current.size) {
        // More than the declaration says: not the file listed, whatever it is.
        m_failure = tr("An attachment from the server is larger than its declaration says; it "
                       "was not kept.");
        m_reply->abort();
        return;
    }
    if (m_part.write(chunk) != chunk.size()) {
        m_failure = tr("The attachments cannot be saved: %1").arg(m_part.errorString());
        m_reply->abort();
        return;
    }
    m_hash.addData(chunk);
    m_received += chunk.size();
    emit progress(m_bytesDone + m_received, m_bytesTotal, m_filesDone, m_filesTotal);
}

void AttachmentCache::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && m_failure.isEmpty())
        onReadyRead();
    m_part.close();
    m_reply = nullptr;
    const auto dropPart = [this] { QFile::remove(m_part.fileName()); };

    if (!m_failure.isEmpty()) {
        dropPart();
        m_errors.append(m_failure);
    } else if (status == 0 || !ServerTrust::problemOf(reply).isNull()) {
        // No answer (offline, timeout, an untrusted certificate): the rest waits for the next
        // sync; the files already here stay.
        dropPart();
        finish(false,
            tr("The attachments could not be downloaded (%1); they are fetched at the next "
               "sync.")
                .arg(reply->errorString()));
        return;
    } else if (status != 200) {
        // 404: the declaration is no longer this employer's to see; the next pull drops it.
        dropPart();
        const QString message = QJsonDocument::fromJson(reply->readAll())
                                    .object()
                                    .value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("message"))
                                    .toString();
        m_errors.append(message.isEmpty()
                ? tr("The server refused an attachment (HTTP %1).").arg(status)
                : tr("The server refused an attachment (HTTP %1): %2").arg(status).arg(message));
    } else if (m_received != m_current.size
        || QString::fromLatin1(m_hash.result().toHex()) != m_current.sha256) {
        dropPart();
        qCWarning(lcAttachments) << "damaged attachment download" << m_current.attachmentId;
        m_errors.append(tr("A downloaded attachment is damaged (its checksum does not match) and "
                           "was deleted; it is fetched again at the next sync."));
    } else {
        const QString target = filePath(m_current.sha256);
        QFile::remove(target);
        if (!QFile::rename(m_part.fileName(), target)) {
            dropPart();
            m_errors.append(tr("The attachments cannot be saved: %1 cannot be written.")
                                .arg(QDir::toNativeSeparators(target)));
        } else {
            emit changed();
        }
    }
    m_bytesDone += m_current.size;
    ++m_filesDone;
    emit progress(m_bytesDone, m_bytesTotal, m_filesDone, m_filesTotal);
    next();
}

void AttachmentCache::finish(bool ok, const QString &message)
{
    m_queue.clear();
    m_current = {};
    emit finished(ok, message);
}

} // namespace xueshi
