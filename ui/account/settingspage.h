#pragma once

#include "syncengine.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace xueshi {

class ClientCore;

// The "设置" section of every role window: what this computer keeps and where (R9). Where the
// session token is kept (keychain or private file), the content cache with its size and a button
// to clear it (never the outbox), the local data directory and last sync, the server with its
// pinned certificate, and forgetting this computer (offline login, token and local data). The
// language is chosen on the login window.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(ClientCore *core, QWidget *parent = nullptr);

    void setEngine(SyncEngine *engine);

public slots:
    void refresh();
    void clearCache();
    void forgetOfflineLogin();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QLabel *addValue(QFormLayout *form, const QString &name, QLabel **caption);
    void retranslateUi();

    ClientCore *m_core;
    QPointer<SyncEngine> m_engine;

    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QGroupBox *m_tokenGroup;
    QLabel *m_tokenCaption, *m_tokenValueLabel;
    QLabel *m_tokenNoteLabel;
    QGroupBox *m_offlineGroup;
    QLabel *m_offlineCaption, *m_offlineValueLabel;
    QPushButton *m_forgetOfflineButton;
    QGroupBox *m_cacheGroup;
    QLabel *m_cacheSizeCaption, *m_cacheSizeValueLabel;
    QLabel *m_cacheLocationCaption, *m_cacheLocationValueLabel;
    QLabel *m_cacheNoteLabel;
    QPushButton *m_clearCacheButton;
    QLabel *m_attachmentCapCaption;
    QSpinBox *m_attachmentCapSpinBox;
    QLabel *m_attachmentCapNoteLabel;
    QGroupBox *m_dataGroup;
    QLabel *m_dataLocationCaption, *m_dataLocationValueLabel;
    QLabel *m_storeCaption, *m_storeValueLabel;
    QLabel *m_lastSyncCaption, *m_lastSyncValueLabel;
    QLabel *m_pendingCaption, *m_pendingValueLabel;
    QGroupBox *m_serverGroup;
    QLabel *m_serverCaption, *m_serverValueLabel;
    QLabel *m_fingerprintCaption, *m_fingerprintValueLabel;
    QLabel *m_statusLabel;
};

} // namespace xueshi
