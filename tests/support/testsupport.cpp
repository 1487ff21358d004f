#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>
#include <vector>
#include <zlib.h>

namespace xueshi::test {

QString temporaryDirectory()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    dirs.push_back(std::make_unique<QTemporaryDir>());
    return dirs.back()->path();
}

QStringList cachedEntities(const QString &storePath)
{
    const QString name = QStringLiteral("cachedEntities-") + QUuid::createUuid().toString();
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(storePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT type, id, version, data FROM entities"));
            while (q.next()) {
                const QJsonObject data = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
                rows.append(QStringList { q.value(0).toString(), q.value(1).toString(),
                    q.value(2).toString(),
                    QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)) }
                                .join(QLatin1Char(' ')));
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    rows.sort();
    return rows;
}

QByteArray gunzip(const QByteArray &data)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        char chunk[16384];
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace xueshi::test
