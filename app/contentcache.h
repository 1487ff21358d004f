#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

class QNetworkReply;

namespace xueshi {

class ApiClient;
class ServerTrust;

// Lesson content and attachments kept on disk by the SHA-256 of their bytes, so they can be read
// offline: <directory>/<first two hex digits>/<sha256>. A download goes through ApiClient's
// QNetworkAccessManager to GET /api/v1/content/{sha256} with the session's token, is streamed to
// <sha256>.part as it arrives, resumes an interrupted download with a Range request, and is moved
// into place only after the SHA-256 of the whole file matched. clear() and size() only ever look
// at files of that layout, so the cache can never remove the local store or its outbox.
class ContentCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentCache)

public:
    // `api` (and `trust`, which may be null) must outlive this object. `directory` empty:
    // <AppDataLocation>/content.
    explicit ContentCache(ApiClient *api, ServerTrust *trust = nullptr,
        const QString &directory = {}, QObject *parent = nullptr);
    ~ContentCache() override;

    static QString defaultDirectory();
    // 64 lower-case hexadecimal digits: nothing else ever becomes part of a path.
    static bool isValidHash(const QString &sha256);

    QString directory() const { return m_directory; }
    bool contains(const QString &sha256) const;
    // The file to read, or an empty string when it is not (completely) downloaded.
    QString path(const QString &sha256) const;
    // Bytes on disk: complete files and partial downloads.
    qint64 size() const;
    // Cancels the downloads and deletes every cached and partial file; nothing else.
    bool clear();

    // Downloads the file unless it is cached; a hash already being fetched is not fetched twice.
    // finished() follows in every case (at once, for a cached file, on the event loop).
    void fetch(const QString &sha256);
    bool isFetching(const QString &sha256) const { return m_downloads.contains(sha256); }
    int activeDownloads() const { return int(m_downloads.size()); }
    // Stops a download, keeping what arrived so the next fetch() resumes it.
    void cancel(const QString &sha256);

signals:
    // bytesTotal is -1 until the server said the size.
    void progress(const QString &sha256, qint64 bytesReceived, qint64 bytesTotal);
    void finished(const QString &sha256, bool ok, const QString &errorMessage);
    // The cache's content changed (a file added, the cache cleared): size() may differ.
    void changed();

private:
    struct Download;

    QString filePath(const QString &sha256) const;
    QString partPath(const QString &sha256) const;
    void start(const QString &sha256, bool restarted);
    bool beginBody(Download &download);
    void receive(Download &download);
    void complete(const QString &sha256);
    void verify(const QString &sha256);
    void finish(const QString &sha256, bool ok, const QString &error);

    ApiClient *m_api;
    ServerTrust *m_trust;
    QString m_directory;
    QHash<QString, std::shared_ptr<Download>> m_downloads;
    quint64 m_generation = 0; // bumped by clear(): late verifications are dropped
};

} // namespace xueshi
