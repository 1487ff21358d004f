#pragma once

#include "organisationreview.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace xueshi {

// The organisations an administrator reviews (OrganisationReview::organisations()), one row
// each. A decision still in the outbox is marked as not sent yet, one the server refused or that
// conflicted as a problem.
class OrganisationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrganisationTableModel)

public:
    enum Column {
        NameColumn,
        KindColumn,
        CreditCodeColumn,
        RegionColumn,
        ContactColumn,
        RegisteredColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the organisation's user id
        StateRole, // "pending", "approved", "rejected"
        KindRole, // "employer", "institution"
        RegisteredRole, // QDateTime (UTC)
        VersionRole, // the cached version
        WaitingRole, // bool: a decision is not sent yet
    };

    explicit OrganisationTableModel(QObject *parent = nullptr);

    void setOrganisations(const QList<ReviewedOrganisation> &organisations);
    const ReviewedOrganisation &organisationAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    QList<ReviewedOrganisation> m_rows;
};

// Filters organisations by state, kind and a search text (name, credit code, username, region,
// contact person). The "pending" state keeps the rows decided on this computer until the server
// has the decision.
class OrganisationFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrganisationFilterProxyModel)

public:
    explicit OrganisationFilterProxyModel(QObject *parent = nullptr);

    void setState(const QString &state); // empty: all
    void setKind(const QString &kind); // empty: all
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_state;
    QString m_kind;
    QString m_search;
};

} // namespace xueshi
