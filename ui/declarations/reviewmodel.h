#pragma once

#include "localstore.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDate>
#include <QSet>
#include <QSortFilterProxyModel>

namespace xueshi {

// Words of the HR office's review (学时审核) in the UI language: a declaration's state as the
// employer reads it, the subject types, hours in tenths.
class ReviewText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::ReviewText)

public:
    // "pending": to review; "draft" in the employer's cache: the learner withdrew it.
    static QString status(const QString &status);
    static QString subjectType(const QString &code);
    // 95 → "9.5", 120 → "12".
    static QString hours(int tenths);
};

// The cached `declaration` entities the server sends this employer: its staff's submissions
// (docs/sync.md "Self-declarations"), newest submission first. Each row keeps only the fields the
// columns, filters and sort read, taken out of the JSON by SQLite (json_extract) when loaded, so
// opening 5,000 rows parses no JSON in Qt and filtering as one types parses nothing; the whole
// entity (DataRole) is read from the store when asked for. Rows whose decision is still in the
// outbox are marked as waiting; rows whose decision the server set aside (同步问题) say so.
class ReviewTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewTableModel)

public:
    enum Column {
        NameColumn,
        TitleColumn,
        SubjectColumn,
        YearColumn,
        HoursColumn,
        DatesColumn,
        SubmittedColumn,
        StatusColumn,
        AttachmentsColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the declaration's id
        StatusRole, // "pending", "confirmed", "rejected", "draft" (withdrawn)
        DataRole, // the whole entity data (QJsonObject)
        VersionRole, // the cached version
        SortRole, // the value the column sorts by
        ReviewableRole, // bool: pending and not decided on this computer yet
    };

    // One declaration as the table shows it.
    struct Row
    {
        QString id;
        qint64 version = 0;
        QString name; // learner's name
        QString title;
        QString status;
        QString subjectType;
        QString series;
        int year = 0;
        int hoursTenths = 0;
        QDate startDate;
        QDate endDate;
        QString submittedAt; // ISO UTC (sorts as text)
        int attachmentCount = 0;
    };

    explicit ReviewTableModel(QObject *parent = nullptr);

    // Reloads everything from the store (null: empty).
    void reload(const LocalStore *store);
    // Reads these declarations again from the store and updates their rows in place (a batch of
    // decisions just queued): no reset, so the view keeps its selection and scroll position.
    void refresh(const LocalStore *store, const QStringList &ids);
    // Which declarations have a decision waiting in the outbox or set aside as a problem.
    void setOutbox(const QSet<QString> &waiting, const QSet<QString> &problems);

    const Row &rowAt(int row) const { return m_rows.at(row); }
    // The whole cached entity of a row, read from the store.
    QJsonObject dataAt(int row) const;
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    bool isWaiting(const QString &id) const { return m_waiting.contains(id); }
    bool hasProblem(const QString &id) const { return m_problems.contains(id); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

    static Row makeRow(const CachedEntity &entity);

private:
    void rebuildIndex();

    const LocalStore *m_store = nullptr;
    QList<Row> m_rows;
    QHash<QString, int> m_index;
    QSet<QString> m_waiting;
    QSet<QString> m_problems;
};

// Filters declarations by state, year, person (name contains, as typed), subject type and the
// training dates (a declaration matches when its training overlaps the range).
class ReviewFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewFilterProxyModel)

public:
    explicit ReviewFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setStatus(const QString &status); // empty: all; "draft": withdrawn
    void setYear(int year); // 0: all
    void setPersonFilter(const QString &text);
    void setSubjectType(const QString &code); // empty: all
    void setDateRange(const QDate &from, const QDate &to); // invalid: open

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ReviewTableModel *m_model = nullptr;
    QString m_status;
    int m_year = 0;
    QString m_person;
    QString m_subject;
    QDate m_from;
    QDate m_to;
};

} // namespace xueshi
