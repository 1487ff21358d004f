#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The synthetic change feed of the crash test, shared by the child that applies it and the test
// that checks the result: change `seq` touches item "i<seq % Ids>" at version `seq`, deleting it
// when isDelete(seq), so the whole expected cache follows from the cursor alone.
namespace xueshi::crash {

constexpr int PageSize = 250;
constexpr int Ids = 3000;

inline QString cursorFor(qint64 seq)
{
    return QStringLiteral("gen.%1").arg(seq);
}

// The seq in a cursor, 0 for none, -1 for a cursor that is not ours.
inline qint64 cursorSeq(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    if (!cursor.startsWith(QLatin1String("gen.")))
        return -1;
    bool ok = false;
    const qint64 seq = cursor.mid(4).toLongLong(&ok);
    return ok ? seq : -1;
}

// The last change of a page is never a delete, so the newest entity always carries the cursor.
inline bool isDelete(qint64 seq)
{
    return seq % 11 == 5 && seq % PageSize != 0;
}

inline QString idOf(qint64 seq)
{
    return QStringLiteral("i%1").arg(seq % Ids);
}

// The page after `from`: changes from + 1 .. from + PageSize.
inline QJsonArray page(qint64 from)
{
    static const QString pad(300, QLatin1Char('p'));
    QJsonArray changes;
    for (qint64 seq = from + 1; seq <= from + PageSize; ++seq) {
        const bool remove = isDelete(seq);
        changes.append(QJsonObject { { QStringLiteral("seq"), double(seq) },
            { QStringLiteral("type"), QStringLiteral("item") }, { QStringLiteral("id"), idOf(seq) },
            { QStringLiteral("version"), double(seq) },
            { QStringLiteral("op"), remove ? QStringLiteral("delete") : QStringLiteral("upsert") },
            { QStringLiteral("data"),
                remove ? QJsonValue()
                       : QJsonValue(QJsonObject { { QStringLiteral("seq"), double(seq) },
                           { QStringLiteral("pad"), pad } }) } });
    }
    return changes;
}

// The rebuild of the crash test: the cache holds the feed up to OldCursor, a rebuild pulls it
// from the start into the shadow and switches at RebuildCursor, then starts over.
constexpr qint64 OldCursor = 4 * PageSize;
constexpr qint64 RebuildCursor = 12 * PageSize;

inline QString mobile(int n)
{
    return QStringLiteral("139%1").arg(n, 8, 10, QLatin1Char('0'));
}

} // namespace xueshi::crash
