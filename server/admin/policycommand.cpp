#include "policycommand.h"

#include "annualcertification.h"
#include "core/apierror.h"
#include "core/localizer.h"
#include "policy.h"
#include "regions.h"
#include "server.h"
#include "services/policyservice.h"

#include <QHash>

namespace xueshi::server {

namespace {

std::optional<int> parseYear(const QString &text)
{
    bool ok = false;
    const int year = text.toInt(&ok);
    if (!ok || text.size() != 4 || year < PolicyService::MinYear || year > PolicyService::MaxYear)
        return std::nullopt;
    return year;
}

std::optional<QDate> parseDate(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !date.isValid())
        return std::nullopt;
    return date;
}

QString regionLabel(const QString &code)
{
    if (code.isEmpty())
        return QStringLiteral("national");
    const QString name = RegionTable::instance().fullName(code);
    return name.isEmpty() ? code : code + QLatin1Char(' ') + name;
}

void printTable(const QList<YearPolicy> &policies, QTextStream &out)
{
    const QStringList header = { QStringLiteral("year"), QStringLiteral("region"),
        QStringLiteral("total/public/professional/elective"), QStringLiteral("substitution"),
        QStringLiteral("hours/day"), QStringLiteral("from"), QStringLiteral("deadline") };
    QList<QStringList> lines { header };
    for (const YearPolicy &p : policies) {
        lines.append({ QString::number(p.year), regionLabel(p.regionCode),
            QStringLiteral("%1/%2/%3/%4")
                .arg(formatTenths(p.totalTenths), formatTenths(p.publicTenths),
                    formatTenths(p.professionalTenths), formatTenths(p.electiveTenths)),
            p.substitution ? QStringLiteral("yes") : QStringLiteral("no"),
            formatTenths(p.hoursPerDayTenths), p.declarableFrom.toString(Qt::ISODate),
            p.entryDeadline.toString(Qt::ISODate) });
    }
    QList<int> widths(header.size(), 0);
    for (const QStringList &line : std::as_const(lines)) {
        for (int i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], int(line.at(i).size()));
    }
    for (const QStringList &line : std::as_const(lines)) {
        QString text;
        for (int i = 0; i < line.size(); ++i) {
            text += i + 1 < line.size() ? line.at(i).leftJustified(widths.at(i) + 2) : line.at(i);
        }
        out << text << "\n";
    }
}

// The options of `set` and `remove`, each given once with a value.
bool parseOptions(const QStringList &args, const QStringList &allowed,
    QHash<QString, QString> *values, QTextStream &err)
{
    for (int i = 0; i < args.size(); i += 2) {
        const QString &name = args.at(i);
        if (!name.startsWith(QLatin1String("--")) || !allowed.contains(name.mid(2))) {
            err << "error: unknown option " << name << "\n";
            return false;
        }
        if (i + 1 >= args.size()) {
            err << "error: " << name << " needs a value\n";
            return false;
        }
        if (values->contains(name.mid(2))) {
            err << "error: " << name << " is given twice\n";
            return false;
        }
        values->insert(name.mid(2), args.at(i + 1));
    }
    return true;
}

int refused(Server &server, const ApiError &e, QTextStream &err)
{
    err << "error: "
        << server.localizer().text(Language::English, e.context(), e.sourceMessage(), e.args());
    if (!e.fieldName().isEmpty())
        err << " (" << e.fieldName() << ")";
    err << "\n";
    return 1;
}

int show(Server &server, const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() > 1) {
        err << "error: admin policy takes at most a year\n";
        return 2;
    }
    QList<YearPolicy> policies = server.policies().all();
    if (!args.isEmpty()) {
        const std::optional<int> year = parseYear(args.constFirst());
        if (!year) {
            err << "error: not a year from 2000 to 2100: " << args.constFirst() << "\n";
            return 2;
        }
        policies.removeIf([&](const YearPolicy &p) { return p.year != *year; });
        if (policies.isEmpty()) {
            out << "No policy is stored for " << *year << "; it has the defaults:\n";
            policies.append(YearPolicy::defaults(*year));
        }
    }
    printTable(policies, out);
    return 0;
}

int set(Server &server, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const std::optional<int> year = parseYear(args.value(0));
    if (!year) {
        err << "error: admin policy set needs a year from 2000 to 2100 first\n";
        return 2;
    }
    QHash<QString, QString> options;
    if (!parseOptions(args.mid(1),
            { QStringLiteral("region"), QStringLiteral("total"), QStringLiteral("public"),
                QStringLiteral("professional"), QStringLiteral("elective"),
                QStringLiteral("hours-per-day"), QStringLiteral("substitution"),
                QStringLiteral("from"), QStringLiteral("deadline") },
            &options, err)) {
        return 2;
    }
    if (options.size() == int(options.contains(QStringLiteral("region")))) {
        err << "error: admin policy set changes nothing without an option\n";
        return 2;
    }
    const QString region = options.value(QStringLiteral("region"));

    // What the row holds, or for a new one what applies there now: a new regional policy starts
    // as a copy of the one its learners have today.
    const QList<YearPolicy> stored = server.policies().all();
    YearPolicy policy;
    const auto it = std::find_if(stored.begin(), stored.end(),
        [&](const YearPolicy &p) { return p.year == *year && p.regionCode == region; });
    if (it != stored.end()) {
        policy = *it;
    } else {
        policy = policyFor(*year, region, stored);
        policy.regionCode = region;
    }

    const std::pair<const char *, int YearPolicy::*> hours[] = {
        { "total", &YearPolicy::totalTenths },
        { "public", &YearPolicy::publicTenths },
        { "professional", &YearPolicy::professionalTenths },
        { "elective", &YearPolicy::electiveTenths },
        { "hours-per-day", &YearPolicy::hoursPerDayTenths },
    };
    for (const auto &[name, member] : hours) {
        const QString key = QLatin1String(name);
        if (!options.contains(key))
            continue;
        const std::optional<int> tenths = parseHoursTenths(options.value(key));
        if (!tenths) {
            err << "error: --" << key
                << ": hours are written like 90 or 4.5 (one decimal at most): "
                << options.value(key) << "\n";
            return 2;
        }
        policy.*member = *tenths;
    }
    if (options.contains(QStringLiteral("substitution"))) {
        const QString value = options.value(QStringLiteral("substitution"));
        if (value != QLatin1String("yes") && value != QLatin1String("no")) {
            err << "error: --substitution: yes or no\n";
            return 2;
        }
        policy.substitution = value == QLatin1String("yes");
    }
    const std::pair<const char *, QDate YearPolicy::*> dates[] = {
        { "from", &YearPolicy::declarableFrom },
        { "deadline", &YearPolicy::entryDeadline },
    };
    for (const auto &[name, member] : dates) {
        const QString key = QLatin1String(name);
        if (!options.contains(key))
            continue;
        const std::optional<QDate> date = parseDate(options.value(key));
        if (!date) {
            err << "error: --" << key << ": not a date YYYY-MM-DD: " << options.value(key) << "\n";
            return 2;
        }
        policy.*member = *date;
    }

    try {
        server.policies().set(policy);
    } catch (const ApiError &e) {
        return refused(server, e, err);
    }
    out << "Set and published the policy " << policy.entityId() << ":\n";
    printTable({ policy }, out);
    return 0;
}

int remove(Server &server, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const std::optional<int> year = parseYear(args.value(0));
    QHash<QString, QString> options;
    if (!year || !parseOptions(args.mid(1), { QStringLiteral("region") }, &options, err)
        || !options.contains(QStringLiteral("region"))) {
        err << "error: usage: admin policy remove YEAR --region CODE\n";
        return 2;
    }
    const QString region = options.value(QStringLiteral("region"));
    try {
        server.policies().remove(*year, region);
    } catch (const ApiError &e) {
        return refused(server, e, err);
    }
    out << "Removed the policy " << YearPolicy::entityId(*year, region)
        << "; its learners now have the policy of a wider region or the national one.\n";
    return 0;
}

} // namespace

std::optional<int> parseHoursTenths(const QString &text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    const QString decimal = dot < 0 ? QString() : text.mid(dot + 1);
    const auto digits = [](const QString &s) {
        return std::all_of(s.begin(), s.end(),
            [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    };
    // "4.", ".5", "4.55", "1e3", "-1", "4,5" are all refused.
    if (whole.isEmpty() || whole.size() > 5 || !digits(whole))
        return std::nullopt;
    if (dot >= 0 && (decimal.size() != 1 || !digits(decimal)))
        return std::nullopt;
    const int tenths = whole.toInt() * 10 + (decimal.isEmpty() ? 0 : decimal.toInt());
    if (tenths > PolicyService::MaxTenths)
        return std::nullopt;
    return tenths;
}

int runPolicyCommand(Server &server, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("set"))
        return set(server, args.mid(1), out, err);
    if (sub == QLatin1String("remove"))
        return remove(server, args.mid(1), out, err);
    return show(server, args, out, err);
}

QString policyCommandUsage()
{
    return QStringLiteral(
        "  policy [YEAR]                  the hours policies (all years, or one): hours\n"
        "                                 total/public/professional/elective, substitution,\n"
        "                                 hours per training day, entry window\n"
        "  policy set YEAR [--region CODE] [--total H] [--public H] [--professional H]\n"
        "      [--elective H] [--hours-per-day H] [--substitution yes|no] [--from DATE]\n"
        "      [--deadline DATE]\n"
        "                                 change the national policy of a year, or a region's\n"
        "                                 (a new one starts as what applies there); hours like\n"
        "                                 4.5, dates YYYY-MM-DD; published to every client\n"
        "  policy remove YEAR --region CODE\n"
        "                                 remove a region's policy (the wider one applies)\n");
}

} // namespace xueshi::server
