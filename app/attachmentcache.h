#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;

namespace xueshi {

class ApiClient;
class LocalStore;
class ServerTrust;

// The employer's copy of its staff's proof (附件材料), so an HR officer reviews offline (R9):
// after each successful sync (the review page calls update()) the attachments of the cached
// `pending` declarations are downloaded (GET /api/v1/attachments/{id}) one after the other into
// `directory`/<sha256>, each hashed as it arrives and kept only when the SHA-256 is the one the
// declaration lists (and never larger than it said), within a cap on the bytes kept. Files that no
// cached declaration lists any more (a decision taken, a `delete` from the server after the person
// left) are removed. File names are the hash only: nothing the learner chose becomes part of a
// path.
class AttachmentCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentCache)

public:
    static constexpr qint64 DefaultCapBytes = 500LL * 1024 * 1024;

    // `api`, `store` (and `trust`, which may be null) must outlive this object.
    AttachmentCache(ApiClient *api, LocalStore *store, ServerTrust *trust, const QString &directory,
        QObject *parent = nullptr);
    ~AttachmentCache() override;

    QString directory() const { return m_directory; }
    // Where the attachments of the local store at `storePath` are kept: beside it, one cache
    // per server and user, as the store itself.
    static QString directoryFor(const QString &storePath);
    void setCapBytes(qint64 bytes);
    qint64 capBytes() const { return m_cap; }
    // Bytes of complete files kept.
    qint64 usedBytes() const;
    // The last update() left files out because the cap was reached.
    bool capReached() const { return m_capReached; }
    int skippedFiles() const { return m_skipped; }

    // The verified file with this hash, or empty when it is not here.
    QString path(const QString &sha256) const;
    bool contains(const QString &sha256) const { return !path(sha256).isEmpty(); }

    bool isRunning() const { return !m_reply.isNull(); }
    // Removes the files no cached declaration lists, then downloads the missing attachments of
    // the pending ones (oldest submission first) until the cap. finished() follows.
    void update();
    // Removes the files no cached declaration lists; returns how many.
    int prune();

signals:
    // Bytes done of the files this update() fetches, and files done of how many.
    void progress(qint64 bytesDone, qint64 bytesTotal, int filesDone, int filesTotal);
    // ok false: `message` says why (the network is down, a file did not match...).
    void finished(bool ok, const QString &message);
    // Files were added or removed.
    void changed();

private:
    struct Item
    {
        QString attachmentId;
        QString sha256;
        qint64 size = 0;
    };

    void next();
    void onReadyRead();
    void onFinished();
    void finish(bool ok, const QString &message);
    QString filePath(const QString &sha256) const;

    ApiClient *m_api;
    LocalStore *m_store;
    ServerTrust *m_trust;
    QString m_directory;
    qint64 m_cap = DefaultCapBytes;
    bool m_capReached = false;
    int m_skipped = 0;

    QList<Item> m_queue;
    Item m_current;
    QPointer<QNetworkReply> m_reply;
    QFile m_part;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    qint64 m_received = 0;
    QString m_failure;
    qint64 m_bytesDone = 0;
    qint64 m_bytesTotal = 0;
    int m_filesDone = 0;
    int m_filesTotal = 0;
    QStringList m_errors;
};

} // namespace xueshi
