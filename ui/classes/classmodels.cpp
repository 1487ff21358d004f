#include "classes/classmodels.h"

#include "binding/bindingmodel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>

#include <algorithm>

namespace xueshi {

namespace {

const QString Enrolment = QStringLiteral("enrolment");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

int number(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toInt();
}

} // namespace

namespace classui {

QHash<QString, QString> seriesNames(const LocalStore *store)
{
    QHash<QString, QString> names;
    if (store) {
        for (const CachedEntity &series : store->entities(QStringLiteral("professionalSeries")))
            names.insert(series.id, text(series.data, "name"));
    }
    return names;
}

QTableView *makeTable(const char *objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(objectName));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setAlternatingRowColors(true);
    return view;
}

void stretchNameColumn(QTableView *view, int column)
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(column, QHeaderView::Stretch);
    view->setTextElideMode(Qt::ElideRight);
}

QFrame *makeBanner(const char *objectName, QLabel **label, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QLatin1String(objectName));
    frame->setStyleSheet(QStringLiteral("#%1 { background: #fff4e5; border: 1px solid #f0b35b; "
                                        "border-radius: 4px; }")
                             .arg(QLatin1String(objectName)));
    auto *layout = new QHBoxLayout(frame);
    *label = new QLabel(frame);
    (*label)->setObjectName(
        QString::fromLatin1(objectName).replace(QLatin1String("Frame"), QLatin1String("Label")));
    (*label)->setWordWrap(true);
    (*label)->setStyleSheet(QStringLiteral("color: #6b4500;"));
    layout->addWidget(*label);
    return frame;
}

void fillClassPicker(QComboBox *picker, const LocalStore *store, const QString &institutionId)
{
    const QString chosen = picker->currentData().toString();
    QList<CachedEntity> classes;
    if (store) {
        for (const CachedEntity &entity : store->entities(QStringLiteral("trainingClass"))) {
            if (text(entity.data, "institutionId") == institutionId)
                classes.append(entity);
        }
    }
    std::stable_sort(
        classes.begin(), classes.end(), [](const CachedEntity &a, const CachedEntity &b) {
            return text(a.data, "startDate") > text(b.data, "startDate");
        });
    const QSignalBlocker blocker(picker);
    picker->clear();
    for (const CachedEntity &entity : std::as_const(classes))
        picker->addItem(
            QStringLiteral("%1 (%2)").arg(text(entity.data, "name"), ClassText::dates(entity.data)),
            entity.id);
    const int index = picker->findData(chosen);
    picker->setCurrentIndex(index >= 0 ? index : (picker->count() > 0 ? 0 : -1));
}

QString detailsHtml(const QJsonObject &d, const QHash<QString, QString> &seriesNames)
{
    QString subject = ClassText::subjectType(text(d, "subjectType"));
    if (!text(d, "professionalSeries").isEmpty())
        subject += QStringLiteral(" · ")
            + seriesNames.value(text(d, "professionalSeries"), text(d, "professionalSeries"));
    const QList<QPair<QString, QString>> rows {
        { QCoreApplication::translate("xueshi::ClassDetails", "Class"), text(d, "name") },
        { QCoreApplication::translate("xueshi::ClassDetails", "Institution"),
            text(d, "institutionName") },
        { QCoreApplication::translate("xueshi::ClassDetails", "Subject type"), subject },
        { QCoreApplication::translate("xueshi::ClassDetails", "Mode"),
            ClassText::mode(text(d, "mode")) },
        { QCoreApplication::translate("xueshi::ClassDetails", "Region"), text(d, "regionName") },
        { QCoreApplication::translate("xueshi::ClassDetails", "Venue"), text(d, "venue") },
        { QCoreApplication::translate("xueshi::ClassDetails", "Dates"), ClassText::dates(d) },
        { QCoreApplication::translate("xueshi::ClassDetails", "Hours"),
            ClassText::hours(d.value(QLatin1String("hoursTenths")).toInt()) },
        { QCoreApplication::translate("xueshi::ClassDetails", "Places"),
            QStringLiteral("%1 / %2")
                .arg(d.value(QLatin1String("enrolledCount")).toInt())
                .arg(d.value(QLatin1String("capacity")).toInt()) },
        { QCoreApplication::translate("xueshi::ClassDetails", "Enrolment deadline"),
            text(d, "enrolmentDeadline") },
        { QCoreApplication::translate("xueshi::ClassDetails", "Status"),
            ClassText::classStatus(text(d, "status")) },
        { QCoreApplication::translate("xueshi::ClassDetails", "Description"),
            text(d, "description") },
    };
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    for (const auto &[name, value] : rows) {
        if (value.isEmpty())
            continue;
        html += QStringLiteral("<tr><td style=\"color:#666\" nowrap>%1</td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(),
                        value.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    }
    return html + QStringLiteral("</table>");
}

} // namespace classui

// --- TrainingClassTableModel ---------------------------------------------------------------------

TrainingClassTableModel::TrainingClassTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TrainingClassTableModel::setClasses(QList<CachedEntity> classes, const QSet<QString> &waiting,
    const QHash<QString, QString> &seriesNames)
{
    std::stable_sort(
        classes.begin(), classes.end(), [](const CachedEntity &a, const CachedEntity &b) {
            const QString first = text(a.data, "startDate");
            const QString second = text(b.data, "startDate");
            if (first != second)
                return first > second;
            return text(a.data, "name") < text(b.data, "name");
        });
    beginResetModel();
    m_rows = std::move(classes);
    m_waiting = waiting;
    m_seriesNames = seriesNames;
    endResetModel();
}

int TrainingClassTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int TrainingClassTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrainingClassTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrainingClassTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CachedEntity &row = m_rows.at(index.row());
    const QJsonObject &d = row.data;
    switch (role) {
    case IdRole:
        return row.id;
    case StatusRole:
        return text(d, "status");
    case DataRole:
        return d;
    case VersionRole:
        return row.version;
    case Qt::ToolTipRole:
        // The series of a professional class, which the column leaves out for width.
        if (index.column() == SubjectTypeColumn && !text(d, "professionalSeries").isEmpty())
            return m_seriesNames.value(
                text(d, "professionalSeries"), text(d, "professionalSeries"));
        // The whole name, when a narrow window elides it.
        if (index.column() == NameColumn)
            return text(d, "name");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == HoursColumn || index.column() == CapacityColumn
            || index.column() == EnrolledColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return text(d, "name");
        case InstitutionColumn:
            return text(d, "institutionName");
        case SubjectTypeColumn:
            return ClassText::subjectType(text(d, "subjectType"));
        case ModeColumn:
            return ClassText::mode(text(d, "mode"));
        case RegionColumn:
            return text(d, "regionName");
        case DatesColumn:
            return ClassText::dates(d);
        case HoursColumn:
            return ClassText::hours(number(d, "hoursTenths"));
        case CapacityColumn:
            return number(d, "capacity");
        case EnrolledColumn:
            return number(d, "enrolledCount");
        case DeadlineColumn:
            return text(d, "enrolmentDeadline");
        case StatusColumn: {
            const QString name = ClassText::classStatus(text(d, "status"));
            return m_waiting.contains(row.id) ? tr("%1 (not sent yet)").arg(name) : name;
        }
        case ActionColumn:
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant TrainingClassTableModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Class");
    case InstitutionColumn:
        return tr("Institution");
    case SubjectTypeColumn:
        return tr("Subject type");
    case ModeColumn:
        return tr("Mode");
    case RegionColumn:
        return tr("Region");
    case DatesColumn:
        return tr("Dates");
    case HoursColumn:
        return tr("Hours");
    case CapacityColumn:
        return tr("Capacity");
    case EnrolledColumn:
        return tr("Enrolled");
    case DeadlineColumn:
        return tr("Enrolment deadline");
    case StatusColumn:
        return tr("Status");
    case ActionColumn:
        return tr("Action");
    case ColumnCount:
        break;
    }
    return {};
}

void TrainingClassTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- EnrolmentTableModel -------------------------------------------------------------------------

EnrolmentTableModel::EnrolmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EnrolmentTableModel::reload(const LocalStore *store)
{
    beginResetModel();
    m_rows = store ? store->entities(Enrolment) : QList<CachedEntity>();
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const CachedEntity &a, const CachedEntity &b) {
            return text(a.data, "createdAt") > text(b.data, "createdAt");
        });
    m_waiting.clear();
    m_problems.clear();
    m_pendingHours = pendingHoursDecisions(store);
    if (store) {
        for (const OutboxMutation &m : store->pendingMutations()) {
            if (m.entityType == Enrolment)
                m_waiting.insert(m.target);
        }
        const QHash<QString, OutboxMutation> problems = problemsByTarget(store, Enrolment);
        for (auto it = problems.constBegin(); it != problems.constEnd(); ++it)
            m_problems.insert(it.key(), problemMessage(it.value()));
    }
    endResetModel();
}

int EnrolmentTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QString EnrolmentTableModel::statusAt(int row) const
{
    const CachedEntity &enrolment = m_rows.at(row);
    const auto pending = m_pendingHours.constFind(enrolment.id);
    return pending != m_pendingHours.constEnd() ? pending->status : text(enrolment.data, "status");
}

int EnrolmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnrolmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnrolmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CachedEntity &row = m_rows.at(index.row());
    const QJsonObject &d = row.data;
    const auto pending = m_pendingHours.constFind(row.id);
    const bool hoursWaiting = pending != m_pendingHours.constEnd();
    const bool waiting = hoursWaiting || m_waiting.contains(row.id);
    const QString status = statusAt(index.row());
    switch (role) {
    case IdRole:
        return row.id;
    case StatusRole:
        return status;
    case DataRole:
        return d;
    case VersionRole:
        return row.version;
    case ClassIdRole:
        return text(d, "classId");
    case WaitingRole:
        return waiting;
    case ProblemRole:
        return m_problems.value(row.id);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return text(d, "learnerName");
        case ResidentIdColumn:
            return text(d, "residentIdMasked");
        case EmployerColumn:
            return text(d, "employerName");
        case ClassColumn:
            return text(d, "className");
        case InstitutionColumn:
            return text(d, "institutionName");
        case StatusColumn: {
            const QString name = ClassText::enrolmentStatus(status);
            if (m_problems.contains(row.id))
                return tr("%1 (refused by the server)").arg(name);
            return waiting ? tr("%1 (not sent yet)").arg(name) : name;
        }
        case HoursColumn: {
            if (hoursWaiting)
                return pending->status == QLatin1String("credited")
                    ? ClassText::hours(pending->hoursTenths)
                    : QString();
            const QJsonValue hours = d.value(QLatin1String("hoursTenths"));
            return hours.isDouble() && status == QLatin1String("credited")
                ? ClassText::hours(hours.toInt())
                : QString();
        }
        case RequestedColumn:
            return BindingText::dateTime(text(d, "createdAt"));
        case DecidedColumn:
            return BindingText::dateTime(
                text(d, status == QLatin1String("credited") ? "creditedAt" : "decidedAt"));
        case ReasonColumn:
            if (m_problems.contains(row.id))
                return m_problems.value(row.id);
            return hoursWaiting ? pending->reason : text(d, "reason");
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant EnrolmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ResidentIdColumn:
        return tr("Resident ID");
    case EmployerColumn:
        return tr("Employer");
    case ClassColumn:
        return tr("Class");
    case InstitutionColumn:
        return tr("Institution");
    case StatusColumn:
        return tr("Status");
    case HoursColumn:
        return tr("Hours");
    case RequestedColumn:
        return tr("Enrolled on");
    case DecidedColumn:
        return tr("Decided");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

void EnrolmentTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

// --- EnrolmentFilterProxyModel -------------------------------------------------------------------

EnrolmentFilterProxyModel::EnrolmentFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void EnrolmentFilterProxyModel::setClassId(const QString &classId)
{
    m_classId = classId;
    invalidateFilter();
}

void EnrolmentFilterProxyModel::setStatuses(const QStringList &statuses)
{
    m_statuses = statuses;
    invalidateFilter();
}

void EnrolmentFilterProxyModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool EnrolmentFilterProxyModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_classId.isEmpty()
        && index.data(EnrolmentTableModel::ClassIdRole).toString() != m_classId)
        return false;
    if (!m_statuses.isEmpty()
        && !m_statuses.contains(index.data(EnrolmentTableModel::StatusRole).toString()))
        return false;
    if (!m_search.isEmpty()) {
        const QJsonObject d = index.data(EnrolmentTableModel::DataRole).toJsonObject();
        if (!text(d, "learnerName").contains(m_search, Qt::CaseInsensitive)
            && !text(d, "residentIdMasked").contains(m_search, Qt::CaseInsensitive)
            && !text(d, "employerName").contains(m_search, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

// --- HoursTableModel -----------------------------------------------------------------------------

HoursTableModel::HoursTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HoursTableModel::reload(const LocalStore *store, const QString &classId, int classHoursTenths)
{
    beginResetModel();
    // The edits are kept by enrolment id (each belongs to one class): hours typed for one class
    // are still there after looking at another.
    m_classId = classId;
    m_classHours = classHoursTenths;
    m_rows.clear();
    if (store && !classId.isEmpty()) {
        const QHash<QString, PendingHours> pending = pendingHoursDecisions(store);
        for (const CachedEntity &enrolment : store->entities(Enrolment)) {
            if (text(enrolment.data, "classId") != classId)
                continue;
            Row row { enrolment, text(enrolment.data, "status"), false,
                enrolment.data.value(QLatin1String("hoursTenths")).toInt(),
                text(enrolment.data, "reason") };
            const auto decision = pending.constFind(enrolment.id);
            if (decision != pending.constEnd()) {
                row.status = decision->status;
                row.waiting = true;
                row.decidedHours = decision->hoursTenths;
                row.decidedReason = decision->reason;
            }
            if (row.status == QLatin1String("confirmed") || row.status == QLatin1String("credited")
                || row.status == QLatin1String("absent"))
                m_rows.append(row);
        }
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
            return text(a.enrolment.data, "learnerName") < text(b.enrolment.data, "learnerName");
        });
    }
    endResetModel();
}

HoursTableModel::Edit HoursTableModel::editOf(const Row &row) const
{
    return m_edits.value(row.enrolment.id, Edit { m_classHours, false, QString() });
}

QList<HoursEntry> HoursTableModel::entries(const QList<int> &rows) const
{
    QList<HoursEntry> list;
    for (int r : rows) {
        if (r < 0 || r >= m_rows.size() || m_rows.at(r).status != QLatin1String("confirmed"))
            continue;
        const Row &row = m_rows.at(r);
        const Edit edit = editOf(row);
        list.append({ row.enrolment.id, text(row.enrolment.data, "learnerName"), edit.hoursTenths,
            edit.absent, edit.reason });
    }
    return list;
}

QList<int> HoursTableModel::awaitingRows() const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).status == QLatin1String("confirmed"))
            rows.append(i);
    }
    return rows;
}

int HoursTableModel::rowOf(const QString &enrolmentId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).enrolment.id == enrolmentId)
            return i;
    }
    return -1;
}

void HoursTableModel::clearEdits(const QStringList &enrolmentIds)
{
    for (const QString &id : enrolmentIds)
        m_edits.remove(id);
}

int HoursTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HoursTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HoursTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const QJsonObject &d = row.enrolment.data;
    const bool awaiting = row.status == QLatin1String("confirmed");
    const Edit edit = editOf(row);
    switch (role) {
    case IdRole:
        return row.enrolment.id;
    case AwaitingRole:
        return awaiting;
    case HoursTenthsRole:
        return awaiting ? (edit.absent ? 0 : edit.hoursTenths) : row.decidedHours;
    case MaximumHoursRole:
        return m_classHours / 10.0;
    case Qt::CheckStateRole:
        if (index.column() == AbsentColumn)
            return (awaiting ? edit.absent : row.status == QLatin1String("absent")) ? Qt::Checked
                                                                                    : Qt::Unchecked;
        return {};
    case Qt::EditRole:
        if (index.column() == HoursColumn)
            return edit.hoursTenths / 10.0;
        if (index.column() == ReasonColumn)
            return edit.reason;
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return text(d, "learnerName");
        case ResidentIdColumn:
            return text(d, "residentIdMasked");
        case EmployerColumn:
            return text(d, "employerName");
        case StatusColumn: {
            const QString name
                = awaiting ? tr("Awaiting hours") : ClassText::enrolmentStatus(row.status);
            return row.waiting ? tr("%1 (not sent yet)").arg(name) : name;
        }
        case HoursColumn:
            if (awaiting)
                return edit.absent ? QString() : ClassText::hours(edit.hoursTenths);
            return row.status == QLatin1String("credited") ? ClassText::hours(row.decidedHours)
                                                           : QString();
        case ReasonColumn:
            return awaiting ? edit.reason : row.decidedReason;
        case AbsentColumn:
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

bool HoursTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    const Row &row = m_rows.at(index.row());
    if (row.status != QLatin1String("confirmed"))
        return false;
    Edit edit = editOf(row);
    if (index.column() == AbsentColumn && role == Qt::CheckStateRole) {
        edit.absent = value.toInt() == Qt::Checked;
    } else if (index.column() == HoursColumn && role == Qt::EditRole) {
        // A spin box gives a double, a typed cell a string: both to tenths, never a float sum.
        std::optional<int> tenths;
        if (value.typeId() == QMetaType::Double)
            tenths = int(std::lround(value.toDouble() * 10));
        else
            tenths = ClassText::parseHours(value.toString());
        if (!tenths || *tenths < 0 || *tenths > m_classHours)
            return false;
        edit.hoursTenths = *tenths;
    } else if (index.column() == ReasonColumn && role == Qt::EditRole) {
        edit.reason = value.toString().left(200);
    } else {
        return false;
    }
    m_edits.insert(row.enrolment.id, edit);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags HoursTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid() || index.row() >= m_rows.size()
        || m_rows.at(index.row()).status != QLatin1String("confirmed"))
        return flags;
    if (index.column() == AbsentColumn)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == ReasonColumn
        || (index.column() == HoursColumn && !editOf(m_rows.at(index.row())).absent))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant HoursTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ResidentIdColumn:
        return tr("Resident ID");
    case EmployerColumn:
        return tr("Employer");
    case StatusColumn:
        return tr("Status");
    case HoursColumn:
        return tr("Hours");
    case AbsentColumn:
        return tr("Absent");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

void HoursTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace xueshi
