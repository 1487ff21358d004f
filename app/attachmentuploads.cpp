#include "attachmentuploads.h"

#include "apiclient.h"
#include "attachmentkind.h"
#include "localstore.h"
#include "syncengine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace xueshi {

namespace {

const QString QueueFile = QStringLiteral("queue.json");

bool isUuid(const QString &text)
{
    const QUuid uuid = QUuid::fromString(text);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == text;
}

// Worth another try later (offline, the server busy or failing, the session to renew), as
// opposed to a refusal of this file.
bool isTransient(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Server)
        return true;
    const int status = error.httpStatus;
    return status >= 500 || status == 401 || status == 408 || status == 423 || status == 429;
}

} // namespace

AttachmentUploads::AttachmentUploads(ApiClient *api, SyncEngine *engine, const LocalStore *store,
    const QString &directory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_engine(engine)
    , m_store(store)
    , m_directory(directory)
{
    load();
    if (engine) {
        engine->setPushGate([this](const OutboxMutation &m) {
            return m.type != QLatin1String("declaration.submit") || !holdsSubmission(m.target);
        });
        // Once its save is applied the server knows the declaration: its files may go, and its
        // submission waits for them again.
        connect(engine, &SyncEngine::mutationApplied, this, [this](const OutboxMutation &m) {
            if (m.type != QLatin1String("declaration.save"))
                return;
            for (QueuedAttachment &a : m_items) {
                if (a.declarationId == m.target)
                    a.orphan = false;
            }
        });
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok)
                start();
        });
    }
}

AttachmentUploads::~AttachmentUploads()
{
    if (m_engine)
        m_engine->setPushGate({});
}

QString AttachmentUploads::directoryFor(const QString &storePath)
{
    const QFileInfo info(storePath);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName()
        + QStringLiteral(".attachments-out");
}

QString AttachmentUploads::filePath(const QString &id) const
{
    return m_directory + QLatin1Char('/') + id;
}

void AttachmentUploads::load()
{
    m_items.clear();
    QFile file(m_directory + QLatin1Char('/') + QueueFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        QueuedAttachment a;
        a.id = o.value(QLatin1String("id")).toString();
        a.declarationId = o.value(QLatin1String("declarationId")).toString();
        a.name = safeAttachmentName(o.value(QLatin1String("name")).toString());
        a.kind = o.value(QLatin1String("kind")).toString();
        a.size = qint64(o.value(QLatin1String("size")).toDouble());
        a.sha256 = o.value(QLatin1String("sha256")).toString();
        a.failed = o.value(QLatin1String("failed")).toBool();
        a.error = o.value(QLatin1String("error")).toString();
        // Only what this class wrote, with its copy whole: the id is the file name.
        if (!isUuid(a.id) || a.declarationId.isEmpty() || a.name.isEmpty()
            || attachmentKindFromName(a.kind) == AttachmentKind::Unknown || a.size <= 0
            || a.size > kMaxAttachmentBytes || QFileInfo(filePath(a.id)).size() != a.size)
            continue;
        m_items.append(a);
    }
}

bool AttachmentUploads::save()
{
    QJsonArray array;
    for (const QueuedAttachment &a : std::as_const(m_items))
        array.append(QJsonObject { { QStringLiteral("id"), a.id },
            { QStringLiteral("declarationId"), a.declarationId },
            { QStringLiteral("name"), a.name }, { QStringLiteral("kind"), a.kind },
            { QStringLiteral("size"), double(a.size) }, { QStringLiteral("sha256"), a.sha256 },
            { QStringLiteral("failed"), a.failed }, { QStringLiteral("error"), a.error } });
    if (!QDir().mkpath(m_directory))
        return false;
    QSaveFile file(m_directory + QLatin1Char('/') + QueueFile);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    return file.commit();
}

QueuedAttachment *AttachmentUploads::find(const QString &id)
{
    for (QueuedAttachment &a : m_items)
        if (a.id == id)
            return &a;
    return nullptr;
}

QString AttachmentUploads::add(
    const QString &declarationId, const QString &path, int completeCount, QString *error)
{
    const auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    const QFileInfo info(path);
    const QString shown = safeAttachmentName(info.fileName());
    if (declarationId.isEmpty())
        return refuse(tr("Save the record before attaching files."));
    int count = completeCount;
    for (const QueuedAttachment &a : std::as_const(m_items))
        if (a.declarationId == declarationId && !a.failed)
            ++count;
    if (count >= kMaxAttachmentsPerDeclaration)
        return refuse(tr(
            "A record can have at most %n attachments.", nullptr, kMaxAttachmentsPerDeclaration));
    if (!info.isFile())
        return refuse(tr("\"%1\" is not a file that can be read.").arg(shown));
    if (info.size() > kMaxAttachmentBytes)
        return refuse(tr("\"%1\" is larger than 10 MB. Attach a smaller file (scan it at a lower "
                         "resolution, for example).")
                          .arg(shown));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return refuse(tr("\"%1\" cannot be read: %2").arg(shown, in.errorString()));
    const AttachmentKind kind = sniffAttachment(in.peek(kAttachmentSniffBytes));
    if (kind == AttachmentKind::Unknown)
        return refuse(tr("\"%1\" is not a PDF, JPEG or PNG file: its content is something else, "
                         "whatever its name says.")
                          .arg(shown));

    // The copy is named by a new UUID: the chosen file's name never becomes a path.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The proof is personal: readable by this user only.
    if (!QDir().mkpath(m_directory)
        || !QFile::setPermissions(
            m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return refuse(tr("The attachment cannot be stored on this computer."));
    const QString part = filePath(id) + QStringLiteral(".part");
    QFile out(part);
    if (!out.open(QIODevice::WriteOnly))
        return refuse(
            tr("The attachment cannot be stored on this computer: %1").arg(out.errorString()));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 total = 0;
    bool ok = true;
    QString failure;
    while (ok && !in.atEnd()) {
        const QByteArray chunk = in.read(64 * 1024);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError) {
            ok = false;
            failure = tr("\"%1\" cannot be read: %2").arg(shown, in.errorString());
            break;
        }
        total += chunk.size();
        // The file may have grown since it was measured.
        if (total > kMaxAttachmentBytes) {
            ok = false;
            failure = tr("\"%1\" is larger than 10 MB. Attach a smaller file (scan it at a lower "
                         "resolution, for example).")
                          .arg(shown);
            break;
        }
        hash.addData(chunk);
        if (out.write(chunk) != chunk.size()) {
            ok = false;
            failure
                = tr("The attachment cannot be stored on this computer: %1").arg(out.errorString());
        }
    }
    out.close();
    if (ok && total == 0) {
        ok = false;
        failure = tr("\"%1\" is empty.").arg(shown);
    }
    if (!ok || !QFile::rename(part, filePath(id))) {
        QFile::remove(part);
        return refuse(ok ? tr("The attachment cannot be stored on this computer.") : failure);
    }

    QueuedAttachment a;
    a.id = id;
    a.declarationId = declarationId;
    a.name = shown.isEmpty() ? QStringLiteral("attachment.") + attachmentKindName(kind) : shown;
    a.kind = attachmentKindName(kind);
    a.size = total;
    a.sha256 = QString::fromLatin1(hash.result().toHex());
    m_items.append(a);
    if (!save()) {
        m_items.removeLast();
        QFile::remove(filePath(id));
        return refuse(tr("The attachment cannot be stored on this computer."));
    }
    emit queueChanged();
    return id;
}

bool AttachmentUploads::remove(const QString &attachmentId)
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id != attachmentId)
            continue;
        m_items.removeAt(i);
        QFile::remove(filePath(attachmentId));
        save();
        emit queueChanged();
        return true;
    }
    return false;
}

void AttachmentUploads::removeSent(const QString &attachmentId)
{
    m_api->deleteResource(QStringLiteral("/attachments/%1")
                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(attachmentId))),
        this, [this, attachmentId](const ApiResult &result) {
            emit removed(attachmentId, result.ok(), result.error.message);
            // The declaration lists it no more, in a new version.
            if (result.ok() && m_engine)
                m_engine->syncNow();
        });
}

void AttachmentUploads::removeDeclaration(const QString &declarationId)
{
    const QList<QueuedAttachment> list = items(declarationId);
    for (const QueuedAttachment &a : list)
        remove(a.id);
}

QList<QueuedAttachment> AttachmentUploads::items(const QString &declarationId) const
{
    if (declarationId.isEmpty())
        return m_items;
    QList<QueuedAttachment> list;
    for (const QueuedAttachment &a : m_items)
        if (a.declarationId == declarationId)
            list.append(a);
    return list;
}

bool AttachmentUploads::hasUnsent(const QString &declarationId) const
{
    for (const QueuedAttachment &a : m_items)
        if (a.declarationId == declarationId && !a.failed)
            return true;
    return false;
}

bool AttachmentUploads::holdsSubmission(const QString &declarationId) const
{
    for (const QueuedAttachment &a : m_items)
        if (a.declarationId == declarationId && !a.failed && !a.orphan)
            return true;
    return false;
}

void AttachmentUploads::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    bool any = false;
    for (const QueuedAttachment &a : std::as_const(m_items))
        any = any || !a.failed;
    if (!any)
        return;
    m_running = true;
    m_completedThisRun = 0;
    m_orphanedThisRun = 0;
    m_skipped.clear();
    emit runningChanged(true);
    next();
}

void AttachmentUploads::next()
{
    for (const QueuedAttachment &a : std::as_const(m_items)) {
        if (!a.failed && !m_skipped.contains(a.id)) {
            announce(a.id);
            return;
        }
    }
    stopRun(true, {});
}

void AttachmentUploads::announce(const QString &id)
{
    const QueuedAttachment *a = find(id);
    if (!a) {
        next();
        return;
    }
    const QJsonObject body { { QStringLiteral("id"), a->id }, { QStringLiteral("name"), a->name },
        { QStringLiteral("size"), double(a->size) }, { QStringLiteral("sha256"), a->sha256 } };
    m_api->post(QStringLiteral("/declarations/%1/attachments")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(a->declarationId))),
        body, this, [this, id](const ApiResult &result) {
            QueuedAttachment *item = find(id);
            if (!item) { // removed meanwhile
                next();
                return;
            }
            if (!result.ok()) {
                if (isTransient(result.error)) {
                    stopRun(false, result.error.message);
                    return;
                }
                if (result.error.code == QLatin1String("not_found")) {
                    // Deleted, or not on the server yet (its save still queued or refused).
                    const auto cached = m_store
                        ? m_store->entity(QStringLiteral("declaration"), item->declarationId)
                        : std::nullopt;
                    // A save the server refused is undone in the cache but stays under 同步问题,
                    // where the user may correct it: its file waits for it.
                    bool refused = false;
                    if (m_store && !cached) {
                        for (const OutboxMutation &m : m_store->problems())
                            refused = refused
                                || (m.entityType == QLatin1String("declaration")
                                    && m.target == item->declarationId);
                    }
                    if ((!cached && !refused)
                        || (cached
                            && cached->data.value(QLatin1String("status")).toString()
                                == QLatin1String("deleted"))) {
                        remove(id);
                    } else {
                        item->error = result.error.message;
                        if (!item->orphan)
                            ++m_orphanedThisRun;
                        item->orphan = true;
                        m_skipped.append(id);
                    }
                    next();
                    return;
                }
                failItem(id, result.error.message);
                return;
            }
            item->orphan = false;
            item->sent = qint64(result.body.value(QLatin1String("received")).toDouble());
            emit progress(item->declarationId, id, item->sent, item->size);
            if (result.body.value(QLatin1String("complete")).toBool())
                completed(id);
            else
                sendPiece(id);
        });
}

void AttachmentUploads::sendPiece(const QString &id)
{
    const QueuedAttachment *a = find(id);
    if (!a) {
        next();
        return;
    }
    QFile file(filePath(id));
    QByteArray piece;
    if (file.open(QIODevice::ReadOnly) && a->sent >= 0 && a->sent < a->size && file.seek(a->sent))
        piece = file.read(std::min(kAttachmentPieceBytes, a->size - a->sent));
    if (piece.isEmpty()) {
        failItem(id, tr("The copy of \"%1\" on this computer cannot be read.").arg(a->name));
        return;
    }
    m_api->postBytes(QStringLiteral("/attachments/%1/content?offset=%2").arg(id).arg(a->sent),
        piece, this, [this, id](const ApiResult &result) {
            QueuedAttachment *item = find(id);
            if (!item) {
                next();
                return;
            }
            if (!result.ok()) {
                if (result.error.code == QLatin1String("offset_mismatch")) {
                    // The server has another amount (a piece lost on the way): ask it again.
                    announce(id);
                    return;
                }
                if (isTransient(result.error)) {
                    stopRun(false, result.error.message);
                    return;
                }
                failItem(id, result.error.message);
                return;
            }
            item->sent = qint64(result.body.value(QLatin1String("received")).toDouble());
            emit progress(item->declarationId, id, item->sent, item->size);
            if (result.body.value(QLatin1String("complete")).toBool())
                completed(id);
            else
                sendPiece(id);
        });
}

void AttachmentUploads::completed(const QString &id)
{
    ++m_completedThisRun;
    remove(id);
    next();
}

void AttachmentUploads::failItem(const QString &id, const QString &message)
{
    if (QueuedAttachment *a = find(id)) {
        a->failed = true;
        a->error = message;
        save();
        emit queueChanged();
    }
    next();
}

void AttachmentUploads::stopRun(bool ok, const QString &message)
{
    m_running = false;
    emit runningChanged(false);
    emit finished(ok, message);
    // The declarations list them in new versions, and held submissions may go now (also those
    // whose proof cannot go: the server says why).
    if ((m_completedThisRun > 0 || m_orphanedThisRun > 0) && m_engine)
        m_engine->syncNow();
    m_completedThisRun = 0;
    m_orphanedThisRun = 0;
    if (m_again) {
        m_again = false;
        start();
    }
}

} // namespace xueshi
