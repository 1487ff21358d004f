#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace xueshi {

// One GB/T 2260 administrative region: a province (2-digit code), a city (4 digits) or a district
// or county (6 digits). Codes are kept as written in the table; `normalized6()` pads to 6 digits
// (44 -> 440000, 4401 -> 440100) for display and storage in APIs.
struct Region
{
    QString code;
    QString name;
    QString parentCode; // empty for provinces
    int level = 0; // 1 province, 2 city, 3 district/county
};

// The administrative region table, loaded once from the CSV files embedded under :/regions/
// (resources/regions/, a copy of shared/data/regions/). Thread-safe after construction.
class RegionTable
{
public:
    // The table from the embedded resources.
    static const RegionTable &instance();
    // A table parsed from the three CSV texts (code,name[,parent...] with a header line); for
    // tests.
    static RegionTable fromCsv(
        const QByteArray &provinces, const QByteArray &cities, const QByteArray &areas);

    // Accepts 2-, 4- or 6-digit codes, and 6-digit codes ending in 00 or 0000 for cities and
    // provinces (440100 is the city 4401, 440000 the province 44).
    bool contains(const QString &code) const;
    const Region *find(const QString &code) const;
    // "广东省 广州市 天河区". Placeholder cities (市辖区, 县, 省/自治区直辖县级行政区划) are left
    // out ("北京市 东城区", "重庆市 城口县"), and a district named like its city is shown once.
    QString fullName(const QString &code) const;
    QList<Region> provinces() const;
    QList<Region> children(const QString &code) const;
    // True when `region` lies inside `ancestor` or is the same region; both in any accepted form.
    bool covers(const QString &ancestor, const QString &region) const;
    // The 6-digit form of a known code, or an empty string.
    QString normalized6(const QString &code) const;
    // Whether a resident id's 6-digit prefix names a region: the district itself, or failing
    // that its city or its province. The table holds today's codes only, and an id keeps the code
    // of the place it was issued decades ago (prefectures and counties have been renumbered
    // since), so a known province is as far as the check can go without refusing real people.
    bool isKnownResidentIdPrefix(const QString &prefix6) const;
    int size() const { return int(m_byCode.size()); }

private:
    QString canonical(const QString &code) const;

    QHash<QString, Region> m_byCode;
    QHash<QString, QList<QString>> m_children;
    QList<QString> m_provinceCodes;
};

} // namespace xueshi
