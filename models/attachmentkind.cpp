#include "attachmentkind.h"

#include <algorithm>

namespace xueshi {

AttachmentKind sniffAttachment(QByteArrayView head)
{
    if (head.startsWith(QByteArrayView("%PDF-")))
        return AttachmentKind::Pdf;
    if (head.startsWith(QByteArrayView("\xFF\xD8\xFF", 3)))
        return AttachmentKind::Jpeg;
    if (head.startsWith(QByteArrayView("\x89PNG\r\n\x1A\n", 8)))
        return AttachmentKind::Png;
    return AttachmentKind::Unknown;
}

QString mimeTypeOf(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::Pdf:
        return QStringLiteral("application/pdf");
    case AttachmentKind::Jpeg:
        return QStringLiteral("image/jpeg");
    case AttachmentKind::Png:
        return QStringLiteral("image/png");
    case AttachmentKind::Unknown:
        break;
    }
    return {};
}

QString attachmentKindName(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::Pdf:
        return QStringLiteral("pdf");
    case AttachmentKind::Jpeg:
        return QStringLiteral("jpeg");
    case AttachmentKind::Png:
        return QStringLiteral("png");
    case AttachmentKind::Unknown:
        break;
    }
    return {};
}

AttachmentKind attachmentKindFromName(const QString &name)
{
    if (name == QLatin1String("pdf"))
        return AttachmentKind::Pdf;
    if (name == QLatin1String("jpeg"))
        return AttachmentKind::Jpeg;
    if (name == QLatin1String("png"))
        return AttachmentKind::Png;
    return AttachmentKind::Unknown;
}

QString safeAttachmentName(const QString &name)
{
    const qsizetype slash
        = std::max(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')));
    const QString base = name.mid(slash + 1);
    QString clean;
    clean.reserve(base.size());
    for (qsizetype i = 0; i < base.size(); ++i) {
        const QChar c = base.at(i);
        // A lone surrogate is no character either.
        if (c.isHighSurrogate()) {
            if (i + 1 < base.size() && base.at(i + 1).isLowSurrogate()) {
                clean.append(c);
                clean.append(base.at(++i));
            }
            continue;
        }
        if (c.isLowSurrogate() || c.category() == QChar::Other_Control
            || c.category() == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            continue;
        clean.append(c);
    }
    clean = clean.trimmed();
    if (clean == QLatin1String(".") || clean == QLatin1String(".."))
        return {};
    // At most the limit in characters, never cutting a surrogate pair.
    qsizetype count = 0;
    for (qsizetype i = 0; i < clean.size(); ++i) {
        if (clean.at(i).isLowSurrogate())
            continue;
        if (++count > kMaxAttachmentNameLength) {
            clean.truncate(i);
            break;
        }
    }
    return clean.trimmed();
}

} // namespace xueshi
