#pragma once

#include "servicecontext.h"
#include "sync/syncservice.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace xueshi::server {

class BindingService;
class HourRecordService;
class JsonBody;
class PolicyService;

// Self-declared hours (学时申报, docs/sync.md "Self-declarations"): a learner declares a training
// taken outside the system with proof attached, submits it to the HR office of the employer that
// confirmed them, and that office confirms it (which credits an hour record) or rejects it with a
// reason, on the version it saw. The six declaration.* mutations are registered with the
// SyncService and run in its transactions; the attachment routes upload proof in pieces to a part
// file under the data directory, checked by SHA-256 and by content when the last piece arrives.
// The cap of hours a training day comes from the learner's policy (PolicyService).
// Lock order, everywhere: the learner's confirmed binding (shared), the declaration, then its
// attachments, the same order in which a binding's end reaches the declarations.
class DeclarationService final
{
public:
    // Stored attachments a learner may have at most (complete or not), against abuse.
    static constexpr int MaxAttachmentsPerLearner = 200;
    static constexpr int MaxReasonLength = 200;

    DeclarationService(ServiceContext &context, BindingService &bindings,
        HourRecordService &hourRecords, PolicyService &policies, SyncService &sync,
        const QString &attachmentsDirectory);

    // At start: removes attachment files that no row names (left by a crash between a file and
    // its transaction).
    void initialise();

    // POST /declarations/{id}/attachments: announces an upload ({"id","name","size","sha256"}).
    // Returns 201 and {"id","received":0,"size","complete":false} for a new one, 200 and the
    // same with what was received for one already announced (resume). Throws ApiError.
    std::pair<int, QJsonObject> startUpload(
        const AuthenticatedUser &caller, const QString &declarationId, const JsonBody &body);
    // POST /attachments/{id}/content?offset=N: appends one piece. Throws ApiError (409
    // offset_mismatch carries "received").
    QJsonObject receivePiece(const AuthenticatedUser &caller, const QString &attachmentId,
        qint64 offset, const QByteArray &bytes);
    struct Download
    {
        QString path;
        qint64 size = 0;
        QString mimeType;
        QString name;
        QString sha256;
    };
    // GET /attachments/{id}: for the learner and the HR office the declaration was submitted to,
    // while its binding lasts; 404 for anyone else and for incomplete uploads.
    Download download(const AuthenticatedUser &caller, const QString &attachmentId);
    // DELETE /attachments/{id}: the learner, while the declaration is not confirmed. Returns
    // {"id","declaration":{...}}.
    QJsonObject removeAttachment(const AuthenticatedUser &caller, const QString &attachmentId);

    // Binding handlers, inside the binding's transaction. A new confirmed binding: declarations
    // once submitted to this employer are published to it again (a learner who came back).
    void employerConfirmed(const QString &learnerId);
    // A binding ended: the former HR office loses the learner's declarations (out of its feed,
    // a delete for its clients) and their attachments; those still waiting for it go back to
    // draft, to be submitted to the new employer.
    void withdrawFrom(const QString &learnerId, const QString &formerEmployerId);

    // The entity as the feed carries it, or an empty object.
    QJsonObject declarationJson(const QString &id);
    QString attachmentsDirectory() const { return m_directory; }

private:
    struct Row
    {
        QString id;
        QString learnerId;
        QString employerId;
        QString employerName;
        int year = 0;
        QString title;
        QString organiser;
        QDate startDate;
        QDate endDate;
        int trainingDays = 0;
        int hoursTenths = 0;
        QString subjectType;
        QString professionalSeries;
        QString status;
        QString reason;
        std::optional<qint64> submittedAt;
        std::optional<qint64> decidedAt;
        QString hourRecordId;
        qint64 version = 0;
    };
    struct AttachmentRow
    {
        QString id;
        QString declarationId;
        QString learnerId;
        QString name;
        qint64 size = 0;
        QString sha256;
        qint64 received = 0;
        QString kind;
    };

    QJsonObject save(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject submit(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject withdraw(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject remove(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject decide(
        const AuthenticatedUser &caller, const SyncService::Mutation &m, bool confirm);

    std::optional<Row> load(const QString &id, bool lock);
    std::optional<AttachmentRow> loadAttachment(const QString &id, bool lock);
    // The caller's own declaration for a change: takes the binding's shared lock first, then
    // the row's; 404 when it is not the caller's, 409 declaration_decided once confirmed.
    Row lockOwn(const AuthenticatedUser &caller, const QString &id);
    QJsonObject toJson(const Row &row);
    QStringList audiences(const Row &row);
    void publish(const Row &row);
    // A new version of the row: version + 1, updated_at now, and published.
    void touch(Row *row);
    QJsonObject conflict(const QString &mutationId, const Row &row);
    int completeAttachments(const QString &declarationId);
    void checkRules(const Row &row);
    QString filePath(const QString &attachmentId, bool part) const;
    void removeFiles(const QString &attachmentId) const;

    ServiceContext &m_context;
    BindingService &m_bindings;
    HourRecordService &m_hourRecords;
    PolicyService &m_policies;
    QString m_directory;
};

} // namespace xueshi::server
