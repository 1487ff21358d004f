#pragma once

#include "syncengine.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace xueshi {

class ClientCore;

// The sync part of a role window's status bar (R9): the state (同步中… / 已同步 / 离线 / 同步失败),
// the number of changes waiting to be sent, the time of the last successful sync, a progress bar
// during an initial sync or a large pull, a button to sync now and, when there are any, one that
// opens the sync problems. It only listens to the engine's signals, so it never blocks.
class SyncStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatusWidget)

public:
    // Pages at least this big show the progress bar even after the first sync.
    static constexpr int LargeSync = 200;

    explicit SyncStatusWidget(ClientCore *core, QWidget *parent = nullptr);

    void setEngine(SyncEngine *engine);
    SyncEngine *engine() const { return m_engine; }

signals:
    void syncNowRequested();
    void problemsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onProgress(int done, int total);
    void refresh();

    ClientCore *m_core;
    QPointer<SyncEngine> m_engine;
    bool m_initialSync = false; // the running sync started without a previous one
    QLabel *m_stateIconLabel;
    QLabel *m_stateLabel;
    QLabel *m_pendingLabel;
    QLabel *m_lastSyncLabel;
    QProgressBar *m_progressBar;
    QPushButton *m_problemsButton;
    QPushButton *m_syncNowButton;
};

} // namespace xueshi
