#pragma once

#include <QWidget>

class QComboBox;

namespace xueshi {

class RegionTable;

// Three cascading combo boxes, province -> city -> district/county, over the GB/T 2260 table.
// Choosing a province fills the cities, choosing a city the districts.
class RegionSelector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegionSelector)

public:
    // `regions` must outlive this widget.
    explicit RegionSelector(const RegionTable &regions, QWidget *parent = nullptr);

    // The 6-digit code of the most precise region chosen, or an empty string.
    QString regionCode() const;
    // True when a region is chosen down to the last level the table has for it.
    bool isComplete() const;
    // Selects a region (2, 4 or 6 digits) and its parents; false if unknown.
    bool setRegionCode(const QString &code);

    QComboBox *provinceComboBox() const { return m_province; }
    QComboBox *cityComboBox() const { return m_city; }
    QComboBox *districtComboBox() const { return m_district; }

signals:
    // The user changed the selection.
    void regionEdited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill(QComboBox *box, const QString &parentCode);
    void retranslateUi();

    const RegionTable &m_regions;
    QComboBox *m_province;
    QComboBox *m_city;
    QComboBox *m_district;
};

} // namespace xueshi
