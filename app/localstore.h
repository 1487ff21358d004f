#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace xueshi {

// One row the server let this user see (docs/sync.md "Entities"), as cached locally.
struct CachedEntity
{
    QString type;
    QString id;
    qint64 version = 0;
    QJsonObject data;
};

// Something the user did offline, waiting in the outbox to be sent (docs/sync.md "Push").
struct OutboxMutation
{
    enum class State {
        Pending, // waiting to be sent
        Rejected, // the server refused it: `lastError` says why
        Conflict, // the entity changed on the server first: `result` holds the current row
        // The server applied it; kept (outside the outbox) for LocalStore::AcknowledgedDays with
        // its id and payload, to be sent again after the server was restored from a backup.
        Acknowledged,
    };

    qint64 seq = 0; // local order
    QString id; // UUID, made by the client; the server applies each id once
    QString type; // "profile.update"
    QString entityType; // the cached entity it changes: "profile"
    QString target; // the entity's id
    qint64 baseVersion = 0; // the entity's version the change was made against
    QJsonObject payload;
    QDateTime createdAt;
    State state = State::Pending;
    int attempts = 0; // how many times it was sent
    QJsonObject lastError; // rejected: {"code","message","field"}
    QJsonObject result; // conflict: the server's current row {"type","id","version","data"}
    // Set aside because the mutation of this id, which it builds on, was refused: held with it
    // (state Rejected, no error of its own) until the user retries or discards the chain.
    QString heldBy;

    // The wire form for POST /sync/mutations.
    QJsonObject toJson() const;
    static QString stateName(State state);
};

// The one owner of the client's SQLite cache file (one file per server and user): the entities
// pulled from the change feed with the feed's cursor, and the outbox of what the user did offline.
// Every change runs in an explicit transaction, so a crash (or SIGKILL) leaves either all of it or
// none: a page of changes lands together with its cursor, and an outbox row together with its
// local effect. The file is checked at open; a corrupt one is moved aside and rebuilt, with the
// outbox rescued first: unsent work is never dropped. Not thread-safe: use it from one thread.
class LocalStore final
{
public:
    static constexpr int SchemaVersion = 3;
    // How long a mutation the server applied is kept to be sent again after a restore.
    static constexpr int AcknowledgedDays = 30;

    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // <AppDataLocation>/cache/<sha1 of serverKey>/<userId>.sqlite
    static QString defaultPath(const QString &serverKey, const QString &userId);

    // Opens (creating, migrating, checking and if need be rebuilding) the file. False with the
    // reason in lastError() when it cannot be used at all.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString lastError() const { return m_error; }
    // Where the last open() moved a corrupt file, or empty when it was fine.
    QString movedAsideTo() const { return m_movedAside; }
    // How many outbox rows the last rebuild saved from the corrupt file.
    int rescuedMutations() const { return m_rescued; }
    int schemaVersion() const;
    // The connection, for read queries of later features (json_extract on entities.data). Write
    // through this class only.
    QSqlDatabase database() const;

    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);
    // The change feed's cursor after the last applied page; empty: pull from the start.
    QString cursor() const { return meta(QStringLiteral("cursor")); }
    QDateTime lastSyncAt() const;
    bool setLastSyncAt(const QDateTime &when);

    // A write to the cache made in the caller's transaction (through putEntity/removeEntity);
    // false gives the whole transaction up.
    using LocalEffect = std::function<bool()>;

    // Applies one page of the change feed and stores its cursor, in one transaction. The server
    // is the authority: its rows replace the cached ones, except that a change older than the
    // cached row is skipped (after a conflict stored the server's current row, the feed may
    // still bring the older changes before it). `afterChanges` runs in the same transaction,
    // after the rows (to lay the local effects of mutations still pending over them).
    bool applyPage(
        const QJsonArray &changes, const QString &cursor, const LocalEffect &afterChanges = {});

    // A rebuild after the server invalidated the cursor (docs/sync.md "Rebuild"): the feed is
    // pulled from the start into a shadow table beside the cache, with its own cursor, while the
    // cache stays as it was (shown and written to); the last page switches the shadow in. Its
    // state is in the file, so a cut or a restart resumes it where it stopped.
    bool isRebuilding() const { return meta(QStringLiteral("rebuilding")) == QLatin1String("1"); }
    // The rebuild's cursor after its last applied page; empty: from the start.
    QString rebuildCursor() const { return meta(QStringLiteral("rebuildCursor")); }
    // Starts (or starts over) a rebuild: the shadow is emptied; the cache is left alone.
    bool beginRebuild();
    // One page of the rebuild into the shadow, with the rebuild's cursor, in one transaction.
    bool applyRebuildPage(const QJsonArray &changes, const QString &cursor);
    // The rebuild's last page, then, in the same transaction, the shadow replaces the cache, the
    // rebuild's cursor becomes the cursor, and `afterSwitch` runs (to lay the local effects of
    // the pending mutations over the new rows).
    bool finishRebuild(
        const QJsonArray &changes, const QString &cursor, const LocalEffect &afterSwitch = {});
    qint64 rebuildEntityCount() const;

    // The mutations the server applied in the last AcknowledgedDays days (state Acknowledged),
    // in their original order.
    QList<OutboxMutation> acknowledgedMutations() const;
    // Forgets the ones acknowledged before `before`.
    bool pruneAcknowledged(const QDateTime &before);
    // After the server was restored from a backup: the acknowledged mutations go back to the
    // outbox as pending, with their original ids and order (before the ones queued after them).
    // Returns how many, or -1 on failure.
    int requeueAcknowledged();

    std::optional<CachedEntity> entity(const QString &type, const QString &id) const;
    QList<CachedEntity> entities(const QString &type) const;
    // The id and version of every cached entity of a type, without their data: what a view
    // compares with the rows it shows to reload only those that changed.
    QHash<QString, qint64> entityVersions(const QString &type) const;
    qint64 entityCount(const QString &type = {}) const;
    // Writes one entity (a local effect, or the server's current row). Joins the caller's
    // transaction when there is one.
    bool putEntity(const CachedEntity &entity);
    bool removeEntity(const QString &type, const QString &id);

    // Runs `localEffect` (which writes through putEntity/removeEntity and returns false to give
    // up) and adds `mutation` to the outbox, in one transaction. `mutation.id` is made when empty.
    // Returns the mutation's id, or an empty string.
    // `merge` (see Merge) may fold the mutation into the last outbox row of its entity instead;
    // the id returned is then that row's.
    QString enqueue(OutboxMutation mutation, const LocalEffect &localEffect = {},
        const std::function<std::optional<QJsonObject>(
            const OutboxMutation &waiting, const OutboxMutation &incoming)> &merge
        = {});
    // Runs `work` in one transaction: the enqueue()s and writes it makes join it, so a batch of
    // mutations the user made as one action lands (or fails) together and costs one commit.
    // `work` returning false gives everything up.
    bool inTransaction(const std::function<bool()> &work);
    // Pending mutations in order; `limit` < 0: all.
    QList<OutboxMutation> pendingMutations(int limit = -1) const;
    // Rejected and conflicting mutations, in order.
    QList<OutboxMutation> problems() const;
    QList<OutboxMutation> allMutations() const;
    std::optional<OutboxMutation> mutation(const QString &id) const;
    // The cached entity as it was when the mutation was queued (what the user saw), or nullopt
    // when it did not exist then.
    std::optional<CachedEntity> entityBefore(const QString &mutationId) const;
    int pendingCount() const;
    int problemCount() const;

    // Counts one more attempt to send these mutations.
    bool noteAttempt(const QStringList &ids);
    // The server applied it: the row goes (kept as acknowledged, at `acknowledgedAt`, default
    // now), the cached entity takes the new version, and pending mutations made after it on the
    // same entity against the same version move to the new one (they were made on top of this
    // one's local effect).
    bool markApplied(const QString &id, qint64 newVersion, const QDateTime &acknowledgedAt = {});
    bool markRejected(const QString &id, const QJsonObject &error);
    // Sets it aside with the server's current row, which also replaces the cached entity.
    bool markConflict(const QString &id, const QJsonObject &current);
    // Back to pending. A conflict is rebased on the server's current version: retrying it means
    // "apply my change over theirs". A set-aside mutation gets a new id (the server answers an
    // id it has seen with its recorded outcome for ever); returns it, or empty on failure.
    QString retry(const QString &id);
    // After a restore: the given conflicts (met in the same run, against rows the restore took
    // back) go back to pending with a new id and their own base version, behind the acknowledged
    // mutations sent again (their seqs are earlier). Returns how many, or -1.
    int reopenConflicts(const QStringList &ids);
    // Drops it; when it was the only outbox row for its entity and the cached entity is still at
    // its base version, the entity is restored to how it was before the local effect.
    bool discard(const QString &id);
    // "Edit": a new payload and base version, back to pending, with the edit's local effect in
    // the same transaction. Returns the (new, as for retry) id, or empty on failure.
    QString replacePayload(const QString &id, const QJsonObject &payload, qint64 baseVersion,
        const LocalEffect &localEffect = {});

    // Forgets every cached entity, the cursor and any rebuild under way; the outbox stays.
    bool resetCache();

    // Tests: called at named points inside transactions ("applyPage:mid", "applyPage:beforeCommit",
    // "enqueue:afterEffect", "enqueue:beforeCommit"); a hook that throws or kills the process
    // simulates a crash there.
    using CrashPoint = std::function<void(const char *where)>;
    void setCrashPoint(CrashPoint hook) { m_crashPoint = std::move(hook); }

    // --- Merging, held chains and the server's rows (issue 13) ---

    // How a new mutation folds into one still waiting: the merged payload, or nullopt to queue it
    // on its own. Offered only the entity's last outbox row, of the same type, pending and never
    // sent (no attempt: a row sent once may have been applied and keeps what it said).
    using Merge = std::function<std::optional<QJsonObject>(
        const OutboxMutation &waiting, const OutboxMutation &incoming)>;

    // What the store must know of the app's mutation types to hold a refused mutation's
    // dependants and to undo local effects (SyncEngine provides them).
    struct MutationRules
    {
        // Entity keys (entityKey()) besides its own entity that a mutation builds on: a
        // lesson.study builds on its course's selection.
        std::function<QStringList(const OutboxMutation &)> dependsOn;
        // The entity's data after the mutation's local effect; `data` is nullopt when the entity
        // does not exist. Returns nullopt for "the entity does not exist".
        std::function<std::optional<QJsonObject>(
            const OutboxMutation &, const std::optional<QJsonObject> &data)>
            replay;
    };
    void setMutationRules(MutationRules rules) { m_rules = std::move(rules); }
    static QString entityKey(const QString &type, const QString &id);

    // The server's own version of an entity with local effects, as last seen from the server
    // (pulled, or cached before the first local effect); nullopt when not known. A CachedEntity
    // with an empty `type`: the server has no such row.
    std::optional<CachedEntity> serverRow(const QString &type, const QString &id) const;
    // The cached entity again from the server's row with the effects of the mutations still
    // pending laid over it in order (after a refusal, a discard or a retry). False on a write
    // failure; true and nothing done when the server's row is not known.
    bool recompute(const QString &type, const QString &id);
    // The mutations held because of `causeId`, in order.
    QList<OutboxMutation> heldBy(const QString &causeId) const;
    // A refused (or conflicting) mutation and the ones held by it, back to pending in one
    // transaction, effects shown again. A held one keeps its id (the server never answered it); a
    // refused one gets a new id. Returns the new ids in order, or an empty list on failure.
    QStringList retryChain(const QString &causeId);
    // Drops a set-aside mutation and the ones held by it, in one transaction; the cached entities
    // go back to the server's rows with the remaining pending effects.
    bool discardChain(const QString &causeId);
    // What "forget this computer" would lose: rows not yet accepted by the server (pending and
    // set aside).
    int unsentCount() const;
    // The entity types a refusal recomputed since the last call (for entitiesChanged()).
    QStringList takeRecomputedTypes();

private:
    friend class StoreTransaction;
    class RelaxedDurability;

    bool openFile(const QString &path, bool *corrupt);
    bool prepareFile();
    bool migrate();
    bool check();
    void closeConnection();
    bool rebuild();
    QList<OutboxMutation> rescueOutbox(const QString &path) const;
    bool insertOutboxRow(const OutboxMutation &m, const QJsonValue &before);
    bool writeEntity(const CachedEntity &entity, bool onlyIfNotOlder);
    bool deleteEntity(const QString &type, const QString &id, qint64 version);
    bool writeChanges(const QString &table, const QJsonArray &changes);
    QList<OutboxMutation> selectMutations(const QString &where, const QVariantList &binds) const;
    void crashPoint(const char *where) const;
    bool fail(const QString &message) const;

    bool begin();
    bool commit();
    void rollback();

    QString m_connection;
    QString m_path;
    bool m_open = false;
    int m_depth = 0; // nested StoreTransactions join the outermost
    bool m_failed = false; // an inner one failed: the outermost rolls back
    mutable QString m_error;
    QString m_movedAside;
    int m_rescued = 0;
    CrashPoint m_crashPoint;

    // Issue 13: see the public part above.
    bool rememberServerRowBeforeEffect(const OutboxMutation &m);
    bool recordServerRows(const QJsonArray &changes);
    bool settleRejection(const QString &id);
    // The file's directory 0700, the file (created empty when missing) and its -wal, -shm and
    // -journal 0600.
    static bool makePrivate(const QString &path);
    // The mutations held by `causeId` back to pending (the cause was retried or edited alone).
    bool releaseHeld(const QString &causeId);
    MutationRules m_rules;
    QStringList m_recomputedTypes;
};

} // namespace xueshi
