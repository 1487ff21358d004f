#include "syncengine.h"

#include "clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInformation>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace xueshi {

namespace {

// A profile.update's local effect: the payload's fields in the learner's or the organisation's
// part of the cached User object, the way the server applies them.
QJsonObject applyProfileUpdate(const QJsonObject &data, const QJsonObject &payload)
{
    QJsonObject user = data;
    const QString part = user.value(QLatin1String("learner")).isObject()
        ? QStringLiteral("learner")
        : QStringLiteral("organisation");
    QJsonObject details = user.value(part).toObject();
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        const QString value = it.value().toString().trimmed();
        details.insert(it.key(),
            value.isEmpty() && it.key() == QLatin1String("email") ? QJsonValue()
                                                                  : QJsonValue(value));
    }
    user.insert(part, details);
    return user;
}

} // namespace

SyncEngine::SyncEngine(ApiClient *api, LocalStore *store, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_clock(clock ? clock : SystemClock::instance())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::requestSync);
    m_periodicTimer.setInterval(DefaultPeriodMs);
    connect(&m_periodicTimer, &QTimer::timeout, this, [this] {
        if (!m_paused)
            requestSync();
    });
    // Writes made in one go (one event-loop turn) are pushed together.
    m_soonTimer.setSingleShot(true);
    m_soonTimer.setInterval(0);
    connect(&m_soonTimer, &QTimer::timeout, this, [this] {
        if (!m_paused)
            requestSync();
    });
    registerMutationType(
        QStringLiteral("profile.update"), QStringLiteral("profile"), applyProfileUpdate, true);
    installMutationRules();
}

SyncEngine::~SyncEngine()
{
    // The store may outlive the engine (it is the session's).
    m_store->setMutationRules({});
}

void SyncEngine::setPageSize(int changes)
{
    m_pageSize = std::clamp(changes, 1, 1000);
}

void SyncEngine::setBatchSize(int mutations)
{
    m_batchSize = std::clamp(mutations, 1, MaxBatch);
}

void SyncEngine::setPeriodicInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_periodicTimer.stop();
        m_periodicTimer.setInterval(0);
        return;
    }
    m_periodicTimer.setInterval(milliseconds);
    if (m_started)
        m_periodicTimer.start();
}

void SyncEngine::setBackoff(int initialMs, int maxMs, Backoff::Random random)
{
    m_backoff.setLimits(initialMs, maxMs);
    if (random)
        m_backoff.setRandom(std::move(random));
}

void SyncEngine::start()
{
    if (m_started)
        return;
    m_started = true;
    m_stopped = false;
    // Who the file belongs to, for whoever inspects it (one file per server and user).
    if (m_store->isOpen() && m_store->meta(QStringLiteral("userId")).isEmpty()) {
        m_store->setMeta(QStringLiteral("userId"), m_userId);
        m_store->setMeta(QStringLiteral("serverKey"), m_api->serverKey());
    }
    if (m_periodicTimer.interval() > 0)
        m_periodicTimer.start();
    if (m_watchNetwork
        && QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                setNetworkReachable(reachability == QNetworkInformation::Reachability::Online);
            });
    }
    // Without a backend, the periodic sync and the backoff retries notice the network's return.
    emitCounts();
    requestSync();
}

void SyncEngine::stop()
{
    m_started = false;
    m_stopped = true;
    m_periodicTimer.stop();
    m_retryTimer.stop();
    m_soonTimer.stop();
    m_again = false;
}

void SyncEngine::syncNow()
{
    m_paused = false;
    m_stopped = false;
    requestSync();
}

void SyncEngine::setNetworkReachable(bool reachable)
{
    if (!reachable) {
        if (!m_running)
            setState(State::Offline);
        return;
    }
    // Back online: no reason to wait out the backoff.
    m_backoff.reset();
    if (!m_paused)
        requestSync();
}

QDateTime SyncEngine::lastSync() const
{
    return m_store->lastSyncAt();
}

int SyncEngine::pendingCount() const
{
    return m_store->pendingCount();
}

QList<OutboxMutation> SyncEngine::problems() const
{
    return m_store->problems();
}

void SyncEngine::registerMutationType(
    const QString &type, const QString &entityType, LocalEffect effect, bool mustExist)
{
    m_types.insert(type, { entityType, std::move(effect), mustExist });
}

void SyncEngine::setVersionFree(const QString &type, bool versionFree)
{
    if (versionFree)
        m_versionFree.insert(type);
    else
        m_versionFree.remove(type);
}

QString SyncEngine::enqueueOne(
    const QString &type, const QString &target, const QJsonObject &payload, QString *entityType)
{
    const auto found = m_types.constFind(type);
    if (found == m_types.constEnd()) {
        m_message = QStringLiteral("unknown mutation type %1").arg(type);
        return {};
    }
    const MutationType kind = found.value();
    *entityType = kind.entityType;
    const std::optional<CachedEntity> cached = m_store->entity(kind.entityType, target);
    if (kind.mustExist && !cached) {
        // Its base version is unknown: the server would answer with a conflict.
        m_message = tr("This cannot be changed yet: connect to the server once so that the data "
                       "is on this computer.");
        return {};
    }
    OutboxMutation m;
    m.type = type;
    m.entityType = kind.entityType;
    m.target = target;
    m.baseVersion = cached ? cached->version : 0;
    m.payload = payload;
    m.createdAt = m_clock->nowUtc();
    const QString id = m_store->enqueue(
        m,
        [&] {
            if (!kind.effect)
                return true;
            CachedEntity updated = cached.value_or(CachedEntity { kind.entityType, target, 0, {} });
            updated.data = kind.effect(updated.data, payload);
            return m_store->putEntity(updated);
        },
        m_merges.value(type));
    if (id.isEmpty()) {
        m_message
            = tr("The change could not be saved on this computer: %1").arg(m_store->lastError());
        return {};
    }
    return id;
}

QString SyncEngine::queueMutation(
    const QString &type, const QString &target, const QJsonObject &payload)
{
    QString entityType;
    const QString id = enqueueOne(type, target, payload, &entityType);
    if (id.isEmpty())
        return {};
    emitCounts();
    emit entitiesChanged({ entityType });
    if (m_started)
        m_soonTimer.start();
    return id;
}

QStringList SyncEngine::queueMutations(const QList<MutationRequest> &requests)
{
    QStringList ids;
    QStringList types;
    const bool ok = m_store->inTransaction([&] {
        for (const MutationRequest &request : requests) {
            QString entityType;
            const QString id
                = enqueueOne(request.type, request.target, request.payload, &entityType);
            if (id.isEmpty())
                return false;
            ids.append(id);
            if (!types.contains(entityType))
                types.append(entityType);
        }
        return true;
    });
    if (!ok) {
        if (m_message.isEmpty())
            m_message = tr("The change could not be saved on this computer: %1")
                            .arg(m_store->lastError());
        return {};
    }
    if (ids.isEmpty())
        return {};
    emitCounts();
    emit entitiesChanged(types);
    if (m_started)
        m_soonTimer.start();
    return ids;
}

QString SyncEngine::queueProfileUpdate(const QJsonObject &payload)
{
    return queueMutation(QStringLiteral("profile.update"), m_userId, payload);
}

QString SyncEngine::retryMutation(const QString &id)
{
    const QString newId = m_store->retry(id);
    if (newId.isEmpty())
        return {};
    emitCounts();
    emit problemsChanged();
    if (m_started)
        m_soonTimer.start();
    return newId;
}

QString SyncEngine::editMutation(const QString &id, const QJsonObject &payload)
{
    const std::optional<OutboxMutation> m = m_store->mutation(id);
    if (!m)
        return {};
    const std::optional<CachedEntity> cached = m_store->entity(m->entityType, m->target);
    const MutationType kind = m_types.value(m->type);
    // Edited against what the user sees now, which after a conflict is the server's row; the
    // edit shows locally at once, in the same transaction.
    const QString newId
        = m_store->replacePayload(id, payload, cached ? cached->version : m->baseVersion, [&] {
              if (!kind.effect || !cached)
                  return true;
              CachedEntity updated = *cached;
              updated.data = kind.effect(updated.data, payload);
              return m_store->putEntity(updated);
          });
    if (newId.isEmpty())
        return {};
    emit entitiesChanged({ m->entityType });
    emitCounts();
    emit problemsChanged();
    if (m_started)
        m_soonTimer.start();
    return newId;
}

bool SyncEngine::discardMutation(const QString &id)
{
    const std::optional<OutboxMutation> m = m_store->mutation(id);
    if (!m || !m_store->discard(id))
        return false;
    emitCounts();
    emit problemsChanged();
    emit entitiesChanged({ m->entityType });
    return true;
}

void SyncEngine::emitCounts()
{
    const int pending = m_store->pendingCount();
    if (pending != m_lastPending) {
        m_lastPending = pending;
        emit pendingCountChanged(pending);
    }
}

void SyncEngine::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::requestSync()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_retryTimer.stop();
    run();
}

void SyncEngine::run()
{
    if (!m_store->isOpen()) {
        failLocally(tr("The local cache is not open."));
        return;
    }
    m_running = true;
    m_again = false;
    m_resetThisRun = false;
    m_conflictsThisRun.clear();
    m_firstPage = true;
    m_batchLimit = m_batchSize;
    m_pushError.reset();
    m_done = 0;
    m_total = 0;
    setState(State::Syncing);
    // What the server applied is kept to be sent again after a restore, for a while only.
    if (!m_store->pruneAcknowledged(m_clock->nowUtc().addDays(-LocalStore::AcknowledgedDays))) {
        failLocally(m_store->lastError());
        return;
    }
    // Push first: the pull then brings the server's own version of what was pushed.
    pushNext();
}

void SyncEngine::pushNext()
{
    // In order, at most m_batchLimit mutations and MaxBatchBytes of JSON (a larger single one goes
    // alone). The server applies a batch in order, one mutation at a time, so several mutations
    // of one entity may share a batch, but only when the server does not check their base
    // version: a later one was made on top of the earlier one and gets its base version when
    // that one is applied. (Guessing it, base + 1, would apply it blindly after the earlier one
    // met a change made elsewhere and conflicted.)
    const QList<OutboxMutation> pending = m_store->pendingMutations(m_batchLimit);
    QJsonArray batch;
    QStringList ids;
    QSet<QString> entities;
    qsizetype bytes = qsizetype(sizeof("{\"mutations\":[]}") - 1);
    for (const OutboxMutation &m : pending) {
        const QString key = m.entityType + QLatin1Char('\n') + m.target;
        if ((entities.contains(key) && !m_versionFree.contains(m.type))
            || (m_pushGate && !m_pushGate(m)))
            break;
        const QJsonObject json = m.toJson();
        const qsizetype size
            = QJsonDocument(json).toJson(QJsonDocument::Compact).size() + (ids.isEmpty() ? 0 : 1);
        if (!ids.isEmpty() && bytes + size > MaxBatchBytes)
            break;
        bytes += size;
        entities.insert(key);
        batch.append(json);
        ids.append(m.id);
    }
    if (ids.isEmpty()) {
        pullNext();
        return;
    }
    if (!m_store->noteAttempt(ids)) {
        failLocally(m_store->lastError());
        return;
    }
    m_api->post(QStringLiteral("/sync/mutations"), { { QStringLiteral("mutations"), batch } }, this,
        [this, ids](const ApiResult &result) { onPushed(ids, result); });
}

void SyncEngine::onPushed(const QStringList &ids, const ApiResult &result)
{
    if (!result.ok()) {
        // The server refuses a whole batch for one malformed mutation and names it
        // ("mutations[3].target"): that one is set aside so it cannot block the others.
        static const QRegularExpression culprit(QStringLiteral("^mutations\\[(\\d+)\\]"));
        const QRegularExpressionMatch match = culprit.match(result.error.field);
        const qsizetype index = match.hasMatch() ? match.captured(1).toLongLong() : -1;
        QString setAside;
        QJsonObject error;
        if (result.error.httpStatus == 400 && index >= 0 && index < ids.size()) {
            setAside = ids.at(index);
            error = result.error.object;
            if (error.isEmpty())
                error = { { QStringLiteral("code"), result.error.code },
                    { QStringLiteral("message"), result.error.message },
                    { QStringLiteral("field"), result.error.field } };
        } else if (result.error.httpStatus == 413 && ids.size() > 1) {
            // Too large for the server after all: halves, for the rest of this run.
            m_batchLimit = std::max(1, int(ids.size() / 2));
            pushNext();
            return;
        } else if (result.error.httpStatus == 413) {
            // Too large even alone: set aside, so it blocks nothing.
            setAside = ids.first();
            error = { { QStringLiteral("code"), QStringLiteral("payload_too_large") },
                { QStringLiteral("message"),
                    tr("This change is too large for the server to accept.") },
                { QStringLiteral("field"), QString() } };
        }
        if (!setAside.isEmpty()) {
            if (!m_store->markRejected(setAside, error)) {
                failLocally(m_store->lastError());
                return;
            }
            emitCounts();
            emit problemsChanged();
            pushNext();
            return;
        }
        pushFailed(result.error);
        return;
    }
    const QJsonArray results = result.body.value(QLatin1String("results")).toArray();
    QSet<QString> open(ids.cbegin(), ids.cend());
    bool setAside = false;
    bool entitiesTouched = false;
    QStringList types;
    QList<std::pair<OutboxMutation, QJsonObject>> applied;
    const QDateTime now = m_clock->nowUtc();
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QString id = r.value(QLatin1String("id")).toString().toLower();
        if (!open.contains(id))
            continue;
        const QString status = r.value(QLatin1String("status")).toString();
        bool ok = true;
        if (status == QLatin1String("applied") && r.value(QLatin1String("version")).isDouble()) {
            if (std::optional<OutboxMutation> m = m_store->mutation(id))
                applied.append({ *m, r });
            ok = m_store->markApplied(
                id, qint64(r.value(QLatin1String("version")).toDouble()), now);
        } else if (status == QLatin1String("rejected")) {
            ok = m_store->markRejected(id, r.value(QLatin1String("error")).toObject());
            setAside = true;
        } else if (status == QLatin1String("conflict")) {
            const QJsonObject current = r.value(QLatin1String("current")).toObject();
            ok = m_store->markConflict(id, current);
            m_conflictsThisRun.append(id);
            setAside = true;
            entitiesTouched = true;
            types.append(current.value(QLatin1String("type")).toString());
        } else {
            continue; // unreadable: stays open, handled below
        }
        if (!ok) {
            failLocally(m_store->lastError());
            return;
        }
        open.remove(id);
    }
    emitCounts();
    if (setAside)
        emit problemsChanged();
    if (entitiesTouched)
        emit entitiesChanged(types);
    for (const auto &[m, r] : std::as_const(applied))
        emit mutationApplied(m, r);
    if (!open.isEmpty()) {
        // Sending the same ids again is safe (the server applies each once), so this is retried.
        ApiError error;
        error.kind = ApiError::Kind::Protocol;
        error.code = QStringLiteral("invalid_response");
        error.message = tr("The server did not answer for every change sent. They will be sent "
                           "again.");
        pushFailed(error);
        return;
    }
    pushNext();
}

void SyncEngine::pushFailed(const ApiError &error)
{
    // Without a connection, with an untrusted certificate, a refused token or a request to slow
    // down, the pull would fail the same way. Otherwise (a 5xx, an unreadable answer, a refused
    // batch) the pull still brings what changed, and the push's failure is reported after it.
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Certificate
        || error.httpStatus == 401 || error.httpStatus == 429) {
        fail(error);
        return;
    }
    m_pushError = error;
    pullNext();
}

void SyncEngine::pullNext()
{
    QString path = QStringLiteral("/sync/changes?limit=%1").arg(m_pageSize);
    // The first page of a run asks how much there is (counted once by the server).
    if (m_firstPage)
        path += QStringLiteral("&count=1");
    const QString cursor = m_store->isRebuilding() ? m_store->rebuildCursor() : m_store->cursor();
    if (!cursor.isEmpty())
        path += QStringLiteral("&since=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    m_api->get(path, this, [this](const ApiResult &result) { onPulled(result); });
}

bool SyncEngine::startRebuild(const QString &detail)
{
    // The server went back in time: what it applied lately may be lost. Sent again with their
    // own ids, the server answers those it still knows with their recorded outcome and applies
    // the others again.
    // A change pushed earlier in this run, before the pull learned of the restore, met the
    // restored rows and conflicted: it goes out again after the re-sent acknowledged ones, on
    // its own base version, which they bring back.
    int requeued = 0;
    if (detail == QLatin1String("restored")) {
        requeued = m_store->requeueAcknowledged();
        if (requeued < 0)
            return false;
        const int reopened = m_store->reopenConflicts(std::exchange(m_conflictsThisRun, {}));
        if (reopened < 0)
            return false;
        if (reopened > 0)
            emit problemsChanged();
        requeued += reopened;
    }
    if (!m_store->beginRebuild())
        return false;
    m_done = 0;
    m_total = 0;
    m_firstPage = true;
    if (requeued > 0) {
        emitCounts();
        pushNext();
    } else {
        pullNext();
    }
    return true;
}

void SyncEngine::onPulled(const ApiResult &result)
{
    if (!result.ok()) {
        if (result.error.httpStatus == 410 && !m_resetThisRun) {
            // The server's history no longer matches the cache (a restore, or what the user may
            // see changed): the feed is pulled again beside the cache, which stays in use until
            // the rebuild is complete, and what the user did offline is kept.
            m_resetThisRun = true;
            m_pushError.reset();
            const QString detail = result.error.object.value(QLatin1String("detail")).toString();
            if (!startRebuild(detail.isEmpty() ? result.error.detail : detail))
                failLocally(m_store->lastError());
            return;
        }
        m_pushError.reset();
        fail(result.error);
        return;
    }
    m_firstPage = false;
    const QJsonValue changes = result.body.value(QLatin1String("changes"));
    const QJsonValue cursor = result.body.value(QLatin1String("cursor"));
    const QJsonValue remaining = result.body.value(QLatin1String("remaining"));
    const bool more = result.body.value(QLatin1String("more")).toBool();
    // The cursor is the server's opaque token, sent back as it came: printable ASCII only, so it
    // survives the local store and the query string unchanged (a lone surrogate would not).
    const auto wellFormed = [](const QString &text) {
        return !text.isEmpty() && text.size() <= 256
            && std::all_of(text.cbegin(), text.cend(),
                [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    };
    if (!changes.isArray() || !cursor.isString() || !wellFormed(cursor.toString())) {
        ApiError error;
        error.kind = ApiError::Kind::Protocol;
        error.httpStatus = result.httpStatus;
        error.code = QStringLiteral("invalid_response");
        error.message = tr("The server sent changes this program cannot read.");
        m_pushError.reset();
        fail(error);
        return;
    }
    const QJsonArray list = changes.toArray();
    // `more` with an empty page would ask for the same page for ever.
    const bool last = !more || list.isEmpty();
    const bool rebuilding = m_store->isRebuilding();
    bool stored = false;
    if (!rebuilding)
        stored = m_store->applyPage(list, cursor.toString(), [&] { return overlayPending(list); });
    else if (!last)
        stored = m_store->applyRebuildPage(list, cursor.toString());
    else
        stored = m_store->finishRebuild(
            list, cursor.toString(), [&] { return overlayPending(list, true); });
    if (!stored) {
        // A page that does not apply is either unreadable (the server's fault, maybe passing) or
        // a local disk problem; nothing of it landed, so trying again later is safe.
        ApiError error;
        error.kind = ApiError::Kind::Protocol;
        error.code = QStringLiteral("invalid_response");
        error.message
            = tr("The changes from the server could not be stored: %1").arg(m_store->lastError());
        m_pushError.reset();
        fail(error);
        return;
    }
    m_done += int(list.size());
    // Only the first page carries the count; later ones leave the total as it was.
    if (remaining.isDouble())
        m_total = m_done + int(remaining.toDouble());
    m_total = std::max(m_total, m_done);
    emit progress(m_done, m_total);
    if (rebuilding) {
        // The old cache stayed as it was until now; the switch replaced it all at once.
        if (last)
            emit cacheReset();
    } else if (!list.isEmpty()) {
        QSet<QString> types;
        for (const QJsonValue &change : list)
            types.insert(change.toObject().value(QLatin1String("type")).toString());
        emit entitiesChanged(QStringList(types.cbegin(), types.cend()));
    }
    if (!last) {
        pullNext();
        return;
    }
    succeed();
}

bool SyncEngine::overlayPending(const QJsonArray &changes, bool all)
{
    // A write made while this sync was under way is still pending; the server's row that just
    // arrived does not have it yet. Laid over it again, the user keeps seeing their change.
    const QList<OutboxMutation> pending = m_store->pendingMutations();
    if (pending.isEmpty())
        return true;
    QSet<QString> touched;
    for (const QJsonValue &value : changes) {
        const QJsonObject change = value.toObject();
        touched.insert(change.value(QLatin1String("type")).toString() + QLatin1Char('\n')
            + change.value(QLatin1String("id")).toString());
    }
    for (const OutboxMutation &m : pending) {
        const MutationType kind = m_types.value(m.type);
        if (!kind.effect
            || (!all && !touched.contains(m.entityType + QLatin1Char('\n') + m.target)))
            continue;
        std::optional<CachedEntity> cached = m_store->entity(m.entityType, m.target);
        if (!cached) {
            // A row the server deleted stays deleted; one the user created offline (base version
            // 0) is not on the server yet, and stays shown after a rebuild.
            if (!all || m.baseVersion != 0 || kind.mustExist)
                continue;
            cached = CachedEntity { m.entityType, m.target, 0, {} };
        }
        cached->data = kind.effect(cached->data, m.payload);
        if (!m_store->putEntity(*cached))
            return false;
    }
    return true;
}

void SyncEngine::succeed()
{
    const QDateTime now = m_clock->nowUtc();
    m_store->setLastSyncAt(now);
    if (m_pushError) {
        // The pull went through: the cache is current, but what failed to go out is reported
        // (and retried as any failure).
        const ApiError error = *m_pushError;
        m_pushError.reset();
        emit lastSyncChanged(now);
        fail(error);
        return;
    }
    m_backoff.reset();
    m_message.clear();
    m_running = false;
    setState(State::Idle);
    emit lastSyncChanged(now);
    emit syncFinished(true, QString());
    finishRun();
}

void SyncEngine::fail(const ApiError &error)
{
    m_running = false;
    m_message = error.message;
    bool retry = false;
    int delay = 0;
    State state = State::Error;
    if (error.kind == ApiError::Kind::Network) {
        state = State::Offline;
        retry = true;
    } else if (error.kind == ApiError::Kind::Certificate) {
        // Retrying cannot help until the user decides about the certificate.
        m_paused = true;
    } else if (error.kind == ApiError::Kind::Protocol) {
        retry = true;
    } else if (error.httpStatus == 401) {
        m_paused = true;
        emit authenticationRequired(error.message);
    } else if (error.httpStatus >= 500 || error.httpStatus == 429 || error.httpStatus == 408
        || error.httpStatus == 410) {
        retry = true;
        delay = std::max(0, error.retryAfterSeconds()) * 1000;
    }
    // Other 4xx: the request itself is refused; the next periodic sync or syncNow() tries again.
    m_again = false;
    setState(state);
    emit syncFinished(false, m_message);
    if (retry && !m_stopped) {
        m_retryDelay = std::max(delay, m_backoff.next());
        m_retryTimer.start(m_retryDelay);
        emit retryScheduled(m_retryDelay);
    }
}

void SyncEngine::failLocally(const QString &message)
{
    m_running = false;
    m_again = false;
    m_message = tr("The local cache could not be updated: %1").arg(message);
    setState(State::Error);
    emit syncFinished(false, m_message);
}

void SyncEngine::finishRun()
{
    if (m_again) {
        m_again = false;
        QMetaObject::invokeMethod(this, &SyncEngine::requestSync, Qt::QueuedConnection);
    }
}

// --- Merging and refused chains (issue 13) ---

namespace {

// The entity types a refused mutation and the ones held by it change.
QStringList chainTypes(const LocalStore &store, const QString &causeId)
{
    QList<OutboxMutation> chain = store.heldBy(causeId);
    if (const std::optional<OutboxMutation> cause = store.mutation(causeId))
        chain.prepend(*cause);
    QStringList types;
    for (const OutboxMutation &m : std::as_const(chain)) {
        if (!types.contains(m.entityType))
            types.append(m.entityType);
    }
    return types;
}

} // namespace

void SyncEngine::installMutationRules()
{
    LocalStore::MutationRules rules;
    rules.dependsOn = [this](const OutboxMutation &m) {
        const Dependencies of = m_dependencies.value(m.type);
        return of ? of(m) : QStringList();
    };
    rules.replay = [this](const OutboxMutation &m,
                       const std::optional<QJsonObject> &data) -> std::optional<QJsonObject> {
        const MutationType kind = m_types.value(m.type);
        if (!kind.effect || (!data && kind.mustExist))
            return data;
        return kind.effect(data.value_or(QJsonObject()), m.payload);
    };
    m_store->setMutationRules(std::move(rules));
    // A refusal undoes local effects inside the store: the views hear of it with the problems.
    connect(this, &SyncEngine::problemsChanged, this, [this] {
        const QStringList types = m_store->takeRecomputedTypes();
        if (!types.isEmpty())
            emit entitiesChanged(types);
    });
}

void SyncEngine::registerMutationMerge(const QString &type, LocalStore::Merge merge)
{
    m_merges.insert(type, std::move(merge));
}

void SyncEngine::registerMutationDependencies(const QString &type, Dependencies dependencies)
{
    m_dependencies.insert(type, std::move(dependencies));
}

QList<OutboxMutation> SyncEngine::heldBy(const QString &causeId) const
{
    return m_store->heldBy(causeId);
}

QStringList SyncEngine::retryChain(const QString &causeId)
{
    const QStringList types = chainTypes(*m_store, causeId);
    const QStringList ids = m_store->retryChain(causeId);
    if (ids.isEmpty()) {
        m_message = m_store->lastError();
        return {};
    }
    emitCounts();
    emit problemsChanged();
    emit entitiesChanged(types);
    if (m_started)
        m_soonTimer.start();
    return ids;
}

bool SyncEngine::discardChain(const QString &causeId)
{
    const QStringList types = chainTypes(*m_store, causeId);
    if (!m_store->discardChain(causeId)) {
        m_message = m_store->lastError();
        return false;
    }
    emitCounts();
    emit problemsChanged();
    emit entitiesChanged(types);
    return true;
}

} // namespace xueshi
