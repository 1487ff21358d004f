#pragma once

#include "syncengine.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QDialog;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace xueshi {

class BindingFilterProxyModel;
class BindingTableModel;
class ClientCore;

// The employer's "人员管理" (R4): the binding requests addressed to it, filtered by state, name and
// date, with the learner's details, confirmed or returned with a reason (several at once for
// confirming); and the confirmed staff. Decisions go to the outbox with the version the HR
// officer saw: when the learner withdrew or changed the request meanwhile, the server answers with
// a conflict (listed in 同步问题) and applies nothing, and the table shows the request as it is
// now.
class StaffPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffPage)

public:
    explicit StaffPage(ClientCore *core, QWidget *parent = nullptr);

    void setEngine(SyncEngine *engine);
    // Only an organisation the administrator approved decides requests (R1).
    void setApproved(bool approved);

public slots:
    // Queues binding.confirm for each selected pending request; returns how many.
    int confirmSelected();
    // Opens the dialog asking for the reason (required), then rejects the selected request.
    void rejectSelected();
    // Queues binding.reject of the selected pending request; false without a reason.
    bool rejectSelectedWithReason(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void refresh(bool outboxOnly);
    void updateFilter();
    void showDetails();
    void showStaffDetails();
    QStringList selectedPendingIds() const;
    QString detailsHtml(const QJsonObject &binding) const;
    void retranslateUi();

    ClientCore *m_core;
    bool m_approved = true;
    QPointer<SyncEngine> m_engine;
    BindingTableModel *m_model;
    BindingFilterProxyModel *m_requestProxy;
    BindingFilterProxyModel *m_staffProxy;

    QLabel *m_titleLabel;
    QTabWidget *m_tabs;
    QWidget *m_requestsTab;
    QWidget *m_staffTab;
    QLabel *m_stateCaption;
    QComboBox *m_stateFilter;
    QLineEdit *m_nameFilter;
    QLabel *m_dateCaption;
    QDateEdit *m_fromDate;
    QDateEdit *m_toDate;
    QPushButton *m_clearDatesButton;
    QTableView *m_requestView;
    QGroupBox *m_detailGroup;
    QLabel *m_detailLabel;
    QPushButton *m_confirmButton;
    QPushButton *m_rejectButton;
    QLabel *m_actionMessageLabel;
    QLineEdit *m_staffSearch;
    QTableView *m_staffView;
    QGroupBox *m_staffDetailGroup;
    QLabel *m_staffDetailLabel;
};

} // namespace xueshi
