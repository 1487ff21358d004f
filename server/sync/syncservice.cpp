#include "syncservice.h"

#include "changelog.h"
#include "clock.h"
#include "core/apierror.h"
#include "core/localizer.h"
#include "errorcodes.h"
#include "professionalseries.h"
#include "regions.h"
#include "services/accountservice.h"
#include "services/bindingservice.h"
#include "storage/database.h"
#include "validators.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <vector>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace {

// Appends `value` as a JSON string (RFC 8259: quote, backslash and control characters escaped).
void appendJsonString(QByteArray &out, const QString &value)
{
    out.append('"');
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00");
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

// Appends the data of a change log entry. The server wrote it as compact JSON text of an object;
// anything else (never expected) is parsed and written again, as {} when it is no object.
void appendStoredObject(QByteArray &out, const QString &stored)
{
    const QByteArray utf8 = stored.toUtf8();
    if (utf8.startsWith('{') && utf8.endsWith('}')) {
        out.append(utf8);
        return;
    }
    out.append(
        QJsonDocument(QJsonDocument::fromJson(utf8).object()).toJson(QJsonDocument::Compact));
}

// "v1.<epoch>.<scope>.<seq>", and during a pull from the start ".f<counter>": the counter when
// that pull began, up to which deletes are left out (the client never had those entities).
struct Cursor
{
    QString epoch;
    qint64 scope = 0;
    qint64 seq = 0;
    qint64 freshUntil = 0;
};

QString formatCursor(const Cursor &c)
{
    QString text = QStringLiteral("v1.%1.%2.%3").arg(c.epoch).arg(c.scope).arg(c.seq);
    if (c.freshUntil > c.seq)
        text += QStringLiteral(".f%1").arg(c.freshUntil);
    return text;
}

[[noreturn]] void throwBadCursor()
{
    throw ApiError(400, ec::InvalidField, "Server",
        QT_TRANSLATE_NOOP("Server", "The sync cursor is malformed."))
        .field(QStringLiteral("since"));
}

// Where the first U+0000 sits in a mutation's value ("name", "entries[3].reason"), or empty.
// PostgreSQL cannot keep NUL in text and libpq would cut the statement at it, so it is refused
// before any handler runs; the path shown never carries the NUL itself, since the refusal is
// stored too.
QString nulPath(const QJsonValue &value, const QString &path)
{
    if (value.isString())
        return value.toString().contains(QChar(0)) ? path : QString();
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = nulPath(list.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
            if (!at.isEmpty())
                return at;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            QString key = it.key();
            const bool bad = key.contains(QChar(0));
            key.replace(QChar(0), QStringLiteral("\\u0000"));
            const QString at = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            if (bad)
                return at;
            if (const QString inside = nulPath(it.value(), at); !inside.isEmpty())
                return inside;
        }
    }
    return {};
}

Cursor parseCursor(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() < 4 || parts.size() > 5 || parts.at(0) != QLatin1String("v1")
        || parts.at(1).isEmpty())
        throwBadCursor();
    Cursor c;
    bool ok1 = false;
    bool ok2 = false;
    c.epoch = parts.at(1);
    c.scope = parts.at(2).toLongLong(&ok1);
    c.seq = parts.at(3).toLongLong(&ok2);
    if (!ok1 || !ok2 || c.seq < 0)
        throwBadCursor();
    if (parts.size() == 5) {
        bool ok3 = false;
        const QString fresh = parts.at(4);
        c.freshUntil = fresh.startsWith(QLatin1Char('f')) ? fresh.mid(1).toLongLong(&ok3) : 0;
        if (!ok3 || c.freshUntil <= c.seq)
            throwBadCursor();
    }
    return c;
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

[[noreturn]] void throwBadBatch(const char *message, const QString &field)
{
    throw ApiError(400, ec::InvalidField, "Server", message).field(field);
}

} // namespace

SyncService::SyncService(
    ServiceContext &context, AccountService &accounts, BindingService &bindings)
    : m_context(context)
    , m_accounts(accounts)
    , m_bindings(bindings)
{
    registerHandler(QStringLiteral("profile.update"),
        [this](const AuthenticatedUser &caller, const Mutation &m) {
            return updateProfile(caller, m);
        });
    for (const char *type :
        { "binding.request", "binding.withdraw", "binding.confirm", "binding.reject" }) {
        registerHandler(
            QLatin1String(type), [this](const AuthenticatedUser &caller, const Mutation &m) {
                return executeBinding(caller, m);
            });
    }
}

QStringList SyncService::audiencesOf(const AuthenticatedUser &caller)
{
    QStringList audiences { ChangeLog::publicAudience(), ChangeLog::userAudience(caller.id) };
    if (caller.role == Role::Employer)
        audiences.append(ChangeLog::employerStaffAudience(caller.id));
    if (caller.role == Role::Institution)
        audiences.append(ChangeLog::institutionAudience(caller.id));
    if (caller.role == Role::Administrator)
        audiences.append(ChangeLog::administratorAudience());
    return audiences;
}

QByteArray SyncService::changesJson(
    const AuthenticatedUser &caller, const QString &since, int limit, bool count)
{
    Database &db = m_context.database;
    // The epoch, the change counter and the caller's scope in one round trip. The counter is
    // read before the feed, so every entry at or below it has committed by the time the pages
    // below read the audiences.
    // Every pull runs these statements, most of them with nothing new: kept prepared
    // (selectEach), which spares the parser on each request.
    Cursor current;
    qint64 counter = -1;
    db.selectEach(QStringLiteral("SELECT (SELECT value FROM server_meta WHERE key = 'epoch'),"
                                 " (SELECT n FROM change_counter WHERE id = 1),"
                                 " (SELECT scope_version FROM users WHERE id = ?)"),
        { caller.id }, [&](const QSqlQuery &state) {
            current.epoch = state.value(0).toString();
            counter = state.value(1).toLongLong();
            current.scope = state.value(2).isNull() ? 1 : state.value(2).toLongLong();
        });
    if (counter < 0)
        throw DatabaseError(QStringLiteral("the server state is missing"), QString());
    if (since.isEmpty()) {
        // From the start: the entities deleted before now were never sent to this client, so
        // their deletes are left out until the pull passes the counter as it is now.
        current.freshUntil = counter;
    } else {
        const Cursor given = parseCursor(since);
        // The database went back in time (a restore) when the cursor names another epoch or
        // a change the server no longer has.
        if (given.epoch != current.epoch || given.seq > counter) {
            throw ApiError(410, ec::CursorInvalid, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "The local copy of your data is out of date and will be downloaded again."))
                .detail(QStringLiteral("restored"));
        }
        if (given.scope != current.scope) {
            throw ApiError(410, ec::CursorInvalid, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "The local copy of your data is out of date and will be downloaded again."))
                .detail(QStringLiteral("scope"));
        }
        current.seq = given.seq;
        current.freshUntil = given.freshUntil;
    }

    // Each audience is read in seq order through its own range of the (audience, seq) primary
    // key, one more than a page: the first `limit` seqs of the merged lists are the page, and
    // whatever any list holds beyond them says there is more. The cost follows the page, not
    // what is left of the feed.
    const QStringList audiences = audiencesOf(caller);
    // On PostgreSQL the range is written as two row comparisons, which only the primary key can
    // serve, from the cursor on: with `seq > ?` the planner may walk the change_audience(seq)
    // index instead and filter by audience, and an equality on the audience beside the row
    // comparison starts the scan at the audience's first entry (every page then cost what came
    // before it). SQLite plans the plain form on the primary key.
    // Old deletes are not filtered here but when the entries are read below: a join with the
    // change log for the op became a merge join on PostgreSQL that walked the log from its start.
    const QString perAudience = db.isPostgres()
        ? QStringLiteral("SELECT a.seq FROM change_audience a"
                         " WHERE (a.audience, a.seq) > (?, ?)"
                         " AND (a.audience, a.seq) <= (?, 9223372036854775807)"
                         " ORDER BY a.audience, a.seq LIMIT ?")
        : QStringLiteral("SELECT a.seq FROM change_audience a WHERE a.audience = ? AND a.seq > ?"
                         " ORDER BY a.audience, a.seq LIMIT ?");
    // The page is written as text: each entry's data goes out as the change log stores it
    // (compact JSON the server wrote itself), not parsed and written again, which was nearly
    // half the server's work serving a first sync.
    QByteArray text;
    text.reserve(256 + qsizetype(limit) * 512);
    text.append("{\"changes\":[");
    int written = 0;
    bool more = false;
    // A page whose entries were all left out (old deletes in a pull from the start) is not
    // sent empty: the next entries are read in its place.
    do {
        const bool skipDeletes = current.seq < current.freshUntil;
        std::vector<qint64> seqs;
        for (const QString &audience : audiences) {
            QVariantList binds { audience, current.seq };
            if (db.isPostgres())
                binds.append(audience);
            binds.append(limit + 1);
            db.selectEach(perAudience, binds,
                [&seqs](const QSqlQuery &row) { seqs.push_back(row.value(0).toLongLong()); });
        }
        std::sort(seqs.begin(), seqs.end());
        seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
        more = seqs.size() > size_t(limit);
        if (more)
            seqs.resize(size_t(limit));
        if (seqs.empty())
            break;
        // Numbers read from the database a moment ago: written into the statement, which spares
        // binding up to a thousand values.
        QStringList numbers;
        numbers.reserve(qsizetype(seqs.size()));
        for (const qint64 seq : seqs)
            numbers.append(QString::number(seq));
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT entity_type, entity_id, version, op, data, seq FROM change_log"
                           " WHERE seq IN (%1) ORDER BY seq")
                .arg(numbers.join(QLatin1Char(','))));
        // An entry compacted away between the two reads was replaced by a later one, which a
        // later page carries.
        while (q.next()) {
            const bool upsert = q.value(3).toString() == QLatin1String("upsert");
            // A pull from the start leaves out what was deleted before it began.
            if (!upsert && skipDeletes && q.value(5).toLongLong() <= current.freshUntil)
                continue;
            if (written++ > 0)
                text.append(',');
            text.append("{\"type\":");
            appendJsonString(text, q.value(0).toString());
            text.append(",\"id\":");
            appendJsonString(text, q.value(1).toString());
            text.append(",\"version\":");
            text.append(QByteArray::number(q.value(2).toLongLong()));
            text.append(upsert ? ",\"op\":\"upsert\",\"data\":" : ",\"op\":\"delete\"");
            if (upsert)
                appendStoredObject(text, q.value(4).toString());
            text.append('}');
        }
        current.seq = seqs.back();
    } while (written == 0 && more);
    if (current.seq >= current.freshUntil)
        current.freshUntil = 0;
    text.append("],\"cursor\":");
    appendJsonString(text, formatCursor(current));
    text.append(more ? ",\"more\":true" : ",\"more\":false");
    if (count) {
        QVariantList binds;
        for (const QString &a : audiences)
            binds.append(a);
        binds.append(current.seq);
        const bool skip = current.seq < current.freshUntil;
        if (skip)
            binds.append(current.freshUntil);
        QSqlQuery rest
            = db.exec((skip ? QStringLiteral("SELECT COUNT(DISTINCT a.seq) FROM change_audience a"
                                             " JOIN change_log c ON c.seq = a.seq"
                                             " WHERE a.audience IN (%1) AND a.seq > ?"
                                             " AND (c.op = 'upsert' OR c.seq > ?)")
                            : QStringLiteral("SELECT COUNT(DISTINCT a.seq) FROM change_audience a"
                                             " WHERE a.audience IN (%1) AND a.seq > ?"))
                          .arg(placeholders(audiences.size())),
                binds);
        text.append(",\"remaining\":");
        text.append(QByteArray::number(rest.next() ? rest.value(0).toLongLong() : 0));
    }
    text.append('}');
    return text;
}

QJsonObject SyncService::changes(
    const AuthenticatedUser &caller, const QString &since, int limit, bool count)
{
    return QJsonDocument::fromJson(changesJson(caller, since, limit, count)).object();
}

QJsonObject SyncService::applyMutations(
    const AuthenticatedUser &caller, const QJsonValue &value, Language language)
{
    if (!value.isArray())
        throwBadBatch(QT_TRANSLATE_NOOP("Server", "\"mutations\" must be a list."),
            QStringLiteral("mutations"));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxBatch) {
        throw ApiError(413, ec::PayloadTooLarge, "Server",
            QT_TRANSLATE_NOOP("Server", "Send at most %1 mutations at a time."))
            .field(QStringLiteral("mutations"))
            .arg(QString::number(MaxBatch));
    }
    // Checked whole before anything is applied: a malformed batch changes nothing.
    QList<Mutation> batch;
    const QSet<QString> allowed { QStringLiteral("id"), QStringLiteral("type"),
        QStringLiteral("target"), QStringLiteral("baseVersion"), QStringLiteral("payload") };
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("mutations[%1]").arg(i);
        if (!array.at(i).isObject())
            throwBadBatch(QT_TRANSLATE_NOOP("Server", "Each mutation must be an object."), at);
        const QJsonObject o = array.at(i).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!allowed.contains(it.key())) {
                throw ApiError(400, ec::UnknownField, "Server",
                    QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                    .field(at + QLatin1Char('.') + it.key())
                    .arg(it.key());
            }
        }
        Mutation m;
        m.id = o.value(QStringLiteral("id")).toString();
        m.type = o.value(QStringLiteral("type")).toString();
        m.target = o.value(QStringLiteral("target")).toString();
        const QJsonValue base = o.value(QStringLiteral("baseVersion"));
        if (QUuid(m.id).isNull() || m.id.size() != 36)
            throwBadBatch(QT_TRANSLATE_NOOP("Server", "A mutation needs a UUID as its id."),
                at + QStringLiteral(".id"));
        if (m.type.isEmpty() || m.type.size() > 64)
            throwBadBatch(QT_TRANSLATE_NOOP("Server", "A mutation needs a type."),
                at + QStringLiteral(".type"));
        if (m.target.size() > 64)
            throwBadBatch(QT_TRANSLATE_NOOP("Server", "The mutation's target is too long."),
                at + QStringLiteral(".target"));
        if (!base.isUndefined() && !base.isNull()
            && (!base.isDouble() || base.toDouble() < 0
                || base.toDouble() != double(qint64(base.toDouble()))))
            throwBadBatch(QT_TRANSLATE_NOOP("Server", "baseVersion must be a whole number."),
                at + QStringLiteral(".baseVersion"));
        m.baseVersion = qint64(base.toDouble());
        const QJsonValue payload = o.value(QStringLiteral("payload"));
        if (!payload.isUndefined() && !payload.isNull() && !payload.isObject())
            throwBadBatch(QT_TRANSLATE_NOOP("Server", "The payload must be an object."),
                at + QStringLiteral(".payload"));
        m.payload = payload.toObject();
        m.id = m.id.toLower();
        m.language = language;
        batch.append(m);
    }

    QJsonArray results;
    for (const Mutation &m : std::as_const(batch))
        results.append(applyOne(caller, m, language));
    return QJsonObject { { QStringLiteral("results"), results } };
}

std::optional<QJsonObject> SyncService::storedResult(
    const QString &userId, const QString &mutationId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral(
            "SELECT result FROM applied_mutations WHERE user_id = ? AND mutation_id = ?"),
        { userId, mutationId });
    if (!q.next())
        return std::nullopt;
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QJsonObject SyncService::applyOne(
    const AuthenticatedUser &caller, const Mutation &m, Language language)
{
    Database &db = m_context.database;
    const auto record = [&](const QJsonObject &result) {
        db.exec(QStringLiteral(
                    "INSERT INTO applied_mutations (user_id, mutation_id, result, applied_at)"
                    " VALUES (?, ?, ?, ?)"),
            { caller.id, m.id,
                QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)),
                m_context.clock.nowUtc().toMSecsSinceEpoch() });
    };

    std::optional<QJsonObject> rejected;
    try {
        Transaction tx(db);
        if (auto stored = storedResult(caller.id, m.id))
            return *stored;
        try {
            const QJsonObject result = execute(caller, m);
            record(result);
            tx.commit();
            return result;
        } catch (const ApiError &e) {
            rejected = QJsonObject { { QStringLiteral("id"), m.id },
                { QStringLiteral("status"), QStringLiteral("rejected") },
                { QStringLiteral("error"), m_context.localizer.errorObject(e, language) } };
        }
        // The transaction rolls back here, undoing anything the refused mutation did.
    } catch (const DatabaseError &e) {
        // The same mutation was applied by a concurrent request (a client retrying while the first
        // attempt was still running): its outcome is the answer.
        if (!e.isUniqueViolation())
            throw;
        if (auto stored = storedResult(caller.id, m.id))
            return *stored;
        throw;
    }
    // A refusal is recorded too, so a replayed batch gets the same answers.
    Transaction tx(db);
    if (auto stored = storedResult(caller.id, m.id))
        return *stored;
    record(*rejected);
    tx.commit();
    return *rejected;
}

void SyncService::registerHandler(const QString &type, Handler handler)
{
    Q_ASSERT(!m_handlers.contains(type));
    m_handlers.insert(type, std::move(handler));
}

QStringList SyncService::mutationTypes() const
{
    QStringList types = m_handlers.keys();
    types.sort();
    return types;
}

QJsonObject SyncService::execute(const AuthenticatedUser &caller, const Mutation &m)
{
    const QString nul = m.type.contains(QChar(0)) ? QStringLiteral("type")
        : m.target.contains(QChar(0))             ? QStringLiteral("target")
                                                  : nulPath(m.payload, QString());
    if (!nul.isEmpty()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "\"%1\" contains a NUL character (U+0000)."))
            .field(nul)
            .arg(nul);
    }
    const auto handler = m_handlers.constFind(m.type);
    if (handler != m_handlers.constEnd())
        return (*handler)(caller, m);
    throw ApiError(400, ec::InvalidField, "Server",
        QT_TRANSLATE_NOOP("Server", "The change \"%1\" is not known to this server."))
        .field(QStringLiteral("type"))
        .arg(m.type);
}

QJsonObject SyncService::updateProfile(const AuthenticatedUser &caller, const Mutation &m)
{
    if (m.target != caller.id) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "You may change only your own profile."))
            .field(QStringLiteral("target"));
    }
    Database &db = m_context.database;
    const bool learner = caller.role == Role::Learner;
    const QSet<QString> allowed = learner ? QSet<QString> { QStringLiteral("mobile"),
        QStringLiteral("email"), QStringLiteral("realName"), QStringLiteral("residentId"),
        QStringLiteral("gender"), QStringLiteral("education"), QStringLiteral("professionalTitle"),
        QStringLiteral("professionalSeries"), QStringLiteral("position") }
                                          : QSet<QString> { QStringLiteral("contactPerson"),
                                                QStringLiteral("phone"), QStringLiteral("email") };
    for (auto it = m.payload.constBegin(); it != m.payload.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
        if (!it.value().isString()) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a string."))
                .field(it.key())
                .arg(it.key());
        }
    }

    // FOR NO KEY UPDATE: the user's row first (docs/sync.md, "Locks"), without waiting for the
    // caller's other mutations that only insert rows referencing it.
    QSqlQuery v = db.exec(QStringLiteral("SELECT version FROM users WHERE id = ?")
            + (db.isPostgres() ? QStringLiteral(" FOR NO KEY UPDATE") : QString()),
        { caller.id });
    if (!v.next())
        throw ApiError(
            404, ec::NotFound, "Server", QT_TRANSLATE_NOOP("Server", "The account was not found."));
    const qint64 version = v.value(0).toLongLong();
    v.finish();
    if (version != m.baseVersion) {
        return QJsonObject { { QStringLiteral("id"), m.id },
            { QStringLiteral("status"), QStringLiteral("conflict") },
            { QStringLiteral("current"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("profile") },
                    { QStringLiteral("id"), caller.id },
                    { QStringLiteral("version"), double(version) },
                    { QStringLiteral("data"), m_accounts.userJson(caller.id) } } } };
    }

    // What the HR office sees of the learner, to tell whether this change concerns it.
    const QJsonObject seenByEmployer
        = learner ? m_bindings.learnerDetails(caller.id) : QJsonObject();
    const auto text
        = [&](const char *key) { return m.payload.value(QLatin1String(key)).toString().trimmed(); };
    const auto has = [&](const char *key) { return m.payload.contains(QLatin1String(key)); };
    const QVariant nullText { QMetaType(QMetaType::QString) };
    if (has("email") && !text("email").isEmpty())
        requireValid(validateEmail(text("email")), QStringLiteral("email"));
    const QString table = learner ? QStringLiteral("learners") : QStringLiteral("organisations");
    if (has("email"))
        db.exec(QStringLiteral("UPDATE %1 SET email = ? WHERE user_id = ?").arg(table),
            { text("email").isEmpty() ? nullText : QVariant(text("email")), caller.id });
    if (learner && has("mobile")) {
        requireValid(validateMobile(text("mobile")), QStringLiteral("mobile"));
        db.exec(QStringLiteral("UPDATE learners SET mobile = ? WHERE user_id = ?"),
            { text("mobile"), caller.id });
    }
    if (!learner && has("phone")) {
        requireValid(validatePhone(text("phone")), QStringLiteral("phone"));
        db.exec(QStringLiteral("UPDATE organisations SET phone = ? WHERE user_id = ?"),
            { text("phone"), caller.id });
    }
    if (!learner && has("contactPerson")) {
        requireValid(validateRealName(text("contactPerson")), QStringLiteral("contactPerson"));
        db.exec(QStringLiteral("UPDATE organisations SET contact_person = ? WHERE user_id = ?"),
            { text("contactPerson"), caller.id });
    }
    if (learner)
        updateLearnerDetails(caller, m.payload);
    db.exec(QStringLiteral("UPDATE users SET version = version + 1, updated_at = ? WHERE id = ?"),
        { m_context.clock.nowUtc().toMSecsSinceEpoch(), caller.id });
    // The bindings before the change counter (the lock order): learnerDetailsChanged writes them.
    if (learner && m_bindings.learnerDetails(caller.id) != seenByEmployer)
        m_bindings.learnerDetailsChanged(caller.id);
    m_accounts.publishAccount(caller.id);
    return QJsonObject { { QStringLiteral("id"), m.id },
        { QStringLiteral("status"), QStringLiteral("applied") },
        { QStringLiteral("version"), double(version + 1) } };
}

void SyncService::updateLearnerDetails(const AuthenticatedUser &caller, const QJsonObject &payload)
{
    Database &db = m_context.database;
    const auto text
        = [&](const char *key) { return payload.value(QLatin1String(key)).toString().trimmed(); };
    const auto has = [&](const char *key) { return payload.contains(QLatin1String(key)); };
    const QVariant nullText { QMetaType(QMetaType::QString) };
    const auto optional
        = [&](const char *key) { return text(key).isEmpty() ? nullText : QVariant(text(key)); };

    // A confirmed binding fixes who the person is (SPEC: the employer confirmed these).
    if ((has("realName") || has("residentId")) && m_bindings.confirmedEmployer(caller.id)) {
        QSqlQuery current = db.exec(
            QStringLiteral("SELECT real_name, resident_id FROM learners WHERE user_id = ?"),
            { caller.id });
        current.next();
        const bool nameChanges = has("realName") && text("realName") != current.value(0).toString();
        const bool idChanges
            = has("residentId") && text("residentId") != current.value(1).toString();
        current.finish();
        if (nameChanges || idChanges) {
            throw ApiError(400, ec::FieldLocked, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "Your employer has confirmed your real name and resident ID number; they can "
                    "no longer be changed here."))
                .field(nameChanges ? QStringLiteral("realName") : QStringLiteral("residentId"));
        }
    }
    if (has("realName")) {
        requireValid(validateRealName(text("realName")), QStringLiteral("realName"));
        db.exec(QStringLiteral("UPDATE learners SET real_name = ? WHERE user_id = ?"),
            { text("realName"), caller.id });
        db.exec(QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
            { text("realName"), caller.id });
    }
    if (has("residentId")) {
        requireValid(validateResidentId(text("residentId"), m_context.clock.todayInChina(),
                         RegionTable::instance()),
            QStringLiteral("residentId"));
        m_accounts.requireResidentIdFree(text("residentId"), caller.id);
        db.exec(QStringLiteral("UPDATE learners SET resident_id = ? WHERE user_id = ?"),
            { text("residentId"), caller.id });
    }
    if (has("gender")) {
        if (!text("gender").isEmpty() && !isKnownGender(text("gender"))) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "Choose a gender from the list."))
                .field(QStringLiteral("gender"));
        }
        db.exec(QStringLiteral("UPDATE learners SET gender = ? WHERE user_id = ?"),
            { optional("gender"), caller.id });
    }
    if (has("education")) {
        if (!text("education").isEmpty() && !isKnownEducation(text("education"))) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "Choose an education level from the list."))
                .field(QStringLiteral("education"));
        }
        db.exec(QStringLiteral("UPDATE learners SET education = ? WHERE user_id = ?"),
            { optional("education"), caller.id });
    }
    if (has("professionalSeries")) {
        if (!text("professionalSeries").isEmpty()
            && !isKnownProfessionalSeries(text("professionalSeries"))) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "Choose a professional series from the list."))
                .field(QStringLiteral("professionalSeries"));
        }
        db.exec(QStringLiteral("UPDATE learners SET professional_series = ? WHERE user_id = ?"),
            { optional("professionalSeries"), caller.id });
    }
    for (const char *key : { "professionalTitle", "position" }) {
        if (!has(key))
            continue;
        if (text(key).size() > 50) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "This field may have at most 50 characters."))
                .field(QLatin1String(key));
        }
        const QString column = QLatin1String(key) == QLatin1String("position")
            ? QStringLiteral("position")
            : QStringLiteral("professional_title");
        db.exec(QStringLiteral("UPDATE learners SET %1 = ? WHERE user_id = ?").arg(column),
            { optional(key), caller.id });
    }
}

QJsonObject SyncService::executeBinding(const AuthenticatedUser &caller, const Mutation &m)
{
    if (m.type == QLatin1String("binding.request"))
        return m_bindings.request(caller, m.id, m.target, m.payload);
    if (m.type == QLatin1String("binding.withdraw"))
        return m_bindings.withdraw(caller, m.id, m.target, m.baseVersion);
    return m_bindings.decide(caller, m.id, m.target, m.baseVersion,
        m.type == QLatin1String("binding.confirm"), m.payload);
}

} // namespace xueshi::server
