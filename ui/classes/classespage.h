#pragma once

#include "syncengine.h"
#include "user.h"

#include <QPointer>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QTableView;

namespace xueshi {

class ClientCore;
class TrainingClassTableModel;

// The institution's "培训班管理" (R6): its classes with their state (草稿 / 接受报名 / 停止报名),
// 新建 and 编辑 in ClassEditDialog, and 接受报名 / 停止报名. Everything goes through the outbox, so
// it works offline. An institution the administrator has not approved yet may prepare drafts but
// not publish them: the page says so and 接受报名 stays disabled with the reason.
class ClassesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassesPage)

public:
    explicit ClassesPage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    // Approved by the administrator (from the cached profile, else the login's User).
    bool isApproved() const;

public slots:
    // Opens ClassEditDialog for a new class / the selected one.
    void newClass();
    void editSelected();
    // Queues class.save of the class `id` (a new UUID for a new class); false with the message
    // shown when it could not be queued.
    bool saveClass(const QString &id, const QJsonObject &payload);
    // Queues class.open / class.close of the selected class.
    bool openSelected();
    bool closeSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void updateButtons();
    QString selectedId() const;
    bool queueStatus(const QString &type);
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_announced = false; // a message says something is sent at the next sync
    TrainingClassTableModel *m_model;

    QLabel *m_titleLabel;
    QFrame *m_approvalFrame;
    QLabel *m_approvalLabel;
    QTableView *m_view;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_openButton;
    QPushButton *m_closeButton;
    QLabel *m_messageLabel;
    QLabel *m_detailLabel;
};

} // namespace xueshi
