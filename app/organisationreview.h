#pragma once

#include "localstore.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace xueshi {

// One organisation (employer or institution) as the administrator reviews it (R1): the cached
// `organisation` entity of the administrator's feed, with what this computer still has to send.
struct ReviewedOrganisation
{
    enum class State { Pending, Approved, Rejected };

    QString id; // the organisation's user id
    QString kind; // "employer" or "institution"
    QString username;
    QString name;
    QString creditCode;
    QString regionCode;
    QString regionName;
    QString contactPerson;
    QString phone;
    QString email;
    State state = State::Pending;
    QString rejectionReason;
    QDateTime registeredAt; // UTC
    qint64 version = 0; // the cached version: what a decision is made against
    bool waiting = false; // a decision is in the outbox, not sent yet
    QString problem; // a decision the server refused or that conflicted, for people

    // The feed's entity. A conflict stores the server's current row in the account's shape (as
    // GET /me returns it); both are read.
    static ReviewedOrganisation fromEntity(const CachedEntity &entity);
    // Whether `text` (trimmed, case-insensitive) is part of the name, credit code, username,
    // region or contact person; an empty text matches.
    bool matches(const QString &text) const;
};

// The review vocabularies in the UI language.
class OrganisationText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::OrganisationText)

public:
    static QString state(ReviewedOrganisation::State state); // 待审核 / 已通过 / 未通过
    static QString kind(const QString &kind); // 法人单位 / 培训机构
    // The state code used by filters: "pending", "approved", "rejected".
    static QString stateCode(ReviewedOrganisation::State state);
    // An outbox mutation of the review, for people ("Approve an organisation").
    static QString mutationName(const QString &type);
};

// The reason an administrator gives for rejecting an organisation: 1 to 200 characters after
// trimming (the server's limit, OrganisationService::MaxReasonLength).
constexpr int MaxRejectionReasonLength = 200;
// Why the reason cannot be sent, or an empty string.
QString rejectionReasonProblem(const QString &reason);

// The organisation.approve / organisation.reject mutations (docs/sync.md) with their local
// effects, so a decision shows at once, offline. Calling it again is harmless.
void registerOrganisationMutations(SyncEngine *engine);

// One field of an organisation that differs between what the administrator saw when deciding
// and what the server has now (a conflict).
struct OrganisationChange
{
    QString field; // "name", "creditCode", ..., "state"
    QString label; // for people
    QString seen;
    QString now;
};
// What a conflicting decision met: the fields that changed since the administrator saw the
// organisation (its state included: another administrator decided first). Empty for other
// mutations, or when the store no longer knows what was seen.
QList<OrganisationChange> organisationConflictChanges(
    const OutboxMutation &mutation, const LocalStore *store);
// Whether the conflict met another administrator's decision: retrying it would meet the same
// conflict again, so the decision can only be dropped.
bool organisationDecidedElsewhere(const OutboxMutation &mutation);
// The same as one or two sentences for the sync problems page.
QString organisationConflictText(const OutboxMutation &mutation, const LocalStore *store);

// The administrator's review of organisations, offline first: the organisations cached on this
// computer, and the decisions queued in the sync engine's outbox against the version the
// administrator saw (the server answers a conflict when the organisation changed meanwhile or
// another administrator decided first; it appears in 同步问题).
class OrganisationReview final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrganisationReview)

public:
    explicit OrganisationReview(QObject *parent = nullptr);

    // The engine and store of the logged-in administrator (null: nothing to review).
    void setEngine(SyncEngine *engine, const LocalStore *store);
    SyncEngine *engine() const { return m_engine; }

    // The cached organisations, those awaiting approval first, then by registration, newest
    // first.
    QList<ReviewedOrganisation> organisations() const;
    std::optional<ReviewedOrganisation> organisation(const QString &id) const;

    // Queues organisation.approve for each of these organisations still awaiting approval;
    // returns how many were queued (lastError() says why one was not).
    int approve(const QStringList &ids);
    // Queues organisation.reject with the reason; false (lastError()) when the reason is not
    // acceptable or the organisation is no longer awaiting approval.
    bool reject(const QString &id, const QString &reason);
    QString lastError() const { return m_error; }

signals:
    // The cached organisations or the decisions waiting to be sent changed.
    void changed();

private:
    QPointer<SyncEngine> m_engine;
    const LocalStore *m_store = nullptr;
    QString m_error;
};

} // namespace xueshi
