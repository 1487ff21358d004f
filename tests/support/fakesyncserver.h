#pragma once

#include "clientfakes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace xueshi::test {

// An in-memory sync server speaking docs/sync.md for the engine's tests, behind the fake
// network: a change log with cursors and an epoch, mutations applied at most once per id (it
// remembers each id's outcome like the real server), and faults on demand. Mutation types:
// "profile.update" (learner `mobile`, `email`), "note.put" (any note; payload becomes its
// data, `{"text": "reject"}` is refused) and "note.add" (appends the payload's `text` to the
// note's `texts` whatever its base version, like lesson.study). `remaining` is answered only to
// `count=1` (docs/sync.md); a 410 carries its `detail`.
class FakeSyncServer final
{
public:
    enum class Fault {
        NetworkError, // no answer at all, nothing done
        ServerError, // 500, nothing done
        Unauthorized, // 401
        MalformedJson, // 200 with a body that is not JSON
        DropAfterCommit, // the request is carried out, then the connection drops
        RateLimited, // 429 with retryAfterSeconds 2
        Forbidden, // 403
    };

    struct Entity
    {
        qint64 version = 0;
        QJsonObject data;
    };

    explicit FakeSyncServer(const QString &userId);

    void install(FakeNetworkAccessManager &network);
    FakeResponse handle(const FakeRequest &request);

    QString userId() const { return m_userId; }
    // Changes an entity (its version goes up by one) and logs it; returns the change's seq.
    qint64 upsert(const QString &type, const QString &id, const QJsonObject &data);
    qint64 remove(const QString &type, const QString &id);
    // Drops an entity without logging it (a restore from an older backup).
    void forget(const QString &type, const QString &id) { m_entities.remove(key(type, id)); }
    std::optional<Entity> entity(const QString &type, const QString &id) const;
    qint64 entityCount() const { return m_entities.size(); }
    qint64 lastSeq() const { return qint64(m_log.size()); }
    // Every cursor handed out so far becomes invalid (410 with this `detail`).
    void newEpoch(const QString &detail = QStringLiteral("scope"));
    // A restore from backup: a new epoch ("restored"), and a log that holds the current rows only.
    void restoreFromBackup();
    // The whole state (rows, log, recorded outcomes), to put back later with restore().
    struct Backup
    {
        QList<QJsonObject> log;
        QHash<QString, QJsonObject> entities;
        QHash<QString, QJsonObject> outcomes;
    };
    Backup backup() const;
    // Goes back to `backup` (a restore from it: 410 "restored" for every cursor handed out).
    void restore(const Backup &backup);
    QString cursorAt(qint64 seq) const;

    void setMaxPageSize(int changes) { m_maxPage = changes; }
    // A request body above this (compact JSON) gets 413, like the server's request limit.
    void setMaxRequestBytes(qsizetype bytes) { m_maxRequestBytes = bytes; }
    // Changes without `seq` (docs/sync.md allows it).
    void setOmitSeq(bool omit) { m_omitSeq = omit; }
    // After `answers` more answers to `path`, the connection is cut for every request until
    // reconnect().
    void cutAfter(const QString &path, int answers) { m_cuts.insert(path, answers); }
    void reconnect() { m_cuts.clear(); }
    // The next `times` requests to `path` ("/sync/changes", "/sync/mutations") get `fault`.
    void failNext(const QString &path, Fault fault, int times = 1);

    // How many times each mutation's effect ran (the server must keep this at most 1).
    int timesApplied(const QString &mutationId) const { return m_effects.value(mutationId); }
    // The ids of each batch received, in order, including repeats and refused ones.
    QList<QStringList> batches() const { return m_batches; }
    QStringList sinceParameters() const { return m_sinces; }
    // For each pull, whether it asked for the count (`count=1`).
    QList<bool> countParameters() const { return m_countAsked; }
    // The size of each /sync/mutations body received (compact JSON).
    QList<qsizetype> batchBytes() const { return m_batchBytes; }

private:
    struct Change
    {
        qint64 seq = 0;
        QString type;
        QString id;
        qint64 version = 0;
        bool remove = false;
        QJsonObject data;
    };
    static QString key(const QString &type, const QString &id) { return type + u'\n' + id; }
    FakeResponse changes(const FakeRequest &request);
    FakeResponse mutations(const FakeRequest &request);
    QJsonObject applyOne(const QJsonObject &mutation);
    QJsonObject conflict(const QString &id, const QString &type, const QString &target) const;

    QString m_userId;
    QString m_epoch;
    QString m_goneDetail = QStringLiteral("scope");
    qsizetype m_maxRequestBytes = 1024 * 1024;
    bool m_omitSeq = false;
    QHash<QString, int> m_cuts;
    QList<bool> m_countAsked;
    QList<qsizetype> m_batchBytes;
    int m_epochs = 0;
    int m_maxPage = 1000;
    QList<Change> m_log;
    QHash<QString, Entity> m_entities;
    QHash<QString, QJsonObject> m_outcomes; // mutation id -> its recorded result
    QHash<QString, int> m_effects;
    QList<QStringList> m_batches;
    QStringList m_sinces;
    QMap<QString, QList<Fault>> m_faults;
};

} // namespace xueshi::test
