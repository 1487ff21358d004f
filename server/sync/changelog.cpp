#include "changelog.h"

#include "clock.h"
#include "professionalseries.h"
#include "regions.h"
#include "storage/database.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>

namespace xueshi::server {

ChangeLog::ChangeLog(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

void ChangeLog::initialise()
{
    Transaction tx(m_database);
    if (!m_database.exec(QStringLiteral("SELECT 1 FROM server_meta WHERE key = 'epoch'")).next()) {
        m_database.exec(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('epoch', ?)"),
            { QUuid::createUuid().toString(QUuid::Id128).left(16) });
    }
    // The professional series ship with the server too, published once per list.
    const QString seriesVersion = QString::number(professionalSeries().size());
    QSqlQuery seriesDone
        = m_database.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'series'"));
    const bool seriesKnown = seriesDone.next();
    const bool seriesCurrent = seriesKnown && seriesDone.value(0).toString() == seriesVersion;
    seriesDone.finish();
    if (!seriesCurrent) {
        int order = 0;
        for (const ProfessionalSeries &series : professionalSeries()) {
            append(QStringLiteral("professionalSeries"), series.code, 1, Op::Upsert,
                QJsonObject { { QStringLiteral("code"), series.code },
                    { QStringLiteral("name"), series.name }, { QStringLiteral("order"), order++ } },
                { publicAudience() });
        }
        m_database.exec(seriesKnown
                ? QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'series'")
                : QStringLiteral("INSERT INTO server_meta (value, key) VALUES (?, 'series')"),
            { seriesVersion });
    }
    // The region table ships with the server; it is published into the feed once per version
    // of the table, so clients receive it like any other public data.
    const RegionTable &regions = RegionTable::instance();
    const QString published = QString::number(regions.size());
    QSqlQuery done
        = m_database.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'regions'"));
    const bool already = done.next();
    if (already && done.value(0).toString() == published) {
        tx.commit();
        return;
    }
    done.finish();
    QList<Entry> rows;
    QList<Region> pending = regions.provinces();
    while (!pending.isEmpty()) {
        const Region region = pending.takeFirst();
        const QString code = regions.normalized6(region.code);
        rows.append({ QStringLiteral("region"), code, 1, Op::Upsert,
            QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("name"), region.name },
                { QStringLiteral("parentCode"),
                    region.parentCode.isEmpty() ? QString()
                                                : regions.normalized6(region.parentCode) },
                { QStringLiteral("level"), region.level },
                { QStringLiteral("fullName"), regions.fullName(region.code) } },
            { publicAudience() } });
        pending.append(regions.children(region.code));
    }
    appendMany(rows);
    if (already)
        m_database.exec(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'regions'"),
            { published });
    else
        m_database.exec(
            QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('regions', ?)"),
            { published });
    tx.commit();
}

QString ChangeLog::epoch()
{
    QSqlQuery q
        = m_database.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    return q.next() ? q.value(0).toString() : QString();
}

QString ChangeLog::newEpoch()
{
    const QString epoch = QUuid::createUuid().toString(QUuid::Id128).left(16);
    m_database.exec(
        QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'epoch'"), { epoch });
    return epoch;
}

qint64 ChangeLog::counter()
{
    QSqlQuery q = m_database.exec(QStringLiteral("SELECT n FROM change_counter WHERE id = 1"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

void ChangeLog::setHighWaterFile(const QString &path)
{
    QMutexLocker lock(&m_highWaterLock);
    m_highWaterPath = path;
}

QString ChangeLog::checkHighWater()
{
    QMutexLocker lock(&m_highWaterLock);
    if (m_highWaterPath.isEmpty())
        return {};
    // Several server processes behind nginx share one data directory and so this file: one at
    // a time reads the mark and writes the token, or one would read the file before the
    // other's new token reached it and take that for a restore.
    QLockFile processes(m_highWaterPath + QStringLiteral(".lock"));
    processes.setStaleLockTime(0);
    if (!processes.lock())
        throw DatabaseError(QStringLiteral("cannot lock %1.lock").arg(m_highWaterPath), QString());
    // Read each time: an administrator's command may have changed the epoch meanwhile.
    QString markedEpoch;
    qint64 markedCounter = -1;
    QString markedToken;
    QString instance;
    QFile file(m_highWaterPath);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject mark = QJsonDocument::fromJson(file.read(4096)).object();
        markedEpoch = mark.value(QStringLiteral("epoch")).toString();
        markedCounter = qint64(mark.value(QStringLiteral("counter")).toDouble(-1));
        markedToken = mark.value(QStringLiteral("token")).toString();
        instance = mark.value(QStringLiteral("instance")).toString();
    }
    file.close();
    // Each data directory keeps its own token in the database, so two servers on one
    // PostgreSQL database never take each other's for a restore.
    static const QRegularExpression plainId(QStringLiteral("^[0-9a-f]{32}$"));
    if (!plainId.match(instance).hasMatch()) {
        instance = QUuid::createUuid().toString(QUuid::Id128);
        markedToken.clear();
    }
    const QString tokenKey = QStringLiteral("high_water:") + instance;
    QSqlQuery q = m_database.exec(
        QStringLiteral("SELECT (SELECT value FROM server_meta WHERE key = 'epoch'),"
                       " (SELECT n FROM change_counter WHERE id = 1),"
                       " (SELECT value FROM server_meta WHERE key = ?)"),
        { tokenKey });
    if (!q.next())
        throw DatabaseError(QStringLiteral("the change counter is missing"), QString());
    QString epoch = q.value(0).toString();
    const qint64 n = q.value(1).toLongLong();
    const QString token = q.value(2).toString();
    q.finish();
    QString reason;
    if (!markedToken.isEmpty() && markedToken != token) {
        reason = QStringLiteral("the database is not the one %1 was written for (a backup taken "
                                "before it, or another database)")
                     .arg(m_highWaterPath);
    } else if (markedCounter >= 0 && markedEpoch == epoch && n < markedCounter) {
        reason = QStringLiteral("the database's change counter %1 is below the %2 recorded in %3")
                     .arg(n)
                     .arg(markedCounter)
                     .arg(m_highWaterPath);
    }
    if (!reason.isEmpty())
        epoch = newEpoch();
    if (!reason.isEmpty() || epoch != markedEpoch || n != markedCounter || token.isEmpty()
        || token != markedToken) {
        // A new token for each mark, in the database and then in the file: a backup taken
        // before this moment carries an older token.
        const QString next = QUuid::createUuid().toString(QUuid::Id128);
        {
            Transaction tx(m_database);
            QSqlQuery set
                = m_database.exec(QStringLiteral("UPDATE server_meta SET value = ? WHERE key = ?"),
                    { next, tokenKey });
            const bool updated = set.numRowsAffected() > 0;
            set.finish();
            if (!updated) {
                m_database.exec(
                    QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?)"),
                    { tokenKey, next });
            }
            tx.commit();
        }
        QSaveFile out(m_highWaterPath);
        out.setDirectWriteFallback(false);
        if (!out.open(QIODevice::WriteOnly))
            throw DatabaseError(QStringLiteral("cannot write %1").arg(m_highWaterPath), QString());
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        out.write(QJsonDocument(
            QJsonObject { { QStringLiteral("epoch"), epoch },
                { QStringLiteral("counter"), double(n) }, { QStringLiteral("instance"), instance },
                { QStringLiteral("token"), next } })
                      .toJson(QJsonDocument::Compact));
        if (!out.commit())
            throw DatabaseError(QStringLiteral("cannot write %1").arg(m_highWaterPath), QString());
    }
    return reason;
}

void ChangeLog::appendMany(const QList<Entry> &entries)
{
    if (entries.isEmpty())
        return;
    QSqlQuery block = m_database.exec(
        QStringLiteral("UPDATE change_counter SET n = n + ? WHERE id = 1 RETURNING n"),
        { entries.size() });
    if (!block.next())
        throw DatabaseError(QStringLiteral("the change counter is missing"), QString());
    qint64 seq = block.value(0).toLongLong() - entries.size();
    block.finish();
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    QList<QVariantList> log;
    QList<QVariantList> audiences;
    log.reserve(entries.size());
    audiences.reserve(entries.size() * 2);
    for (const Entry &e : entries) {
        ++seq;
        log.append({ seq, e.type, e.id, e.version,
            e.op == Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete"),
            e.op == Op::Upsert
                ? QVariant(QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact)))
                : QVariant(QMetaType(QMetaType::QString)),
            now });
        for (const QString &audience : e.audiences)
            audiences.append({ audience, seq });
    }
    m_database.insertMany(QStringLiteral("INSERT INTO change_log (seq, entity_type, entity_id,"
                                         " version, op, data, changed_at)"),
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"), log);
    m_database.insertMany(QStringLiteral("INSERT INTO change_audience (audience, seq)"),
        QStringLiteral("(?, ?)"), audiences);
    compact(seq - entries.size() + 1, entries);
}

namespace {

// "1,2,3" for an IN list: sequence numbers read from the database, written into the statement
// in chunks, which spares binding hundreds of values.
QList<QString> seqLists(const QList<qint64> &seqs)
{
    constexpr qsizetype Chunk = 500;
    QList<QString> lists;
    for (qsizetype i = 0; i < seqs.size(); i += Chunk) {
        QStringList numbers;
        for (qsizetype j = i; j < std::min(seqs.size(), i + Chunk); ++j)
            numbers.append(QString::number(seqs.at(j)));
        lists.append(numbers.join(QLatin1Char(',')));
    }
    return lists;
}

} // namespace

void ChangeLog::compact(qint64 firstSeq, const QList<Entry> &entries)
{
    // The new entries of each entity: (seq, audiences).
    QHash<QString, QList<QPair<qint64, const QStringList *>>> newer;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        newer[e.type + QLatin1Char('\n') + e.id].append({ firstSeq + i, &e.audiences });
    }
    const qint64 lastSeq = firstSeq + entries.size() - 1;
    // Every older entry of the same entities (those of this batch too), with each audience it
    // still has (NULL for none: an audience some service removed before appending).
    QSqlQuery q = m_database.exec(
        QStringLiteral("SELECT DISTINCT o.seq, o.entity_type, o.entity_id, a.audience"
                       " FROM change_log n JOIN change_log o ON o.entity_type = n.entity_type"
                       " AND o.entity_id = n.entity_id AND o.seq < n.seq"
                       " LEFT JOIN change_audience a ON a.seq = o.seq"
                       " WHERE n.seq >= ? AND n.seq <= ?"),
        { firstSeq, lastSeq });
    struct Older
    {
        int kept = 0; // audiences it keeps
        QStringList dropped; // audiences a newer entry of the entity now holds
    };
    QMap<qint64, Older> older;
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        Older &o = older[seq];
        if (q.value(3).isNull())
            continue;
        const QString audience = q.value(3).toString();
        bool superseded = false;
        for (const auto &[at, audiences] :
            newer.value(q.value(1).toString() + QLatin1Char('\n') + q.value(2).toString())) {
            if (at > seq && audiences->contains(audience)) {
                superseded = true;
                break;
            }
        }
        if (superseded)
            o.dropped.append(audience);
        else
            ++o.kept;
    }
    q.finish();
    if (older.isEmpty())
        return;
    // Per audience: an entry another audience still reads stays for that audience only.
    QList<qint64> gone;
    QHash<QString, QList<qint64>> droppedFor;
    for (auto it = older.constBegin(); it != older.constEnd(); ++it) {
        if (it->kept == 0) {
            gone.append(it.key());
            continue;
        }
        for (const QString &audience : it->dropped)
            droppedFor[audience].append(it.key());
    }
    for (auto it = droppedFor.constBegin(); it != droppedFor.constEnd(); ++it) {
        for (const QString &list : seqLists(it.value())) {
            m_database.exec(QStringLiteral("DELETE FROM change_audience WHERE audience = ?"
                                           " AND seq IN (%1)")
                                .arg(list),
                { it.key() });
        }
    }
    for (const QString &list : seqLists(gone)) {
        m_database.exec(QStringLiteral("DELETE FROM change_audience WHERE seq IN (%1)").arg(list));
        m_database.exec(QStringLiteral("DELETE FROM change_log WHERE seq IN (%1)").arg(list));
    }
}

qint64 ChangeLog::append(const QString &type, const QString &id, qint64 version, Op op,
    const QJsonObject &data, const QStringList &audiences)
{
    QSqlQuery counter = m_database.exec(
        QStringLiteral("UPDATE change_counter SET n = n + 1 WHERE id = 1 RETURNING n"));
    if (!counter.next())
        throw DatabaseError(QStringLiteral("the change counter is missing"), QString());
    const qint64 seq = counter.value(0).toLongLong();
    counter.finish();
    m_database.exec(
        QStringLiteral(
            "INSERT INTO change_log (seq, entity_type, entity_id, version, op, data, changed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { seq, type, id, version,
            op == Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete"),
            op == Op::Upsert
                ? QVariant(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)))
                : QVariant(QMetaType(QMetaType::QString)),
            m_clock.nowUtc().toMSecsSinceEpoch() });
    for (const QString &audience : audiences)
        m_database.exec(QStringLiteral("INSERT INTO change_audience (audience, seq) VALUES (?, ?)"),
            { audience, seq });
    compact(seq, { Entry { type, id, version, op, data, audiences } });
    return seq;
}

} // namespace xueshi::server
