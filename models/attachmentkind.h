#pragma once

#include <QByteArrayView>
#include <QString>

namespace xueshi {

// The proof a learner attaches to a self-declaration: PDF, JPEG or PNG, recognised by the bytes
// at the start of the file, never by its name.
enum class AttachmentKind { Unknown, Pdf, Jpeg, Png };

inline constexpr qint64 kMaxAttachmentBytes = 10 * 1024 * 1024;
inline constexpr int kMaxAttachmentsPerDeclaration = 5;
// An upload arrives in pieces of at most this many bytes (the server takes 1 MiB a request).
inline constexpr qint64 kAttachmentPieceBytes = 512 * 1024;
// Bytes sniffAttachment() needs at most.
inline constexpr qsizetype kAttachmentSniffBytes = 8;
// The most characters of a display name (safeAttachmentName()).
inline constexpr qsizetype kMaxAttachmentNameLength = 100;

// The kind from the file's first bytes: "%PDF-", FF D8 FF, or the PNG signature
// 89 50 4E 47 0D 0A 1A 0A. Anything else (an executable renamed .pdf, say) is Unknown.
AttachmentKind sniffAttachment(QByteArrayView head);
// "application/pdf", "image/jpeg", "image/png"; empty for Unknown.
QString mimeTypeOf(AttachmentKind kind);
// "pdf", "jpeg", "png" as the API writes them; empty for Unknown.
QString attachmentKindName(AttachmentKind kind);
AttachmentKind attachmentKindFromName(const QString &name);

// The name to show for a file a person chose: its base name only (whatever follows the last '/'
// or '\'), without control or format characters (line breaks, bidirectional overrides that make
// "exe.pdf" out of "fdp.exe"), trimmed, at most kMaxAttachmentNameLength characters. Empty when
// nothing usable is left ("", "..", "a/"). Never used as a path.
QString safeAttachmentName(const QString &name);

} // namespace xueshi
