#include "changelog.h"

#include "clock.h"
#include "professionalseries.h"
#include "regions.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QUuid>

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
    return seq;
}

} // namespace xueshi::server
