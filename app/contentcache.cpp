#include "contentcache.h"

#include "apiclient.h"
#include "appsettings.h"
#include "servertrust.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent>

namespace xueshi {

Q_LOGGING_CATEGORY(lcContent, "xueshi.content")

namespace {

constexpr char UserAgent[] = "Xueshi/" XUESHI_VERSION;
constexpr int TransferTimeoutMs = 30'000;
const QString PartSuffix = QStringLiteral(".part");

bool isHexDigits(QStringView text, qsizetype length)
{
    if (text.size() != length)
        return false;
    return std::all_of(text.begin(), text.end(),
        [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

// "bytes FIRST-LAST/TOTAL" → FIRST and TOTAL (-1 when "*"); false when unreadable.
bool parseContentRange(const QByteArray &header, qint64 *first, qint64 *total)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^bytes\s+(\d+)-(\d+)/(\d+|\*)$)"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header.trimmed()));
    if (!match.hasMatch())
        return false;
    bool ok = false;
    *first = match.captured(1).toLongLong(&ok);
    if (!ok)
        return false;
    *total = match.captured(3) == QLatin1String("*") ? -1 : match.captured(3).toLongLong();
    return true;
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

// One download in flight, from the request to the verified file.
struct ContentCache::Download
{
    QString sha256;
    QPointer<QNetworkReply> reply;
    QFile part;
    qint64 offset = 0; // bytes kept in .part when the request was sent (the Range start)
    qint64 received = 0; // body bytes written since
    qint64 total = -1;
    bool bodyStarted = false;
    bool restarted = false; // restarted from zero once already
    bool restart = false; // aborted to restart from zero
    bool cancelled = false;
    QString failure; // aborted for this reason
};

ContentCache::ContentCache(
    ApiClient *api, ServerTrust *trust, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_trust(trust)
    , m_directory(directory.isEmpty() ? defaultDirectory() : QDir::cleanPath(directory))
{ }

ContentCache::~ContentCache()
{
    ++m_generation;
    const auto downloads = m_downloads;
    m_downloads.clear();
    for (const auto &download : downloads) {
        if (download->reply) {
            download->reply->disconnect(this);
            download->reply->abort();
        }
    }
}

QString ContentCache::defaultDirectory()
{
    return AppSettings::dataDirectory() + QStringLiteral("/content");
}

bool ContentCache::isValidHash(const QString &sha256)
{
    return isHexDigits(sha256, 64);
}

QString ContentCache::filePath(const QString &sha256) const
{
    return m_directory + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString ContentCache::partPath(const QString &sha256) const
{
    return filePath(sha256) + PartSuffix;
}

bool ContentCache::contains(const QString &sha256) const
{
    return isValidHash(sha256) && QFileInfo(filePath(sha256)).isFile();
}

QString ContentCache::path(const QString &sha256) const
{
    return contains(sha256) ? filePath(sha256) : QString();
}

qint64 ContentCache::size() const
{
    qint64 total = 0;
    const QDir root(m_directory);
    const QStringList buckets = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &bucket : buckets) {
        if (!isHexDigits(bucket, 2))
            continue;
        const QFileInfoList files = QDir(root.filePath(bucket)).entryInfoList(QDir::Files);
        for (const QFileInfo &file : files) {
            const QString name = file.fileName();
            const QString hash = name.endsWith(PartSuffix) ? name.chopped(PartSuffix.size()) : name;
            if (isValidHash(hash) && hash.startsWith(bucket))
                total += file.size();
        }
    }
    return total;
}

bool ContentCache::clear()
{
    ++m_generation;
    const QStringList fetching = m_downloads.keys();
    for (const QString &sha256 : fetching) {
        const auto download = m_downloads.value(sha256);
        if (!download)
            continue;
        download->cancelled = true;
        if (download->reply)
            download->reply->abort(); // finishes it, through complete()
        if (m_downloads.contains(sha256)) // was verifying, with no reply left
            finish(sha256, false, tr("The download was cancelled."));
    }

    // Only the cache's own layout is deleted: two-digit buckets of <sha256> and <sha256>.part.
    // Whatever else is in (or next to) the directory stays, whatever the directory is.
    bool ok = true;
    const QDir root(m_directory);
    const QStringList buckets = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &bucket : buckets) {
        if (!isHexDigits(bucket, 2))
            continue;
        QDir dir(root.filePath(bucket));
        const QStringList files = dir.entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : files) {
            const QString hash = name.endsWith(PartSuffix) ? name.chopped(PartSuffix.size()) : name;
            if (isValidHash(hash) && hash.startsWith(bucket) && !dir.remove(name)) {
                qCWarning(lcContent) << "cannot delete" << dir.filePath(name);
                ok = false;
            }
        }
        root.rmdir(bucket); // only if empty
    }
    emit changed();
    return ok;
}

void ContentCache::fetch(const QString &sha256)
{
    if (!isValidHash(sha256)) {
        QTimer::singleShot(0, this, [this, sha256] {
            emit finished(
                sha256, false, tr("\"%1\" is not a valid content identifier.").arg(sha256));
        });
        return;
    }
    if (m_downloads.contains(sha256))
        return;
    if (contains(sha256)) {
        QTimer::singleShot(0, this, [this, sha256] { emit finished(sha256, true, {}); });
        return;
    }
    auto download = std::make_shared<Download>();
    download->sha256 = sha256;
    m_downloads.insert(sha256, download);
    start(sha256, false);
}

void ContentCache::cancel(const QString &sha256)
{
    const auto download = m_downloads.value(sha256);
    if (!download || !download->reply)
        return;
    download->cancelled = true;
    download->reply->abort();
}

void ContentCache::start(const QString &sha256, bool restarted)
{
    const auto download = m_downloads.value(sha256);
    Q_ASSERT(download);
    download->restarted = download->restarted || restarted;
    download->restart = false;
    download->bodyStarted = false;
    download->received = 0;
    download->total = -1;
    download->failure.clear();
    if (download->part.isOpen())
        download->part.close();
    download->part.setFileName(partPath(sha256));

    if (!QDir().mkpath(QFileInfo(download->part.fileName()).absolutePath())) {
        QTimer::singleShot(0, this, [this, sha256] {
            finish(sha256, false,
                tr("The download cannot be saved: the folder %1 cannot be created.")
                    .arg(QDir::toNativeSeparators(m_directory)));
        });
        return;
    }
    download->offset = QFileInfo(download->part.fileName()).size();

    QUrl url = m_api->serverUrl();
    url.setPath(QStringLiteral("/api/v1/content/") + sha256);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(UserAgent));
    request.setRawHeader("Accept", "application/octet-stream");
    // Ranges are byte ranges of the file itself, never of a compressed stream.
    request.setRawHeader("Accept-Encoding", "identity");
    if (!m_api->bearerToken().isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_api->bearerToken().toLatin1());
    if (download->offset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(download->offset) + '-');
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    QNetworkReply *reply = m_api->network()->get(request);
    download->reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_trust)
            m_trust->handleSslErrors(reply, errors);
        else
            reply->abort();
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, sha256, reply] {
        const auto current = m_downloads.value(sha256);
        if (current && current->reply == reply)
            receive(*current);
    });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, this, [this, sha256, reply] {
        const auto current = m_downloads.value(sha256);
        if (current && current->reply == reply)
            complete(sha256);
    });
}

bool ContentCache::beginBody(Download &download)
{
    download.bodyStarted = true;
    QNetworkReply *reply = download.reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 206) {
        qint64 first = -1;
        qint64 total = -1;
        if (!parseContentRange(reply->rawHeader("Content-Range"), &first, &total)
            || first != download.offset) {
            // Not the part that is missing: start again from the first byte.
            download.restart = true;
            return false;
        }
        download.total = total;
        if (!download.part.open(QIODevice::WriteOnly | QIODevice::Append)) {
            download.failure
                = tr("The download cannot be saved: %1").arg(download.part.errorString());
            return false;
        }
        return true;
    }
    if (status == 200) {
        // The whole file (the server ignored the range, or none was asked): from zero.
        download.offset = 0;
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        download.total = length.isValid() ? length.toLongLong() : -1;
        if (!download.part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            download.failure
                = tr("The download cannot be saved: %1").arg(download.part.errorString());
            return false;
        }
        return true;
    }
    return false; // an error answer: complete() reads it
}

void ContentCache::receive(Download &download)
{
    if (!download.bodyStarted && !beginBody(download)) {
        if (download.restart || !download.failure.isEmpty())
            download.reply->abort();
        return;
    }
    if (!download.part.isOpen())
        return;
    const QByteArray chunk = download.reply->readAll();
    if (chunk.isEmpty())
        return;
    if (download.part.write(chunk) != chunk.size()) {
        download.failure = tr("The download cannot be saved: %1").arg(download.part.errorString());
        download.reply->abort();
        return;
    }
    download.received += chunk.size();
    emit progress(download.sha256, download.offset + download.received, download.total);
}

void ContentCache::complete(const QString &sha256)
{
    const auto download = m_downloads.value(sha256);
    QNetworkReply *reply = download->reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && download->failure.isEmpty()
        && !download->restart)
        receive(*download); // what arrived with the end, or a body-less answer
    if (download->part.isOpen())
        download->part.close();
    download->reply = nullptr;

    if (download->cancelled) {
        finish(sha256, false, tr("The download was cancelled."));
        return;
    }
    if (!download->failure.isEmpty()) {
        finish(sha256, false, download->failure);
        return;
    }
    if (download->restart || status == 416) {
        // The partial file does not fit the server's file (416: it is as long or longer).
        QFile::remove(partPath(sha256));
        if (download->restarted) {
            finish(sha256, false,
                tr("The server's answers to the download do not fit together. Please try again "
                   "later."));
        } else {
            start(sha256, true);
        }
        return;
    }
    const CertificateProblem problem = ServerTrust::problemOf(reply);
    if (!problem.isNull()) {
        finish(sha256, false,
            tr("The download stopped: the certificate of the server %1 is not trusted.")
                .arg(problem.server));
        return;
    }
    if (reply->error() != QNetworkReply::NoError
        && (status == 0 || status == 200 || status == 206)) {
        // Interrupted: what arrived stays in the .part file for the next fetch() to resume.
        finish(sha256, false,
            tr("The download was interrupted (%1). It will resume where it stopped.")
                .arg(reply->errorString()));
        return;
    }
    if (status != 200 && status != 206) {
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll())
                                      .object()
                                      .value(QLatin1String("error"))
                                      .toObject();
        const QString message = error.value(QLatin1String("message")).toString();
        finish(sha256, false,
            message.isEmpty()
                ? tr("The server refused the download (HTTP %1).").arg(status)
                : tr("The server refused the download (HTTP %1): %2").arg(status).arg(message));
        return;
    }
    verify(sha256);
}

void ContentCache::verify(const QString &sha256)
{
    const QString part = partPath(sha256);
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(
        watcher, &QFutureWatcherBase::finished, this, [this, watcher, sha256, part, generation] {
            const QString actual = watcher->result();
            watcher->deleteLater();
            if (generation != m_generation || !m_downloads.contains(sha256))
                return; // cleared meanwhile: clear() already reported it
            if (actual != sha256) {
                qCWarning(lcContent) << "damaged download" << sha256 << "hashed to" << actual;
                QFile::remove(part);
                finish(sha256, false,
                    tr("The downloaded file is damaged (its checksum does not match) and was "
                       "deleted. Please try again."));
                return;
            }
            const QString target = filePath(sha256);
            if (QFileInfo::exists(target)) {
                QFile::remove(part); // the same bytes arrived another way
            } else if (!QFile::rename(part, target)) {
                finish(sha256, false,
                    tr("The download cannot be saved: %1 cannot be created.")
                        .arg(QDir::toNativeSeparators(target)));
                return;
            }
            finish(sha256, true, {});
            emit changed();
        });
    watcher->setFuture(QtConcurrent::run(sha256OfFile, part));
}

void ContentCache::finish(const QString &sha256, bool ok, const QString &error)
{
    if (!m_downloads.remove(sha256))
        return;
    if (!ok)
        qCInfo(lcContent) << "download of" << sha256 << "failed:" << error;
    emit finished(sha256, ok, error);
}

} // namespace xueshi
