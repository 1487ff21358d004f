#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QTemporaryDir;

namespace xueshi::server {

struct DatabaseConfig;
struct ServerOptions;

// `xueshi-server admin backup DIR` and `admin restore DIR` (docs/operations.md "Backups and
// restore"). A backup is a directory, the owner's only (0700, files 0600):
//   manifest.json       what it holds: engine, schema version, epoch, and every file with its
//                       size and SHA-256, written last (a backup without it is incomplete)
//   database.sqlite     SQLite: a consistent copy made with VACUUM INTO while the server runs
//   database.pgdump     PostgreSQL: pg_dump --format=custom
//   data/...            the data directory's other files: lesson content, attachments, the
//                       certificate signing keys, the generated TLS certificate
// The database is copied first and the files after it: content is only ever added under new
// names, so the files may hold more than the database refers to, never less.
// Left out: the SQLite files themselves (copied by SQLite), sync-high-water.json (restoring it
// would hide the restore from the server, docs/sync.md "Restore"), server.lock, and what earlier
// restores set aside (restore-previous-*).

struct BackupSummary
{
    QString engine; // "sqlite" or "postgres"
    int schemaVersion = 0;
    int files = 0; // in data/
    qint64 bytes = 0; // everything, the database included
};

struct RestoreSummary
{
    int schemaVersion = 0;
    int files = 0;
    QString previous; // where the data directory's former contents were set aside
    QString epoch; // the new sync epoch
};

// Writes a backup of the server `options` describe into `target`, a directory that must not exist
// or be empty, and must lie outside the data directory. Runs beside a serving process.
bool createBackup(
    const ServerOptions &options, const QString &target, BackupSummary *summary, QString *error);

// Checks a backup: its manifest, and every file it lists (size and SHA-256); a file in the
// backup the manifest does not list is an error too. Fills *manifest.
bool verifyBackup(const QString &source, QJsonObject *manifest, QString *error);

// Puts a verified backup back: refuses while a server runs on the data directory (the serving
// lock, and on PostgreSQL any other session on the database), restores the database (SQLite:
// the file; PostgreSQL: pg_restore --clean --if-exists --single-transaction), replaces the data
// directory's files with the backup's (the former ones are moved to restore-previous-<time>/,
// never deleted), runs the migrations and makes a new sync epoch, so every client gets 410
// "restored", rebuilds its cache and sends its outbox again.
bool restoreBackup(
    const ServerOptions &options, const QString &source, RestoreSummary *summary, QString *error);

// pg_dump / pg_restore for `config`: the connection's host, port, user and database go in the
// arguments; the password never does (`ps` shows arguments to every user). It is written to a
// passfile (0600, in a private temporary directory that lives as long as the returned object)
// named by PGPASSFILE in `environment`.
struct PostgresCommand
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    std::shared_ptr<QTemporaryDir> passDirectory;
};
PostgresCommand postgresCommand(const DatabaseConfig &config, const QString &binDirectory,
    const QString &tool, const QStringList &toolArguments, QString *error);

// The admin commands: exit code 0, 1 when it failed, 2 for a malformed command.
int runBackupCommand(
    const ServerOptions &options, const QStringList &args, QTextStream &out, QTextStream &err);
int runRestoreCommand(
    const ServerOptions &options, const QStringList &args, QTextStream &out, QTextStream &err);
QString backupCommandUsage();

} // namespace xueshi::server
