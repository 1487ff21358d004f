// The victim of tst_synccrash: writes to a LocalStore in a loop until it is killed.
//
//   synccrashchild pull PATH            applies generated pages of the change feed for ever
//   synccrashchild outbox PATH USERID   queues profile.update mutations with their local effect
//   synccrashchild rebuild PATH         rebuilds the cache beside it, switches, and again
//
// Prints "ready" once the store is open. The pages and the mutations are generated so that the
// test can tell, from the cursor or the outbox alone, exactly what the file must hold.
#include "localstore.h"
#include "synccrashpages.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cstdio>

using namespace xueshi;

namespace {

int pullForever(LocalStore &store)
{
    for (;;) {
        const qint64 from = crash::cursorSeq(store.cursor());
        if (from < 0) {
            std::fprintf(stderr, "bad cursor %s\n", qPrintable(store.cursor()));
            return 1;
        }
        const qint64 to = from + crash::PageSize;
        if (!store.applyPage(crash::page(from), crash::cursorFor(to))) {
            std::fprintf(stderr, "applyPage: %s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
}

int rebuildForever(LocalStore &store)
{
    for (;;) {
        if (!store.isRebuilding() && !store.beginRebuild()) {
            std::fprintf(stderr, "beginRebuild: %s\n", qPrintable(store.lastError()));
            return 1;
        }
        const qint64 from = crash::cursorSeq(store.rebuildCursor());
        if (from < 0 || from >= crash::RebuildCursor) {
            std::fprintf(stderr, "bad rebuild cursor %s\n", qPrintable(store.rebuildCursor()));
            return 1;
        }
        const qint64 to = from + crash::PageSize;
        const bool ok = to < crash::RebuildCursor
            ? store.applyRebuildPage(crash::page(from), crash::cursorFor(to))
            : store.finishRebuild(crash::page(from), crash::cursorFor(to));
        if (!ok) {
            std::fprintf(stderr, "rebuild: %s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
}

int outboxForever(LocalStore &store, const QString &userId)
{
    for (;;) {
        const std::optional<CachedEntity> profile = store.entity(QStringLiteral("profile"), userId);
        if (!profile) {
            std::fprintf(stderr, "no cached profile\n");
            return 1;
        }
        const int next = profile->data.value(QStringLiteral("counter")).toInt() + 1;
        OutboxMutation m;
        m.type = QStringLiteral("profile.update");
        m.entityType = QStringLiteral("profile");
        m.target = userId;
        m.baseVersion = profile->version;
        m.payload = { { QStringLiteral("mobile"), crash::mobile(next) } };
        const QString id = store.enqueue(m, [&] {
            CachedEntity updated = *profile;
            updated.data.insert(QStringLiteral("counter"), next);
            QJsonObject learner = updated.data.value(QStringLiteral("learner")).toObject();
            learner.insert(QStringLiteral("mobile"), crash::mobile(next));
            updated.data.insert(QStringLiteral("learner"), learner);
            return store.putEntity(updated);
        });
        if (id.isEmpty()) {
            std::fprintf(stderr, "enqueue: %s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: synccrashchild pull|outbox|rebuild PATH [USERID]\n");
        return 2;
    }
    LocalStore store;
    if (!store.open(args.at(2))) {
        std::fprintf(stderr, "open: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    if (args.at(1) == QLatin1String("pull"))
        return pullForever(store);
    if (args.at(1) == QLatin1String("rebuild"))
        return rebuildForever(store);
    if (args.at(1) == QLatin1String("outbox") && args.size() > 3)
        return outboxForever(store, args.at(3));
    return 2;
}
