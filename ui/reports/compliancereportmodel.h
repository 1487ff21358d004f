#pragma once

#include "reports/compliancereport.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace xueshi {

// The rows of the employer's 统计报表 (one per staff member) for the table. Every number the
// columns sort by is in the row already (tenths, the name's rank), so sorting 10,000 rows
// compares integers and formats nothing.
class ComplianceReportModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComplianceReportModel)

public:
    enum Column {
        NameColumn,
        ResidentIdColumn,
        TitleColumn,
        PositionColumn,
        PublicColumn,
        ProfessionalColumn,
        ElectiveColumn,
        TotalColumn,
        PendingColumn,
        ResultColumn,
        MissingColumn,
        ColumnCount
    };
    enum Role {
        PassedRole = Qt::UserRole + 1, // bool
        SortRole, // the value the column sorts by (a number for the hours, the name's rank)
        LearnerIdRole,
    };

    explicit ComplianceReportModel(QObject *parent = nullptr);

    void setReport(ComplianceReport report);
    const ComplianceReport &report() const { return m_report; }
    const ComplianceRow &rowAt(int row) const { return m_report.rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The sort key of a column: tenths for the hours, the rank for the name, 0/1 then the
    // hours missing for the result.
    static qint64 sortKey(const ComplianceRow &row, int column);
    void retranslate();

private:
    ComplianceReport m_report;
};

// Filters the report to those not passing and by name (contains, as one types); sorts by the
// keys the model computed (numbers as numbers, names in collation order), ties by name.
class ComplianceReportProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComplianceReportProxyModel)

public:
    explicit ComplianceReportProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setOnlyNotPassed(bool only);
    void setNameFilter(const QString &text);
    bool onlyNotPassed() const { return m_onlyNotPassed; }
    QString nameFilter() const { return m_name; }
    // The source rows shown, in the order shown.
    QList<int> shownSourceRows() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ComplianceReportModel *m_model = nullptr;
    bool m_onlyNotPassed = false;
    QString m_name;
};

} // namespace xueshi
