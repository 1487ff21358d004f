#pragma once

#include "localstore.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace xueshi {

class RegionSelector;
class RegionTable;

// The registered employers as the server publishes them (cached `employer` entities).
class EmployerListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployerListModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        CreditCodeRole,
        RegionCodeRole,
    };

    explicit EmployerListModel(QObject *parent = nullptr);
    void reload(const LocalStore *store);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<CachedEntity> m_rows;
};

// Matches employers by part of the name, or by the whole credit code, within a region.
class EmployerFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployerFilterProxyModel)

public:
    // `regions` must outlive the model.
    explicit EmployerFilterProxyModel(const RegionTable &regions, QObject *parent = nullptr);
    void setSearch(const QString &text);
    void setRegion(const QString &code); // empty: anywhere
    bool isActive() const { return !m_search.isEmpty() || !m_region.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const RegionTable &m_regions;
    QString m_search;
    QString m_region;
};

// Finding one's employer among the registered ones: a search by name or credit code, narrowed by
// region. Nothing is listed until the learner searches (the list of all employers is long and
// not theirs to browse). When nothing matches, the manual's advice is shown: the employer has to
// register first, with a button that copies instructions to pass on.
class EmployerPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployerPicker)

public:
    explicit EmployerPicker(QWidget *parent = nullptr);

    void reload(const LocalStore *store);
    // The chosen employer's id, or empty.
    QString employerId() const { return m_employerId; }
    void setEmployerId(const QString &id);
    void setReadOnly(bool readOnly);
    // The text copied by "copy instructions".
    static QString instructions();

signals:
    void employerChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFilter();
    void retranslateUi();

    EmployerListModel *m_model;
    EmployerFilterProxyModel *m_proxy;
    QString m_employerId;
    QLineEdit *m_search;
    RegionSelector *m_region;
    QListView *m_list;
    QLabel *m_noMatchLabel;
    QPushButton *m_copyButton;
    QLabel *m_copiedLabel;
};

} // namespace xueshi
