#include "ziparchive.h"

#include <QtEndian>

#include <zlib.h>

namespace xueshi::server {

namespace {

constexpr quint32 EndOfCentralDirectorySignature = 0x06054b50;
constexpr quint32 CentralHeaderSignature = 0x02014b50;
constexpr quint32 LocalHeaderSignature = 0x04034b50;
constexpr qint64 EndOfCentralDirectorySize = 22;
constexpr qint64 CentralHeaderSize = 46;
constexpr qint64 LocalHeaderSize = 30;
constexpr qint64 MaxCommentSize = 0xffff;

quint16 u16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}

quint32 u32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}

} // namespace

bool ZipArchive::open(const QString &path, QString *error)
{
    m_file.close();
    m_entries.clear();
    m_index.clear();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString());
        return false;
    }
    return readCentralDirectory(error);
}

bool ZipArchive::readCentralDirectory(QString *error)
{
    const QString name = m_file.fileName();
    const qint64 fileSize = m_file.size();
    if (fileSize < EndOfCentralDirectorySize) {
        *error = QStringLiteral("%1: not a ZIP file (too short)").arg(name);
        return false;
    }
    // The end record sits at the end, followed only by an archive comment of up to 64 KiB.
    const qint64 tailSize = qMin(fileSize, EndOfCentralDirectorySize + MaxCommentSize);
    m_file.seek(fileSize - tailSize);
    const QByteArray tail = m_file.read(tailSize);
    qint64 end = -1;
    for (qint64 i = tail.size() - EndOfCentralDirectorySize; i >= 0; --i) {
        if (u32(tail.constData() + i) == EndOfCentralDirectorySignature
            && i + EndOfCentralDirectorySize + u16(tail.constData() + i + 20) == tail.size()) {
            end = i;
            break;
        }
    }
    if (end < 0) {
        *error = QStringLiteral("%1: not a ZIP file (no central directory)").arg(name);
        return false;
    }
    const char *e = tail.constData() + end;
    const quint16 disk = u16(e + 4);
    const quint16 directoryDisk = u16(e + 6);
    const quint16 entriesHere = u16(e + 8);
    const quint16 entryCount = u16(e + 10);
    const quint32 directorySize = u32(e + 12);
    const quint32 directoryOffset = u32(e + 16);
    if (disk != 0 || directoryDisk != 0 || entriesHere != entryCount) {
        *error = QStringLiteral("%1: multi-part ZIP archives are not supported").arg(name);
        return false;
    }
    if (entryCount == 0xffff || directorySize == 0xffffffffu || directoryOffset == 0xffffffffu) {
        *error = QStringLiteral("%1: ZIP64 archives are not supported").arg(name);
        return false;
    }
    if (qint64(directoryOffset) + directorySize > fileSize - tailSize + end) {
        *error = QStringLiteral("%1: damaged ZIP file (central directory out of range)").arg(name);
        return false;
    }
    m_file.seek(directoryOffset);
    const QByteArray directory = m_file.read(directorySize);
    if (directory.size() != qsizetype(directorySize)) {
        *error = QStringLiteral("%1: damaged ZIP file (short central directory)").arg(name);
        return false;
    }
    qint64 at = 0;
    for (int i = 0; i < entryCount; ++i) {
        const char *h = directory.constData() + at;
        if (at + CentralHeaderSize > directory.size() || u32(h) != CentralHeaderSignature) {
            *error = QStringLiteral("%1: damaged ZIP file (central directory entry %2)")
                         .arg(name)
                         .arg(i + 1);
            return false;
        }
        Entry entry;
        entry.flags = u16(h + 8);
        entry.method = u16(h + 10);
        entry.crc32 = u32(h + 16);
        entry.compressedSize = u32(h + 20);
        entry.size = u32(h + 24);
        const quint16 nameLength = u16(h + 28);
        const quint16 extraLength = u16(h + 30);
        const quint16 commentLength = u16(h + 32);
        entry.localHeaderOffset = u32(h + 42);
        const qint64 next = at + CentralHeaderSize + nameLength + extraLength + commentLength;
        if (next > directory.size()) {
            *error = QStringLiteral("%1: damaged ZIP file (central directory entry %2)")
                         .arg(name)
                         .arg(i + 1);
            return false;
        }
        // Names are UTF-8 (flag bit 11, or what Info-ZIP writes on a UTF-8 system anyway).
        entry.name = QString::fromUtf8(h + CentralHeaderSize, nameLength);
        at = next;
        if (entry.name.endsWith(QLatin1Char('/')))
            continue;
        if (entry.compressedSize == 0xffffffff || entry.size == 0xffffffff) {
            *error
                = QStringLiteral("%1: %2: ZIP64 entries are not supported").arg(name, entry.name);
            return false;
        }
        if (m_index.contains(entry.name)) {
            *error = QStringLiteral("%1: %2: the entry appears twice").arg(name, entry.name);
            return false;
        }
        m_index.insert(entry.name, m_entries.size());
        m_entries.append(entry);
    }
    return true;
}

std::optional<ZipArchive::Entry> ZipArchive::entry(const QString &name) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd())
        return std::nullopt;
    return m_entries.at(*it);
}

std::optional<QByteArray> ZipArchive::read(const QString &name, qint64 maxSize, QString *error)
{
    const QString archive = m_file.fileName();
    const std::optional<Entry> found = entry(name);
    if (!found) {
        *error = QStringLiteral("%1: %2: no such entry").arg(archive, name);
        return std::nullopt;
    }
    const Entry &e = *found;
    if (e.flags & 0x1) {
        *error = QStringLiteral("%1: %2: encrypted entries are not supported").arg(archive, name);
        return std::nullopt;
    }
    if (e.size > maxSize) {
        *error = QStringLiteral("%1: %2: %3 bytes, more than the limit of %4 bytes")
                     .arg(archive, name)
                     .arg(e.size)
                     .arg(maxSize);
        return std::nullopt;
    }
    if (e.method != 0 && e.method != 8) {
        *error = QStringLiteral("%1: %2: compression method %3 is not supported (only stored and "
                                "deflate)")
                     .arg(archive, name)
                     .arg(e.method);
        return std::nullopt;
    }
    char header[LocalHeaderSize];
    if (!m_file.seek(e.localHeaderOffset) || m_file.read(header, LocalHeaderSize) != LocalHeaderSize
        || u32(header) != LocalHeaderSignature) {
        *error = QStringLiteral("%1: %2: damaged ZIP file (local header)").arg(archive, name);
        return std::nullopt;
    }
    const qint64 dataOffset
        = e.localHeaderOffset + LocalHeaderSize + u16(header + 26) + u16(header + 28);
    if (!m_file.seek(dataOffset) || dataOffset + e.compressedSize > m_file.size()) {
        *error = QStringLiteral("%1: %2: damaged ZIP file (data out of range)").arg(archive, name);
        return std::nullopt;
    }
    const QByteArray compressed = m_file.read(e.compressedSize);
    if (compressed.size() != e.compressedSize) {
        *error = QStringLiteral("%1: %2: damaged ZIP file (short data)").arg(archive, name);
        return std::nullopt;
    }

    QByteArray bytes;
    if (e.method == 0) {
        if (e.compressedSize != e.size) {
            *error = QStringLiteral("%1: %2: damaged ZIP file (sizes differ)").arg(archive, name);
            return std::nullopt;
        }
        bytes = compressed;
    } else {
        bytes.resize(e.size);
        z_stream stream = {};
        // Negative window bits: raw deflate data, as ZIP stores it (no zlib header).
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
            *error = QStringLiteral("%1: %2: cannot start inflating").arg(archive, name);
            return std::nullopt;
        }
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
        stream.avail_in = uInt(compressed.size());
        stream.next_out = reinterpret_cast<Bytef *>(bytes.data());
        stream.avail_out = uInt(bytes.size());
        const int result = inflate(&stream, Z_FINISH);
        const qint64 produced = qint64(stream.total_out);
        inflateEnd(&stream);
        // Z_BUF_ERROR here means the data wants to expand beyond the declared size.
        if (result != Z_STREAM_END || produced != e.size) {
            *error = QStringLiteral("%1: %2: damaged compressed data").arg(archive, name);
            return std::nullopt;
        }
    }
    const quint32 crc = quint32(
        ::crc32(0, reinterpret_cast<const Bytef *>(bytes.constData()), uInt(bytes.size())));
    if (crc != e.crc32) {
        *error = QStringLiteral("%1: %2: damaged ZIP file (CRC mismatch)").arg(archive, name);
        return std::nullopt;
    }
    return bytes;
}

} // namespace xueshi::server
