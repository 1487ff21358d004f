#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace xueshi::server {

class Server;

// Hours as an administrator writes them ("90", "4.5") in tenths, exactly: digits with at most
// one decimal, nothing else (no sign, exponent or comma); nullopt otherwise or above 10,000 hours.
std::optional<int> parseHoursTenths(const QString &text);

// `xueshi-server admin policy ...` (args after "policy"): shows the hours policies, sets a year's
// national or regional policy, removes a region's. Writes the database and the change log itself,
// so running servers publish the change at their clients' next sync. Returns the exit code: 0,
// 1 when the server refused the change, 2 for a malformed command.
int runPolicyCommand(Server &server, const QStringList &args, QTextStream &out, QTextStream &err);

// The lines of `admin help` for these commands.
QString policyCommandUsage();

} // namespace xueshi::server
