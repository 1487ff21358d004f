#include "common/regionselector.h"

#include "regions.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QSignalBlocker>

namespace xueshi {

RegionSelector::RegionSelector(const RegionTable &regions, QWidget *parent)
    : QWidget(parent)
    , m_regions(regions)
    , m_province(new QComboBox(this))
    , m_city(new QComboBox(this))
    , m_district(new QComboBox(this))
{
    setObjectName(QStringLiteral("regionSelector"));
    m_province->setObjectName(QStringLiteral("provinceComboBox"));
    m_city->setObjectName(QStringLiteral("cityComboBox"));
    m_district->setObjectName(QStringLiteral("districtComboBox"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QComboBox *box : { m_province, m_city, m_district }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        box->setMaxVisibleItems(16);
        layout->addWidget(box, 1);
    }

    fill(m_province, QString());
    fill(m_city, QString());
    fill(m_district, QString());
    retranslateUi();

    connect(m_province, &QComboBox::activated, this, [this] {
        fill(m_city, m_province->currentData().toString());
        fill(m_district, QString());
        emit regionEdited();
    });
    connect(m_city, &QComboBox::activated, this, [this] {
        fill(m_district, m_city->currentData().toString());
        emit regionEdited();
    });
    connect(m_district, &QComboBox::activated, this, [this] { emit regionEdited(); });
}

void RegionSelector::fill(QComboBox *box, const QString &parentCode)
{
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(QString(), QString()); // the placeholder, named in retranslateUi()
    QList<Region> regions;
    if (box == m_province)
        regions = m_regions.provinces();
    else if (!parentCode.isEmpty())
        regions = m_regions.children(parentCode);
    for (const Region &region : std::as_const(regions))
        box->addItem(region.name, region.code);
    box->setEnabled(box->count() > 1);
    retranslateUi();
}

QString RegionSelector::regionCode() const
{
    for (QComboBox *box : { m_district, m_city, m_province }) {
        const QString code = box->currentData().toString();
        if (!code.isEmpty())
            return m_regions.normalized6(code);
    }
    return {};
}

bool RegionSelector::isComplete() const
{
    if (m_province->currentData().toString().isEmpty())
        return false;
    // A level that has choices must be chosen: a city that has districts needs a district.
    for (QComboBox *box : { m_city, m_district }) {
        if (box->count() > 1 && box->currentData().toString().isEmpty())
            return false;
    }
    return true;
}

bool RegionSelector::setRegionCode(const QString &code)
{
    const Region *region = m_regions.find(code);
    if (!region)
        return false;
    QList<const Region *> chain;
    for (const Region *r = region; r;
         r = r->parentCode.isEmpty() ? nullptr : m_regions.find(r->parentCode))
        chain.prepend(r);
    QComboBox *boxes[] = { m_province, m_city, m_district };
    fill(m_city, QString());
    fill(m_district, QString());
    for (int i = 0; i < chain.size() && i < 3; ++i) {
        QComboBox *box = boxes[i];
        const QSignalBlocker blocker(box);
        box->setCurrentIndex(std::max(0, box->findData(chain.at(i)->code)));
        if (i == 0)
            fill(m_city, chain.at(i)->code);
        else if (i == 1)
            fill(m_district, chain.at(i)->code);
    }
    return true;
}

void RegionSelector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RegionSelector::retranslateUi()
{
    m_province->setItemText(0, tr("Select province"));
    m_city->setItemText(0, tr("Select city"));
    m_district->setItemText(0, tr("Select district"));
    m_province->setToolTip(tr("Province"));
    m_city->setToolTip(tr("City"));
    m_district->setToolTip(tr("District / county"));
}

} // namespace xueshi
