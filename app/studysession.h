#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace xueshi {

class Clock;
class LocalStore;
class SyncEngine;

// Counts the time a learner spends on one lesson while it is on screen (setActive) and hands it
// to the sync engine as lesson.study mutations: every FlushSeconds of counted time, and on
// flush() (the viewer closes or hides). A tick every second reads the client's Clock, so tests
// move time instead of waiting. Counted time is kept until it is queued, and queued time is
// shown through the cached progress only (the mutation's local effect adds it), so nothing is
// lost and nothing counted twice. A gap longer than MaxGapSeconds between two ticks (the computer
// slept) is not study and counts nothing.
//
// Durations come from the clock's steady timer, which setting the computer's clock does not
// move; each claim names the stretch it was studied in (docs/sync.md "Study time"), as wall
// times derived from one wall time taken when the session starts plus the steady time since, so
// a clock changed while the lesson is open neither adds nor removes study. The server credits
// only what it can prove passed; what it did not credit comes back through notCredited().
class StudySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StudySession)

public:
    static constexpr int TickMs = 1000;
    static constexpr int FlushSeconds = 60;
    static constexpr int MaxGapSeconds = 120;
    static constexpr int MaxMutationSeconds = 14400; // the server's limit per lesson.study

    // `engine` may go away (logout): counted time then stays counted. `store` and `clock` must
    // outlive this object; a null clock is the system clock.
    StudySession(SyncEngine *engine, const LocalStore *store, const Clock *clock,
        const QString &learnerId, const QString &courseId, const QString &lessonId,
        QObject *parent = nullptr);
    ~StudySession() override;

    QString courseId() const { return m_courseId; }
    QString lessonId() const { return m_lessonId; }

    // Counting while active (the lesson is shown); becoming inactive queues what was counted.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // The lesson's minimum study time.
    int minSeconds() const;
    // As the learner sees it: the cached progress (with study already queued) plus the time
    // counted and not queued yet.
    int studiedSeconds() const;
    bool isComplete() const;
    // Counted and not yet queued, in milliseconds.
    qint64 unflushedMs() const { return m_unflushedMs; }

public slots:
    // Counts the time since the previous tick (called every TickMs while active).
    void tick();
    // Queues the whole seconds counted so far (the rest stays counted); false when something
    // could not be queued (it stays counted too).
    bool flush();

signals:
    // The studied time changed (a tick, a flush).
    void changed();
    // The minimum study time was reached.
    void completed();
    void flushFailed(const QString &message);
    // The server credited less of a claim of this lesson than it said (`message` says why).
    void notCredited(int claimed, int credited, const QString &message);

private:
    int cachedSeconds() const;
    void checkComplete();
    // Counting starts again at the last tick, after a pause or a gap.
    void startStretch();
    // The wall time of a point on the steady timer, by the anchor taken at the start.
    QDateTime wallAt(qint64 steadyMs) const;

    QPointer<SyncEngine> m_engine;
    const LocalStore *m_store;
    const Clock *m_clock;
    QString m_learnerId;
    QString m_courseId;
    QString m_lessonId;
    QTimer m_timer;
    bool m_active = false;
    QDateTime m_anchorWall; // taken once; every claim's times derive from it
    qint64 m_anchorSteadyMs = 0;
    qint64 m_lastMs = 0; // the previous tick, on the steady timer
    qint64 m_spanStartMs = 0; // where the counted, unqueued time begins, on the steady timer
    qint64 m_unflushedMs = 0;
    qint64 m_sinceFlushMs = 0;
    bool m_wasComplete = false;
};

} // namespace xueshi
