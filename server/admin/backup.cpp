#include "backup.h"

#include "admin/servinglock.h"
#include "core/privatedirectory.h"
#include "core/serverconfig.h"
#include "server.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "sync/changelog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace xueshi::server {

namespace {

constexpr char kFormat[] = "xueshi-backup";
constexpr int kFormatVersion = 1;
const QString kManifest = QStringLiteral("manifest.json");
const QString kSqliteFile = QStringLiteral("database.sqlite");
const QString kPostgresFile = QStringLiteral("database.pgdump");
const QString kDataPrefix = QStringLiteral("data/");
const QString kSqliteName = QStringLiteral("xueshi.sqlite");

constexpr auto kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
    | QFileDevice::WriteUser;

// The data directory's own state, which a backup leaves out (see backup.h).
bool isServerState(const QString &name)
{
    return name == kSqliteName || name == kSqliteName + QStringLiteral("-wal")
        || name == kSqliteName + QStringLiteral("-shm")
        || name == kSqliteName + QStringLiteral("-journal")
        || name == QLatin1String("sync-high-water.json") || name == ServingLock::fileName()
        || name.startsWith(QLatin1String("restore-previous-"))
        || name.startsWith(QLatin1String(".restore-"));
}

QString canonical(const QString &path)
{
    // The path need not exist yet: the nearest existing ancestor's canonical path plus the rest.
    QFileInfo info(QDir(path).absolutePath());
    QStringList rest;
    while (!info.exists() && !info.isRoot() && info.absoluteFilePath() != info.absolutePath()) {
        rest.prepend(info.fileName());
        info = QFileInfo(info.absolutePath());
    }
    QString base = info.canonicalFilePath();
    for (const QString &part : std::as_const(rest))
        base += QLatin1Char('/') + part;
    return base;
}

bool isInside(const QString &path, const QString &directory)
{
    const QString p = canonical(path);
    const QString d = canonical(directory);
    return p == d || p.startsWith(d + QLatin1Char('/'));
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Copies `from` to `to` (created 0600), computing the SHA-256 of what was copied; syncs the copy
// to the disk before returning.
bool copyFile(
    const QString &from, const QString &to, QByteArray *sha256, qint64 *size, QString *error)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(from, in.errorString());
        return false;
    }
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || !out.setPermissions(kOwnerFile)) {
        *error = QStringLiteral("cannot write %1: %2").arg(to, out.errorString());
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 total = 0;
    for (;;) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty()) {
            if (in.error() != QFileDevice::NoError) {
                *error = QStringLiteral("cannot read %1: %2").arg(from, in.errorString());
                return false;
            }
            break;
        }
        hash.addData(chunk);
        total += chunk.size();
        if (out.write(chunk) != chunk.size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(to, out.errorString());
            return false;
        }
    }
    if (!out.flush() || ::fsync(out.handle()) != 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(to, systemError());
        return false;
    }
    *sha256 = hash.result().toHex();
    *size = total;
    return true;
}

bool hashFile(const QString &path, QByteArray *sha256, qint64 *size, QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    *sha256 = hash.result().toHex();
    *size = in.size();
    return true;
}

// A manifest path: relative, "/"-separated, no empty, "." or ".." segment.
bool isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\'))
        || path.contains(QChar(0)))
        return false;
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return false;
    }
    return true;
}

QString pgBinDirectory(const ServerOptions &options)
{
    return options.config
        ? options.config->value(QStringLiteral("backup"), QStringLiteral("pg-bin"))
        : QString();
}

bool runTool(PostgresCommand command, QString *error)
{
    QProcess process;
    process.setProgram(command.program);
    process.setArguments(command.arguments);
    process.setProcessEnvironment(command.environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    if (!process.waitForStarted(30000)) {
        *error = QStringLiteral("cannot run %1: %2").arg(command.program, process.errorString());
        return false;
    }
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        // pg_dump's and pg_restore's messages name objects, never row data or the password.
        *error = QStringLiteral("%1 failed (exit code %2): %3")
                     .arg(QFileInfo(command.program).fileName())
                     .arg(process.exitCode())
                     .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

// Sessions on the database other than the caller's: a server (or anything else) still using it.
int otherPostgresSessions(Database &database)
{
    QSqlQuery q = database.exec(
        QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

PostgresCommand postgresCommand(const DatabaseConfig &config, const QString &binDirectory,
    const QString &tool, const QStringList &toolArguments, QString *error)
{
    PostgresCommand command;
    command.program = binDirectory.isEmpty() ? tool : QDir(binDirectory).filePath(tool);
    command.arguments = QStringList { QStringLiteral("--host=") + config.host,
        QStringLiteral("--port=") + QString::number(config.port),
        QStringLiteral("--username=") + config.user, QStringLiteral("--no-password") }
        + toolArguments;
    command.environment = QProcessEnvironment::systemEnvironment();
    // Only what this command is given counts: a PGPASSWORD or a service file of the caller's
    // environment could connect somewhere else.
    for (const char *name : { "PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE", "PGHOST",
             "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS" })
        command.environment.remove(QString::fromLatin1(name));
    if (config.password.isEmpty())
        return command;
    command.passDirectory = std::make_shared<QTemporaryDir>();
    if (!command.passDirectory->isValid()) {
        *error = QStringLiteral("cannot make a temporary directory for the password file");
        return {};
    }
    // host:port:database:username:password, with ':' and '\' escaped; libpq ignores the file
    // unless it is the owner's only.
    QString escaped = config.password;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char(':'), QStringLiteral("\\:"));
    const QString path = command.passDirectory->filePath(QStringLiteral("pgpass"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerFile)
        || file.write(QStringLiteral("*:*:*:*:%1\n").arg(escaped).toUtf8()) < 0) {
        *error = QStringLiteral("cannot write the password file: %1").arg(file.errorString());
        return {};
    }
    file.close();
    command.environment.insert(QStringLiteral("PGPASSFILE"), path);
    return command;
}

bool createBackup(
    const ServerOptions &options, const QString &target, BackupSummary *summary, QString *error)
{
    const QString dataDir = options.dataDir;
    if (!QFileInfo(dataDir).isDir()) {
        *error = QStringLiteral("the data directory %1 does not exist").arg(dataDir);
        return false;
    }
    if (isInside(target, dataDir)) {
        *error = QStringLiteral("the backup must go outside the data directory %1 (it would be "
                                "copied into the next backup, and lost with the disk)")
                     .arg(dataDir);
        return false;
    }
    if (QFileInfo::exists(target)
        && (!QFileInfo(target).isDir()
            || !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))) {
        *error = QStringLiteral("%1 exists and is not an empty directory").arg(target);
        return false;
    }
    if (!makePrivateDirectory(target)
        || !QFile::setPermissions(target,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser)) {
        *error = QStringLiteral("cannot create %1").arg(target);
        return false;
    }
    // Not during a restore; beside serving processes, which hold the lock shared too.
    ServingLock lock;
    if (!lock.acquire(dataDir, ServingLock::Mode::Shared, error))
        return false;

    const bool postgres = options.database.has_value();
    const DatabaseConfig config
        = options.database.value_or(DatabaseConfig::sqlite(QDir(dataDir).filePath(kSqliteName)));
    QJsonArray files;
    qint64 bytes = 0;
    const auto addFile = [&](const QString &relative, const QByteArray &sha256, qint64 size) {
        files.append(
            QJsonObject { { QStringLiteral("path"), relative }, { QStringLiteral("size"), size },
                { QStringLiteral("sha256"), QString::fromLatin1(sha256) } });
        bytes += size;
    };

    // 1. The database.
    QJsonObject manifest { { QStringLiteral("format"), QString::fromLatin1(kFormat) },
        { QStringLiteral("formatVersion"), kFormatVersion },
        { QStringLiteral("createdAt"),
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("serverVersion"), QStringLiteral(XUESHI_VERSION) },
        { QStringLiteral("engine"),
            postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite") } };
    const QString databaseFile = postgres ? kPostgresFile : kSqliteFile;
    const QString databasePath = QDir(target).filePath(databaseFile);
    try {
        if (!postgres) {
            if (!QFileInfo::exists(config.sqlitePath)) {
                *error = QStringLiteral("there is no database in %1").arg(dataDir);
                return false;
            }
            // VACUUM INTO reads one consistent snapshot (a read transaction: in WAL mode the
            // server's writers carry on meanwhile) into a new, compact file. It must not exist
            // or be empty: created empty and 0600 first, so it is never readable by others.
            QFile placeholder(databasePath);
            if (!placeholder.open(QIODevice::WriteOnly)
                || !placeholder.setPermissions(kOwnerFile)) {
                *error = QStringLiteral("cannot write %1: %2")
                             .arg(databasePath, placeholder.errorString());
                return false;
            }
            placeholder.close();
            {
                Database source(config);
                source.exec(QStringLiteral("VACUUM INTO ?"), { databasePath });
            }
            Database copy(DatabaseConfig::sqlite(databasePath));
            manifest.insert(QStringLiteral("schemaVersion"), copy.schemaVersion());
            QSqlQuery meta
                = copy.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
            if (meta.next())
                manifest.insert(QStringLiteral("epoch"), meta.value(0).toString());
        } else {
            Database source(config);
            manifest.insert(QStringLiteral("schemaVersion"), source.schemaVersion());
            QSqlQuery meta
                = source.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
            if (meta.next())
                manifest.insert(QStringLiteral("epoch"), meta.value(0).toString());
            meta.finish();
            // pg_dump takes one snapshot of the whole database (a repeatable-read transaction),
            // without blocking the servers' writes.
            PostgresCommand dump
                = postgresCommand(config, pgBinDirectory(options), QStringLiteral("pg_dump"),
                    { QStringLiteral("--format=custom"), QStringLiteral("--file=") + databasePath,
                        QStringLiteral("--dbname=") + config.name },
                    error);
            if (dump.program.isEmpty() || !runTool(std::move(dump), error))
                return false;
        }
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot back up %1: %2")
                     .arg(config.describe(), QString::fromStdString(e.what()));
        return false;
    }
    QFile::setPermissions(databasePath, kOwnerFile);
    QByteArray sha256;
    qint64 size = 0;
    if (!hashFile(databasePath, &sha256, &size, error))
        return false;
    addFile(databaseFile, sha256, size);
    manifest.insert(QStringLiteral("database"), databaseFile);

    // 2. The data directory's files, after the database (see backup.h).
    QJsonArray directories;
    int fileCount = 0;
    const QDir data(dataDir);
    const QString dataTarget = QDir(target).filePath(QStringLiteral("data"));
    if (!makePrivateDirectory(dataTarget)) {
        *error = QStringLiteral("cannot create %1").arg(dataTarget);
        return false;
    }
    const QFileInfoList top = data.entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo &entry : top) {
        if (isServerState(entry.fileName()))
            continue;
        QStringList paths { entry.absoluteFilePath() };
        if (entry.isDir()) {
            QDirIterator it(entry.absoluteFilePath(),
                QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks,
                QDirIterator::Subdirectories);
            while (it.hasNext())
                paths.append(it.next());
            std::sort(paths.begin(), paths.end());
        }
        for (const QString &path : std::as_const(paths)) {
            const QFileInfo info(path);
            const QString relative = data.relativeFilePath(path);
            const QString destination = QDir(dataTarget).filePath(relative);
            if (info.isDir()) {
                if (!makePrivateDirectory(destination)) {
                    *error = QStringLiteral("cannot create %1").arg(destination);
                    return false;
                }
                directories.append(kDataPrefix + relative);
            } else if (info.isFile()) {
                if (!copyFile(path, destination, &sha256, &size, error))
                    return false;
                addFile(kDataPrefix + relative, sha256, size);
                ++fileCount;
            }
            // Sockets, pipes and devices are no data of the server's.
        }
    }
    manifest.insert(QStringLiteral("directories"), directories);
    manifest.insert(QStringLiteral("files"), files);

    // 3. The manifest, last and atomically: a backup without one was interrupted.
    QSaveFile out(QDir(target).filePath(kManifest));
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(kOwnerFile)
        || out.write(QJsonDocument(manifest).toJson(QJsonDocument::Indented)) < 0
        || !out.commit()) {
        *error = QStringLiteral("cannot write the manifest: %1").arg(out.errorString());
        return false;
    }
    if (summary) {
        summary->engine = manifest.value(QStringLiteral("engine")).toString();
        summary->schemaVersion = manifest.value(QStringLiteral("schemaVersion")).toInt();
        summary->files = fileCount;
        summary->bytes = bytes;
    }
    return true;
}

bool verifyBackup(const QString &source, QJsonObject *manifestOut, QString *error)
{
    QFile file(QDir(source).filePath(kManifest));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 has no manifest.json: not a backup, or an interrupted one")
                     .arg(source);
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(16 * 1024 * 1024), &parse);
    const QJsonObject manifest = document.object();
    if (parse.error != QJsonParseError::NoError || !document.isObject()
        || manifest.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = QStringLiteral("%1/manifest.json is not a backup manifest").arg(source);
        return false;
    }
    if (manifest.value(QStringLiteral("formatVersion")).toInt() != kFormatVersion) {
        *error = QStringLiteral("the backup's format version %1 is not one this server reads")
                     .arg(manifest.value(QStringLiteral("formatVersion")).toInt());
        return false;
    }
    const QString engine = manifest.value(QStringLiteral("engine")).toString();
    const QString database = manifest.value(QStringLiteral("database")).toString();
    if ((engine != QLatin1String("sqlite") || database != kSqliteFile)
        && (engine != QLatin1String("postgres") || database != kPostgresFile)) {
        *error = QStringLiteral("the manifest names no database it knows");
        return false;
    }
    // Every file listed is there, as large and with the checksum listed; nothing else is.
    QSet<QString> listed;
    bool haveDatabase = false;
    for (const QJsonValue &value : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(QStringLiteral("path")).toString();
        if (!isSafeRelativePath(path) || (path != database && !path.startsWith(kDataPrefix))
            || listed.contains(path)) {
            *error = QStringLiteral("the manifest lists a file it may not: %1").arg(path);
            return false;
        }
        listed.insert(path);
        haveDatabase = haveDatabase || path == database;
        QByteArray sha256;
        qint64 size = 0;
        const QString full = QDir(source).filePath(path);
        if (!QFileInfo(full).isFile() || QFileInfo(full).isSymLink()) {
            *error = QStringLiteral("%1 is missing from the backup").arg(path);
            return false;
        }
        if (!hashFile(full, &sha256, &size, error))
            return false;
        if (size != entry.value(QStringLiteral("size")).toInteger(-1)
            || sha256 != entry.value(QStringLiteral("sha256")).toString().toLatin1()) {
            *error = QStringLiteral("%1 differs from the manifest (damaged or changed)").arg(path);
            return false;
        }
    }
    if (!haveDatabase) {
        *error = QStringLiteral("the manifest lists no database file");
        return false;
    }
    QSet<QString> directories;
    for (const QJsonValue &value : manifest.value(QStringLiteral("directories")).toArray()) {
        const QString path = value.toString();
        if (!isSafeRelativePath(path) || !path.startsWith(kDataPrefix)
            || !QFileInfo(QDir(source).filePath(path)).isDir()) {
            *error = QStringLiteral("the manifest lists a directory it may not: %1").arg(path);
            return false;
        }
        directories.insert(path);
    }
    QDirIterator it(source, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    const QDir root(source);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (relative == kManifest || relative == QLatin1String("data") || listed.contains(relative)
            || directories.contains(relative))
            continue;
        *error = QStringLiteral("%1 is in the backup but not in its manifest").arg(relative);
        return false;
    }
    *manifestOut = manifest;
    return true;
}

bool restoreBackup(
    const ServerOptions &options, const QString &source, RestoreSummary *summary, QString *error)
{
    const QString dataDir = options.dataDir;
    if (isInside(source, dataDir)) {
        *error = QStringLiteral("the backup lies inside the data directory %1, which a restore "
                                "replaces: move it elsewhere first")
                     .arg(dataDir);
        return false;
    }
    QJsonObject manifest;
    if (!verifyBackup(source, &manifest, error))
        return false;
    const bool postgres = options.database.has_value();
    if (manifest.value(QStringLiteral("engine")).toString()
        != (postgres ? QLatin1String("postgres") : QLatin1String("sqlite"))) {
        *error = QStringLiteral("the backup is of a %1 database; this server uses %2")
                     .arg(manifest.value(QStringLiteral("engine")).toString(),
                         postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"));
        return false;
    }
    const int schemaVersion = manifest.value(QStringLiteral("schemaVersion")).toInt();
    if (schemaVersion > migrations().constLast().version) {
        *error = QStringLiteral("the backup's schema (version %1) is newer than this server "
                                "knows (%2): restore it with the version that made it")
                     .arg(schemaVersion)
                     .arg(migrations().constLast().version);
        return false;
    }
    if (!makePrivateDirectory(dataDir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dataDir);
        return false;
    }
    // No server runs on this data directory while the lock is held, and none starts.
    ServingLock lock;
    if (!lock.acquire(dataDir, ServingLock::Mode::Exclusive, error))
        return false;
    const DatabaseConfig config
        = options.database.value_or(DatabaseConfig::sqlite(QDir(dataDir).filePath(kSqliteName)));

    // 1. Stage the files (copied again while their checksums are checked once more) beside
    // the data directory's, so the switch below is renames on one file system.
    const QDir data(dataDir);
    const QString staging = data.filePath(
        QStringLiteral(".restore-") + QUuid::createUuid().toString(QUuid::Id128).left(8));
    const auto dropStaging = [&staging] { QDir(staging).removeRecursively(); };
    if (!makePrivateDirectory(staging)) {
        *error = QStringLiteral("cannot create %1").arg(staging);
        return false;
    }
    QStringList stagedTop;
    for (const QJsonValue &value : manifest.value(QStringLiteral("directories")).toArray()) {
        const QString relative = value.toString().mid(kDataPrefix.size());
        if (!makePrivateDirectory(QDir(staging).filePath(relative))) {
            *error = QStringLiteral("cannot create %1").arg(relative);
            dropStaging();
            return false;
        }
    }
    int fileCount = 0;
    for (const QJsonValue &value : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(QStringLiteral("path")).toString();
        QString destination;
        if (path == kSqliteFile) {
            destination = QDir(staging).filePath(kSqliteName);
        } else if (path.startsWith(kDataPrefix)) {
            const QString relative = path.mid(kDataPrefix.size());
            destination = QDir(staging).filePath(relative);
            if (!makePrivateDirectory(QFileInfo(destination).absolutePath())) {
                *error = QStringLiteral("cannot create the directory of %1").arg(relative);
                dropStaging();
                return false;
            }
            ++fileCount;
        } else {
            continue; // the PostgreSQL dump is read by pg_restore where it is
        }
        QByteArray sha256;
        qint64 size = 0;
        if (!copyFile(QDir(source).filePath(path), destination, &sha256, &size, error)) {
            dropStaging();
            return false;
        }
        if (sha256 != entry.value(QStringLiteral("sha256")).toString().toLatin1()) {
            *error = QStringLiteral("%1 changed while it was restored").arg(path);
            dropStaging();
            return false;
        }
    }
    for (const QFileInfo &entry :
        QDir(staging).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        stagedTop.append(entry.fileName());
    }

    // 2. PostgreSQL: the database, in one transaction (a failure leaves it as it was).
    if (postgres) {
        try {
            Database database(config);
            // A server that has just stopped may take a moment to leave: its sessions end a few
            // milliseconds after it closed them.
            int others = otherPostgresSessions(database);
            for (int i = 0; others > 0 && i < 30; ++i) {
                QThread::msleep(100);
                others = otherPostgresSessions(database);
            }
            if (others > 0) {
                *error = QStringLiteral("%1 other sessions are connected to %2: stop every server "
                                        "using it first")
                             .arg(others)
                             .arg(config.describe());
                dropStaging();
                return false;
            }
        } catch (const DatabaseError &e) {
            *error = QStringLiteral("cannot open %1: %2")
                         .arg(config.describe(), QString::fromStdString(e.what()));
            dropStaging();
            return false;
        }
        // --no-owner: the objects belong to the role restoring them, the server's own.
        PostgresCommand restore
            = postgresCommand(config, pgBinDirectory(options), QStringLiteral("pg_restore"),
                { QStringLiteral("--clean"), QStringLiteral("--if-exists"),
                    QStringLiteral("--single-transaction"), QStringLiteral("--exit-on-error"),
                    QStringLiteral("--no-owner"), QStringLiteral("--dbname=") + config.name,
                    QDir(source).filePath(kPostgresFile) },
                error);
        if (restore.program.isEmpty() || !runTool(std::move(restore), error)) {
            dropStaging();
            return false;
        }
    }

    // 3. The switch: the data directory's former contents are set aside, never deleted.
    QString previous = data.filePath(QStringLiteral("restore-previous-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
    if (QFileInfo::exists(previous))
        previous += QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(6);
    if (!makePrivateDirectory(previous)) {
        *error = QStringLiteral("cannot create %1").arg(previous);
        dropStaging();
        return false;
    }
    for (const QFileInfo &entry :
        data.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        const QString name = entry.fileName();
        // The old database's files, and the high-water mark written for it: the new epoch below
        // supersedes the mark, and a fresh one starts with the server.
        const bool movedToo = (!postgres && name.startsWith(kSqliteName))
            || name == QLatin1String("sync-high-water.json");
        if (!movedToo && isServerState(name))
            continue;
        if (!QDir().rename(entry.absoluteFilePath(), QDir(previous).filePath(name))) {
            *error = QStringLiteral("cannot move %1 aside: %2").arg(name, systemError());
            return false;
        }
    }
    for (const QString &name : std::as_const(stagedTop)) {
        if (!QDir().rename(QDir(staging).filePath(name), data.filePath(name))) {
            *error = QStringLiteral("cannot move the restored %1 into place: %2")
                         .arg(name, systemError());
            return false;
        }
    }
    dropStaging();

    // 4. The migrations a backup of an older version needs, and a new epoch: every client's
    // cursor names the old one, so each gets 410 "restored", rebuilds its cache and sends its
    // outbox and its recently acknowledged changes again (docs/sync.md "Restore").
    {
        Server server(options);
        if (!server.openStorage(error))
            return false;
        try {
            const QString epoch = server.changeLog().newEpoch();
            if (summary)
                summary->epoch = epoch;
        } catch (const DatabaseError &e) {
            *error = QStringLiteral("cannot make a new sync epoch: %1")
                         .arg(QString::fromStdString(e.what()));
            return false;
        }
    }
    if (summary) {
        summary->schemaVersion = schemaVersion;
        summary->files = fileCount;
        summary->previous = previous;
    }
    return true;
}

int runBackupCommand(
    const ServerOptions &options, const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 1) {
        err << "usage: xueshi-server [options] admin backup DIR\n";
        return 2;
    }
    BackupSummary summary;
    QString error;
    if (!createBackup(options, args.first(), &summary, &error)) {
        err << "error: " << error << "\n";
        return 1;
    }
    out << "Backed up the " << summary.engine << " database (schema " << summary.schemaVersion
        << ") and " << summary.files << " files, " << summary.bytes << " bytes in all, to "
        << args.first() << "\n";
    return 0;
}

int runRestoreCommand(
    const ServerOptions &options, const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 1) {
        err << "usage: xueshi-server [options] admin restore DIR\n";
        return 2;
    }
    RestoreSummary summary;
    QString error;
    if (!restoreBackup(options, args.first(), &summary, &error)) {
        err << "error: " << error << "\n";
        return 1;
    }
    out << "Restored the database (schema " << summary.schemaVersion << ") and " << summary.files
        << " files from " << args.first() << ".\nNew sync epoch " << summary.epoch
        << ": every client downloads its data again and sends its changes again at its next "
           "sync.\nThe former contents of the data directory are in "
        << summary.previous << " (delete it once the server runs as it should).\n";
    return 0;
}

QString backupCommandUsage()
{
    return QStringLiteral(
        "  backup DIR                     copy the database and the data directory's files\n"
        "                                 to a new directory, while the server runs\n"
        "  restore DIR                    put a backup back (the servers stopped); clients\n"
        "                                 download their data again\n");
}

} // namespace xueshi::server
