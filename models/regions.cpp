#include "regions.h"

#include <QFile>
#include <QStringList>
#include <QtDebug>

#include <algorithm>

namespace xueshi {

namespace {

bool isAsciiDigits(QStringView text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// Parses RFC 4180 style CSV: fields separated by commas, optionally double-quoted with "" for a
// literal quote; quoted fields may hold commas and line breaks. Blank lines are skipped.
QList<QStringList> parseCsv(const QByteArray &data)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;

    const auto endRecord = [&] {
        if (fieldStarted || !record.isEmpty()) {
            record.append(field);
            records.append(record);
        }
        record.clear();
        field.clear();
        fieldStarted = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == u'\n' || c == u'\r') {
            endRecord();
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    endRecord();

    if (!records.isEmpty())
        records.removeFirst(); // the header line
    return records;
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Cannot read the region table %s: %s", qPrintable(path),
            qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

// Cities that only group districts or directly administered counties; their names are not
// places and would read oddly in a full name ("重庆市 县 城口县").
bool isPlaceholderCity(const QString &name)
{
    return name == u"市辖区" || name == u"县" || name == u"省直辖县级行政区划"
        || name == u"自治区直辖县级行政区划";
}

// The parent of a region; only a region of a higher level counts, so a malformed table cannot
// make a walk up the tree loop.
const Region *parentOf(const RegionTable &table, const Region *region)
{
    const Region *parent = table.find(region->parentCode);
    return parent && parent->level < region->level ? parent : nullptr;
}

} // namespace

const RegionTable &RegionTable::instance()
{
    static const RegionTable table
        = fromCsv(readResource(QStringLiteral(":/regions/provinces.csv")),
            readResource(QStringLiteral(":/regions/cities.csv")),
            readResource(QStringLiteral(":/regions/areas.csv")));
    return table;
}

RegionTable RegionTable::fromCsv(
    const QByteArray &provinces, const QByteArray &cities, const QByteArray &areas)
{
    RegionTable table;

    const auto add = [&table](const QStringList &fields, int level, qsizetype codeLength) {
        if (fields.size() < (level == 1 ? 2 : 3))
            return;
        Region region;
        region.code = fields.at(0).trimmed();
        region.name = fields.at(1).trimmed();
        region.parentCode = level == 1 ? QString() : fields.at(2).trimmed();
        region.level = level;
        if (region.code.size() != codeLength || !isAsciiDigits(region.code) || region.name.isEmpty()
            || table.m_byCode.contains(region.code)) {
            return;
        }
        table.m_byCode.insert(region.code, region);
    };

    for (const QStringList &fields : parseCsv(provinces))
        add(fields, 1, 2);
    for (const QStringList &fields : parseCsv(cities))
        add(fields, 2, 4);
    for (const QStringList &fields : parseCsv(areas))
        add(fields, 3, 6);

    // Link children only to parents that exist, so a walk up the tree never dangles.
    for (auto it = table.m_byCode.cbegin(); it != table.m_byCode.cend(); ++it) {
        const Region &region = it.value();
        if (region.level == 1)
            table.m_provinceCodes.append(region.code);
        else if (table.m_byCode.value(region.parentCode).level == region.level - 1)
            table.m_children[region.parentCode].append(region.code);
    }
    std::sort(table.m_provinceCodes.begin(), table.m_provinceCodes.end());
    for (auto &codes : table.m_children)
        std::sort(codes.begin(), codes.end());
    return table;
}

QString RegionTable::canonical(const QString &code) const
{
    if (!isAsciiDigits(code))
        return {};
    if (code.size() == 2 || code.size() == 4)
        return m_byCode.contains(code) ? code : QString();
    if (code.size() != 6)
        return {};
    // A few cities without districts list themselves as a district (441900 东莞市); the code as
    // written wins.
    if (m_byCode.contains(code))
        return code;
    if (code.endsWith(u"0000")) {
        const QString province = code.left(2);
        return m_byCode.contains(province) ? province : QString();
    }
    if (code.endsWith(u"00")) {
        const QString city = code.left(4);
        return m_byCode.contains(city) ? city : QString();
    }
    return {};
}

bool RegionTable::contains(const QString &code) const
{
    return !canonical(code).isEmpty();
}

const Region *RegionTable::find(const QString &code) const
{
    const auto it = m_byCode.constFind(canonical(code));
    return it == m_byCode.cend() ? nullptr : &it.value();
}

QString RegionTable::fullName(const QString &code) const
{
    QStringList names;
    for (const Region *region = find(code); region; region = parentOf(*this, region)) {
        if (region->level == 2 && isPlaceholderCity(region->name))
            continue;
        // A district that repeats its city (441900 东莞市 under 4419 东莞市) is named once.
        if (!names.isEmpty() && names.first() == region->name)
            continue;
        names.prepend(region->name);
    }
    return names.join(u' ');
}

QList<Region> RegionTable::provinces() const
{
    QList<Region> result;
    result.reserve(m_provinceCodes.size());
    for (const QString &code : m_provinceCodes)
        result.append(m_byCode.value(code));
    return result;
}

QList<Region> RegionTable::children(const QString &code) const
{
    if (code.isEmpty())
        return provinces();
    QList<Region> result;
    const QList<QString> codes = m_children.value(canonical(code));
    result.reserve(codes.size());
    for (const QString &child : codes)
        result.append(m_byCode.value(child));
    return result;
}

bool RegionTable::covers(const QString &ancestor, const QString &region) const
{
    const QString ancestorCode = canonical(ancestor);
    if (ancestorCode.isEmpty())
        return false;
    for (const Region *current = find(region); current; current = parentOf(*this, current)) {
        if (current->code == ancestorCode)
            return true;
    }
    return false;
}

QString RegionTable::normalized6(const QString &code) const
{
    const QString known = canonical(code);
    if (known.isEmpty())
        return {};
    return known + QString(6 - known.size(), u'0');
}

bool RegionTable::isKnownResidentIdPrefix(const QString &prefix6) const
{
    if (prefix6.size() != 6 || !isAsciiDigits(prefix6))
        return false;
    return m_byCode.contains(prefix6) || m_byCode.contains(prefix6.left(4))
        || m_byCode.contains(prefix6.left(2));
}

} // namespace xueshi
