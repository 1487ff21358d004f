#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace xueshi {

class ApiClient;
class LocalStore;
class SyncEngine;

// One file a learner attached to a self-declaration that the server does not have whole yet.
struct QueuedAttachment
{
    QString id; // UUID made here: the server's attachment id and the local file's name
    QString declarationId;
    QString name; // the display name (safeAttachmentName), never used as a path
    QString kind; // "pdf", "jpeg", "png"
    qint64 size = 0;
    QString sha256; // lower-case hex
    bool failed = false; // the server refused it for good (see `error`); no more tries
    QString error; // why it failed, or why the last try did not get through
    qint64 sent = 0; // bytes the server has, as far as known (not kept across restarts)
    // The server did not know its declaration at the last try (its save was refused, say):
    // it is tried again with each sync, but holds no submission back meanwhile.
    bool orphan = false;
};

// The learner's outgoing attachments (docs/sync.md "Self-declarations"): a chosen file is
// checked (kind by content, size, count per declaration) and copied at once into `directory`
// under a new UUID, and queued in `directory`/queue.json; it reaches the server with the sync:
// announced by POST /declarations/{id}/attachments, then sent in pieces of kAttachmentPieceBytes
// to /attachments/{id}/content?offset=N, resuming from the server's `received` after a cut or a
// restart. While a declaration has unsent attachments its declaration.submit is held in the
// outbox (SyncEngine::setPushGate), since the server refuses a submission without its proof.
class AttachmentUploads final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentUploads)

public:
    // `api`, `engine` and `store` must outlive this object. Installs the engine's push gate and
    // runs the queue after each successful sync.
    AttachmentUploads(ApiClient *api, SyncEngine *engine, const LocalStore *store,
        const QString &directory, QObject *parent = nullptr);
    ~AttachmentUploads() override;

    // The outgoing directory of the LocalStore at `storePath` (one per server and user).
    static QString directoryFor(const QString &storePath);

    QString directory() const { return m_directory; }

    // Checks the file at `path` and copies it into the queue for `declarationId`, which already
    // lists `completeCount` complete attachments. Returns the new attachment's id, or empty with
    // the reason (translated) in *error.
    QString add(const QString &declarationId, const QString &path, int completeCount,
        QString *error = nullptr);
    // Drops a queued attachment and its copy (the user removed it before it was sent).
    bool remove(const QString &attachmentId);
    // Removes a complete attachment from the server (online only; the server keeps the last one
    // of a pending declaration). The answer comes as removed().
    void removeSent(const QString &attachmentId);
    // Drops every queued attachment of a declaration (it was deleted).
    void removeDeclaration(const QString &declarationId);

    QList<QueuedAttachment> items(const QString &declarationId = {}) const;
    // Queued, not failed.
    bool hasUnsent(const QString &declarationId) const;
    // Whether a declaration.submit of it waits: it has queued attachments that can be sent (not
    // failed, and whose declaration the server knew at the last try). A submission whose proof
    // cannot go is let through, so the server's refusal shows and the outbox is not blocked.
    bool holdsSubmission(const QString &declarationId) const;
    bool isRunning() const { return m_running; }

    // Sends what is queued now (it also runs after each successful sync).
    void start();

signals:
    // Bytes of `attachmentId` the server has, of `total`.
    void progress(
        const QString &declarationId, const QString &attachmentId, qint64 sent, qint64 total);
    void queueChanged();
    void runningChanged(bool running);
    // removeSent() finished: `message` says why not when !ok.
    void removed(const QString &attachmentId, bool ok, const QString &message);
    // A run ended: `ok` when nothing is left to send for now (failed ones aside).
    void finished(bool ok, const QString &message);

private:
    void load();
    bool save();
    QString filePath(const QString &id) const;
    QueuedAttachment *find(const QString &id);
    void next();
    void announce(const QString &id);
    void sendPiece(const QString &id);
    void completed(const QString &id);
    void failItem(const QString &id, const QString &message);
    void stopRun(bool ok, const QString &message);

    ApiClient *m_api;
    QPointer<SyncEngine> m_engine;
    const LocalStore *m_store;
    QString m_directory;
    QList<QueuedAttachment> m_items;
    bool m_running = false;
    bool m_again = false;
    int m_completedThisRun = 0;
    int m_orphanedThisRun = 0;
    QStringList m_skipped; // this run: waiting for their declaration to reach the server
};

} // namespace xueshi
