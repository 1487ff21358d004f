#pragma once

#include "certificatepayload.h"

#include <QString>

namespace xueshi {

// The certificates' PDFs as issued, kept on this computer: one file per serial number and
// version, `<directory>/<serial>-<version>.pdf`, written once (through a temporary file renamed
// into place, readable by the user only, in a 0700 directory) and re-used afterwards, never
// re-rendered. So a learner offline prints the last issued certificate from the cache, and a
// version printed today is byte for byte the one printed next year.
class CertificatePdfCache final
{
public:
    // `dataDirectory` is the client's (ClientCore::dataDirectory()); the files go under its
    // certificates/ folder.
    explicit CertificatePdfCache(const QString &dataDirectory);

    QString directory() const { return m_directory; }
    // Where the PDF of this serial and version is (or would be); empty when the serial is not
    // of the form the server issues (isCertificateSerial) or the version is not 1..9999, so a
    // hostile entity can never name a file elsewhere.
    QString pathFor(const QString &serial, int version) const;
    bool contains(const QString &serial, int version) const;
    // The cached PDF of `fields` (serial and version), rendered from `fields` and `payload` and
    // stored first when it is not there yet. Empty, with *error, when it cannot be made.
    QString ensure(
        const CertificateFields &fields, const QString &payload, QString *error = nullptr);

private:
    QString m_directory;
};

} // namespace xueshi
