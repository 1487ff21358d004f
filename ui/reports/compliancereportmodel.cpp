#include "reports/compliancereportmodel.h"

#include <QBrush>
#include <QColor>

namespace xueshi {

ComplianceReportModel::ComplianceReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ComplianceReportModel::setReport(ComplianceReport report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int ComplianceReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.rows.size());
}

int ComplianceReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 ComplianceReportModel::sortKey(const ComplianceRow &row, int column)
{
    const YearJudgement &j = row.judgement;
    switch (column) {
    case PublicColumn:
        return j.confirmed.publicTenths;
    case ProfessionalColumn:
        return j.confirmed.professionalTenths;
    case ElectiveColumn:
        return j.confirmed.electiveTenths;
    case TotalColumn:
        return j.confirmed.totalTenths();
    case PendingColumn:
        return j.pending.totalTenths();
    case ResultColumn:
        // Passed after not passed; among those not passing, the furthest from passing last.
        return j.passed ? qint64(1) << 40 : j.missingTenths();
    case MissingColumn:
        return j.missingTenths();
    default:
        return row.nameRank;
    }
}

QVariant ComplianceReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_report.rows.size())
        return {};
    const ComplianceRow &row = m_report.rows.at(index.row());
    const YearJudgement &j = row.judgement;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return row.name;
        case ResidentIdColumn:
            return row.residentIdMasked;
        case TitleColumn:
            return row.professionalTitle;
        case PositionColumn:
            return row.position;
        case ResultColumn:
            return ComplianceText::result(j.passed);
        case MissingColumn:
            return ComplianceText::missing(j);
        default:
            return formatTenths(int(sortKey(row, column)));
        }
    case Qt::ToolTipRole:
        if (column == MissingColumn || column == ResultColumn)
            return j.passed ? QVariant() : j.missingInWords().join(u'\n');
        return {};
    case Qt::TextAlignmentRole:
        if (column >= PublicColumn && column <= PendingColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == ResultColumn)
            return QBrush(j.passed ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb4, 0x2b, 0x1f));
        if (column == PendingColumn && j.pending.totalTenths() > 0)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        return {};
    case PassedRole:
        return j.passed;
    case SortRole:
        return sortKey(row, column);
    case LearnerIdRole:
        return row.learnerId;
    default:
        return {};
    }
}

QVariant ComplianceReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ResidentIdColumn:
        return tr("Resident ID");
    case TitleColumn:
        return tr("Professional title");
    case PositionColumn:
        return tr("Position");
    case PublicColumn:
        return tr("Public");
    case ProfessionalColumn:
        return tr("Professional");
    case ElectiveColumn:
        return tr("Elective");
    case TotalColumn:
        return tr("Total");
    case PendingColumn:
        return tr("Pending");
    case ResultColumn:
        return tr("Result");
    case MissingColumn:
        return tr("Missing");
    default:
        return {};
    }
}

void ComplianceReportModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_report.rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

ComplianceReportProxyModel::ComplianceReportProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void ComplianceReportProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<ComplianceReportModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ComplianceReportProxyModel::setOnlyNotPassed(bool only)
{
    if (only == m_onlyNotPassed)
        return;
    m_onlyNotPassed = only;
    invalidateRowsFilter();
}

void ComplianceReportProxyModel::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_name)
        return;
    m_name = trimmed;
    invalidateRowsFilter();
}

QList<int> ComplianceReportProxyModel::shownSourceRows() const
{
    QList<int> rows;
    rows.reserve(rowCount());
    for (int i = 0; i < rowCount(); ++i)
        rows.append(mapToSource(index(i, 0)).row());
    return rows;
}

bool ComplianceReportProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model)
        return true;
    const ComplianceRow &row = m_model->rowAt(sourceRow);
    if (m_onlyNotPassed && row.judgement.passed)
        return false;
    return m_name.isEmpty() || row.name.contains(m_name, Qt::CaseInsensitive);
}

bool ComplianceReportProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const ComplianceRow &a = m_model->rowAt(left.row());
    const ComplianceRow &b = m_model->rowAt(right.row());
    const int column = left.column();
    if (column == ComplianceReportModel::ResidentIdColumn
        || column == ComplianceReportModel::TitleColumn
        || column == ComplianceReportModel::PositionColumn) {
        const QString &x = column == ComplianceReportModel::ResidentIdColumn ? a.residentIdMasked
            : column == ComplianceReportModel::TitleColumn                   ? a.professionalTitle
                                                                             : a.position;
        const QString &y = column == ComplianceReportModel::ResidentIdColumn ? b.residentIdMasked
            : column == ComplianceReportModel::TitleColumn                   ? b.professionalTitle
                                                                             : b.position;
        if (const int c = x.compare(y); c != 0)
            return c < 0;
        return a.nameRank < b.nameRank;
    }
    const qint64 x = ComplianceReportModel::sortKey(a, column);
    const qint64 y = ComplianceReportModel::sortKey(b, column);
    return x != y ? x < y : a.nameRank < b.nameRank;
}

} // namespace xueshi
