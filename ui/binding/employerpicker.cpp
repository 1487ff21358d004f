#include "binding/employerpicker.h"

#include "common/regionselector.h"
#include "common/uicommon.h"
#include "regions.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

EmployerListModel::EmployerListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void EmployerListModel::reload(const LocalStore *store)
{
    beginResetModel();
    m_rows = store ? store->entities(QStringLiteral("employer")) : QList<CachedEntity>();
    std::sort(m_rows.begin(), m_rows.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return a.data.value(QLatin1String("name")).toString()
            < b.data.value(QLatin1String("name")).toString();
    });
    endResetModel();
}

int EmployerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EmployerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CachedEntity &row = m_rows.at(index.row());
    const auto text
        = [&row](const char *key) { return row.data.value(QLatin1String(key)).toString(); };
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2 · %3")
            .arg(text("name"), text("regionName"), text("creditCode"));
    case IdRole:
        return row.id;
    case NameRole:
        return text("name");
    case CreditCodeRole:
        return text("creditCode");
    case RegionCodeRole:
        return text("regionCode");
    default:
        return {};
    }
}

EmployerFilterProxyModel::EmployerFilterProxyModel(const RegionTable &regions, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_regions(regions)
{ }

void EmployerFilterProxyModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void EmployerFilterProxyModel::setRegion(const QString &code)
{
    m_region = code;
    invalidateFilter();
}

bool EmployerFilterProxyModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    // Without a search nothing is listed: a learner looks for their own employer.
    if (!isActive())
        return false;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_region.isEmpty()
        && !m_regions.covers(m_region, index.data(EmployerListModel::RegionCodeRole).toString()))
        return false;
    if (m_search.isEmpty())
        return true;
    return index.data(EmployerListModel::NameRole)
               .toString()
               .contains(m_search, Qt::CaseInsensitive)
        || index.data(EmployerListModel::CreditCodeRole)
               .toString()
               .compare(m_search, Qt::CaseInsensitive)
        == 0;
}

EmployerPicker::EmployerPicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new EmployerListModel(this))
    , m_proxy(new EmployerFilterProxyModel(RegionTable::instance(), this))
{
    setObjectName(QStringLiteral("employerPicker"));
    m_proxy->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("employerSearchLineEdit"));
    m_search->setClearButtonEnabled(true);
    m_region = new RegionSelector(RegionTable::instance(), this);
    m_region->setObjectName(QStringLiteral("employerRegionSelector"));
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("employerListView"));
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumHeight(110);
    m_noMatchLabel = ui::createMessageLabel(QStringLiteral("noEmployerLabel"), this);
    m_copyButton = new QPushButton(this);
    m_copyButton->setObjectName(QStringLiteral("copyInstructionsButton"));
    m_copiedLabel = ui::createMessageLabel(QStringLiteral("instructionsCopiedLabel"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_region);
    layout->addWidget(m_list);
    layout->addWidget(m_noMatchLabel);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyButton);
    copyRow->addWidget(m_copiedLabel, 1);
    layout->addLayout(copyRow);

    connect(m_search, &QLineEdit::textChanged, this, &EmployerPicker::updateFilter);
    connect(m_region, &RegionSelector::regionEdited, this, &EmployerPicker::updateFilter);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            // A reload re-selects the same employer: that is no new choice.
            if (!current.isValid()
                || current.data(EmployerListModel::IdRole).toString() == m_employerId)
                return;
            m_employerId = current.data(EmployerListModel::IdRole).toString();
            emit employerChosen(m_employerId);
        });
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(instructions());
        ui::setMessage(
            m_copiedLabel, tr("Copied. Send it to your employer."), ui::Severity::Success);
    });
    retranslateUi();
    updateFilter();
}

QString EmployerPicker::instructions()
{
    return tr(
        "Please register our organisation in the continuing education system Xueshi as an "
        "employer (法人单位): choose \"Register\" on the login window, then \"Employer\", and "
        "enter the organisation's name, unified social credit code and region. After that, "
        "I can find the organisation and ask it to confirm my identity.");
}

void EmployerPicker::reload(const LocalStore *store)
{
    m_model->reload(store);
    updateFilter();
}

void EmployerPicker::setEmployerId(const QString &id)
{
    m_employerId = id;
}

void EmployerPicker::setReadOnly(bool readOnly)
{
    m_search->setEnabled(!readOnly);
    m_region->setEnabled(!readOnly);
    m_list->setEnabled(!readOnly);
}

void EmployerPicker::updateFilter()
{
    m_proxy->setSearch(m_search->text());
    m_proxy->setRegion(m_region->regionCode());
    const bool noMatch = m_proxy->isActive() && m_proxy->rowCount() == 0;
    m_noMatchLabel->setVisible(noMatch);
    m_copyButton->setVisible(noMatch);
    m_copiedLabel->setVisible(noMatch);
    if (noMatch) {
        ui::setMessage(m_noMatchLabel,
            tr("If you cannot find your employer (work unit), please ask it to register in the "
               "continuing education system first."),
            ui::Severity::Warning);
    }
    m_copiedLabel->clear();
    if (m_proxy->rowCount() == 1 && !m_search->text().trimmed().isEmpty())
        m_list->setCurrentIndex(m_proxy->index(0, 0));
}

void EmployerPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EmployerPicker::retranslateUi()
{
    m_search->setPlaceholderText(
        tr("Part of the employer's name, or its unified social credit code"));
    m_copyButton->setText(tr("Copy instructions for the employer"));
    updateFilter();
}

} // namespace xueshi
