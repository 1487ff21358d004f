#pragma once

#include "syncengine.h"
#include "user.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace xueshi {

class ClientCore;
class EnrolmentFilterProxyModel;
class EnrolmentTableModel;

// The institution's "报名管理" (R6): the enrolments of one class, filtered by state and by name,
// masked resident id or employer; several confirmed or returned (with a required reason) at once,
// each decision through the outbox on the version the institution saw; and 导出名单, the shown
// enrolments as a CSV roster (UTF-8 with BOM, so spreadsheet programs show the Chinese names;
// writeCsv() neutralises cells a spreadsheet would run as formulas).
class EnrolmentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnrolmentsPage)

    // Where 导出名单 writes without asking (tests); empty: a file dialog asks.
    Q_PROPERTY(QString exportPath MEMBER m_exportPath)

public:
    explicit EnrolmentsPage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    QString classId() const;
    // Chooses the class shown; false when it is not one of the institution's.
    bool setClassId(const QString &classId);

public slots:
    // Queues enrolment.confirm for each selected pending enrolment; returns how many.
    int confirmSelected();
    // Asks for the reason (required), then returns the selected pending enrolments.
    void rejectSelected();
    // Queues enrolment.reject with this reason for each selected pending enrolment.
    int rejectSelectedWithReason(const QString &reason);
    // 导出名单: to exportPath, or where the user chooses.
    void exportRoster();
    // Writes the shown enrolments of the class to `path`; false with the message shown.
    bool exportRosterTo(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void reloadClasses();
    void updateFilter();
    void updateButtons();
    QStringList selectedPendingIds() const;
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_announced = false; // a message says something is sent at the next sync
    QString m_exportPath;
    EnrolmentTableModel *m_model;
    EnrolmentFilterProxyModel *m_proxy;

    QLabel *m_titleLabel;
    QLabel *m_classCaption;
    QComboBox *m_classPicker;
    QLabel *m_stateCaption;
    QComboBox *m_stateFilter;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_countLabel;
    QPushButton *m_confirmButton;
    QPushButton *m_rejectButton;
    QPushButton *m_exportButton;
    QLabel *m_messageLabel;
};

} // namespace xueshi
