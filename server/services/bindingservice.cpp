#include "bindingservice.h"

#include "accountservice.h"
#include "clock.h"
#include "core/apierror.h"
#include "errorcodes.h"
#include "mutationsupport.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <QJsonDocument>
#include <QUuid>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace {

QString isoUtc(const QVariant &msecs)
{
    if (msecs.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(msecs.toLongLong(), Qt::UTC).toString(Qt::ISODate);
}

} // namespace

BindingService::BindingService(ServiceContext &context, AccountService &accounts)
    : m_context(context)
    , m_accounts(accounts)
{ }

QJsonObject BindingService::bindingJson(const QString &bindingId)
{
    Database &db = m_context.database;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT b.id, b.learner_id, b.employer_id, b.status, b.reason,"
                       " b.requested_at, b.decided_at, b.version, o.name, o.region_code"
                       " FROM bindings b JOIN organisations o ON o.user_id = b.employer_id"
                       " WHERE b.id = ?"),
        { bindingId });
    if (!q.next())
        return {};
    QJsonObject binding { { QStringLiteral("id"), q.value(0).toString() },
        { QStringLiteral("learnerId"), q.value(1).toString() },
        { QStringLiteral("employerId"), q.value(2).toString() },
        { QStringLiteral("status"), q.value(3).toString() },
        { QStringLiteral("reason"),
            q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toString()) },
        { QStringLiteral("requestedAt"), isoUtc(q.value(5)) },
        { QStringLiteral("decidedAt"),
            q.value(6).isNull() ? QJsonValue() : QJsonValue(isoUtc(q.value(6))) },
        { QStringLiteral("version"), double(q.value(7).toLongLong()) },
        { QStringLiteral("employerName"), q.value(8).toString() },
        { QStringLiteral("employerRegionCode"), q.value(9).toString() } };
    const QString learnerId = q.value(1).toString();
    q.finish();
    // The learner's details as the HR office needs them to confirm the person: in full while the
    // request is open, since this office is the one the learner asked (employerView() trims them
    // afterwards).
    binding.insert(QStringLiteral("learner"), learnerDetails(learnerId));
    return binding;
}

bool BindingService::isOpen(const QString &status)
{
    return status == QLatin1String("pending") || status == QLatin1String("confirmed");
}

QJsonObject BindingService::employerView(const QJsonObject &binding)
{
    if (isOpen(binding.value(QStringLiteral("status")).toString()))
        return binding;
    // A request withdrawn or rejected, or a binding that ended: the HR office keeps the name of
    // the person in its history, nothing else (DESIGN.md, personal data).
    QJsonObject view = binding;
    const QJsonObject learner = binding.value(QStringLiteral("learner")).toObject();
    view.insert(QStringLiteral("learner"),
        QJsonObject { { QStringLiteral("realName"), learner.value(QStringLiteral("realName")) } });
    return view;
}

void BindingService::publish(const QString &bindingId)
{
    const QJsonObject binding = bindingJson(bindingId);
    if (binding.isEmpty())
        return;
    const qint64 version = qint64(binding.value(QStringLiteral("version")).toDouble());
    const QString learner
        = ChangeLog::userAudience(binding.value(QStringLiteral("learnerId")).toString());
    const QString employer
        = ChangeLog::employerStaffAudience(binding.value(QStringLiteral("employerId")).toString());
    ChangeLog &log = m_context.changes;
    if (isOpen(binding.value(QStringLiteral("status")).toString())) {
        log.append(QStringLiteral("binding"), bindingId, version, ChangeLog::Op::Upsert, binding,
            { learner, employer });
        return;
    }
    // What the employer may see follows the binding's state now: the earlier versions it was
    // sent (with the resident id and phone) leave its feed, so a fresh pull no longer returns
    // them, and the version it now receives replaces what its clients cached.
    m_context.database.exec(
        QStringLiteral("DELETE FROM change_audience WHERE audience = ? AND seq IN ("
                       "SELECT seq FROM change_log WHERE entity_type = 'binding'"
                       " AND entity_id = ?)"),
        { employer, bindingId });
    log.append(
        QStringLiteral("binding"), bindingId, version, ChangeLog::Op::Upsert, binding, { learner });
    log.append(QStringLiteral("binding"), bindingId, version, ChangeLog::Op::Upsert,
        employerView(binding), { employer });
}

QJsonObject BindingService::learnerDetails(const QString &learnerId)
{
    const QJsonObject user = m_accounts.userJson(learnerId);
    QJsonObject learner = user.value(QStringLiteral("learner")).toObject();
    learner.remove(QStringLiteral("binding"));
    learner.insert(QStringLiteral("username"), user.value(QStringLiteral("username")));
    return learner;
}

void BindingService::learnerDetailsChanged(const QString &learnerId)
{
    // The HR office decides on the details it saw: a request whose details changed gets a new
    // version, so a decision taken on the old one comes back as a conflict (R4).
    m_context.database.exec(
        QStringLiteral("UPDATE bindings SET version = version + 1 WHERE learner_id = ?"
                       " AND status IN ('pending', 'confirmed')"),
        { learnerId });
    publishForLearner(learnerId);
}

void BindingService::publishForLearner(const QString &learnerId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral(
            "SELECT id FROM bindings WHERE learner_id = ? AND status IN ('pending', 'confirmed')"),
        { learnerId });
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    for (const QString &id : std::as_const(ids))
        publish(id);
}

void BindingService::lockLearners(QStringList learnerIds, LearnerLock lock)
{
    Database &db = m_context.database;
    if (!db.isPostgres() || learnerIds.isEmpty())
        return;
    // In the order of the ids, so two transactions locking overlapping sets never deadlock.
    learnerIds.sort();
    learnerIds.removeDuplicates();
    constexpr qsizetype Chunk = 500;
    for (qsizetype start = 0; start < learnerIds.size(); start += Chunk) {
        const QStringList ids = learnerIds.mid(start, Chunk);
        QStringList marks;
        QVariantList values;
        for (const QString &id : ids) {
            marks.append(QStringLiteral("?"));
            values.append(id);
        }
        db.exec(
            db.inlined(QStringLiteral("SELECT id FROM users WHERE id IN (%1) ORDER BY id%2")
                           .arg(marks.join(QStringLiteral(", ")),
                               lock == LearnerLock::Shared ? QStringLiteral(" FOR SHARE")
                                                           : QStringLiteral(" FOR NO KEY UPDATE")),
                values));
    }
}

std::optional<QString> BindingService::confirmedEmployer(const QString &learnerId, Lock lock)
{
    Database &db = m_context.database;
    // Held shared, a publisher waits for a confirmation or an end in flight and then reads the
    // binding as it became (PostgreSQL): a record is never published to an employer whose access
    // ended while it was written. The learner's row first (lockLearners): the binding's own row
    // lock alone let a reader whose statement began before a confirmation see the former binding
    // ended and the new one still pending, and publish to no HR office at all.
    if (lock == Lock::Shared)
        lockLearners({ learnerId }, LearnerLock::Shared);
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT employer_id FROM bindings WHERE learner_id = ? AND status = 'confirmed'")
            + (lock == Lock::Shared && db.isPostgres() ? QStringLiteral(" FOR SHARE") : QString()),
        { learnerId });
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

void BindingService::requireStudyAllowed(const AuthenticatedUser &caller)
{
    if (caller.role != Role::Learner) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only learners can study courses and classes."));
    }
    if (!confirmedEmployer(caller.id)) {
        throw ApiError(403, ec::StudyLocked, "Server",
            QT_TRANSLATE_NOOP("Server",
                "Your employer has not confirmed your identity yet. You can study once it confirms "
                "the binding request you sent from your personal information page."));
    }
}

void BindingService::setStatus(
    const QString &bindingId, const QString &status, const QVariant &reason)
{
    m_context.database.exec(
        QStringLiteral("UPDATE bindings SET status = ?, reason = ?, decided_at = ?,"
                       " version = version + 1 WHERE id = ?"),
        { status, reason, m_context.clock.nowUtc().toMSecsSinceEpoch(), bindingId });
}

QJsonObject BindingService::conflict(const QString &mutationId, const QString &bindingId)
{
    const QJsonObject current = bindingJson(bindingId);
    return { { QStringLiteral("id"), mutationId },
        { QStringLiteral("status"), QStringLiteral("conflict") },
        { QStringLiteral("current"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("binding") },
                { QStringLiteral("id"), bindingId },
                { QStringLiteral("version"), current.value(QStringLiteral("version")) },
                { QStringLiteral("data"), current } } } };
}

QJsonObject BindingService::request(const AuthenticatedUser &caller, const QString &mutationId,
    const QString &bindingId, const QJsonObject &payload)
{
    if (caller.role != Role::Learner) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only learners send binding requests."));
    }
    if (QUuid(bindingId).isNull() || bindingId.size() != 36) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "A binding request needs a new UUID as its target."))
            .field(QStringLiteral("target"));
    }
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (it.key() != QLatin1String("employerId")) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
    Database &db = m_context.database;
    if (db.exec(QStringLiteral("SELECT 1 FROM bindings WHERE id = ?"), { bindingId }).next()) {
        throw ApiError(409, ec::Conflict, "Server",
            QT_TRANSLATE_NOOP("Server", "This binding request already exists."))
            .field(QStringLiteral("target"));
    }
    const QString employerId = payload.value(QStringLiteral("employerId")).toString();
    // Only an employer the administrator approved receives requests, and with them the learner's
    // personal data (R1): anyone can register under a company's name.
    QSqlQuery employer = db.exec(
        QStringLiteral("SELECT 1 FROM users u JOIN organisations o ON o.user_id = u.id"
                       " WHERE u.id = ? AND u.role = 'employer' AND o.approved_at IS NOT NULL"),
        { employerId });
    if (employerId.isEmpty() || !employer.next()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server",
                "This employer is not registered in the system. The employer must first register "
                "in the continuing education system."))
            .field(QStringLiteral("employerId"))
            .detail(QStringLiteral("employer_unknown"));
    }
    employer.finish();

    // The profile must be filled before the HR office is asked to confirm it.
    QSqlQuery profile = db.exec(
        QStringLiteral("SELECT gender, education FROM learners WHERE user_id = ?"), { caller.id });
    if (!profile.next())
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only learners send binding requests."));
    const QString missing = profile.value(0).toString().isEmpty() ? QStringLiteral("gender")
        : profile.value(1).toString().isEmpty()                   ? QStringLiteral("education")
                                                                  : QString();
    profile.finish();
    if (!missing.isEmpty()) {
        throw ApiError(400, ec::ProfileIncomplete, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Fill in your personal information before sending the request."))
            .field(missing);
    }

    lockLearners({ caller.id }, LearnerLock::Exclusive);
    QSqlQuery current
        = db.exec(QStringLiteral("SELECT id, employer_id, status FROM bindings WHERE learner_id = ?"
                                 " AND status IN ('pending', 'confirmed')")
                + db.forUpdate(),
            { caller.id });
    QStringList superseded;
    while (current.next()) {
        if (current.value(2).toString() == QLatin1String("confirmed")
            && current.value(1).toString() == employerId) {
            throw ApiError(409, ec::Conflict, "Server",
                QT_TRANSLATE_NOOP("Server", "This employer has already confirmed you."))
                .field(QStringLiteral("employerId"))
                .detail(QStringLiteral("already_bound"));
        }
        if (current.value(2).toString() == QLatin1String("pending"))
            superseded.append(current.value(0).toString());
    }
    current.finish();
    // One open request at a time: a new one replaces the one waiting.
    for (const QString &old : std::as_const(superseded)) {
        setStatus(old, QStringLiteral("withdrawn"), QVariant(QMetaType(QMetaType::QString)));
        publish(old);
    }
    db.exec(QStringLiteral(
                "INSERT INTO bindings (id, learner_id, employer_id, status, requested_at, version)"
                " VALUES (?, ?, ?, 'pending', ?, 1)"),
        { bindingId, caller.id, employerId, m_context.clock.nowUtc().toMSecsSinceEpoch() });
    publish(bindingId);
    return applied(mutationId, 1);
}

QJsonObject BindingService::withdraw(const AuthenticatedUser &caller, const QString &mutationId,
    const QString &bindingId, qint64 baseVersion)
{
    Database &db = m_context.database;
    lockLearners({ caller.id }, LearnerLock::Exclusive);
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT learner_id, status, version FROM bindings WHERE id = ?")
                + db.forUpdate(),
            { bindingId });
    if (!q.next() || q.value(0).toString() != caller.id) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This binding request was not found."))
            .field(QStringLiteral("target"));
    }
    const QString status = q.value(1).toString();
    const qint64 version = q.value(2).toLongLong();
    q.finish();
    if (version != baseVersion || status != QLatin1String("pending"))
        return conflict(mutationId, bindingId);
    setStatus(bindingId, QStringLiteral("withdrawn"), QVariant(QMetaType(QMetaType::QString)));
    publish(bindingId);
    return applied(mutationId, version + 1);
}

QJsonObject BindingService::decide(const AuthenticatedUser &caller, const QString &mutationId,
    const QString &bindingId, qint64 baseVersion, bool confirm, const QJsonObject &payload)
{
    if (caller.role != Role::Employer) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Only the employer a request is addressed to can decide it."));
    }
    Database &db = m_context.database;
    if (!db.exec(QStringLiteral("SELECT 1 FROM organisations WHERE user_id = ?"
                                " AND approved_at IS NOT NULL"),
               { caller.id })
             .next()) {
        throw ApiError(403, ec::AwaitingApproval, "Server",
            QT_TRANSLATE_NOOP("Server",
                "The administrator has not approved your organisation yet; you can confirm staff "
                "once it is approved."));
    }
    // The learner's row before the binding's (the lock order): a binding's learner never changes,
    // so it is read unlocked first.
    {
        QSqlQuery learner = db.exec(
            QStringLiteral("SELECT learner_id FROM bindings WHERE id = ?"), { bindingId });
        if (learner.next()) {
            const QString learnerId = learner.value(0).toString();
            learner.finish();
            lockLearners({ learnerId }, LearnerLock::Exclusive);
        }
    }
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT learner_id, employer_id, status, version FROM bindings WHERE id = ?")
            + db.forUpdate(),
        { bindingId });
    if (!q.next()) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This binding request was not found."))
            .field(QStringLiteral("target"));
    }
    const QString learnerId = q.value(0).toString();
    const QString employerId = q.value(1).toString();
    const QString status = q.value(2).toString();
    const qint64 version = q.value(3).toLongLong();
    q.finish();
    if (employerId != caller.id) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Only the employer a request is addressed to can decide it."))
            .field(QStringLiteral("target"));
    }
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (it.key() != QLatin1String("reason")) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
    const QString reason = payload.value(QStringLiteral("reason")).toString().trimmed();
    if (!confirm && reason.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "Give the reason for rejecting the request."))
            .field(QStringLiteral("reason"));
    }
    if (reason.size() > 200) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The reason may have at most 200 characters."))
            .field(QStringLiteral("reason"));
    }
    // Decided on what the HR officer saw: a request the learner withdrew or replaced since then
    // comes back as a conflict, never decided blindly.
    if (version != baseVersion || status != QLatin1String("pending"))
        return conflict(mutationId, bindingId);

    if (confirm) {
        QSqlQuery previous
            = db.exec(QStringLiteral("SELECT id, employer_id FROM bindings WHERE learner_id = ? "
                                     "AND status = 'confirmed' AND id <> ?"),
                { learnerId, bindingId });
        QStringList ended;
        QStringList formerEmployers;
        while (previous.next()) {
            ended.append(previous.value(0).toString());
            if (previous.value(1).toString() != employerId)
                formerEmployers.append(previous.value(1).toString());
        }
        previous.finish();
        for (const QString &old : std::as_const(ended)) {
            setStatus(old, QStringLiteral("ended"), QVariant(QMetaType(QMetaType::QString)));
            publish(old);
        }
        // The former employer loses the learner's records (a new employer confirmed the person).
        if (m_onEnded) {
            for (const QString &former : std::as_const(formerEmployers))
                m_onEnded(learnerId, former);
        }
        setStatus(bindingId, QStringLiteral("confirmed"), QVariant(QMetaType(QMetaType::QString)));
        // No scope change: a learner reads `public` and `user:<id>` whatever their binding, and
        // what depends on the employer's region (classes, policies) is public and chosen on the
        // client from the binding this publishes (docs/sync.md "What an employer may see").
        publish(bindingId);
        if (m_onConfirmed)
            m_onConfirmed(learnerId);
        return applied(mutationId, version + 1);
    } else {
        setStatus(bindingId, QStringLiteral("rejected"), reason);
    }
    publish(bindingId);
    return applied(mutationId, version + 1);
}

} // namespace xueshi::server
