#pragma once

#include "syncengine.h"
#include "user.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace xueshi {

class ClientCore;
class EnrolmentFilterProxyModel;
class EnrolmentTableModel;

// The learner's "培训班情况查看" (R6): their enrolments with 已报名待确认, 报名成功, 已获得学时
// (and 未通过 with the institution's reason, 已取消, 缺勤); a pending one can be cancelled, and one
// the server refused (the class filled up meanwhile, say) shows the reason and can be removed.
class MyClassesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MyClassesPage)

public:
    explicit MyClassesPage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    QTableView *view() const { return m_view; }

public slots:
    // Queues enrolment.cancel of the selected pending enrolment.
    bool cancelSelected();
    // Drops the selected enrolment the server refused (its outbox row and local copy).
    bool removeRefused();

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void updateButtons();
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_announced = false; // a message says something is sent at the next sync
    EnrolmentTableModel *m_model;
    EnrolmentFilterProxyModel *m_proxy;

    QLabel *m_titleLabel;
    QTableView *m_view;
    QLabel *m_emptyLabel;
    QPushButton *m_cancelButton;
    QPushButton *m_removeButton;
    QLabel *m_messageLabel;
};

} // namespace xueshi
