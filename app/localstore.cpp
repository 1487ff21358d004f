#include "localstore.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <utility>

namespace xueshi {

namespace {

QAtomicInteger<quint64> connectionCounter;

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject toObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

OutboxMutation::State stateFromName(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("pending"))
        return OutboxMutation::State::Pending;
    if (name == QLatin1String("rejected"))
        return OutboxMutation::State::Rejected;
    if (name == QLatin1String("conflict"))
        return OutboxMutation::State::Conflict;
    if (name == QLatin1String("acknowledged"))
        return OutboxMutation::State::Acknowledged;
    *ok = false;
    return OutboxMutation::State::Pending;
}

const QString MutationColumns = QStringLiteral(
    "seq, id, type, entity_type, target, base_version, payload, created_at, state, attempts,"
    " last_error, result");

// Reads one outbox row selected with MutationColumns; false when the row is unusable.
bool readMutation(const QSqlQuery &q, OutboxMutation *m)
{
    bool stateOk = false;
    m->seq = q.value(0).toLongLong();
    m->id = q.value(1).toString();
    m->type = q.value(2).toString();
    m->entityType = q.value(3).toString();
    m->target = q.value(4).toString();
    m->baseVersion = q.value(5).toLongLong();
    QJsonParseError error {};
    const QJsonDocument payload = QJsonDocument::fromJson(q.value(6).toString().toUtf8(), &error);
    m->payload = payload.object();
    m->createdAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    m->state = stateFromName(q.value(8).toString(), &stateOk);
    m->attempts = q.value(9).toInt();
    m->lastError = toObject(q.value(10));
    m->result = toObject(q.value(11));
    return stateOk && !m->id.isEmpty() && !m->type.isEmpty()
        && error.error == QJsonParseError::NoError && payload.isObject();
}

// The numbered migrations: migration N brings the schema from version N-1 to N. Never edit one
// that has shipped; add the next.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list {
        // 1: the entity cache, the outbox and the meta rows.
        {
            QStringLiteral("CREATE TABLE entities ("
                           " type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,"
                           " data TEXT NOT NULL, PRIMARY KEY (type, id))"),
            // The primary key's index serves lookups by type alone (its first column), so no
            // second index on type is needed: it would only slow down every applied change.
            QStringLiteral("CREATE TABLE outbox ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " id TEXT NOT NULL UNIQUE,"
                           " type TEXT NOT NULL,"
                           " entity_type TEXT NOT NULL,"
                           " target TEXT NOT NULL,"
                           " base_version INTEGER NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " state TEXT NOT NULL DEFAULT 'pending'"
                           "  CHECK (state IN ('pending', 'rejected', 'conflict')),"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT,"
                           " result TEXT,"
                           // The entity as it was before the local effect, to undo it on discard.
                           " before TEXT)"),
            QStringLiteral("CREATE INDEX outbox_entity ON outbox (entity_type, target)"),
        },
        // 2: the shadow a rebuild fills beside the cache, and the mutations the server applied
        // (kept to be sent again after a restore), with their outbox seq to keep their order.
        {
            QStringLiteral("CREATE TABLE rebuild_entities ("
                           " type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,"
                           " data TEXT NOT NULL, PRIMARY KEY (type, id))"),
            QStringLiteral("CREATE TABLE acknowledged ("
                           " seq INTEGER PRIMARY KEY,"
                           " id TEXT NOT NULL UNIQUE,"
                           " type TEXT NOT NULL,"
                           " entity_type TEXT NOT NULL,"
                           " target TEXT NOT NULL,"
                           " base_version INTEGER NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " acknowledged_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX acknowledged_at ON acknowledged (acknowledged_at)"),
        },
        // 3: mutations held by a refused one they build on, and the server's own rows of the
        // entities with local effects (to undo an effect: the server's row, pending effects
        // over it). `data` NULL: the server has no such row.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN held_by TEXT"),
            QStringLiteral("CREATE TABLE server_rows ("
                           " type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,"
                           " data TEXT, PRIMARY KEY (type, id))"),
        },
    };
    return list;
}

} // namespace

// Joins the outermost open transaction or begins one (BEGIN IMMEDIATE: the write lock is taken
// up front). Rolls back unless committed, also when an exception unwinds through it.
class StoreTransaction final
{
public:
    explicit StoreTransaction(LocalStore &store)
        : m_store(store)
        , m_ok(store.begin())
    { }
    ~StoreTransaction()
    {
        if (m_ok && !m_done)
            m_store.rollback();
    }
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    bool ok() const { return m_ok; }
    bool commit()
    {
        m_done = true;
        return m_ok && m_store.commit();
    }

private:
    LocalStore &m_store;
    bool m_ok;
    bool m_done = false;
};

QJsonObject OutboxMutation::toJson() const
{
    return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("type"), type },
        { QStringLiteral("target"), target },
        { QStringLiteral("baseVersion"), double(baseVersion) },
        { QStringLiteral("payload"), payload } };
}

QString OutboxMutation::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Rejected:
        return QStringLiteral("rejected");
    case State::Conflict:
        return QStringLiteral("conflict");
    case State::Acknowledged:
        return QStringLiteral("acknowledged");
    }
    return {};
}

LocalStore::LocalStore()
    : m_connection(QStringLiteral("xueshi-localstore-%1").arg(++connectionCounter))
{ }

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultPath(const QString &serverKey, const QString &userId)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString server = QString::fromLatin1(
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha1).toHex());
    QString user = userId;
    user.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return base + QStringLiteral("/cache/") + server + QLatin1Char('/') + user
        + QStringLiteral(".sqlite");
}

bool LocalStore::fail(const QString &message) const
{
    m_error = message;
    return false;
}

void LocalStore::crashPoint(const char *where) const
{
    if (m_crashPoint)
        m_crashPoint(where);
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool LocalStore::open(const QString &path)
{
    close();
    m_path = path;
    m_movedAside.clear();
    m_rescued = 0;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("cannot create the directory of %1").arg(path));
    if (!makePrivate(path))
        return fail(QStringLiteral("cannot make %1 private to its owner").arg(path));
    bool corrupt = false;
    if (openFile(path, &corrupt)) {
        m_open = true;
        return true;
    }
    if (!corrupt)
        return false;
    qWarning(
        "LocalStore: %s is unusable (%s); rebuilding it", qPrintable(path), qPrintable(m_error));
    if (!rebuild())
        return false;
    m_open = true;
    return true;
}

bool LocalStore::openFile(const QString &path, bool *corrupt)
{
    *corrupt = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            const QString message = db.lastError().text();
            db = QSqlDatabase();
            closeConnection();
            return fail(QStringLiteral("cannot open %1: %2").arg(path, message));
        }
    }
    // From here on a failure means the file is not a sound database of ours.
    if (!prepareFile()) {
        *corrupt = QFileInfo(path).size() > 0;
        closeConnection();
        return false;
    }
    return true;
}

bool LocalStore::prepareFile()
{
    QSqlQuery q(database());
    // A known page size lets a rebuild repair a destroyed header to rescue the outbox.
    if (!q.exec(QStringLiteral("PRAGMA page_size = 4096")))
        return fail(q.lastError().text());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
        || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("cannot use WAL: %1").arg(q.lastError().text()));
    q.finish();
    // FULL: a committed transaction survives a power cut, not only a crash of the process.
    // A 32 MiB page cache (SQLite's default is 2 MiB): an HR office's cache of 100,000 records
    // is larger than that, and each row of a page looked its index pages up from the disk again.
    for (const QString &pragma :
        { QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA busy_timeout = 5000"),
            QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA cache_size = -32768") }) {
        if (!q.exec(pragma))
            return fail(q.lastError().text());
        q.finish();
    }
    return check() && migrate();
}

bool LocalStore::check()
{
    // quick_check: the structural checks of integrity_check without the slow index
    // cross-checks, so opening a large cache stays fast.
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return fail(q.lastError().text());
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString());
    if (problems != QStringList { QStringLiteral("ok") })
        return fail(
            QStringLiteral("integrity check failed: ") + problems.join(QLatin1String("; ")));
    return true;
}

int LocalStore::schemaVersion() const
{
    return meta(QStringLiteral("schema_version")).toInt();
}

bool LocalStore::migrate()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)")))
        return fail(q.lastError().text());
    const int current = schemaVersion();
    if (current > SchemaVersion)
        return fail(
            QStringLiteral("the cache was made by a newer version (schema %1)").arg(current));
    for (int version = current + 1; version <= SchemaVersion; ++version) {
        StoreTransaction tx(*this);
        if (!tx.ok())
            return false;
        for (const QString &statement : migrations().at(version - 1)) {
            if (!q.exec(statement))
                return fail(
                    QStringLiteral("migration %1: %2").arg(version).arg(q.lastError().text()));
        }
        if (!setMeta(QStringLiteral("schema_version"), QString::number(version)))
            return false;
        if (!tx.commit())
            return false;
    }
    return true;
}

void LocalStore::closeConnection()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_depth = 0;
    m_failed = false;
}

void LocalStore::close()
{
    closeConnection();
    m_open = false;
}

namespace {

// A copy of a file whose first 100 bytes (the SQLite header) were destroyed, with a plausible
// header in their place: the pages after it are often intact, and the outbox can be read from
// them. Assumes the 4096-byte pages every cache is created with.
QString repairedCopy(const QString &path, const QString &copyPath)
{
    QFile::remove(copyPath);
    QFile::remove(copyPath + QStringLiteral("-wal"));
    QFile::remove(copyPath + QStringLiteral("-shm"));
    if (!QFile::copy(path, copyPath))
        return {};
    QFile copy(copyPath);
    if (!copy.open(QIODevice::ReadWrite) || copy.size() < 4096)
        return {};
    const quint32 pages = quint32(copy.size() / 4096);
    QByteArray header(100, '\0');
    const auto put32 = [&](int at, quint32 value) {
        for (int i = 0; i < 4; ++i)
            header[at + i] = char((value >> (24 - 8 * i)) & 0xff);
    };
    header.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    header[16] = char(0x10); // page size 4096, big-endian
    header[17] = char(0x00);
    header[18] = 1; // legacy (rollback journal) read/write versions: no WAL needed
    header[19] = 1;
    header[20] = 0;
    header[21] = 64;
    header[22] = 32;
    header[23] = 32;
    put32(24, 1); // change counter
    put32(28, pages); // database size, valid since the change counter matches offset 92
    put32(40, 1); // schema cookie
    put32(44, 4); // schema format
    put32(56, 1); // UTF-8
    put32(92, 1);
    put32(96, 3037002); // the SQLite version that wrote it: any will do
    copy.seek(0);
    const bool written = copy.write(header) == header.size();
    copy.close();
    return written ? copyPath : QString();
}

} // namespace

QList<OutboxMutation> LocalStore::rescueOutbox(const QString &path) const
{
    const auto readFrom = [this](const QString &file, const QString &suffix) {
        QList<OutboxMutation> rescued;
        const QString name = m_connection + suffix;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            if (db.open()) {
                // Row by row, so one damaged row or page costs that row only.
                QList<qint64> seqs;
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT seq FROM outbox ORDER BY seq"))) {
                    while (q.next())
                        seqs.append(q.value(0).toLongLong());
                }
                const bool listed = !q.lastError().isValid();
                q.finish();
                if (!listed) {
                    // The listing broke off: probe every number the table ever handed out.
                    qint64 maxSeq = seqs.isEmpty() ? 0 : seqs.last();
                    if (q.exec(
                            QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"))
                        && q.next())
                        maxSeq = std::max(maxSeq, q.value(0).toLongLong());
                    q.finish();
                    const qint64 from = seqs.isEmpty() ? 1 : seqs.last() + 1;
                    for (qint64 s = from; s <= std::min<qint64>(maxSeq, from + 1'000'000); ++s)
                        seqs.append(s);
                }
                QSqlQuery row(db);
                row.prepare(QStringLiteral("SELECT ") + MutationColumns
                    + QStringLiteral(" FROM outbox WHERE seq = ?"));
                for (const qint64 seq : std::as_const(seqs)) {
                    row.bindValue(0, seq);
                    OutboxMutation m;
                    if (row.exec() && row.next() && readMutation(row, &m))
                        rescued.append(m);
                    row.finish();
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return rescued;
    };

    QList<OutboxMutation> rescued = readFrom(path, QStringLiteral("-rescue"));
    if (rescued.isEmpty()) {
        const QString copy = repairedCopy(path, path + QStringLiteral(".rescue"));
        if (!copy.isEmpty())
            rescued = readFrom(copy, QStringLiteral("-rescue-repaired"));
        QFile::remove(path + QStringLiteral(".rescue"));
        QFile::remove(path + QStringLiteral(".rescue-wal"));
        QFile::remove(path + QStringLiteral(".rescue-shm"));
        QFile::remove(path + QStringLiteral(".rescue-journal"));
    }
    return rescued;
}

bool LocalStore::rebuild()
{
    closeConnection();
    const QList<OutboxMutation> rescued = rescueOutbox(m_path);

    const QString aside = m_path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmsszzz"));
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFile::exists(m_path + suffix) && !QFile::rename(m_path + suffix, aside + suffix)) {
            // Cannot keep it for inspection; it must not stay in the way either.
            if (!QFile::remove(m_path + suffix))
                return fail(QStringLiteral("cannot move %1 aside").arg(m_path + suffix));
        }
    }
    m_movedAside = aside;

    bool corrupt = false;
    if (!makePrivate(m_path))
        return fail(QStringLiteral("cannot make %1 private to its owner").arg(m_path));
    if (!openFile(m_path, &corrupt))
        return false;
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    for (const OutboxMutation &m : rescued) {
        if (!insertOutboxRow(m, QJsonValue()))
            return false;
    }
    if (!tx.commit())
        return false;
    m_rescued = int(rescued.size());
    qWarning("LocalStore: rebuilt %s, %d outbox rows kept, the damaged file is %s",
        qPrintable(m_path), m_rescued, qPrintable(aside));
    return true;
}

bool LocalStore::begin()
{
    if (!m_open && !QSqlDatabase::contains(m_connection))
        return fail(QStringLiteral("the local store is not open"));
    if (m_depth++ > 0)
        return true;
    m_failed = false;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        --m_depth;
        return fail(q.lastError().text());
    }
    return true;
}

bool LocalStore::commit()
{
    if (--m_depth > 0)
        return !m_failed;
    QSqlQuery q(database());
    if (m_failed) {
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        fail(q.lastError().text());
        QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

void LocalStore::rollback()
{
    if (--m_depth > 0) {
        m_failed = true;
        return;
    }
    QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
}

QString LocalStore::meta(const QString &key) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool LocalStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

QDateTime LocalStore::lastSyncAt() const
{
    const QString text = meta(QStringLiteral("lastSyncAt"));
    if (text.isEmpty())
        return {};
    return QDateTime::fromMSecsSinceEpoch(text.toLongLong(), Qt::UTC);
}

bool LocalStore::setLastSyncAt(const QDateTime &when)
{
    return setMeta(QStringLiteral("lastSyncAt"), QString::number(when.toMSecsSinceEpoch()));
}

bool LocalStore::writeChanges(const QString &table, const QJsonArray &changes)
{
    QSqlQuery upsert(database());
    upsert.prepare(
        QStringLiteral("INSERT INTO %1 (type, id, version, data) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (type, id) DO UPDATE SET version = excluded.version,"
                       " data = excluded.data WHERE excluded.version >= %1.version")
            .arg(table));
    QSqlQuery remove(database());
    remove.prepare(
        QStringLiteral("DELETE FROM %1 WHERE type = ? AND id = ? AND version <= ?").arg(table));
    const qsizetype middle = changes.size() / 2;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (i == middle)
            crashPoint("applyPage:mid");
        // `seq` is not read: the cursor says where the page ends, and entries may come without it.
        const QJsonObject change = changes.at(i).toObject();
        const QString type = change.value(QLatin1String("type")).toString();
        const QString id = change.value(QLatin1String("id")).toString();
        const QJsonValue version = change.value(QLatin1String("version"));
        const QString op = change.value(QLatin1String("op")).toString();
        if (type.isEmpty() || id.isEmpty() || !version.isDouble())
            return fail(QStringLiteral("change %1 of the page is malformed").arg(i));
        if (op == QLatin1String("upsert")) {
            const QJsonValue data = change.value(QLatin1String("data"));
            if (!data.isObject())
                return fail(QStringLiteral("change %1 of the page has no data").arg(i));
            upsert.bindValue(0, type);
            upsert.bindValue(1, id);
            upsert.bindValue(2, qint64(version.toDouble()));
            upsert.bindValue(3, toText(data.toObject()));
            if (!upsert.exec())
                return fail(upsert.lastError().text());
        } else if (op == QLatin1String("delete")) {
            remove.bindValue(0, type);
            remove.bindValue(1, id);
            remove.bindValue(2, qint64(version.toDouble()));
            if (!remove.exec())
                return fail(remove.lastError().text());
        } else {
            return fail(QStringLiteral("change %1 of the page has an unknown op").arg(i));
        }
    }
    return true;
}

// A page of the feed is committed without waiting for the disk (synchronous = NORMAL in WAL
// mode): a power cut may lose the last pages, but never half of one, and their cursor goes
// with them, so the next sync fetches them again. The file stays consistent, and the next
// transaction that waits for the disk (any outbox write, at FULL) makes them durable too. The
// fsync of every page was a third of an HR office's first sync. Outside any other transaction.
class LocalStore::RelaxedDurability
{
public:
    explicit RelaxedDurability(LocalStore &store)
        : m_store(store)
        , m_active(store.m_depth == 0)
    {
        if (m_active)
            QSqlQuery(store.database()).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    ~RelaxedDurability()
    {
        if (m_active && m_store.m_depth == 0)
            QSqlQuery(m_store.database()).exec(QStringLiteral("PRAGMA synchronous = FULL"));
    }
    Q_DISABLE_COPY_MOVE(RelaxedDurability)

private:
    LocalStore &m_store;
    bool m_active;
};

bool LocalStore::applyPage(
    const QJsonArray &changes, const QString &cursor, const LocalEffect &afterChanges)
{
    const RelaxedDurability relaxed(*this);
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    if (!writeChanges(QStringLiteral("entities"), changes))
        return false;
    if (!recordServerRows(changes))
        return false;
    if (afterChanges && !afterChanges())
        return false;
    if (!setMeta(QStringLiteral("cursor"), cursor))
        return false;
    crashPoint("applyPage:beforeCommit");
    return tx.commit();
}

bool LocalStore::beginRebuild()
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("DELETE FROM rebuild_entities")))
        return fail(q.lastError().text());
    return setMeta(QStringLiteral("rebuildCursor"), QString())
        && setMeta(QStringLiteral("rebuilding"), QStringLiteral("1")) && tx.commit();
}

bool LocalStore::applyRebuildPage(const QJsonArray &changes, const QString &cursor)
{
    const RelaxedDurability relaxed(*this);
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    if (!isRebuilding())
        return fail(QStringLiteral("no rebuild is under way"));
    if (!writeChanges(QStringLiteral("rebuild_entities"), changes))
        return false;
    if (!setMeta(QStringLiteral("rebuildCursor"), cursor))
        return false;
    crashPoint("rebuildPage:beforeCommit");
    return tx.commit();
}

bool LocalStore::finishRebuild(
    const QJsonArray &changes, const QString &cursor, const LocalEffect &afterSwitch)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    if (!isRebuilding())
        return fail(QStringLiteral("no rebuild is under way"));
    if (!writeChanges(QStringLiteral("rebuild_entities"), changes))
        return false;
    crashPoint("rebuildSwitch:beforeSwap");
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("DELETE FROM entities"))
        || !q.exec(QStringLiteral("INSERT INTO entities (type, id, version, data)"
                                  " SELECT type, id, version, data FROM rebuild_entities"))
        || !q.exec(QStringLiteral("DELETE FROM rebuild_entities"))
        || !q.exec(QStringLiteral("DELETE FROM meta WHERE key IN ('rebuilding', 'rebuildCursor')"))
        // The server's rows kept to undo local effects are now those of the new feed (before
        // the pending effects are laid over them below).
        || !q.exec(
            QStringLiteral("UPDATE server_rows SET"
                           " version = COALESCE((SELECT e.version FROM entities e"
                           "  WHERE e.type = server_rows.type AND e.id = server_rows.id), 0),"
                           " data = (SELECT e.data FROM entities e"
                           "  WHERE e.type = server_rows.type AND e.id = server_rows.id)")))
        return fail(q.lastError().text());
    if (afterSwitch && !afterSwitch())
        return false;
    if (!setMeta(QStringLiteral("cursor"), cursor))
        return false;
    crashPoint("rebuildSwitch:beforeCommit");
    return tx.commit();
}

qint64 LocalStore::rebuildEntityCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM rebuild_entities")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<OutboxMutation> LocalStore::acknowledgedMutations() const
{
    QList<OutboxMutation> list;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT seq, id, type, entity_type, target, base_version, payload, created_at,"
            " 'acknowledged', 0, NULL, NULL FROM acknowledged ORDER BY seq"))) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next()) {
        OutboxMutation m;
        if (readMutation(q, &m))
            list.append(m);
    }
    return list;
}

bool LocalStore::pruneAcknowledged(const QDateTime &before)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM acknowledged WHERE acknowledged_at < ?"));
    q.addBindValue(before.toMSecsSinceEpoch());
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

int LocalStore::requeueAcknowledged()
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return -1;
    QSqlQuery q(database());
    // Their own seq keeps them before what was queued after them; one the outbox holds already
    // (the same id) stays as it is there. (A seq taken since, by a rebuilt file's rescued rows,
    // gets a new one: late rather than lost.)
    const QString insert = QStringLiteral(
        "INSERT INTO outbox (seq, id, type, entity_type, target, base_version, payload,"
        " created_at, state, attempts)"
        " SELECT %1, a.id, a.type, a.entity_type, a.target, a.base_version, a.payload,"
        " a.created_at, 'pending', 0 FROM acknowledged a"
        " WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.id = a.id%2) ORDER BY a.seq");
    int count = 0;
    for (const auto &[seq, orSeq] :
        { std::pair { QStringLiteral("a.seq"), QStringLiteral(" OR o.seq = a.seq") },
            std::pair { QStringLiteral("NULL"), QString() } }) {
        if (!q.exec(insert.arg(seq, orSeq))) {
            fail(q.lastError().text());
            return -1;
        }
        count += q.numRowsAffected();
    }
    if (!q.exec(QStringLiteral("DELETE FROM acknowledged"))) {
        fail(q.lastError().text());
        return -1;
    }
    if (!tx.commit())
        return -1;
    return count;
}

std::optional<CachedEntity> LocalStore::entity(const QString &type, const QString &id) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT version, data FROM entities WHERE type = ? AND id = ?"));
    q.addBindValue(type);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return CachedEntity { type, id, q.value(0).toLongLong(), toObject(q.value(1)) };
}

QList<CachedEntity> LocalStore::entities(const QString &type) const
{
    QList<CachedEntity> list;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, version, data FROM entities WHERE type = ? ORDER BY id"));
    q.addBindValue(type);
    if (!q.exec())
        return list;
    while (q.next())
        list.append({ type, q.value(0).toString(), q.value(1).toLongLong(), toObject(q.value(2)) });
    return list;
}

QHash<QString, qint64> LocalStore::entityVersions(const QString &type) const
{
    QHash<QString, qint64> versions;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, version FROM entities WHERE type = ?"));
    q.addBindValue(type);
    if (!q.exec())
        return versions;
    while (q.next())
        versions.insert(q.value(0).toString(), q.value(1).toLongLong());
    return versions;
}

qint64 LocalStore::entityCount(const QString &type) const
{
    QSqlQuery q(database());
    if (type.isEmpty()) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM entities"));
    } else {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM entities WHERE type = ?"));
        q.addBindValue(type);
    }
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool LocalStore::writeEntity(const CachedEntity &e, bool onlyIfNotOlder)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO entities (type, id, version, data) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (type, id) DO UPDATE SET version = excluded.version,"
                             " data = excluded.data")
        + (onlyIfNotOlder ? QStringLiteral(" WHERE excluded.version >= entities.version")
                          : QString()));
    q.addBindValue(e.type);
    q.addBindValue(e.id);
    q.addBindValue(e.version);
    q.addBindValue(toText(e.data));
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

bool LocalStore::putEntity(const CachedEntity &e)
{
    StoreTransaction tx(*this);
    return tx.ok() && writeEntity(e, false) && tx.commit();
}

bool LocalStore::deleteEntity(const QString &type, const QString &id, qint64 version)
{
    QSqlQuery q(database());
    if (version < 0) {
        q.prepare(QStringLiteral("DELETE FROM entities WHERE type = ? AND id = ?"));
    } else {
        q.prepare(
            QStringLiteral("DELETE FROM entities WHERE type = ? AND id = ? AND version <= ?"));
    }
    q.addBindValue(type);
    q.addBindValue(id);
    if (version >= 0)
        q.addBindValue(version);
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

bool LocalStore::removeEntity(const QString &type, const QString &id)
{
    StoreTransaction tx(*this);
    return tx.ok() && deleteEntity(type, id, -1) && tx.commit();
}

bool LocalStore::insertOutboxRow(const OutboxMutation &m, const QJsonValue &before)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (id, type, entity_type, target, base_version, payload, created_at,"
        " state, attempts, last_error, result, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    const QVariant null { QMetaType(QMetaType::QString) };
    q.addBindValue(m.id);
    q.addBindValue(m.type);
    q.addBindValue(m.entityType);
    q.addBindValue(m.target);
    q.addBindValue(m.baseVersion);
    q.addBindValue(toText(m.payload));
    q.addBindValue(m.createdAt.toMSecsSinceEpoch());
    q.addBindValue(OutboxMutation::stateName(m.state));
    q.addBindValue(m.attempts);
    q.addBindValue(m.lastError.isEmpty() ? null : QVariant(toText(m.lastError)));
    q.addBindValue(m.result.isEmpty() ? null : QVariant(toText(m.result)));
    q.addBindValue(before.isObject() ? QVariant(toText(before.toObject())) : null);
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

QString LocalStore::enqueue(
    OutboxMutation mutation, const LocalEffect &localEffect, const Merge &merge)
{
    if (mutation.id.isEmpty())
        mutation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!mutation.createdAt.isValid())
        mutation.createdAt = QDateTime::currentDateTimeUtc();
    mutation.state = OutboxMutation::State::Pending;
    StoreTransaction tx(*this);
    if (!tx.ok())
        return {};
    QJsonValue before;
    if (const auto e = entity(mutation.entityType, mutation.target))
        before = QJsonObject { { QStringLiteral("version"), double(e->version) },
            { QStringLiteral("data"), e->data } };
    if (!rememberServerRowBeforeEffect(mutation))
        return {};
    // The entity's last outbox row, when it may take this one in.
    std::optional<OutboxMutation> waiting;
    std::optional<QJsonObject> merged;
    if (merge) {
        const QList<OutboxMutation> last = selectMutations(
            QStringLiteral("WHERE entity_type = ? AND target = ? ORDER BY seq DESC LIMIT 1"),
            { mutation.entityType, mutation.target });
        if (!last.isEmpty() && last.first().type == mutation.type
            && last.first().state == OutboxMutation::State::Pending && last.first().attempts == 0
            && last.first().heldBy.isEmpty()) {
            waiting = last.first();
            merged = merge(*waiting, mutation);
        }
    }
    if (localEffect && !localEffect()) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("the local effect failed");
        return {};
    }
    crashPoint("enqueue:afterEffect");
    if (merged) {
        // Only a row never sent: one sent may have been applied, under its id, as it was.
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE outbox SET payload = ? WHERE id = ? AND attempts = 0"
                                 " AND state = 'pending'"));
        q.addBindValue(toText(*merged));
        q.addBindValue(waiting->id);
        if (!q.exec()) {
            fail(q.lastError().text());
            return {};
        }
        if (q.numRowsAffected() != 1) {
            fail(QStringLiteral("mutation %1 was sent meanwhile").arg(waiting->id));
            return {};
        }
        mutation.id = waiting->id;
    } else if (!insertOutboxRow(mutation, before)) {
        return {};
    }
    crashPoint("enqueue:beforeCommit");
    if (!tx.commit())
        return {};
    return mutation.id;
}

bool LocalStore::inTransaction(const std::function<bool()> &work)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    if (!work())
        return false;
    return tx.commit();
}

QList<OutboxMutation> LocalStore::selectMutations(
    const QString &where, const QVariantList &binds) const
{
    QList<OutboxMutation> list;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + MutationColumns + QStringLiteral(", held_by FROM outbox ")
        + where);
    for (const QVariant &bind : binds)
        q.addBindValue(bind);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next()) {
        OutboxMutation m;
        if (readMutation(q, &m)) {
            m.heldBy = q.value(12).toString();
            list.append(m);
        }
    }
    return list;
}

QList<OutboxMutation> LocalStore::pendingMutations(int limit) const
{
    return selectMutations(
        QStringLiteral("WHERE state = 'pending' ORDER BY seq LIMIT ?"), { limit });
}

QList<OutboxMutation> LocalStore::problems() const
{
    return selectMutations(QStringLiteral("WHERE state != 'pending' ORDER BY seq"), {});
}

QList<OutboxMutation> LocalStore::allMutations() const
{
    return selectMutations(QStringLiteral("ORDER BY seq"), {});
}

std::optional<OutboxMutation> LocalStore::mutation(const QString &id) const
{
    const QList<OutboxMutation> list = selectMutations(QStringLiteral("WHERE id = ?"), { id });
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

std::optional<CachedEntity> LocalStore::entityBefore(const QString &mutationId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT entity_type, target, before FROM outbox WHERE id = ?"));
    q.addBindValue(mutationId);
    if (!q.exec() || !q.next() || q.value(2).isNull())
        return std::nullopt;
    const QJsonObject before = toObject(q.value(2));
    return CachedEntity { q.value(0).toString(), q.value(1).toString(),
        qint64(before.value(QLatin1String("version")).toDouble()),
        before.value(QLatin1String("data")).toObject() };
}

int LocalStore::pendingCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int LocalStore::problemCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state != 'pending'"))
        || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool LocalStore::noteAttempt(const QStringList &ids)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?"));
    for (const QString &id : ids) {
        q.bindValue(0, id);
        if (!q.exec())
            return fail(q.lastError().text());
    }
    return tx.commit();
}

bool LocalStore::markApplied(const QString &id, qint64 newVersion, const QDateTime &acknowledgedAt)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    const std::optional<OutboxMutation> m = mutation(id);
    if (!m)
        return fail(QStringLiteral("no mutation %1 in the outbox").arg(id));
    QSqlQuery q(database());
    // Kept, with its id and payload, to be sent again should the server lose it in a restore.
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO acknowledged (seq, id, type, entity_type, target, base_version,"
        " payload, created_at, acknowledged_at)"
        " SELECT seq, id, type, entity_type, target, base_version, payload, created_at, ?"
        " FROM outbox WHERE id = ?"));
    q.addBindValue((acknowledgedAt.isValid() ? acknowledgedAt : QDateTime::currentDateTimeUtc())
                       .toMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    // The cached entity already shows this change (its local effect): it is now that version.
    q.prepare(QStringLiteral(
        "UPDATE entities SET version = ? WHERE type = ? AND id = ? AND version = ?"));
    q.addBindValue(newVersion);
    q.addBindValue(m->entityType);
    q.addBindValue(m->target);
    q.addBindValue(m->baseVersion);
    if (!q.exec())
        return fail(q.lastError().text());
    q.prepare(
        QStringLiteral("UPDATE outbox SET base_version = ? WHERE entity_type = ? AND target = ?"
                       " AND base_version = ? AND state = 'pending' AND seq > ?"));
    q.addBindValue(newVersion);
    q.addBindValue(m->entityType);
    q.addBindValue(m->target);
    q.addBindValue(m->baseVersion);
    q.addBindValue(m->seq);
    if (!q.exec())
        return fail(q.lastError().text());
    return tx.commit();
}

bool LocalStore::markRejected(const QString &id, const QJsonObject &error)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'rejected', last_error = ?, result = NULL WHERE id = ?"));
    q.addBindValue(toText(error));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("no mutation %1").arg(id));
    // Its dependants wait with it, and its local effect goes.
    return settleRejection(id) && tx.commit();
}

bool LocalStore::markConflict(const QString &id, const QJsonObject &current)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'conflict', result = ?, last_error = NULL WHERE id = ?"));
    q.addBindValue(toText(current));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("no mutation %1").arg(id));
    const QString type = current.value(QLatin1String("type")).toString();
    const QString entityId = current.value(QLatin1String("id")).toString();
    const QJsonValue version = current.value(QLatin1String("version"));
    const QJsonValue data = current.value(QLatin1String("data"));
    if (!type.isEmpty() && !entityId.isEmpty() && version.isDouble()) {
        const bool ok = data.isObject()
            ? writeEntity({ type, entityId, qint64(version.toDouble()), data.toObject() }, false)
            : deleteEntity(type, entityId, -1);
        if (!ok)
            return false;
    }
    return tx.commit();
}

namespace {

// The server records the outcome of every id it saw, refusals and conflicts included, and answers
// that id with it for ever: sending a set-aside mutation again needs a new id. (A pending one
// keeps its id: it may have been applied already, with the answer lost.)
QString idForResend(const OutboxMutation &m)
{
    return m.state == OutboxMutation::State::Pending
        ? m.id
        : QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

QString LocalStore::retry(const QString &id)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return {};
    const std::optional<OutboxMutation> m = mutation(id);
    if (!m) {
        fail(QStringLiteral("no mutation %1").arg(id));
        return {};
    }
    qint64 base = m->baseVersion;
    const QJsonValue current = m->result.value(QLatin1String("version"));
    if (m->state == OutboxMutation::State::Conflict && current.isDouble())
        base = qint64(current.toDouble());
    const QString newId = idForResend(*m);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE outbox SET id = ?, state = 'pending', base_version = ?,"
                             " last_error = NULL, result = NULL WHERE id = ?"));
    q.addBindValue(newId);
    q.addBindValue(base);
    q.addBindValue(id);
    if (!q.exec()) {
        fail(q.lastError().text());
        return {};
    }
    if (!releaseHeld(id))
        return {};
    // Its effect shows again (a refusal undid it).
    if (m->state == OutboxMutation::State::Rejected && !recompute(m->entityType, m->target))
        return {};
    if (!tx.commit())
        return {};
    return newId;
}

int LocalStore::reopenConflicts(const QStringList &ids)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return -1;
    int count = 0;
    for (const QString &id : ids) {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE outbox SET id = ?, state = 'pending', last_error = NULL,"
                                 " result = NULL WHERE id = ? AND state = 'conflict'"));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(id);
        if (!q.exec()) {
            fail(q.lastError().text());
            return -1;
        }
        if (q.numRowsAffected() == 1) {
            ++count;
            if (!releaseHeld(id))
                return -1;
        }
    }
    if (!tx.commit())
        return -1;
    return count;
}

bool LocalStore::discard(const QString &id)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    const std::optional<OutboxMutation> m = mutation(id);
    if (!m)
        return fail(QStringLiteral("no mutation %1").arg(id));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT before FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return fail(q.lastError().text());
    const QVariant before = q.value(0);
    q.finish();
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity_type = ? AND target = ?"));
    q.addBindValue(m->entityType);
    q.addBindValue(m->target);
    if (!q.exec() || !q.next())
        return fail(q.lastError().text());
    const bool alone = q.value(0).toInt() == 0;
    q.finish();
    const std::optional<CachedEntity> now = entity(m->entityType, m->target);
    // Undo the local effect only when nothing else has touched the entity since.
    if (alone && (now ? now->version : 0) == m->baseVersion) {
        const QJsonObject old = toObject(before);
        const bool ok = before.isNull()
            ? deleteEntity(m->entityType, m->target, -1)
            : writeEntity(
                { m->entityType, m->target, qint64(old.value(QLatin1String("version")).toDouble()),
                    old.value(QLatin1String("data")).toObject() },
                false);
        if (!ok)
            return false;
    }
    return tx.commit();
}

QString LocalStore::replacePayload(const QString &id, const QJsonObject &payload,
    qint64 baseVersion, const LocalEffect &localEffect)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return {};
    const std::optional<OutboxMutation> m = mutation(id);
    if (!m) {
        fail(QStringLiteral("no mutation %1").arg(id));
        return {};
    }
    const QString newId = idForResend(*m);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE outbox SET id = ?, payload = ?, base_version = ?,"
                             " state = 'pending', last_error = NULL, result = NULL WHERE id = ?"));
    q.addBindValue(newId);
    q.addBindValue(toText(payload));
    q.addBindValue(baseVersion);
    q.addBindValue(id);
    if (!q.exec()) {
        fail(q.lastError().text());
        return {};
    }
    if (!releaseHeld(id))
        return {};
    if (localEffect && !localEffect())
        return {};
    // After a refusal undid the effects: the server's row with the pending effects, this one's
    // included.
    if (!recompute(m->entityType, m->target))
        return {};
    if (!tx.commit())
        return {};
    return newId;
}

bool LocalStore::resetCache()
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("DELETE FROM entities"))
        || !q.exec(QStringLiteral("DELETE FROM rebuild_entities"))
        || !q.exec(QStringLiteral(
            "DELETE FROM meta WHERE key IN ('cursor', 'rebuilding', 'rebuildCursor')")))
        return fail(q.lastError().text());
    return tx.commit();
}

// --- Merging, held chains and the server's rows (issue 13) ---

QString LocalStore::entityKey(const QString &type, const QString &id)
{
    return type + QLatin1Char('\n') + id;
}

std::optional<CachedEntity> LocalStore::serverRow(const QString &type, const QString &id) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT version, data FROM server_rows WHERE type = ? AND id = ?"));
    q.addBindValue(type);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    if (q.value(1).isNull())
        return CachedEntity { QString(), id, q.value(0).toLongLong(), {} };
    return CachedEntity { type, id, q.value(0).toLongLong(), toObject(q.value(1)) };
}

bool LocalStore::rememberServerRowBeforeEffect(const OutboxMutation &m)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT before FROM outbox WHERE entity_type = ? AND target = ?"
                             " ORDER BY seq LIMIT 1"));
    q.addBindValue(m.entityType);
    q.addBindValue(m.target);
    if (!q.exec())
        return fail(q.lastError().text());
    std::optional<CachedEntity> row;
    if (!q.next()) {
        // No local effect on it yet: the cached entity is the server's row (a row kept from an
        // earlier chain of effects is stale by now).
        row = entity(m.entityType, m.target);
        if (!row)
            row = CachedEntity { QString(), m.target, 0, {} };
    } else {
        const QVariant before = q.value(0);
        q.finish();
        if (serverRow(m.entityType, m.target))
            return true;
        // An outbox from before the server's rows were kept: the entity before its first effect.
        const QJsonObject old = toObject(before);
        row = before.isNull() ? CachedEntity { QString(), m.target, 0, {} }
                              : CachedEntity { m.entityType, m.target,
                                    qint64(old.value(QLatin1String("version")).toDouble()),
                                    old.value(QLatin1String("data")).toObject() };
    }
    q.finish();
    const QVariant null { QMetaType(QMetaType::QString) };
    q.prepare(QStringLiteral("INSERT INTO server_rows (type, id, version, data) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (type, id) DO UPDATE SET version = excluded.version,"
                             " data = excluded.data"));
    q.addBindValue(m.entityType);
    q.addBindValue(m.target);
    q.addBindValue(row->version);
    q.addBindValue(row->type.isEmpty() ? null : QVariant(toText(row->data)));
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

bool LocalStore::recordServerRows(const QJsonArray &changes)
{
    // Kept only for entities with local effects: most pages touch none of them.
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM server_rows)")) || !q.next())
        return fail(q.lastError().text());
    if (!q.value(0).toBool())
        return true;
    q.finish();
    QSqlQuery update(database());
    update.prepare(QStringLiteral("UPDATE server_rows SET version = ?, data = ?"
                                  " WHERE type = ? AND id = ? AND version <= ?"));
    const QVariant null { QMetaType(QMetaType::QString) };
    for (const QJsonValue &value : changes) {
        const QJsonObject change = value.toObject();
        const qint64 version = qint64(change.value(QLatin1String("version")).toDouble());
        const bool upsert = change.value(QLatin1String("op")).toString() == QLatin1String("upsert");
        update.bindValue(0, version);
        update.bindValue(
            1, upsert ? QVariant(toText(change.value(QLatin1String("data")).toObject())) : null);
        update.bindValue(2, change.value(QLatin1String("type")).toString());
        update.bindValue(3, change.value(QLatin1String("id")).toString());
        update.bindValue(4, version);
        if (!update.exec())
            return fail(update.lastError().text());
    }
    // The rows of entities whose effects are all settled are not needed any more.
    if (!q.exec(QStringLiteral(
            "DELETE FROM server_rows WHERE NOT EXISTS (SELECT 1 FROM outbox o"
            " WHERE o.entity_type = server_rows.type AND o.target = server_rows.id)")))
        return fail(q.lastError().text());
    return true;
}

bool LocalStore::recompute(const QString &type, const QString &id)
{
    std::optional<CachedEntity> base = serverRow(type, id);
    if (!base)
        return true; // unknown: the entity stays as it is
    // A conflict brought a newer row of the server than the last pull.
    const QList<OutboxMutation> rows = selectMutations(
        QStringLiteral("WHERE entity_type = ? AND target = ? ORDER BY seq"), { type, id });
    for (const OutboxMutation &m : rows) {
        const QJsonValue version = m.result.value(QLatin1String("version"));
        if (m.state == OutboxMutation::State::Conflict && version.isDouble()
            && qint64(version.toDouble()) > base->version) {
            const QJsonValue data = m.result.value(QLatin1String("data"));
            base = CachedEntity { data.isObject() ? type : QString(), id,
                qint64(version.toDouble()), data.toObject() };
        }
    }
    std::optional<QJsonObject> data;
    if (!base->type.isEmpty())
        data = base->data;
    for (const OutboxMutation &m : rows) {
        if (m.state != OutboxMutation::State::Pending)
            continue;
        if (!m_rules.replay)
            return true; // effects this store cannot lay: leave the entity as it is
        data = m_rules.replay(m, data);
    }
    const std::optional<CachedEntity> now = entity(type, id);
    if (!data)
        return !now || deleteEntity(type, id, -1);
    if (now && now->version == base->version && now->data == *data)
        return true;
    return writeEntity({ type, id, base->version, *data }, false);
}

bool LocalStore::settleRejection(const QString &id)
{
    const std::optional<OutboxMutation> refused = mutation(id);
    if (!refused)
        return fail(QStringLiteral("no mutation %1").arg(id));
    // Held by the chain's first refusal: one cause, one message, one decision.
    const QString cause = refused->heldBy.isEmpty() ? refused->id : refused->heldBy;
    QSet<QString> provided { entityKey(refused->entityType, refused->target) };
    QList<std::pair<QString, QString>> affected { { refused->entityType, refused->target } };
    const QList<OutboxMutation> later = selectMutations(
        QStringLiteral("WHERE state = 'pending' AND seq > ? ORDER BY seq"), { refused->seq });
    QSqlQuery hold(database());
    hold.prepare(QStringLiteral("UPDATE outbox SET state = 'rejected', held_by = ?,"
                                " last_error = NULL, result = NULL WHERE id = ?"));
    for (const OutboxMutation &m : later) {
        const QString own = entityKey(m.entityType, m.target);
        QStringList keys { own };
        if (m_rules.dependsOn)
            keys += m_rules.dependsOn(m);
        const bool builds = std::any_of(
            keys.cbegin(), keys.cend(), [&](const QString &key) { return provided.contains(key); });
        if (!builds)
            continue;
        hold.bindValue(0, cause);
        hold.bindValue(1, m.id);
        if (!hold.exec())
            return fail(hold.lastError().text());
        provided.insert(own);
        if (!affected.contains(std::pair { m.entityType, m.target }))
            affected.append({ m.entityType, m.target });
    }
    for (const auto &[type, target] : std::as_const(affected)) {
        if (!recompute(type, target))
            return false;
        if (!m_recomputedTypes.contains(type))
            m_recomputedTypes.append(type);
    }
    return true;
}

QStringList LocalStore::takeRecomputedTypes()
{
    return std::exchange(m_recomputedTypes, {});
}

QList<OutboxMutation> LocalStore::heldBy(const QString &causeId) const
{
    return selectMutations(QStringLiteral("WHERE held_by = ? ORDER BY seq"), { causeId });
}

QStringList LocalStore::retryChain(const QString &causeId)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return {};
    const std::optional<OutboxMutation> cause = mutation(causeId);
    if (!cause || cause->state == OutboxMutation::State::Pending) {
        fail(QStringLiteral("no set-aside mutation %1").arg(causeId));
        return {};
    }
    QList<OutboxMutation> chain { *cause };
    chain += heldBy(causeId);
    QStringList ids;
    QList<std::pair<QString, QString>> affected;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE outbox SET id = ?, state = 'pending', base_version = ?,"
                             " last_error = NULL, result = NULL, held_by = NULL WHERE id = ?"));
    for (const OutboxMutation &m : std::as_const(chain)) {
        // The server records the outcome of every id it answered: those need a new one. A held
        // mutation it never answered keeps its id (it may have been applied, the answer lost).
        const bool answered = m.heldBy.isEmpty() || !m.lastError.isEmpty() || !m.result.isEmpty();
        const QString id = answered ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m.id;
        qint64 base = m.baseVersion;
        const QJsonValue current = m.result.value(QLatin1String("version"));
        if (m.state == OutboxMutation::State::Conflict && current.isDouble())
            base = qint64(current.toDouble());
        q.bindValue(0, id);
        q.bindValue(1, base);
        q.bindValue(2, m.id);
        if (!q.exec()) {
            fail(q.lastError().text());
            return {};
        }
        ids.append(id);
        if (!affected.contains(std::pair { m.entityType, m.target }))
            affected.append({ m.entityType, m.target });
    }
    for (const auto &[type, target] : std::as_const(affected)) {
        if (!recompute(type, target))
            return {};
    }
    if (!tx.commit())
        return {};
    return ids;
}

bool LocalStore::discardChain(const QString &causeId)
{
    StoreTransaction tx(*this);
    if (!tx.ok())
        return false;
    const std::optional<OutboxMutation> cause = mutation(causeId);
    if (!cause)
        return fail(QStringLiteral("no mutation %1").arg(causeId));
    QList<OutboxMutation> chain { *cause };
    chain += heldBy(causeId);
    QList<std::pair<QString, QString>> known;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    // Last first, so an entity without a known server row is undone the old way (discard():
    // each row back to what the user saw before it).
    for (qsizetype i = chain.size() - 1; i >= 0; --i) {
        const OutboxMutation &m = chain.at(i);
        if (!serverRow(m.entityType, m.target)) {
            if (!discard(m.id))
                return false;
            continue;
        }
        q.bindValue(0, m.id);
        if (!q.exec())
            return fail(q.lastError().text());
        if (!known.contains(std::pair { m.entityType, m.target }))
            known.append({ m.entityType, m.target });
    }
    for (const auto &[type, target] : std::as_const(known)) {
        if (!recompute(type, target))
            return false;
    }
    return tx.commit();
}

int LocalStore::unsentCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool LocalStore::makePrivate(const QString &path)
{
    // The cache holds personal data (an HR officer's: thousands of resident ids): the directory
    // is the owner's only (0700), and so is the file (0600), created so before SQLite opens it.
    // SQLite gives its -wal, -shm and -journal files the database file's permissions; existing
    // ones from an older version are tightened here too.
    const auto ownerDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const auto ownerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!QFile::setPermissions(dir.absolutePath(), ownerDir))
        return false;
    // The per-server directory's parent (".../cache") when the layout is defaultPath()'s.
    if (dir.cdUp() && dir.dirName() == QLatin1String("cache")
        && !QFile::setPermissions(dir.absolutePath(), ownerDir))
        return false;
    if (!info.exists()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly, ownerFile))
            return false;
        file.close();
    }
    for (const QString &suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") }) {
        if (QFile::exists(path + suffix) && !QFile::setPermissions(path + suffix, ownerFile))
            return false;
    }
    return true;
}

bool LocalStore::releaseHeld(const QString &causeId)
{
    // The cause goes again on its own (retried or edited): what waited with it goes too, in
    // order; an unanswered one keeps its id, one the server answered needs a new one.
    QList<std::pair<QString, QString>> affected;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE outbox SET id = ?, state = 'pending', last_error = NULL,"
                             " result = NULL, held_by = NULL WHERE id = ?"));
    for (const OutboxMutation &m : heldBy(causeId)) {
        const bool answered = !m.lastError.isEmpty() || !m.result.isEmpty();
        q.bindValue(0, answered ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m.id);
        q.bindValue(1, m.id);
        if (!q.exec())
            return fail(q.lastError().text());
        if (!affected.contains(std::pair { m.entityType, m.target }))
            affected.append({ m.entityType, m.target });
    }
    for (const auto &[type, target] : std::as_const(affected)) {
        if (!recompute(type, target))
            return false;
    }
    return true;
}

} // namespace xueshi
