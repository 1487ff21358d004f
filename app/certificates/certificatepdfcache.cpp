#include "certificatepdfcache.h"

#include "certificatedocument.h"
#include "tokenstore.h"

#include <QDir>
#include <QFile>

namespace xueshi {

CertificatePdfCache::CertificatePdfCache(const QString &dataDirectory)
    : m_directory(QDir::cleanPath(dataDirectory + QStringLiteral("/certificates")))
{ }

QString CertificatePdfCache::pathFor(const QString &serial, int version) const
{
    if (!isCertificateSerial(serial) || version < 1 || version > 9999)
        return {};
    return m_directory + QLatin1Char('/') + serial + QLatin1Char('-') + QString::number(version)
        + QStringLiteral(".pdf");
}

bool CertificatePdfCache::contains(const QString &serial, int version) const
{
    const QString path = pathFor(serial, version);
    if (path.isEmpty())
        return false;
    QFile file(path);
    // A file that is not a PDF (a crash could not leave one, but a disk error could) is redone.
    return file.open(QIODevice::ReadOnly) && file.read(5) == "%PDF-";
}

QString CertificatePdfCache::ensure(
    const CertificateFields &fields, const QString &payload, QString *error)
{
    const QString path = pathFor(fields.serial, fields.version);
    if (path.isEmpty()) {
        if (error)
            *error = CertificateDocument::tr("The certificate's serial number is not valid.");
        return {};
    }
    if (contains(fields.serial, fields.version))
        return path;
    const QByteArray pdf = CertificateDocument(fields, payload).toPdf(error);
    if (pdf.isEmpty())
        return {};
    // 0600 in a 0700 directory: the page carries the learner's name and masked resident id.
    if (!privatefiles::write(path, pdf, error))
        return {};
    return path;
}

} // namespace xueshi
