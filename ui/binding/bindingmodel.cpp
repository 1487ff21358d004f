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

BindingTableModel::Row BindingTableModel::makeRow(const CachedEntity &entity)
{
    return Row { entity, requestedAt(entity),
        text(entity.data, "status") == QLatin1String("pending") };
}

bool BindingTableModel::before(const Row &a, const Row &b)
{
    if (a.requested != b.requested)
        return a.requested > b.requested;
    // Requests made in the same second: a pending one is the newest.
    return a.pending && !b.pending;
}

QSet<QString> BindingTableModel::waitingIds(const LocalStore *store)
{
    QSet<QString> waiting;
    if (store) {
        for (const OutboxMutation &m : store->pendingMutations()) {
            if (m.entityType == Binding)
                waiting.insert(m.target);
        }
    }
    return waiting;
}

void BindingTableModel::reload(const LocalStore *store)
{
    beginResetModel();
    m_rows.clear();
    m_versions.clear();
    if (store) {
        const QList<CachedEntity> all = store->entities(Binding);
        m_rows.reserve(all.size());
        for (const CachedEntity &entity : all) {
            m_rows.append(makeRow(entity));
            m_versions.insert(entity.id, entity.version);
        }
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), &BindingTableModel::before);
    m_waiting = waitingIds(store);
    endResetModel();
}

void BindingTableModel::insertSorted(const Row &row)
{
    const auto at
        = std::upper_bound(m_rows.cbegin(), m_rows.cend(), row, &BindingTableModel::before);
    const int index = int(at - m_rows.cbegin());
    beginInsertRows({}, index, index);
    m_rows.insert(index, row);
    endInsertRows();
}

void BindingTableModel::refresh(const LocalStore *store)
{
    refresh(store, waitingIds(store));
}

void BindingTableModel::refresh(const LocalStore *store, const QSet<QString> &waiting)
{
    if (!store || m_rows.isEmpty()) {
        reload(store);
        return;
    }
    const QHash<QString, qint64> versions = store->entityVersions(Binding);
    // Rows to read again: new or changed versions, and those with outbox changes before or now
    // (a local effect, or its undoing, leaves the version as it was).
    QSet<QString> stale = waiting | m_waiting;
    for (auto it = versions.constBegin(); it != versions.constEnd(); ++it) {
        const auto shown = m_versions.constFind(it.key());
        if (shown == m_versions.constEnd() || shown.value() != it.value())
            stale.insert(it.key());
    }
    qsizetype gone = 0;
    for (auto it = m_versions.constBegin(); it != m_versions.constEnd(); ++it) {
        if (!versions.contains(it.key()))
            ++gone;
    }
    // A first fill or a rebuilt cache: one reset is cheaper than thousands of inserts.
    if (stale.size() + gone > std::max<qsizetype>(256, m_rows.size() / 4)) {
        reload(store);
        return;
    }
    m_waiting = waiting;
    // Removed rows, from the bottom so the indexes stay right.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const QString &id = m_rows.at(i).entity.id;
        if (versions.contains(id) && !stale.contains(id))
            continue;
        {
            const std::optional<CachedEntity> now
                = versions.contains(id) ? store->entity(Binding, id) : std::nullopt;
            if (now) {
                Row row = makeRow(*now);
                // Still in order with its neighbours (a decided request mostly is): changed
                // in place, so the views keep their selection.
                const bool samePlace = (i == 0 || !before(row, m_rows.at(i - 1)))
                    && (i + 1 == m_rows.size() || !before(m_rows.at(i + 1), row));
                if (samePlace) {
                    m_rows[i] = row;
                    m_versions.insert(id, now->version);
                    emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
                    stale.remove(id);
                    continue;
                }
            }
            beginRemoveRows({}, i, i);
            m_versions.remove(m_rows.at(i).entity.id);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    // New rows and rows that moved, each at its place.
    for (const QString &id : std::as_const(stale)) {
        if (m_versions.contains(id) || !versions.contains(id))
            continue;
        if (const std::optional<CachedEntity> now = store->entity(Binding, id)) {
            insertSorted(makeRow(*now));
            m_versions.insert(id, now->version);
        }
    }
}

void BindingTableModel::refreshWaiting(const LocalStore *store)
{
    const QSet<QString> waiting = waitingIds(store);
    if (waiting == m_waiting)
        return;
    // Leaving the outbox can also mean a local effect undone: read those rows again.
    refresh(store, waiting);
}

int BindingTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).entity.id == id)
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
    const CachedEntity &row = m_rows.at(index.row()).entity;
    const QString status = text(row.data, "status");
    switch (role) {
    case IdRole:
        return row.id;
    case StatusRole:
        return status;
    case RequestedRole:
        return m_rows.at(index.row()).requested;
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
