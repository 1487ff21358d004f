#pragma once

#include "localstore.h"
#include "trainingclasses.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

class QComboBox;
class QFrame;
class QLabel;
class QTableView;
class QWidget;

namespace xueshi {

// Pieces the training-class pages share.
namespace classui {
// The professional series' names by code, from the cached entities.
QHash<QString, QString> seriesNames(const LocalStore *store);
// A read-only, row-selecting table as the other pages have.
QTableView *makeTable(const char *objectName, QWidget *parent);
// After the model is set: `column` (the name) takes the width the others leave, eliding its text,
// so every column stays visible in a narrow window instead of hiding behind a scroll bar.
void stretchNameColumn(QTableView *view, int column = 0);
// A notice frame (amber) holding a word-wrapped label.
QFrame *makeBanner(const char *objectName, QLabel **label, QWidget *parent);
// Fills a class picker with the institution's cached classes (newest first), keeping the choice;
// the item data is the class id.
void fillClassPicker(QComboBox *picker, const LocalStore *store, const QString &institutionId);
// A class's details as an HTML table for a label.
QString detailsHtml(const QJsonObject &trainingClass, const QHash<QString, QString> &seriesNames);
} // namespace classui

// Training classes (cached `trainingClass` entities) as the institution manages them or as a
// learner chooses one; each view hides the columns it does not need. Rows whose change is still in
// the outbox are marked as not sent yet.
class TrainingClassTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingClassTableModel)

public:
    enum Column {
        NameColumn,
        InstitutionColumn,
        SubjectTypeColumn,
        ModeColumn,
        RegionColumn,
        DatesColumn,
        HoursColumn,
        CapacityColumn,
        EnrolledColumn,
        DeadlineColumn,
        StatusColumn,
        ActionColumn, // the learner's 查看/报名 (a button in the view)
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole, // "draft", "accepting", "closed"
        DataRole, // the whole entity data (QJsonObject)
        VersionRole,
    };

    explicit TrainingClassTableModel(QObject *parent = nullptr);

    // Shows these classes (newest start date first); `waiting`: ids with a change not sent yet;
    // `seriesNames`: the professional series' names by code.
    void setClasses(QList<CachedEntity> classes, const QSet<QString> &waiting,
        const QHash<QString, QString> &seriesNames);
    CachedEntity classAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    QList<CachedEntity> m_rows;
    QSet<QString> m_waiting;
    QHash<QString, QString> m_seriesNames;
};

// Enrolments (cached `enrolment` entities): an institution's (报名管理, 学时确认) or a learner's
// own (培训班情况查看). Hours decisions waiting in the outbox are laid over their rows, and a
// change the server refused is marked with its message.
class EnrolmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnrolmentTableModel)

public:
    enum Column {
        NameColumn,
        ResidentIdColumn,
        EmployerColumn,
        ClassColumn,
        InstitutionColumn,
        StatusColumn,
        HoursColumn,
        RequestedColumn,
        DecidedColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole, // as shown: a pending hours decision counts
        DataRole,
        VersionRole,
        ClassIdRole,
        WaitingRole, // bool: a change of it is not sent yet
        ProblemRole, // the server's refusal of a change of it, or empty
    };

    explicit EnrolmentTableModel(QObject *parent = nullptr);

    // Reloads every cached enrolment from the store (null: empty), newest first.
    void reload(const LocalStore *store);
    CachedEntity enrolmentAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;
    QString statusAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    QList<CachedEntity> m_rows;
    QSet<QString> m_waiting;
    QHash<QString, PendingHours> m_pendingHours;
    QHash<QString, QString> m_problems;
};

// Filters enrolments by class, state and a search text (name, masked resident id or employer).
class EnrolmentFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnrolmentFilterProxyModel)

public:
    explicit EnrolmentFilterProxyModel(QObject *parent = nullptr);

    void setClassId(const QString &classId); // empty: every class
    void setStatuses(const QStringList &statuses); // empty: all
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_classId;
    QStringList m_statuses;
    QString m_search;
};

// 学时确认's table: the confirmed (and already decided) enrolments of one class with the hours to
// credit (the class's hours unless changed), absent and the reason, edited in place. Edits are
// kept by enrolment id across reloads; decided rows are read-only.
class HoursTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HoursTableModel)

public:
    enum Column {
        NameColumn,
        ResidentIdColumn,
        EmployerColumn,
        StatusColumn,
        HoursColumn, // editable: a number with one decimal place
        AbsentColumn, // checkable
        ReasonColumn, // editable
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        AwaitingRole, // bool: confirmed, hours not decided yet
        HoursTenthsRole, // int
        MaximumHoursRole, // double: the class's hours (for the editor)
    };

    explicit HoursTableModel(QObject *parent = nullptr);

    // The class's enrolments from the store; `classHoursTenths` is the default and the maximum.
    void reload(const LocalStore *store, const QString &classId, int classHoursTenths);
    QString classId() const { return m_classId; }
    // The lines to send for these rows (awaiting ones only), in row order.
    QList<HoursEntry> entries(const QList<int> &rows) const;
    QList<int> awaitingRows() const;
    int rowOf(const QString &enrolmentId) const;
    // Forgets the edits (after they were queued).
    void clearEdits(const QStringList &enrolmentIds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    struct Row
    {
        CachedEntity enrolment;
        QString status; // with a pending decision laid over
        bool waiting = false;
        int decidedHours = 0;
        QString decidedReason;
    };
    struct Edit
    {
        int hoursTenths = 0;
        bool absent = false;
        QString reason;
    };
    Edit editOf(const Row &row) const;

    QString m_classId;
    int m_classHours = 0;
    QList<Row> m_rows;
    QHash<QString, Edit> m_edits;
};

} // namespace xueshi
