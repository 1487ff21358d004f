#include "organisations/organisationmodel.h"

#include <QColor>
#include <QLocale>

namespace xueshi {

OrganisationTableModel::OrganisationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void OrganisationTableModel::setOrganisations(const QList<ReviewedOrganisation> &organisations)
{
    beginResetModel();
    m_rows = organisations;
    endResetModel();
}

int OrganisationTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int OrganisationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrganisationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrganisationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReviewedOrganisation &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.id;
    case StateRole:
        return OrganisationText::stateCode(row.state);
    case KindRole:
        return row.kind;
    case RegisteredRole:
        return row.registeredAt;
    case VersionRole:
        return row.version;
    case WaitingRole:
        return row.waiting;
    case Qt::ToolTipRole:
        if (!row.problem.isEmpty())
            return row.problem;
        return index.column() == NameColumn ? QVariant(row.name) : QVariant();
    case Qt::ForegroundRole:
        // A decision the server did not take stands out until it is dealt with.
        if (index.column() == StateColumn && !row.problem.isEmpty())
            return QColor(0xb3, 0x26, 0x1e);
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case KindColumn:
            return OrganisationText::kind(row.kind);
        case CreditCodeColumn:
            return row.creditCode;
        case RegionColumn:
            return row.regionName.isEmpty() ? row.regionCode : row.regionName;
        case ContactColumn:
            return row.contactPerson;
        case RegisteredColumn:
            return row.registeredAt.isValid() ? QLocale().toString(
                       row.registeredAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                              : QString();
        case StateColumn: {
            const QString state = OrganisationText::state(row.state);
            if (!row.problem.isEmpty())
                return tr("%1 (see Sync problems)").arg(state);
            return row.waiting ? tr("%1 (not sent yet)").arg(state) : state;
        }
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant OrganisationTableModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case CreditCodeColumn:
        return tr("Credit code");
    case RegionColumn:
        return tr("Region");
    case ContactColumn:
        return tr("Contact person");
    case RegisteredColumn:
        return tr("Registered");
    case StateColumn:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

void OrganisationTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

OrganisationFilterProxyModel::OrganisationFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void OrganisationFilterProxyModel::setState(const QString &state)
{
    m_state = state;
    invalidateFilter();
}

void OrganisationFilterProxyModel::setKind(const QString &kind)
{
    m_kind = kind;
    invalidateFilter();
}

void OrganisationFilterProxyModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool OrganisationFilterProxyModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const OrganisationTableModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return false;
    const ReviewedOrganisation &row = model->organisationAt(sourceRow);
    // A decision made here stays in the list it was made from until the server has it, so the
    // row does not vanish under the administrator's eyes and the work still to send shows.
    const bool unsettled = row.waiting || !row.problem.isEmpty();
    if (!m_state.isEmpty() && OrganisationText::stateCode(row.state) != m_state
        && !(unsettled && m_state == QLatin1String("pending")))
        return false;
    if (!m_kind.isEmpty() && row.kind != m_kind)
        return false;
    return row.matches(m_search);
}

} // namespace xueshi
