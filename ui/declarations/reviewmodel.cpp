#include "declarations/reviewmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace xueshi {

namespace {

const QString Declaration = QStringLiteral("declaration");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString submittedText(const QString &iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODate);
    return when.isValid()
        ? QLocale().toString(when.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
        : QString();
}

} // namespace

QString ReviewText::status(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("To review");
    if (status == QLatin1String("confirmed"))
        return tr("Confirmed");
    if (status == QLatin1String("rejected"))
        return tr("Returned");
    if (status == QLatin1String("draft"))
        return tr("Withdrawn by the person");
    return status;
}

QString ReviewText::subjectType(const QString &code)
{
    if (code == QLatin1String("professional"))
        return tr("Professional subject");
    if (code == QLatin1String("elective"))
        return tr("Elective subject");
    return code;
}

QString ReviewText::hours(int tenths)
{
    return tenths % 10 == 0 ? QString::number(tenths / 10)
                            : QStringLiteral("%1.%2").arg(tenths / 10).arg(tenths % 10);
}

ReviewTableModel::ReviewTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ReviewTableModel::Row ReviewTableModel::makeRow(const CachedEntity &entity)
{
    Row row;
    row.id = entity.id;
    row.version = entity.version;
    const QJsonObject &d = entity.data;
    row.name = text(d, "learnerName");
    row.title = text(d, "title");
    row.status = text(d, "status");
    row.subjectType = text(d, "subjectType");
    row.series = text(d, "professionalSeries");
    row.year = d.value(QLatin1String("year")).toInt();
    row.hoursTenths = d.value(QLatin1String("hoursTenths")).toInt();
    row.startDate = QDate::fromString(text(d, "startDate"), Qt::ISODate);
    row.endDate = QDate::fromString(text(d, "endDate"), Qt::ISODate);
    row.submittedAt = text(d, "submittedAt");
    row.attachmentCount = int(d.value(QLatin1String("attachments")).toArray().size());
    return row;
}

void ReviewTableModel::reload(const LocalStore *store)
{
    beginResetModel();
    m_store = store;
    m_rows.clear();
    if (store && store->isOpen()) {
        // SQLite takes the columns out of the JSON: no document is parsed here.
        QSqlQuery q(store->database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT id, version, json_extract(data, '$.learnerName'), json_extract(data, "
            "'$.title'),"
            " json_extract(data, '$.status'), json_extract(data, '$.subjectType'),"
            " json_extract(data, '$.professionalSeries'), json_extract(data, '$.year'),"
            " json_extract(data, '$.hoursTenths'), json_extract(data, '$.startDate'),"
            " json_extract(data, '$.endDate'), json_extract(data, '$.submittedAt'),"
            " json_array_length(data, '$.attachments')"
            " FROM entities WHERE type = ? ORDER BY json_extract(data, '$.submittedAt') DESC, id"));
        q.addBindValue(Declaration);
        if (q.exec()) {
            while (q.next()) {
                Row row;
                row.id = q.value(0).toString();
                row.version = q.value(1).toLongLong();
                row.name = q.value(2).toString();
                row.title = q.value(3).toString();
                row.status = q.value(4).toString();
                row.subjectType = q.value(5).toString();
                row.series = q.value(6).toString();
                row.year = q.value(7).toInt();
                row.hoursTenths = q.value(8).toInt();
                row.startDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
                row.endDate = QDate::fromString(q.value(10).toString(), Qt::ISODate);
                row.submittedAt = q.value(11).toString();
                row.attachmentCount = q.value(12).toInt();
                m_rows.append(std::move(row));
            }
        }
    }
    rebuildIndex();
    endResetModel();
}

QJsonObject ReviewTableModel::dataAt(int row) const
{
    if (!m_store || row < 0 || row >= m_rows.size())
        return {};
    const auto entity = m_store->entity(Declaration, m_rows.at(row).id);
    return entity ? entity->data : QJsonObject();
}

void ReviewTableModel::refresh(const LocalStore *store, const QStringList &ids)
{
    if (!store)
        return;
    int first = -1;
    int last = -1;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        const auto entity = store->entity(Declaration, id);
        if (row < 0 || !entity)
            continue; // new or gone: the next full reload shows it
        m_rows[row] = makeRow(*entity);
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void ReviewTableModel::setOutbox(const QSet<QString> &waiting, const QSet<QString> &problems)
{
    if (waiting == m_waiting && problems == m_problems)
        return;
    m_waiting = waiting;
    m_problems = problems;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, StatusColumn), index(int(m_rows.size()) - 1, StatusColumn));
}

void ReviewTableModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).id, i);
}

int ReviewTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const QString &id = row.id;
    switch (role) {
    case IdRole:
        return id;
    case StatusRole:
        return row.status;
    case DataRole:
        return dataAt(index.row());
    case VersionRole:
        return row.version;
    case ReviewableRole:
        return row.status == QLatin1String("pending") && !m_waiting.contains(id)
            && !m_problems.contains(id);
    case SortRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case TitleColumn:
            return row.title;
        case SubjectColumn:
            return row.subjectType;
        case YearColumn:
            return row.year;
        case HoursColumn:
            return row.hoursTenths;
        case DatesColumn:
            return row.startDate;
        case SubmittedColumn:
            return row.submittedAt;
        case StatusColumn:
            return row.status;
        case AttachmentsColumn:
            return row.attachmentCount;
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == HoursColumn || index.column() == YearColumn
            || index.column() == AttachmentsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case TitleColumn:
            return row.title;
        case SubjectColumn:
            return ReviewText::subjectType(row.subjectType);
        case YearColumn:
            return row.year > 0 ? QVariant(row.year) : QVariant();
        case HoursColumn:
            return ReviewText::hours(row.hoursTenths);
        case DatesColumn:
            return QStringLiteral("%1 – %2").arg(
                row.startDate.toString(Qt::ISODate), row.endDate.toString(Qt::ISODate));
        case SubmittedColumn:
            return submittedText(row.submittedAt);
        case StatusColumn: {
            const QString name = ReviewText::status(row.status);
            if (m_problems.contains(id))
                return tr("%1 (sync problem)").arg(name);
            return m_waiting.contains(id) ? tr("%1 (not sent yet)").arg(name) : name;
        }
        case AttachmentsColumn:
            return row.attachmentCount;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ReviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case TitleColumn:
        return tr("Training content");
    case SubjectColumn:
        return tr("Subject type");
    case YearColumn:
        return tr("Year");
    case HoursColumn:
        return tr("Hours");
    case DatesColumn:
        return tr("Training dates");
    case SubmittedColumn:
        return tr("Submitted");
    case StatusColumn:
        return tr("Status");
    case AttachmentsColumn:
        return tr("Attachments");
    case ColumnCount:
        break;
    }
    return {};
}

void ReviewTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

ReviewFilterProxyModel::ReviewFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ReviewTableModel::SortRole);
}

void ReviewFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<ReviewTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ReviewFilterProxyModel::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void ReviewFilterProxyModel::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    invalidateFilter();
}

void ReviewFilterProxyModel::setPersonFilter(const QString &text)
{
    const QString person = text.trimmed();
    if (person == m_person)
        return;
    // Typing on narrows the rows shown: only removals. Erasing brings rows back between the
    // shown ones, which invalidateFilter() inserts in hundreds of runs, each a signal the view
    // and the selection handle; mapping everything again is one layout change and cheaper.
    const bool narrower = person.contains(m_person, Qt::CaseInsensitive);
    m_person = person;
    if (narrower)
        invalidateFilter();
    else
        invalidate();
}

void ReviewFilterProxyModel::setSubjectType(const QString &code)
{
    if (code == m_subject)
        return;
    m_subject = code;
    invalidateFilter();
}

void ReviewFilterProxyModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    invalidateFilter();
}

bool ReviewFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    // The row itself, not QVariants through data(): this runs 5,000 times per keystroke.
    const ReviewTableModel::Row &row = m_model->rowAt(sourceRow);
    if (!m_status.isEmpty() && row.status != m_status)
        return false;
    if (m_year != 0 && row.year != m_year)
        return false;
    if (!m_subject.isEmpty() && row.subjectType != m_subject)
        return false;
    if (!m_person.isEmpty() && !row.name.contains(m_person, Qt::CaseInsensitive))
        return false;
    if (m_from.isValid() && row.endDate.isValid() && row.endDate < m_from)
        return false;
    if (m_to.isValid() && row.startDate.isValid() && row.startDate > m_to)
        return false;
    return true;
}

bool ReviewFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const ReviewTableModel::Row &a = m_model->rowAt(left.row());
    const ReviewTableModel::Row &b = m_model->rowAt(right.row());
    switch (ReviewTableModel::Column(left.column())) {
    case ReviewTableModel::NameColumn:
        return QString::localeAwareCompare(a.name, b.name) < 0;
    case ReviewTableModel::TitleColumn:
        return QString::localeAwareCompare(a.title, b.title) < 0;
    case ReviewTableModel::SubjectColumn:
        return a.subjectType < b.subjectType;
    case ReviewTableModel::YearColumn:
        return a.year < b.year;
    case ReviewTableModel::HoursColumn:
        return a.hoursTenths < b.hoursTenths;
    case ReviewTableModel::DatesColumn:
        return a.startDate < b.startDate;
    case ReviewTableModel::SubmittedColumn:
        // The model holds the rows newest submission first (as loaded; a decision never changes
        // the submission time): the row number orders them, no text to compare.
        return left.row() > right.row();
    case ReviewTableModel::StatusColumn:
        return a.status < b.status;
    case ReviewTableModel::AttachmentsColumn:
        return a.attachmentCount < b.attachmentCount;
    case ReviewTableModel::ColumnCount:
        break;
    }
    return false;
}

} // namespace xueshi
