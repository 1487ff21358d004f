// The staff page's model on a real LocalStore: a sync that brings a page of bindings, or a
// decision queued in the outbox, changes only the rows concerned (no model reset, the selection
// kept), and the rows stay in the order a full reload gives.
#include "binding/bindingmodel.h"
#include "localstore.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace xueshi;

namespace {

QString bindingId(int i)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QJsonObject change(int i, qint64 version, const QString &status, int minutesAfter)
{
    const QString id = bindingId(i);
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("binding") },
        { QStringLiteral("id"), id }, { QStringLiteral("version"), double(version) },
        { QStringLiteral("op"), QStringLiteral("upsert") },
        { QStringLiteral("data"),
            QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("status"), status },
                { QStringLiteral("requestedAt"),
                    QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC)
                        .addSecs(60 * minutesAfter)
                        .toString(Qt::ISODate) },
                { QStringLiteral("learner"),
                    QJsonObject {
                        { QStringLiteral("realName"), QStringLiteral("员工%1").arg(i) } } } } } };
}

QJsonObject removal(int i, qint64 version)
{
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("binding") },
        { QStringLiteral("id"), bindingId(i) }, { QStringLiteral("version"), double(version) },
        { QStringLiteral("op"), QStringLiteral("delete") } };
}

QStringList idsInOrder(const BindingTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(BindingTableModel::IdRole).toString();
    return ids;
}

} // namespace

class TestBindingModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_files))));
        QJsonArray page;
        for (int i = 0; i < Staff; ++i)
            page.append(change(i, 2, QStringLiteral("confirmed"), i));
        QVERIFY(m_store->applyPage(page, QStringLiteral("v1.test.1.1")));
    }

    void cleanup() { m_store.reset(); }

    void pageChangesOnlyItsRows()
    {
        BindingTableModel model(true);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload(m_store.get());
        QCOMPARE(model.rowCount(), Staff);
        QCOMPARE(model.index(0, 0).data(BindingTableModel::IdRole).toString(),
            bindingId(Staff - 1)); // newest first
        QPersistentModelIndex watched = model.index(100, 0);
        const QString watchedId = watched.data(BindingTableModel::IdRole).toString();

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // A page: one new request (the newest), one changed in place, one that moves (requested
        // again later), one deleted.
        QVERIFY(m_store->applyPage(
            QJsonArray { change(Staff, 1, QStringLiteral("pending"), Staff),
                change(10, 3, QStringLiteral("ended"), 10),
                change(20, 3, QStringLiteral("pending"), Staff + 5), removal(30, 3) },
            QStringLiteral("v1.test.1.2")));
        model.refresh(m_store.get());

        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 2); // the deleted one and the one that moves
        QCOMPARE(inserted.count(), 2); // the new one and the one that moved
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), Staff);
        QVERIFY(watched.isValid());
        QCOMPARE(watched.data(BindingTableModel::IdRole).toString(), watchedId);
        QCOMPARE(model.index(0, 0).data(BindingTableModel::IdRole).toString(), bindingId(20));
        QCOMPARE(model.index(1, 0).data(BindingTableModel::IdRole).toString(), bindingId(Staff));
        const int row10 = model.rowOf(bindingId(10));
        QCOMPARE(model.index(row10, 0).data(BindingTableModel::StatusRole).toString(),
            QStringLiteral("ended"));
        QCOMPARE(model.rowOf(bindingId(30)), -1);

        // The same rows in the same order as a full reload.
        BindingTableModel fresh(true);
        fresh.reload(m_store.get());
        QCOMPARE(idsInOrder(model), idsInOrder(fresh));

        // Nothing changed: nothing happens.
        resets.clear();
        changed.clear();
        inserted.clear();
        model.refresh(m_store.get());
        QCOMPARE(resets.count() + changed.count() + inserted.count(), 0);
    }

    void outboxMarksChangeInPlace()
    {
        BindingTableModel model(true);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload(m_store.get());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // A decision queued with its local effect: same version, new data, waiting to be sent.
        const QString id = bindingId(42);
        OutboxMutation m;
        m.type = QStringLiteral("binding.reject");
        m.entityType = QStringLiteral("binding");
        m.target = id;
        m.baseVersion = 2;
        m.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(!m_store
                     ->enqueue(m,
                         [&] {
                             CachedEntity e = *m_store->entity(QStringLiteral("binding"), id);
                             e.data.insert(QStringLiteral("status"), QStringLiteral("rejected"));
                             return m_store->putEntity(e);
                         })
                     .isEmpty());
        model.refreshWaiting(m_store.get());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        const QModelIndex status = model.index(model.rowOf(id), BindingTableModel::StatusColumn);
        QCOMPARE(status.data(BindingTableModel::StatusRole).toString(), QStringLiteral("rejected"));
        QVERIFY2(status.data().toString().contains(QLatin1String("not sent yet")),
            qPrintable(status.data().toString()));
        // Only the count of the outbox changed, not its rows: nothing to do.
        changed.clear();
        model.refreshWaiting(m_store.get());
        QCOMPARE(changed.count(), 0);
    }

    void manyChangesResetOnce()
    {
        BindingTableModel model(true);
        model.reload(m_store.get());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QJsonArray page;
        for (int i = 0; i < Staff; ++i)
            page.append(change(i, 3, QStringLiteral("ended"), i));
        QVERIFY(m_store->applyPage(page, QStringLiteral("v1.test.1.3")));
        model.refresh(m_store.get());
        QCOMPARE(resets.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.index(0, 0).data(BindingTableModel::StatusRole).toString(),
            QStringLiteral("ended"));
    }

private:
    static constexpr int Staff = 600;
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_MAIN(TestBindingModel)
#include "tst_bindingmodel.moc"
