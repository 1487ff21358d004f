#pragma once

#include <QJsonObject>
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
    Database &m_database;
    const Clock &m_clock;
};

} // namespace xueshi::server
