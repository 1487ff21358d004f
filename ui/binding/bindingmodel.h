#pragma once

#include "localstore.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

namespace xueshi {

// Names of the binding states and the learner's profile vocabularies in the UI language, shared
// by the learner's profile page and the employer's staff page.
class BindingText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::BindingText)

public:
    // The state as the learner reads it (pending: "waiting for the employer").
    static QString learnerStatus(const QString &status);
    // The state as the employer's HR officer reads it (pending: "to confirm").
    static QString employerStatus(const QString &status);
    static QString gender(const QString &code);
    static QString education(const QString &code);
    static QStringList educationCodes();
    // An ISO UTC timestamp from the server as local date and time; empty stays empty.
    static QString dateTime(const QString &iso);
};

// The cached `binding` entities, newest request first: the learner's history or the requests
// addressed to an employer (the server sends each user only those). Rows whose change is still in
// the outbox are marked as waiting to be sent.
//
// An HR office has thousands of rows and a sync brings them a page at a time, so refresh()
// compares the cached versions with the rows shown and reads, inserts, moves or removes only
// those that changed (and those with outbox changes, whose local effect keeps the version); the
// sort key (request time) is parsed once per row. Selections and the scroll position survive.
class BindingTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BindingTableModel)

public:
    enum Column {
        NameColumn,
        EmployerColumn,
        StatusColumn,
        RequestedColumn,
        DecidedColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the binding's id
        StatusRole, // "pending", "confirmed", ...
        RequestedRole, // QDateTime (UTC)
        DataRole, // the whole entity data (QJsonObject)
        VersionRole, // the cached version
    };

    // `employerView`: statuses in the HR officer's words.
    explicit BindingTableModel(bool employerView, QObject *parent = nullptr);

    // Reloads everything from the store (null: empty).
    void reload(const LocalStore *store);
    // Brings the rows in step with the store, changing only what changed.
    void refresh(const LocalStore *store);
    // Only the "not sent yet" marks (the outbox changed, the entities did not).
    void refreshWaiting(const LocalStore *store);
    CachedEntity bindingAt(int row) const { return m_rows.at(row).entity; }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    struct Row
    {
        CachedEntity entity;
        QDateTime requested; // parsed once: the sort key
        bool pending = false; // second key: a pending request is the newer of the same second
    };
    static Row makeRow(const CachedEntity &entity);
    static bool before(const Row &a, const Row &b);
    static QSet<QString> waitingIds(const LocalStore *store);
    void refresh(const LocalStore *store, const QSet<QString> &waiting);
    void insertSorted(const Row &row);

    bool m_employerView;
    QList<Row> m_rows;
    QHash<QString, qint64> m_versions; // id -> cached version of the rows shown
    QSet<QString> m_waiting; // bindings with a pending outbox mutation
};

// Filters bindings by state, learner name (substring) and the date of the request.
class BindingFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BindingFilterProxyModel)

public:
    explicit BindingFilterProxyModel(QObject *parent = nullptr);

    void setStatus(const QString &status); // empty: all
    void setNameFilter(const QString &text);
    void setDateRange(const QDate &from, const QDate &to); // invalid: open

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_status;
    QString m_name;
    QDate m_from;
    QDate m_to;
};

} // namespace xueshi
