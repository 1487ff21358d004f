#pragma once

#include "syncengine.h"
#include "user.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QTableView;

namespace xueshi {

class ClassEnrolmentPage;
class ClientCore;
class TrainingClassTableModel;

// 查看/报名: one class's details and the 报名 button, kept up to date while open (a sync may
// close enrolment or fill the class meanwhile).
class ClassDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassDetailsDialog)

public:
    ClassDetailsDialog(ClassEnrolmentPage *page, const QString &classId);

    QString classId() const { return m_classId; }
    void refresh();

private:
    ClassEnrolmentPage *m_page;
    QString m_classId;
    QLabel *m_detailsLabel;
    QLabel *m_blockedLabel;
    QPushButton *m_enrolButton;
    QLabel *m_messageLabel;
};

// The learner's "培训班报名申请" (R6): the published classes whose region covers the region of the
// employer that confirmed the learner (a class in a province or city covers its districts), each
// with 接受报名 or 停止报名 and 查看/报名, which shows the details and the 报名 button (disabled
// with the reason when enrolment is closed, the deadline has passed, the class is full or the
// learner is enrolled already). When the list is empty it says why. An enrolment goes through the
// outbox; one the server refuses is shown with the server's reason.
class ClassEnrolmentPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassEnrolmentPage)

public:
    explicit ClassEnrolmentPage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    QTableView *view() const { return m_view; }
    // Why the learner cannot enrol in this class now, or empty (also for an unknown class).
    QString enrolmentBlocker(const QString &classId) const;
    // The server's refusal of the learner's enrolment in the class, or empty.
    QString refusal(const QString &classId) const;
    std::optional<CachedEntity> cachedClass(const QString &classId) const;
    QHash<QString, QString> seriesNames() const;

public slots:
    // 查看/报名: the class's details with the 报名 button.
    ClassDetailsDialog *openDetails(const QString &classId);
    // 报名: queues enrolment.request; false with the reason shown.
    bool enrol(const QString &classId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    QList<CachedEntity> myEnrolments() const;
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    TrainingClassTableModel *m_model;
    QPointer<ClassDetailsDialog> m_dialog;

    QLabel *m_titleLabel;
    QLabel *m_regionLabel;
    QFrame *m_problemFrame;
    QLabel *m_problemLabel;
    QTableView *m_view;
    QLabel *m_emptyLabel;
};

} // namespace xueshi
