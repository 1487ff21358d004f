// The client's SQLite cache: migrations, a page landing with its cursor or not at all, an outbox
// row landing with its local effect or not at all, corrupt files rebuilt with the outbox kept,
// the cache reset that keeps the outbox, and the problems' lifecycle (retry, edit, discard); a
// rebuild beside the cache that switches in one transaction, and the acknowledged mutations.
#include "localstore.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <stdexcept>

using namespace xueshi;
using namespace xueshi::test;

namespace {

struct SimulatedCrash : std::runtime_error
{
    SimulatedCrash()
        : std::runtime_error("simulated crash")
    { }
};

QJsonObject change(qint64 seq, const QString &id, qint64 version, const QString &op = {},
    const QString &type = QStringLiteral("item"))
{
    const bool remove = op == QLatin1String("delete");
    return QJsonObject { { QStringLiteral("seq"), double(seq) }, { QStringLiteral("type"), type },
        { QStringLiteral("id"), id }, { QStringLiteral("version"), double(version) },
        { QStringLiteral("op"), remove ? QStringLiteral("delete") : QStringLiteral("upsert") },
        { QStringLiteral("data"),
            remove ? QJsonValue()
                   : QJsonValue(QJsonObject { { QStringLiteral("id"), id },
                       { QStringLiteral("seq"), double(seq) },
                       { QStringLiteral("pad"), QString(200, QLatin1Char('x')) } }) } };
}

QJsonArray page(qint64 firstSeq, int count)
{
    QJsonArray changes;
    for (int i = 0; i < count; ++i)
        changes.append(change(firstSeq + i, QStringLiteral("i%1").arg(firstSeq + i), 1));
    return changes;
}

QJsonObject note(const char *text)
{
    return { { QStringLiteral("text"), QString::fromLatin1(text) } };
}

OutboxMutation noteMutation(const QString &target, const QJsonObject &payload, qint64 base = 0)
{
    OutboxMutation m;
    m.type = QStringLiteral("note.put");
    m.entityType = QStringLiteral("note");
    m.target = target;
    m.baseVersion = base;
    m.payload = payload;
    return m;
}

QString integrity(const QString &path)
{
    const QString name = QStringLiteral("integrity-check");
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                result = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

class TestLocalStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_path = temporaryDirectory() + QStringLiteral("/cache/user.sqlite"); }

    void defaultPath_perServerAndUser()
    {
        const QString a
            = LocalStore::defaultPath(QStringLiteral("a.example:8443"), QStringLiteral("u1"));
        const QString b
            = LocalStore::defaultPath(QStringLiteral("b.example:8443"), QStringLiteral("u1"));
        const QString c
            = LocalStore::defaultPath(QStringLiteral("a.example:8443"), QStringLiteral("u2"));
        QVERIFY(a != b);
        QVERIFY(a != c);
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(a.endsWith(QStringLiteral("/u1.sqlite")));
        // No way out of the cache directory through a strange user id.
        QVERIFY(!LocalStore::defaultPath(QStringLiteral("x"), QStringLiteral("../../etc"))
                     .contains(QStringLiteral("..")));
    }

    void applyPage_pagesWithoutFsync_everythingElseFull()
    {
        // A page of the feed commits at synchronous = NORMAL (the server has it again after a
        // power cut, cursor and all); everything else, the outbox above all, stays at FULL.
        LocalStore store;
        QVERIFY2(store.open(m_path), qPrintable(store.lastError()));
        const auto level = [&store] {
            QSqlQuery q(store.database());
            return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt()
                                                                            : -1;
        };
        QList<int> seen;
        store.setCrashPoint([&](const char *where) {
            if (qstrcmp(where, "applyPage:beforeCommit") == 0
                || qstrcmp(where, "rebuildPage:beforeCommit") == 0)
                seen.append(level());
        });
        const QJsonArray page { QJsonObject { { QStringLiteral("type"), QStringLiteral("course") },
            { QStringLiteral("id"), QStringLiteral("c1") }, { QStringLiteral("version"), 1 },
            { QStringLiteral("op"), QStringLiteral("upsert") },
            { QStringLiteral("data"),
                QJsonObject { { QStringLiteral("title"), QStringLiteral("T") } } } } };
        QVERIFY2(store.applyPage(page, QStringLiteral("e.1.1")), qPrintable(store.lastError()));
        QCOMPARE(level(), 2);
        QVERIFY(store.beginRebuild());
        QVERIFY2(
            store.applyRebuildPage(page, QStringLiteral("e.1.1")), qPrintable(store.lastError()));
        QCOMPARE(level(), 2);
        QCOMPARE(seen, QList<int>({ 1, 1 })); // NORMAL inside both page transactions
    }

    void open_newFile_migratedWalFull()
    {
        LocalStore store;
        QVERIFY2(store.open(m_path), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), LocalStore::SchemaVersion);
        QVERIFY(store.cursor().isEmpty());
        QVERIFY(!store.lastSyncAt().isValid());
        QVERIFY(store.movedAsideTo().isEmpty());
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        for (const QString &table :
            { QStringLiteral("meta"), QStringLiteral("entities"), QStringLiteral("outbox") }) {
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table));
        }
        q.finish();
        store.close();

        // Reopening runs no migration again and keeps the data.
        LocalStore again;
        QVERIFY(again.open(m_path));
        QCOMPARE(again.schemaVersion(), LocalStore::SchemaVersion);
    }

    void open_newerSchema_rebuiltOutboxKept()
    {
        {
            LocalStore store;
            QVERIFY(store.open(m_path));
            QVERIFY(!store.enqueue(noteMutation(QStringLiteral("n1"), {})).isEmpty());
            QVERIFY(store.setMeta(QStringLiteral("schema_version"), QStringLiteral("99")));
        }
        LocalStore store;
        QVERIFY(store.open(m_path));
        QCOMPARE(store.schemaVersion(), LocalStore::SchemaVersion);
        QVERIFY(!store.movedAsideTo().isEmpty());
        QCOMPARE(store.pendingCount(), 1);
    }

    void applyPage_upsertsDeletesAndCursor()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        QVERIFY2(
            store.applyPage(page(1, 10), QStringLiteral("c10")), qPrintable(store.lastError()));
        QCOMPARE(store.entityCount(QStringLiteral("item")), 10);
        QCOMPARE(store.cursor(), QStringLiteral("c10"));
        QVERIFY(store.applyPage(QJsonArray { change(11, QStringLiteral("i1"), 2),
                                    change(12, QStringLiteral("i2"), 2, QStringLiteral("delete")) },
            QStringLiteral("c12")));
        QCOMPARE(store.entity(QStringLiteral("item"), QStringLiteral("i1"))->version, 2);
        QCOMPARE(store.entity(QStringLiteral("item"), QStringLiteral("i1"))
                     ->data.value(QStringLiteral("seq"))
                     .toInt(),
            11);
        QVERIFY(!store.entity(QStringLiteral("item"), QStringLiteral("i2")));
        QCOMPARE(store.entityCount(), 9);
        QCOMPARE(store.entities(QStringLiteral("item")).size(), 9);
        QCOMPARE(store.cursor(), QStringLiteral("c12"));

        // An older change than the cached row (the feed catching up after a conflict stored the
        // server's current row) does not take it back.
        QVERIFY(store.putEntity({ QStringLiteral("item"), QStringLiteral("i3"), 7, {} }));
        QVERIFY(store.applyPage({ change(13, QStringLiteral("i3"), 5),
                                    change(14, QStringLiteral("i3"), 6, QStringLiteral("delete")) },
            QStringLiteral("c14")));
        QCOMPARE(store.entity(QStringLiteral("item"), QStringLiteral("i3"))->version, 7);
        QVERIFY(store.applyPage({ change(15, QStringLiteral("i3"), 8) }, QStringLiteral("c15")));
        QCOMPARE(store.entity(QStringLiteral("item"), QStringLiteral("i3"))->version, 8);
    }

    void applyPage_malformed_nothingApplied()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        QJsonArray changes = page(1, 5);
        changes.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("item") } });
        QVERIFY(!store.applyPage(changes, QStringLiteral("c6")));
        QVERIFY(!store.lastError().isEmpty());
        QCOMPARE(store.entityCount(), 0);
        QVERIFY(store.cursor().isEmpty());
    }

    void applyPage_crashMidPage_neitherPageNorCursor()
    {
        QFETCH(QString, where);
        {
            LocalStore store;
            QVERIFY(store.open(m_path));
            QVERIFY(store.applyPage(page(1, 100), QStringLiteral("c100")));
            store.setCrashPoint([where](const char *at) {
                if (QLatin1String(at) == where)
                    throw SimulatedCrash();
            });
            QVERIFY_THROWS_EXCEPTION(
                SimulatedCrash, store.applyPage(page(101, 100), QStringLiteral("c200")));
            // Seen from the same connection...
            QCOMPARE(store.entityCount(), 100);
            QCOMPARE(store.cursor(), QStringLiteral("c100"));
            // ...which still works afterwards.
            store.setCrashPoint({});
            QVERIFY(store.applyPage(page(101, 10), QStringLiteral("c110")));
        }
        // And from a new one, after the "restart".
        LocalStore store;
        QVERIFY(store.open(m_path));
        QCOMPARE(store.entityCount(), 110);
        QCOMPARE(store.cursor(), QStringLiteral("c110"));
        QCOMPARE(integrity(m_path), QStringLiteral("ok"));
    }
    void applyPage_crashMidPage_neitherPageNorCursor_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("mid") << QStringLiteral("applyPage:mid");
        QTest::newRow("beforeCommit") << QStringLiteral("applyPage:beforeCommit");
    }

    void enqueue_withLocalEffect_atomic()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        const auto effect = [&store](const QString &text) {
            return [&store, text] {
                return store.putEntity({ QStringLiteral("note"), QStringLiteral("n1"), 0,
                    { { QStringLiteral("text"), text } } });
            };
        };
        const QString id = store.enqueue(
            noteMutation(QStringLiteral("n1"), { { QStringLiteral("text"), QStringLiteral("a") } }),
            effect(QStringLiteral("a")));
        QVERIFY2(!id.isEmpty(), qPrintable(store.lastError()));
        QCOMPARE(id.size(), 36);
        QCOMPARE(store.pendingCount(), 1);
        const OutboxMutation m = *store.mutation(id);
        QCOMPARE(m.type, QStringLiteral("note.put"));
        QCOMPARE(m.payload.value(QStringLiteral("text")).toString(), QStringLiteral("a"));
        QCOMPARE(m.state, OutboxMutation::State::Pending);
        QCOMPARE(m.toJson().value(QStringLiteral("baseVersion")).toInt(), 0);
        QCOMPARE(store.entity(QStringLiteral("note"), QStringLiteral("n1"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("a"));

        // A crash after the effect, before the row: neither.
        for (const char *point : { "enqueue:afterEffect", "enqueue:beforeCommit" }) {
            store.setCrashPoint([point](const char *at) {
                if (qstrcmp(at, point) == 0)
                    throw SimulatedCrash();
            });
            QVERIFY_THROWS_EXCEPTION(SimulatedCrash,
                store.enqueue(noteMutation(QStringLiteral("n1"), {}), effect(QStringLiteral("b"))));
            QCOMPARE(store.pendingCount(), 1);
            QCOMPARE(store.entity(QStringLiteral("note"), QStringLiteral("n1"))
                         ->data.value(QStringLiteral("text"))
                         .toString(),
                QStringLiteral("a"));
        }
        store.setCrashPoint({});

        // A failing effect: no row either.
        QVERIFY(
            store.enqueue(noteMutation(QStringLiteral("n2"), {}), [] { return false; }).isEmpty());
        QCOMPARE(store.pendingCount(), 1);
        // A duplicate id is refused, and its effect undone with it.
        OutboxMutation duplicate = noteMutation(QStringLiteral("n3"), {});
        duplicate.id = id;
        QVERIFY(store
                    .enqueue(duplicate,
                        [&store] {
                            return store.putEntity(
                                { QStringLiteral("note"), QStringLiteral("n3"), 0, {} });
                        })
                    .isEmpty());
        QVERIFY(!store.entity(QStringLiteral("note"), QStringLiteral("n3")));
        QCOMPARE(store.pendingCount(), 1);
    }

    void pending_inOrder_markAppliedRebasesChain()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        QVERIFY(store.putEntity({ QStringLiteral("note"), QStringLiteral("n1"), 3, {} }));
        const QString first = store.enqueue(noteMutation(QStringLiteral("n1"), {}, 3));
        const QString other = store.enqueue(noteMutation(QStringLiteral("n2"), {}, 0));
        const QString second = store.enqueue(noteMutation(QStringLiteral("n1"), {}, 3));
        const QList<OutboxMutation> pending = store.pendingMutations();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(0).id, first);
        QCOMPARE(pending.at(1).id, other);
        QCOMPARE(pending.at(2).id, second);
        QCOMPARE(store.pendingMutations(2).size(), 2);

        QVERIFY(store.noteAttempt({ first, other }));
        QCOMPARE(store.mutation(first)->attempts, 1);
        QVERIFY(store.markApplied(first, 4));
        QVERIFY(!store.mutation(first));
        QCOMPARE(store.entity(QStringLiteral("note"), QStringLiteral("n1"))->version, 4);
        // Made on top of the first one: now based on its result.
        QCOMPARE(store.mutation(second)->baseVersion, 4);
        QCOMPARE(store.mutation(other)->baseVersion, 0);
        QCOMPARE(store.pendingCount(), 2);
    }

    void problems_retryEditDiscard()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        QVERIFY(store.putEntity({ QStringLiteral("note"), QStringLiteral("n1"), 1,
            { { QStringLiteral("text"), QStringLiteral("server") } } }));
        const auto edit = [&store](const QString &target, const QString &text, qint64 base) {
            return store.enqueue(noteMutation(target, { { QStringLiteral("text"), text } }, base),
                [&store, target, text, base] {
                    return store.putEntity({ QStringLiteral("note"), target, base,
                        { { QStringLiteral("text"), text } } });
                });
        };
        const QString rejected = edit(QStringLiteral("n1"), QStringLiteral("mine"), 1);
        const QString conflict = edit(QStringLiteral("n2"), QStringLiteral("other"), 0);
        const QString later = edit(QStringLiteral("n3"), QStringLiteral("later"), 0);

        const QJsonObject error { { QStringLiteral("code"), QStringLiteral("invalid_field") },
            { QStringLiteral("message"), QStringLiteral("bad text") },
            { QStringLiteral("field"), QStringLiteral("text") } };
        QVERIFY(store.markRejected(rejected, error));
        const QJsonObject current { { QStringLiteral("type"), QStringLiteral("note") },
            { QStringLiteral("id"), QStringLiteral("n2") }, { QStringLiteral("version"), 5 },
            { QStringLiteral("data"),
                QJsonObject { { QStringLiteral("text"), QStringLiteral("theirs") } } } };
        QVERIFY(store.markConflict(conflict, current));
        QCOMPARE(store.problemCount(), 2);
        QCOMPARE(store.pendingCount(), 1);
        QCOMPARE(store.pendingMutations().at(0).id, later);
        const QList<OutboxMutation> problems = store.problems();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).state, OutboxMutation::State::Rejected);
        QCOMPARE(problems.at(0).lastError, error);
        QCOMPARE(problems.at(1).state, OutboxMutation::State::Conflict);
        QCOMPARE(problems.at(1).result, current);
        // The conflict shows the server's row.
        QCOMPARE(store.entity(QStringLiteral("note"), QStringLiteral("n2"))->version, 5);
        QCOMPARE(store.entity(QStringLiteral("note"), QStringLiteral("n2"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("theirs"));

        // Retry: a conflict is rebased on the server's version, under a new id.
        const QString retried = store.retry(conflict);
        QVERIFY(!retried.isEmpty());
        QVERIFY(retried != conflict);
        QVERIFY(!store.mutation(conflict));
        QCOMPARE(store.mutation(retried)->state, OutboxMutation::State::Pending);
        QCOMPARE(store.mutation(retried)->baseVersion, 5);
        QVERIFY(store.mutation(retried)->result.isEmpty());
        // Edit: a new payload, pending again, under a new id.
        const QString edited = store.replacePayload(
            rejected, { { QStringLiteral("text"), QStringLiteral("fixed") } }, 1);
        QVERIFY(!edited.isEmpty());
        QVERIFY(edited != rejected);
        QCOMPARE(store.mutation(edited)->state, OutboxMutation::State::Pending);
        QCOMPARE(store.mutation(edited)->payload.value(QStringLiteral("text")).toString(),
            QStringLiteral("fixed"));
        QVERIFY(store.mutation(edited)->lastError.isEmpty());
        QCOMPARE(store.problemCount(), 0);
        // Order is kept: the edited one is still first.
        QCOMPARE(store.pendingMutations().at(0).id, edited);
        // A pending one keeps its id: it may have been applied with the answer lost.
        QCOMPARE(store.replacePayload(later, {}, 0), later);

        // Discard: gone, and its local effect undone (nothing else touched n1).
        QVERIFY(store.markRejected(edited, error));
        QVERIFY(store.discard(edited));
        QVERIFY(!store.mutation(edited));
        QCOMPARE(store.entity(QStringLiteral("note"), QStringLiteral("n1"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("server"));
        // A new entity made by the local effect disappears with it.
        QVERIFY(store.discard(later));
        QVERIFY(!store.entity(QStringLiteral("note"), QStringLiteral("n3")));
        QCOMPARE(store.pendingCount(), 1);
        QVERIFY(!store.discard(later));
        QVERIFY(store.retry(later).isEmpty());
    }

    void rebuild_besideCache_crashBeforeSwitch_oldKept_resumed()
    {
        {
            LocalStore store;
            QVERIFY(store.open(m_path));
            QVERIFY(store.applyPage(page(1, 50), QStringLiteral("c50")));
            const QString id = store.enqueue(noteMutation(QStringLiteral("n1"), {}));
            QVERIFY(!id.isEmpty());
            QVERIFY(!store.isRebuilding());
            QVERIFY(store.beginRebuild());
            QVERIFY(store.isRebuilding());
            QVERIFY(store.rebuildCursor().isEmpty());
            // Pages of the new feed go beside the cache, which stays as it was.
            QVERIFY(store.applyRebuildPage(page(100, 20), QStringLiteral("r20")));
            QCOMPARE(store.rebuildEntityCount(), 20);
            QCOMPARE(store.rebuildCursor(), QStringLiteral("r20"));
            QCOMPARE(store.entityCount(), 50);
            QCOMPARE(store.cursor(), QStringLiteral("c50"));
            // A crash during the switch: nothing of it.
            for (const char *point : { "rebuildSwitch:beforeSwap", "rebuildSwitch:beforeCommit" }) {
                store.setCrashPoint([point](const char *at) {
                    if (qstrcmp(at, point) == 0)
                        throw SimulatedCrash();
                });
                QVERIFY_THROWS_EXCEPTION(SimulatedCrash,
                    store.finishRebuild(page(120, 5), QStringLiteral("r25"), [&store] {
                        return store.putEntity(
                            { QStringLiteral("note"), QStringLiteral("n1"), 0, {} });
                    }));
                QCOMPARE(store.entityCount(), 50);
                QCOMPARE(store.rebuildEntityCount(), 20);
                QCOMPARE(store.cursor(), QStringLiteral("c50"));
                QVERIFY(store.isRebuilding());
            }
        }
        // After a restart the rebuild is still under way, from its own cursor.
        LocalStore store;
        QVERIFY(store.open(m_path));
        QVERIFY(store.isRebuilding());
        QCOMPARE(store.rebuildCursor(), QStringLiteral("r20"));
        QCOMPARE(store.rebuildEntityCount(), 20);
        QCOMPARE(store.entityCount(), 50);
        QCOMPARE(store.pendingCount(), 1);
        QVERIFY(store.finishRebuild(page(120, 5), QStringLiteral("r25"), [&store] {
            return store.putEntity({ QStringLiteral("note"), QStringLiteral("n1"), 0, {} });
        }));
        QVERIFY(!store.isRebuilding());
        QCOMPARE(store.cursor(), QStringLiteral("r25"));
        QCOMPARE(store.entityCount(QStringLiteral("item")), 25);
        QVERIFY(!store.entity(QStringLiteral("item"), QStringLiteral("i1")));
        QVERIFY(store.entity(QStringLiteral("item"), QStringLiteral("i124")));
        QVERIFY(store.entity(QStringLiteral("note"), QStringLiteral("n1")));
        QCOMPARE(store.rebuildEntityCount(), 0);
        QCOMPARE(store.pendingCount(), 1);
        QVERIFY(!store.applyRebuildPage(page(200, 1), QStringLiteral("r26")));
        QCOMPARE(integrity(m_path), QStringLiteral("ok"));
    }

    void acknowledged_kept_requeuedInOrder_pruned()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        const QString a = store.enqueue(noteMutation(QStringLiteral("a"), note("a")));
        const QString b = store.enqueue(noteMutation(QStringLiteral("b"), note("b"), 3));
        const QString c = store.enqueue(noteMutation(QStringLiteral("c"), note("c")));
        QVERIFY(store.markApplied(a, 1, t0));
        QVERIFY(store.markApplied(b, 4, t0.addDays(5)));
        QCOMPARE(store.pendingCount(), 1);
        QCOMPARE(store.problemCount(), 0);
        QList<OutboxMutation> kept = store.acknowledgedMutations();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).id, a);
        QCOMPARE(kept.at(1).id, b);
        QCOMPARE(kept.at(1).baseVersion, 3);
        QCOMPARE(kept.at(1).payload, note("b"));
        QCOMPARE(kept.at(1).state, OutboxMutation::State::Acknowledged);
        // Back in the outbox with their ids, before c.
        QCOMPARE(store.requeueAcknowledged(), 2);
        QCOMPARE(store.acknowledgedMutations().size(), 0);
        const QList<OutboxMutation> pending = store.pendingMutations();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(0).id, a);
        QCOMPARE(pending.at(1).id, b);
        QCOMPARE(pending.at(2).id, c);
        QCOMPARE(pending.at(1).baseVersion, 3);
        // Pruned by the time of their acknowledgement.
        QVERIFY(store.markApplied(a, 1, t0));
        QVERIFY(store.markApplied(b, 4, t0.addDays(5)));
        QVERIFY(store.pruneAcknowledged(t0.addSecs(1)));
        kept = store.acknowledgedMutations();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().id, b);
    }

    void resetCache_keepsOutbox()
    {
        LocalStore store;
        QVERIFY(store.open(m_path));
        QVERIFY(store.applyPage(page(1, 50), QStringLiteral("c50")));
        QVERIFY(store.setLastSyncAt(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC)));
        const QString id = store.enqueue(noteMutation(QStringLiteral("n1"), {}));
        QVERIFY(store.resetCache());
        QCOMPARE(store.entityCount(), 0);
        QVERIFY(store.cursor().isEmpty());
        QCOMPARE(store.pendingCount(), 1);
        QCOMPARE(store.pendingMutations().at(0).id, id);
        QCOMPARE(store.lastSyncAt(), QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    }

    void corruptFile_rebuiltOutboxKept()
    {
        QFETCH(QString, damage);
        QStringList ids;
        {
            LocalStore store;
            QVERIFY(store.open(m_path));
            for (int i = 0; i < 5; ++i) {
                ids.append(store.enqueue(noteMutation(QStringLiteral("n%1").arg(i),
                    { { QStringLiteral("text"), QStringLiteral("offline %1").arg(i) } })));
            }
            QVERIFY(store.markRejected(
                ids.at(1), { { QStringLiteral("code"), QStringLiteral("invalid_field") } }));
            // Plenty of cached data after the outbox, so the damage has pages to hit.
            for (int p = 0; p < 20; ++p)
                QVERIFY(store.applyPage(page(1 + p * 100, 100), QStringLiteral("c%1").arg(p)));
        }
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 100'000);
        if (damage == QLatin1String("header")) {
            file.seek(0);
            file.write(QByteArray(100, '\xA5'));
        } else if (damage == QLatin1String("truncated")) {
            QVERIFY(file.resize(size / 2));
        } else if (damage == QLatin1String("garbage")) {
            file.seek(0);
            file.write(QByteArray(int(size), 'z'));
        }
        file.close();

        LocalStore store;
        QVERIFY2(store.open(m_path), qPrintable(store.lastError()));
        QVERIFY(!store.movedAsideTo().isEmpty());
        QVERIFY(QFile::exists(store.movedAsideTo()));
        QVERIFY(store.cursor().isEmpty());
        QCOMPARE(store.entityCount(), 0);
        QCOMPARE(integrity(m_path), QStringLiteral("ok"));
        if (damage == QLatin1String("garbage")) {
            // Nothing readable is left: nothing to keep, but the cache works again.
            QCOMPARE(store.rescuedMutations(), 0);
            return;
        }
        QCOMPARE(store.rescuedMutations(), 5);
        const QList<OutboxMutation> all = store.allMutations();
        QCOMPARE(all.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(all.at(i).id, ids.at(i));
            QCOMPARE(all.at(i).payload.value(QStringLiteral("text")).toString(),
                QStringLiteral("offline %1").arg(i));
        }
        QCOMPARE(all.at(1).state, OutboxMutation::State::Rejected);
        QCOMPARE(store.pendingCount(), 4);
        // The rebuilt file is a sound cache.
        QVERIFY(store.applyPage(page(1, 10), QStringLiteral("c10")));
    }
    void corruptFile_rebuiltOutboxKept_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("header") << QStringLiteral("header");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("garbage") << QStringLiteral("garbage");
    }

private:
    QString m_path;
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
