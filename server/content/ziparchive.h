#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace xueshi::server {

// A small read-only ZIP reader for course packages: the central directory, stored and deflated
// entries (zlib), CRC-32 checked. No ZIP64, no encryption, no multi-disk archives: course
// packages do not need them, and anything else is refused with a message naming the entry.
// Entry sizes come from the central directory and are checked against a limit before anything is
// inflated, and inflating never writes more than the declared size, so a "zip bomb" is refused
// without expanding it.
class ZipArchive final
{
public:
    struct Entry
    {
        QString name; // as stored: '/' separators
        quint16 method = 0; // 0 stored, 8 deflated
        quint16 flags = 0;
        quint32 crc32 = 0;
        qint64 compressedSize = 0;
        qint64 size = 0;
        qint64 localHeaderOffset = 0;
    };

    // Reads the central directory; false with *error on a file that is not a usable ZIP.
    bool open(const QString &path, QString *error);
    QString fileName() const { return m_file.fileName(); }

    // File entries (directories left out), in archive order.
    QList<Entry> entries() const { return m_entries; }
    std::optional<Entry> entry(const QString &name) const;
    // The entry's bytes; nullopt with *error when it is missing, too large, damaged or compressed
    // with a method other than stored or deflate.
    std::optional<QByteArray> read(const QString &name, qint64 maxSize, QString *error);

private:
    bool readCentralDirectory(QString *error);

    QFile m_file;
    QList<Entry> m_entries;
    QHash<QString, qsizetype> m_index;
};

} // namespace xueshi::server
