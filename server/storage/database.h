#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace xueshi::server {

// Where the server keeps its data: an SQLite file (the embedded default) or a PostgreSQL
// database given as postgres://user:password@host:port/dbname.
struct DatabaseConfig
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString name;
    QString user;
    QString password;

    static DatabaseConfig sqlite(const QString &path);
    // Parses postgres:// (or postgresql://) URLs; returns nullopt with *error on a malformed one.
    static std::optional<DatabaseConfig> fromUrl(const QString &url, QString *error);
    // For logs: never includes the password.
    QString describe() const;
};

// A failed SQL statement. Services let it propagate: the open transaction rolls back and the
// request gets a 500 without the SQL text.
class DatabaseError : public std::runtime_error
{
public:
    DatabaseError(const QString &what, const QString &nativeCode)
        : std::runtime_error(what.toStdString())
        , m_nativeCode(nativeCode)
    { }
    QString nativeCode() const { return m_nativeCode; }
    // A UNIQUE constraint refused the row (SQLite 2067/1555, PostgreSQL 23505).
    bool isUniqueViolation() const;

private:
    QString m_nativeCode;
};

// Owns the server's database: one QtSql connection per thread (QtSql connections must not cross
// threads), opened lazily and closed when the thread ends, and the numbered schema migrations.
// SQL is written once for both engines; the few differences go through dialect helpers.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    explicit Database(DatabaseConfig config);
    ~Database();

    const DatabaseConfig &config() const { return m_config; }
    bool isPostgres() const { return m_config.kind == DatabaseConfig::Kind::Postgres; }
    // Appended to a SELECT that reads a row the transaction will then change: locks the row on
    // PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers.
    QString forUpdate() const { return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString(); }

    // The open connection of the calling thread; throws DatabaseError when it cannot open.
    QSqlDatabase connection();
    // Runs the migrations not yet applied, each in its own transaction, under an advisory lock
    // on PostgreSQL so processes started together never race. Refuses (false, and
    // schemaTooNew()) a database that holds a step this build does not know.
    bool migrate(QString *error);
    // The PostgreSQL session advisory lock of migrate(), for a whole start-up (Server takes it
    // around migrations and the first initialisation, so processes started together wait for
    // each other). Nested calls count; no-ops on SQLite.
    void lockStartup();
    void unlockStartup();
    // After migrate() failed: because a newer server had changed the schema.
    bool schemaTooNew() const { return m_schemaTooNew; }
    // The key of the PostgreSQL advisory lock migrate() holds ("Xueshi" in ASCII).
    static constexpr qint64 kMigrationLockKey = 0x586575736869;
    int schemaVersion();
    // A trivial query on this thread's connection (reconnecting if it was lost), bounded by
    // kPingTimeoutMs on PostgreSQL; throws DatabaseError when the database does not answer.
    void ping();
    static constexpr int kPingTimeoutMs = 2000;

    // Prepares, binds positionally (?), executes; throws DatabaseError on failure.
    QSqlQuery exec(const QString &sql, const QVariantList &values = {});
    // Runs one statement once per row of values, prepared once (for batches on SQLite).
    void execEach(const QString &sql, const QList<QVariantList> &rows);
    // Inserts many rows: `insert` is "INSERT INTO t (a, b, c)", `row` the VALUES tuple of one
    // row ("(?, ?, 1)"). PostgreSQL pays a round trip per statement, so it gets multi-row
    // INSERTs; on SQLite, where Qt binds '?' as named parameters at a cost that grows with the
    // square of the values in one statement, one prepared single-row INSERT runs per row.
    void insertMany(const QString &insert, const QString &row, const QList<QVariantList> &rows);
    // `sql` with each ? (outside quotes) replaced by the value written as an SQL literal by the
    // driver's own quoting, which is what QPSQL sends for a prepared statement's values anyway.
    // For batches on PostgreSQL: one round trip, where a prepared statement costs three (PREPARE,
    // EXECUTE, DEALLOCATE) and Qt's per-value binding.
    QString inlined(const QString &sql, const QVariantList &values);
    // For the statements every request runs (authentication, GET /me): runs a SELECT through a
    // prepared statement that this thread's connection keeps, calls `row` for each row, and
    // resets the statement before returning, so nothing of it outlives the call. exec() prepares
    // anew each time, which under load was a quarter of the server's CPU (SQLite's parser,
    // docs/performance.md "server-throughput"). `row` may run other statements; re-entered with
    // the same SQL from inside `row`, it prepares a fresh one. Throws DatabaseError like exec().
    void selectEach(const QString &sql, const QVariantList &values,
        const std::function<void(const QSqlQuery &row)> &row);

private:
    DatabaseConfig m_config;
    quint64 m_id;
    std::once_flag m_filesRestricted;
    bool m_schemaTooNew = false;
    static std::atomic<quint64> s_nextId;
};

// One transaction on the calling thread's connection: BEGIN IMMEDIATE on SQLite (so two writers
// never deadlock upgrading read locks), BEGIN on PostgreSQL. Rolls back unless commit() was called,
// so an exception anywhere leaves nothing half-written.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    explicit Transaction(Database &database);
    ~Transaction();
    void commit();

private:
    Database &m_database;
    bool m_open = false;
};

} // namespace xueshi::server
