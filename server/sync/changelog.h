#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace xueshi {
class Clock;
}

namespace xueshi::server {

class Database;

// The server's change log (docs/sync.md): every change to an entity a client may see appends one
// entry, with the audiences allowed to see it, inside the transaction that made the change.
// Sequence numbers come from a one-row counter updated in that transaction, so they commit in
// order on PostgreSQL too and a reader never skips a change that commits late.
class ChangeLog final
{
public:
    enum class Op { Upsert, Delete };

    ChangeLog(Database &database, const Clock &clock);

    // Creates the epoch on a new database and publishes the region table once. Idempotent.
    void initialise();
    // A random id made when the database was created; see newEpoch().
    QString epoch();
    // After a restore from backup: every client's cursor becomes invalid.
    QString newEpoch();
    // The last sequence number handed out (committed).
    qint64 counter();

    // Restore detection (docs/sync.md "Restore"). The database cannot tell it was restored, so
    // the serving process keeps a mark outside it, in `path` (the server's data directory):
    // the epoch, the change counter and a random token also stored in the database, written
    // atomically at start, every few seconds when the counter moved and at a clean stop, never
    // per request.
    void setHighWaterFile(const QString &path);
    // Compares the database with the mark: when its token is not the mark's (a backup taken
    // before the mark, or another database) or its counter is below the mark's in the same
    // epoch, makes a new epoch and returns why (else an empty string); then records the
    // database's state with a new token. One query and a small file read when nothing changed.
    QString checkHighWater();

    // Must run inside the caller's transaction. Returns the sequence number.
    qint64 append(const QString &type, const QString &id, qint64 version, Op op,
        const QJsonObject &data, const QStringList &audiences);

    struct Entry
    {
        QString type;
        QString id;
        qint64 version = 1;
        Op op = Op::Upsert;
        QJsonObject data;
        QStringList audiences;
    };
    // Many entries at once, in order (a batch of thousands): one block of sequence numbers and
    // multi-row INSERTs, since PostgreSQL pays a round trip per statement. Must run inside the
    // caller's transaction.
    void appendMany(const QList<Entry> &entries);

    static QString publicAudience() { return QStringLiteral("public"); }
    static QString userAudience(const QString &userId) { return QStringLiteral("user:") + userId; }
    static QString employerStaffAudience(const QString &employerId)
    {
        return QStringLiteral("employerStaff:") + employerId;
    }
    static QString administratorAudience() { return QStringLiteral("administrators"); }
    static QString institutionAudience(const QString &institutionId)
    {
        return QStringLiteral("institution:") + institutionId;
    }

private:
    // Compaction (docs/sync.md "Compaction"): after `entries` were appended from `firstSeq` on,
    // each audience of a new entry stops reading the older entries of the same entity; an
    // entry no audience reads any more leaves the log.
    void compact(qint64 firstSeq, const QList<Entry> &entries);

    Database &m_database;
    const Clock &m_clock;
    QMutex m_highWaterLock;
    QString m_highWaterPath;
};

} // namespace xueshi::server
