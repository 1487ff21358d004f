#include "organisationreview.h"

#include "syncengine.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace xueshi {

namespace {

const QString Organisation = QStringLiteral("organisation");
const QString Approve = QStringLiteral("organisation.approve");
const QString Reject = QStringLiteral("organisation.reject");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// The review's shape of an organisation: the feed's row as it is, or the account (as GET /me
// returns it, which a conflict stores) flattened to it.
QJsonObject reviewData(const QString &id, const QJsonObject &data)
{
    const QJsonValue organisation = data.value(QLatin1String("organisation"));
    if (!organisation.isObject())
        return data;
    QJsonObject review = organisation.toObject();
    review.insert(QStringLiteral("id"), id);
    review.insert(QStringLiteral("kind"), data.value(QLatin1String("role")));
    review.insert(QStringLiteral("username"), data.value(QLatin1String("username")));
    review.insert(QStringLiteral("status"), data.value(QLatin1String("status")));
    review.insert(QStringLiteral("registeredAt"), data.value(QLatin1String("createdAt")));
    return review;
}

} // namespace

ReviewedOrganisation ReviewedOrganisation::fromEntity(const CachedEntity &entity)
{
    const QJsonObject data = reviewData(entity.id, entity.data);
    ReviewedOrganisation o;
    o.id = entity.id;
    o.kind = text(data, "kind");
    o.username = text(data, "username");
    o.name = text(data, "name");
    o.creditCode = text(data, "creditCode");
    o.regionCode = text(data, "regionCode");
    o.regionName = text(data, "regionName");
    o.contactPerson = text(data, "contactPerson");
    o.phone = text(data, "phone");
    o.email = text(data, "email");
    if (data.value(QLatin1String("approved")).toBool())
        o.state = State::Approved;
    else if (data.value(QLatin1String("rejected")).toBool())
        o.state = State::Rejected;
    o.rejectionReason = text(data, "rejectionReason");
    o.registeredAt = QDateTime::fromString(text(data, "registeredAt"), Qt::ISODate);
    o.version = entity.version;
    return o;
}

bool ReviewedOrganisation::matches(const QString &search) const
{
    const QString needle = search.trimmed();
    if (needle.isEmpty())
        return true;
    for (const QString *field :
        { &name, &creditCode, &username, &regionName, &regionCode, &contactPerson }) {
        if (field->contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString OrganisationText::state(ReviewedOrganisation::State state)
{
    switch (state) {
    case ReviewedOrganisation::State::Pending:
        return tr("Awaiting approval");
    case ReviewedOrganisation::State::Approved:
        return tr("Approved");
    case ReviewedOrganisation::State::Rejected:
        return tr("Rejected");
    }
    return {};
}

QString OrganisationText::stateCode(ReviewedOrganisation::State state)
{
    switch (state) {
    case ReviewedOrganisation::State::Pending:
        return QStringLiteral("pending");
    case ReviewedOrganisation::State::Approved:
        return QStringLiteral("approved");
    case ReviewedOrganisation::State::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

QString OrganisationText::kind(const QString &kind)
{
    if (kind == QLatin1String("employer"))
        return tr("Employer");
    if (kind == QLatin1String("institution"))
        return tr("Training institution");
    return kind;
}

QString OrganisationText::mutationName(const QString &type)
{
    if (type == Approve)
        return tr("Approve an organisation");
    if (type == Reject)
        return tr("Reject an organisation");
    return {};
}

QString rejectionReasonProblem(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return OrganisationText::tr("Give the reason: the organisation sees it.");
    if (trimmed.size() > MaxRejectionReasonLength)
        return OrganisationText::tr("The reason may have at most %1 characters (now %2).")
            .arg(MaxRejectionReasonLength)
            .arg(trimmed.size());
    return {};
}

void registerOrganisationMutations(SyncEngine *engine)
{
    const auto decide = [](bool approve) {
        return [approve](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            // A decision met on the account's shape (after a conflict) is laid over the review's.
            if (data.value(QLatin1String("organisation")).isObject())
                changed = reviewData(text(data, "id"), data);
            changed.insert(QStringLiteral("approved"), approve);
            changed.insert(QStringLiteral("rejected"), !approve);
            changed.insert(QStringLiteral("status"),
                approve ? QStringLiteral("active") : QStringLiteral("rejected"));
            changed.insert(QStringLiteral("rejectionReason"),
                approve ? QJsonValue() : QJsonValue(text(payload, "reason")));
            return changed;
        };
    };
    engine->registerMutationType(Approve, Organisation, decide(true), true);
    engine->registerMutationType(Reject, Organisation, decide(false), true);
}

QList<OrganisationChange> organisationConflictChanges(
    const OutboxMutation &mutation, const LocalStore *store)
{
    QList<OrganisationChange> changes;
    if (!store || mutation.state != OutboxMutation::State::Conflict
        || mutation.entityType != Organisation)
        return changes;
    const std::optional<CachedEntity> before = store->entityBefore(mutation.id);
    const QJsonObject current = mutation.result.value(QLatin1String("data")).toObject();
    if (!before || current.isEmpty())
        return changes;
    const ReviewedOrganisation seen = ReviewedOrganisation::fromEntity(*before);
    const ReviewedOrganisation now
        = ReviewedOrganisation::fromEntity({ Organisation, mutation.target, 0, current });
    const auto add
        = [&changes](const char *field, const QString &label, const QString &a, const QString &b) {
              if (a != b)
                  changes.append({ QLatin1String(field), label, a, b });
          };
    add("state", OrganisationText::tr("State"), OrganisationText::state(seen.state),
        OrganisationText::state(now.state));
    add("rejectionReason", OrganisationText::tr("Reason for rejecting"), seen.rejectionReason,
        now.rejectionReason);
    add("name", OrganisationText::tr("Name"), seen.name, now.name);
    add("creditCode", OrganisationText::tr("Unified social credit code"), seen.creditCode,
        now.creditCode);
    add("region", OrganisationText::tr("Region"), seen.regionName, now.regionName);
    add("contactPerson", OrganisationText::tr("Contact person"), seen.contactPerson,
        now.contactPerson);
    add("phone", OrganisationText::tr("Phone"), seen.phone, now.phone);
    add("email", OrganisationText::tr("E-mail"), seen.email, now.email);
    return changes;
}

bool organisationDecidedElsewhere(const OutboxMutation &mutation)
{
    if (mutation.entityType != Organisation || mutation.state != OutboxMutation::State::Conflict)
        return false;
    const QJsonObject current = mutation.result.value(QLatin1String("data")).toObject();
    return ReviewedOrganisation::fromEntity({ Organisation, mutation.target, 0, current }).state
        != ReviewedOrganisation::State::Pending;
}

QString organisationConflictText(const OutboxMutation &mutation, const LocalStore *store)
{
    if (mutation.entityType != Organisation)
        return {};
    const QJsonObject current = mutation.result.value(QLatin1String("data")).toObject();
    const ReviewedOrganisation now
        = ReviewedOrganisation::fromEntity({ Organisation, mutation.target, 0, current });
    const QString name = now.name.isEmpty() ? mutation.target : now.name;
    switch (now.state) {
    case ReviewedOrganisation::State::Approved:
        return OrganisationText::tr(
            "Another administrator approved %1 first, so your decision was not "
            "applied.")
            .arg(name);
    case ReviewedOrganisation::State::Rejected:
        return OrganisationText::tr(
            "Another administrator rejected %1 first (reason: %2), so your decision "
            "was not applied.")
            .arg(name, now.rejectionReason);
    case ReviewedOrganisation::State::Pending:
        break;
    }
    const QList<OrganisationChange> changes = organisationConflictChanges(mutation, store);
    QStringList labels;
    for (const OrganisationChange &change : changes)
        labels << change.label;
    if (labels.isEmpty()) {
        return OrganisationText::tr(
            "%1 changed on the server after you saw it, so your decision was not "
            "applied. Check its details again before you decide.")
            .arg(name);
    }
    return OrganisationText::tr(
        "%1 changed its details after you saw them (%2), so your decision was not "
        "applied. Compare the values below: \"Retry\" decides on the details as they "
        "are now.")
        .arg(name, QLocale().createSeparatedList(labels));
}

OrganisationReview::OrganisationReview(QObject *parent)
    : QObject(parent)
{ }

void OrganisationReview::setEngine(SyncEngine *engine, const LocalStore *store)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    m_store = engine ? store : nullptr;
    if (engine) {
        registerOrganisationMutations(engine);
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(Organisation))
                emit changed();
        });
        connect(engine, &SyncEngine::cacheReset, this, &OrganisationReview::changed);
        connect(engine, &SyncEngine::pendingCountChanged, this, &OrganisationReview::changed);
        connect(engine, &SyncEngine::problemsChanged, this, &OrganisationReview::changed);
    }
    emit changed();
}

QList<ReviewedOrganisation> OrganisationReview::organisations() const
{
    QList<ReviewedOrganisation> list;
    if (!m_engine || !m_store)
        return list;
    for (const CachedEntity &entity : m_store->entities(Organisation))
        list.append(ReviewedOrganisation::fromEntity(entity));
    QSet<QString> waiting;
    for (const OutboxMutation &m : m_store->pendingMutations()) {
        if (m.entityType == Organisation)
            waiting.insert(m.target);
    }
    QHash<QString, QString> problems;
    for (const OutboxMutation &m : m_store->problems()) {
        if (m.entityType != Organisation)
            continue;
        problems.insert(m.target,
            m.state == OutboxMutation::State::Conflict
                ? OrganisationText::tr("Your decision met a change on the server; see Sync "
                                       "problems.")
                : OrganisationText::tr("The server refused your decision: %1")
                      .arg(text(m.lastError, "message").isEmpty() ? text(m.lastError, "code")
                                                                  : text(m.lastError, "message")));
    }
    for (ReviewedOrganisation &o : list) {
        o.waiting = waiting.contains(o.id);
        o.problem = problems.value(o.id);
    }
    // The queue to work through first, oldest registration first; then the decided ones,
    // newest first.
    std::stable_sort(
        list.begin(), list.end(), [](const ReviewedOrganisation &a, const ReviewedOrganisation &b) {
            const bool pendingA = a.state == ReviewedOrganisation::State::Pending;
            const bool pendingB = b.state == ReviewedOrganisation::State::Pending;
            if (pendingA != pendingB)
                return pendingA;
            if (a.registeredAt != b.registeredAt)
                return pendingA ? a.registeredAt < b.registeredAt : a.registeredAt > b.registeredAt;
            return a.name < b.name;
        });
    return list;
}

std::optional<ReviewedOrganisation> OrganisationReview::organisation(const QString &id) const
{
    for (const ReviewedOrganisation &o : organisations()) {
        if (o.id == id)
            return o;
    }
    return std::nullopt;
}

int OrganisationReview::approve(const QStringList &ids)
{
    m_error.clear();
    if (!m_engine || !m_store) {
        m_error = OrganisationText::tr("Log in to review organisations.");
        return 0;
    }
    int queued = 0;
    for (const QString &id : ids) {
        const std::optional<CachedEntity> cached = m_store->entity(Organisation, id);
        if (!cached
            || ReviewedOrganisation::fromEntity(*cached).state
                != ReviewedOrganisation::State::Pending) {
            m_error = OrganisationText::tr("Only an organisation awaiting approval can be "
                                           "approved.");
            continue;
        }
        // The cached version is the one the administrator saw: the engine sends it as
        // baseVersion.
        if (m_engine->queueMutation(Approve, id, {}).isEmpty())
            m_error = m_engine->lastMessage();
        else
            ++queued;
    }
    return queued;
}

bool OrganisationReview::reject(const QString &id, const QString &reason)
{
    m_error = rejectionReasonProblem(reason);
    if (!m_error.isEmpty())
        return false;
    if (!m_engine || !m_store) {
        m_error = OrganisationText::tr("Log in to review organisations.");
        return false;
    }
    const std::optional<CachedEntity> cached = m_store->entity(Organisation, id);
    if (!cached
        || ReviewedOrganisation::fromEntity(*cached).state
            != ReviewedOrganisation::State::Pending) {
        m_error = OrganisationText::tr("Only an organisation awaiting approval can be rejected.");
        return false;
    }
    if (m_engine
            ->queueMutation(
                Reject, id, QJsonObject { { QStringLiteral("reason"), reason.trimmed() } })
            .isEmpty()) {
        m_error = m_engine->lastMessage();
        return false;
    }
    return true;
}

} // namespace xueshi
