#pragma once

#include "localstore.h"
#include "syncengine.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace xueshi {

class AttachmentUploads;
class ClientCore;

// The learner's cached `hourRecord` entities (public courses, training classes and
// self-declarations), newest year first.
class HourRecordTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourRecordTableModel)

public:
    enum Column {
        YearColumn,
        SourceColumn,
        TitleColumn,
        SubjectTypeColumn,
        HoursColumn,
        StatusColumn,
        DatesColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        YearRole, // int
        SubjectTypeRole, // "public", "professional", "elective"
        StatusRole, // "confirmed", "pending", "rejected"
        HoursTenthsRole, // int
    };

    explicit HourRecordTableModel(QObject *parent = nullptr);

    void reload(const LocalStore *store);
    QList<int> years() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    QList<CachedEntity> m_rows;
};

// Filters hour records by year and subject type.
class HourRecordFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourRecordFilterProxyModel)

public:
    explicit HourRecordFilterProxyModel(QObject *parent = nullptr);

    void setYear(int year); // 0: all
    void setSubjectType(const QString &type); // empty: all

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_year = 0;
    QString m_subjectType;
};

// "继续教育记录": the learner's self-declarations (【学时记录添加】, manual section 5) with their
// state (草稿, 待单位审核, 已确认, 已退回 with the reason) and actions (edit, submit, withdraw,
// delete), then every hour record of the learner with its year, source, subject type, hours and
// status, filtered by year and subject type, and the totals of each year (confirmed hours by
// subject type, and those still awaiting confirmation).
class HourRecordsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourRecordsPage)

public:
    explicit HourRecordsPage(ClientCore *core, QWidget *parent = nullptr);

    void setEngine(SyncEngine *engine);
    HourRecordTableModel *model() const { return m_model; }
    AttachmentUploads *uploads() const { return m_uploads; }
    // How the declaration dialog chooses files (a QFileDialog by default; tests give paths).
    void setFileChooser(std::function<QStringList(QWidget *)> chooser)
    {
        m_chooser = std::move(chooser);
    }
    // The selected declaration's id, or empty.
    QString selectedDeclaration() const;

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillYears();
    void fillTotals();
    void fillDeclarations();
    void updateActions();
    void openDeclaration(const QString &id);
    void act(const QString &type);

    ClientCore *m_core;
    QPointer<SyncEngine> m_engine;
    HourRecordTableModel *m_model;
    HourRecordFilterProxyModel *m_proxy;
    QLabel *m_titleLabel;
    QLabel *m_yearCaption;
    QComboBox *m_yearFilter;
    QLabel *m_typeCaption;
    QComboBox *m_typeFilter;
    QTableView *m_view;
    QLabel *m_emptyLabel;
    QLabel *m_totalsCaption;
    QTableWidget *m_totals;

    AttachmentUploads *m_uploads = nullptr;
    std::function<QStringList(QWidget *)> m_chooser;
    QLabel *m_declarationsCaption;
    QTableWidget *m_declarations;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_submitButton;
    QPushButton *m_withdrawButton;
    QPushButton *m_deleteButton;
    QProgressBar *m_uploadProgress;
    QLabel *m_declarationMessage;
};

} // namespace xueshi
