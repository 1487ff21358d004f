#pragma once

#include "apiclient.h"
#include "backoff.h"
#include "localstore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace xueshi {

class Clock;

// Keeps the LocalStore in step with the server (docs/sync.md): pushes the outbox in order, then
// pulls the change feed page by page, each page landing with its cursor in one transaction. It
// syncs at start(), on syncNow(), periodically and when the network comes back; never runs two
// syncs at once; retries network errors and 5xx with exponential backoff and jitter; and sets a
// rejected or conflicting mutation aside (problems()) without holding up the others, until the
// user retries, edits or discards it. Everything is asynchronous: the UI only listens to signals.
//
// Offline writes go through queueMutation() (or a typed helper such as queueProfileUpdate()):
// the local effect on the cached entity and the outbox row are written in one transaction, and
// the effect stays shown until the server has the change (it is laid over pulled rows again).
// The SQLite work runs on the caller's thread in short transactions (a page of 500 changes takes
// a few milliseconds), between which the event loop runs.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    enum class State {
        Idle, // the last sync succeeded (or none ran yet)
        Syncing,
        Offline, // the server could not be reached; a retry is scheduled
        Error, // the last sync failed for another reason (see lastMessage())
    };
    Q_ENUM(State)

    // How a mutation type changes its cached entity locally: the entity's data after the change.
    using LocalEffect
        = std::function<QJsonObject(const QJsonObject &data, const QJsonObject &payload)>;

    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxBatch = 100;
    // A batch's JSON (compact) stays under this; a single larger mutation goes alone.
    static constexpr int MaxBatchBytes = 256 * 1024;
    static constexpr int DefaultPeriodMs = 5 * 60 * 1000;

    // `api`, `store` and `clock` must outlive the engine; a null clock is the system clock. The
    // store must be open.
    SyncEngine(
        ApiClient *api, LocalStore *store, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~SyncEngine() override;

    // The logged-in user's id: the target of profile.update.
    void setUserId(const QString &userId) { m_userId = userId; }
    QString userId() const { return m_userId; }

    // Whether a pending mutation may be sent now. A mutation the gate holds stays in the outbox
    // and, to keep the outbox's order, so does everything queued after it, until a later sync
    // finds the gate open (e.g. a declaration.submit waits for its attachments' uploads).
    using PushGate = std::function<bool(const OutboxMutation &mutation)>;
    void setPushGate(PushGate gate) { m_pushGate = std::move(gate); }

    // Settings (tests make everything small and fast).
    void setPageSize(int changes); // 1..1000
    void setBatchSize(int mutations); // 1..100
    void setPeriodicInterval(int milliseconds); // 0: no periodic sync
    void setBackoff(int initialMs, int maxMs, Backoff::Random random = {});
    // Whether to follow QNetworkInformation (default true); tests turn it off and call
    // setNetworkReachable() themselves.
    void setWatchNetwork(bool watch) { m_watchNetwork = watch; }

    // Syncs now, then periodically, on network return and shortly after each offline write.
    void start();
    // No more automatic syncs (a running one finishes).
    void stop();
    bool isStarted() const { return m_started; }
    // A sync as soon as possible (after the running one, if any). Also lifts the pause after an
    // untrusted certificate or an expired session: the user has acted.
    void syncNow();
    // The network came back (true) or went away (false).
    void setNetworkReachable(bool reachable);

    State state() const { return m_state; }
    bool isSyncing() const { return m_running; }
    QString lastMessage() const { return m_message; }
    QDateTime lastSync() const;
    int pendingCount() const;
    QList<OutboxMutation> problems() const;
    // The delay of the scheduled retry (ms), or -1 when none is scheduled.
    int retryDelay() const { return m_retryTimer.isActive() ? m_retryDelay : -1; }

    // Declares a mutation type: the cached entity type it changes and how (for its local effect
    // now and when the user edits it). "profile.update" is declared by the engine.
    // `mustExist`: the entity must be cached already (an update, not a creation); queueing it
    // before the first sync brought the entity is refused.
    void registerMutationType(
        const QString &type, const QString &entityType, LocalEffect effect, bool mustExist = false);
    // Declares that the server applies this (declared) type whatever version of the entity it
    // was made against (lesson.study adds study time up): several of one entity then go in one
    // batch, in order. Other types are checked against their base version, which for a later one
    // of the same entity is only known once the earlier one is applied: they go one per batch.
    void setVersionFree(const QString &type, bool versionFree = true);
    // Queues a mutation of a declared type against the cached entity's version and applies its
    // local effect, in one transaction. Returns the mutation's id, or empty (see lastMessage()).
    QString queueMutation(const QString &type, const QString &target, const QJsonObject &payload);
    struct MutationRequest
    {
        QString type;
        QString target;
        QJsonObject payload;
    };
    // Several mutations the user made as one action (confirming 500 declarations at once): queued
    // in one transaction, all or none, with one entitiesChanged() and one count update instead of
    // one per item, so views refresh once. Returns the ids in order, or an empty list (see
    // lastMessage()).
    QStringList queueMutations(const QList<MutationRequest> &requests);
    // profile.update of the user's own profile: learners `mobile`, `email`; organisations
    // `contactPerson`, `phone`, `email`.
    QString queueProfileUpdate(const QJsonObject &payload);

    // The "同步问题" panel: back to pending (a conflict is rebased on the server's version: the
    // user's change wins), a new payload against the cached version, or dropped. Retried and
    // edited mutations get a new id (returned; empty on failure).
    QString retryMutation(const QString &id);
    QString editMutation(const QString &id, const QJsonObject &payload);
    bool discardMutation(const QString &id);

    // --- Merging and refused chains (issue 13) ---

    // How a new mutation of `type` folds into the still unsent one of the same type and entity
    // waiting last in the outbox (LocalStore::Merge); lesson.study adds up contiguous study.
    void registerMutationMerge(const QString &type, LocalStore::Merge merge);
    // The entity keys (LocalStore::entityKey) besides its own entity a mutation of `type` builds
    // on: when one of them is refused, this mutation is held with it (a lesson.study builds on
    // its course's selection). Every mutation builds on the earlier ones of its own entity.
    using Dependencies = std::function<QStringList(const OutboxMutation &mutation)>;
    void registerMutationDependencies(const QString &type, Dependencies dependencies);
    // The mutations held because of a refused one, in order.
    QList<OutboxMutation> heldBy(const QString &causeId) const;
    // The refused mutation and everything held by it: back to pending, or dropped, in one step.
    QStringList retryChain(const QString &causeId);
    bool discardChain(const QString &causeId);

signals:
    void stateChanged(xueshi::SyncEngine::State state);
    // Changes applied so far in this sync and the total known so far (for a progress bar).
    void progress(int done, int total);
    void pendingCountChanged(int count);
    void lastSyncChanged(const QDateTime &when);
    void problemsChanged();
    // Cached entities of these types changed (a pulled page, a local effect, a conflict).
    void entitiesChanged(const QStringList &types);
    // The server invalidated the cursor and the cache was rebuilt beside the old one: the new
    // rows (with the pending mutations' effects over them) just replaced it all.
    void cacheReset();
    void syncFinished(bool ok, const QString &message);
    // The server applied a mutation; `result` is its whole answer, which for a batch such as
    // class.confirmHours holds the outcome of each item (the outbox row is gone by now).
    void mutationApplied(const xueshi::OutboxMutation &mutation, const QJsonObject &result);
    // The server refused the session token: log in again, then syncNow().
    void authenticationRequired(const QString &message);
    // A retry after a failure is scheduled in `milliseconds`.
    void retryScheduled(int milliseconds);

private:
    void requestSync();
    void run();
    void pushNext();
    void onPushed(const QStringList &ids, const ApiResult &result);
    void pushFailed(const ApiError &error);
    void pullNext();
    void onPulled(const ApiResult &result);
    bool startRebuild(const QString &detail);
    // Lays the pending mutations' local effects over the rows of `changes`, or over everything
    // (`all`, after a rebuild's switch, recreating what the user created offline).
    bool overlayPending(const QJsonArray &changes, bool all = false);
    void succeed();
    void fail(const ApiError &error);
    void failLocally(const QString &message);
    void finishRun();
    void setState(State state);
    void emitCounts();
    void scheduleSoon();
    QString enqueueOne(const QString &type, const QString &target, const QJsonObject &payload,
        QString *entityType);
    void installMutationRules();

    struct MutationType
    {
        QString entityType;
        LocalEffect effect;
        bool mustExist = false;
    };

    ApiClient *m_api;
    LocalStore *m_store;
    const Clock *m_clock;
    QString m_userId;
    QHash<QString, MutationType> m_types;
    QSet<QString> m_versionFree;
    QHash<QString, LocalStore::Merge> m_merges;
    QHash<QString, Dependencies> m_dependencies;
    PushGate m_pushGate;

    int m_pageSize = DefaultPageSize;
    int m_batchSize = MaxBatch;
    bool m_watchNetwork = true;
    bool m_started = false;
    bool m_stopped = false; // stop() was called: no retries either
    // After an untrusted certificate or a refused token: no automatic syncs until syncNow().
    bool m_paused = false;
    bool m_running = false;
    bool m_again = false;
    bool m_resetThisRun = false;
    // Conflicts met by this run's pushes: a restore found later in the run makes them pending
    // again (they met rows the restore took back).
    QStringList m_conflictsThisRun;
    bool m_firstPage = true; // asks for the count of what remains
    int m_batchLimit = MaxBatch; // lowered by a 413 for the rest of the run
    std::optional<ApiError> m_pushError; // reported after the pull
    int m_done = 0;
    int m_total = 0;
    int m_lastPending = -1;
    State m_state = State::Idle;
    QString m_message;
    Backoff m_backoff;
    int m_retryDelay = -1;
    QTimer m_retryTimer;
    QTimer m_periodicTimer;
    QTimer m_soonTimer;
};

} // namespace xueshi
