#pragma once

#include <QDialog>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace xueshi {

class ClientCore;
class OrganisationFilterProxyModel;
class OrganisationReview;
class OrganisationTableModel;
class SyncEngine;
struct ReviewedOrganisation;

// Asks the administrator why an organisation is rejected: 1 to 200 characters, checked as typed
// (the organisation reads the reason).
class RejectOrganisationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RejectOrganisationDialog)

public:
    RejectOrganisationDialog(const QString &organisationName, QWidget *parent = nullptr);

    QString reason() const;

private:
    void validate();

    QPlainTextEdit *m_reasonEdit;
    QLabel *m_countLabel;
    QLabel *m_messageLabel;
    QPushButton *m_okButton;
};

// The administrator's "机构审核" (R1): the employers and institutions cached on this computer,
// filtered by state (awaiting approval by default) and kind and searched by name, credit code,
// username, region or contact, with the details of the selected one. Approve (several at once)
// or reject with a reason: each decision goes to the outbox with the version the administrator
// saw and shows at once, offline too, as not sent yet; a conflict (details changed, or another
// administrator decided first) is listed in 同步问题.
class OrganisationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrganisationsPage)

public:
    explicit OrganisationsPage(ClientCore *core, QWidget *parent = nullptr);

    void setEngine(SyncEngine *engine);
    OrganisationReview *review() const { return m_review; }

public slots:
    // Queues organisation.approve for each selected organisation awaiting approval; returns how
    // many.
    int approveSelected();
    // Opens the dialog asking for the reason, then rejects the selected organisation.
    void rejectSelected();
    // Queues organisation.reject of the selected organisation; false when the reason is refused.
    bool rejectSelectedWithReason(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void updateFilter();
    void showDetails();
    QStringList selectedPendingIds() const;
    QString detailsHtml(const ReviewedOrganisation &organisation) const;
    void retranslateUi();

    ClientCore *m_core;
    OrganisationReview *m_review;
    OrganisationTableModel *m_model;
    OrganisationFilterProxyModel *m_proxy;

    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QLabel *m_stateCaption;
    QComboBox *m_stateFilter;
    QLabel *m_kindCaption;
    QComboBox *m_kindFilter;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_countLabel;
    QGroupBox *m_detailGroup;
    QLabel *m_detailLabel;
    QPushButton *m_approveButton;
    QPushButton *m_rejectButton;
    QLabel *m_actionMessageLabel;
};

} // namespace xueshi
