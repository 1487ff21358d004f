#include "binding/bindingmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace xueshi {

namespace {

const QString Binding = QStringLiteral("binding");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QDateTime requestedAt(const CachedEntity &binding)
{
    return QDateTime::fromString(text(binding.data, "requestedAt"), Qt::ISODate);
}

} // namespace

QString BindingText::learnerStatus(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Waiting for the employer to confirm");
    if (status == QLatin1String("confirmed"))
        return tr("Confirmed");
    if (status == QLatin1String("rejected"))
        return tr("Returned");
    if (status == QLatin1String("withdrawn"))
        return tr("Withdrawn");
    if (status == QLatin1String("ended"))
        return tr("Ended");
    return status;
}

QString BindingText::employerStatus(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("To confirm");
    return learnerStatus(status);
}

QString BindingText::gender(const QString &code)
{
    if (code == QLatin1String("male"))
        return tr("Male");
    if (code == QLatin1String("female"))
        return tr("Female");
    return code;
}

QStringList BindingText::educationCodes()
{
    return { QStringLiteral("doctorate"), QStringLiteral("master"), QStringLiteral("bachelor"),
        QStringLiteral("juniorCollege"), QStringLiteral("secondary"), QStringLiteral("other") };
}

QString BindingText::education(const QString &code)
{
    if (code == QLatin1String("doctorate"))
        return tr("Doctoral graduate");
    if (code == QLatin1String("master"))
        return tr("Master's graduate");
    if (code == QLatin1String("bachelor"))
        return tr("Bachelor's degree");
    if (code == QLatin1String("juniorCollege"))
        return tr("Junior college");
    if (code == QLatin1String("secondary"))
        return tr("Secondary school or high school");
    if (code == QLatin1String("other"))
        return tr("Other");
    return code;
}

QString BindingText::dateTime(const QString &iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODate);
    return when.isValid()
        ? QLocale().toString(when.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
        : QString();
}

BindingTableModel::BindingTableModel(bool employerView, QObject *parent)
    : QAbstractTableModel(parent)
    , m_employerView(employerView)
{ }

void BindingTableModel::reload(const LocalStore *store)
{
    beginResetModel();
    m_rows = store ? store->entities(Binding) : QList<CachedEntity>();
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const CachedEntity &a, const CachedEntity &b) {
            const QDateTime first = requestedAt(a);
            const QDateTime second = requestedAt(b);
            if (first != second)
                return first > second;
            // Requests made in the same second: a pending one is the newest.
            return text(a.data, "status") == QLatin1String("pending")
                && text(b.data, "status") != QLatin1String("pending");
        });
    m_waiting.clear();
    if (store) {
        for (const OutboxMutation &m : store->pendingMutations()) {
            if (m.entityType == Binding)
                m_waiting.insert(m.target);
        }
    }
    endResetModel();
}

int BindingTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int BindingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BindingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BindingTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CachedEntity &row = m_rows.at(index.row());
    const QString status = text(row.data, "status");
    switch (role) {
    case IdRole:
        return row.id;
    case StatusRole:
        return status;
    case RequestedRole:
        return requestedAt(row);
    case DataRole:
        return row.data;
    case VersionRole:
        return row.version;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return text(row.data.value(QLatin1String("learner")).toObject(), "realName");
        case EmployerColumn:
            return text(row.data, "employerName");
        case StatusColumn: {
            const QString name = m_employerView ? BindingText::employerStatus(status)
                                                : BindingText::learnerStatus(status);
            return m_waiting.contains(row.id) ? tr("%1 (not sent yet)").arg(name) : name;
        }
        case RequestedColumn:
            return BindingText::dateTime(text(row.data, "requestedAt"));
        case DecidedColumn:
            return BindingText::dateTime(text(row.data, "decidedAt"));
        case ReasonColumn:
            return text(row.data, "reason");
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant BindingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case EmployerColumn:
        return tr("Employer");
    case StatusColumn:
        return tr("Status");
    case RequestedColumn:
        return tr("Requested");
    case DecidedColumn:
        return tr("Decided");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

void BindingTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

BindingFilterProxyModel::BindingFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void BindingFilterProxyModel::setStatus(const QString &status)
{
    m_status = status;
    invalidateFilter();
}

void BindingFilterProxyModel::setNameFilter(const QString &text)
{
    m_name = text.trimmed();
    invalidateFilter();
}

void BindingFilterProxyModel::setDateRange(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    invalidateFilter();
}

bool BindingFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_status.isEmpty() && index.data(BindingTableModel::StatusRole).toString() != m_status)
        return false;
    if (!m_name.isEmpty()) {
        const QJsonObject data = index.data(BindingTableModel::DataRole).toJsonObject();
        const QJsonObject learner = data.value(QLatin1String("learner")).toObject();
        if (!text(learner, "realName").contains(m_name, Qt::CaseInsensitive)
            && !text(learner, "username").contains(m_name, Qt::CaseInsensitive))
            return false;
    }
    if (m_from.isValid() || m_to.isValid()) {
        const QDate day
            = index.data(BindingTableModel::RequestedRole).toDateTime().toLocalTime().date();
        if (m_from.isValid() && day < m_from)
            return false;
        if (m_to.isValid() && day > m_to)
            return false;
    }
    return true;
}

} // namespace xueshi
