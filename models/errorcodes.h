#pragma once

// Machine-readable error codes shared by the server (which sends them) and the client (which
// reacts to some of them). The messages live where they are shown.
namespace xueshi::errorcode {
inline constexpr char BadRequest[] = "bad_request";
inline constexpr char InvalidJson[] = "invalid_json";
inline constexpr char MissingField[] = "missing_field";
inline constexpr char UnknownField[] = "unknown_field";
inline constexpr char InvalidField[] = "invalid_field";
inline constexpr char Unauthorized[] = "unauthorized";
inline constexpr char TokenExpired[] = "token_expired";
inline constexpr char Forbidden[] = "forbidden";
inline constexpr char NotFound[] = "not_found";
inline constexpr char MethodNotAllowed[] = "method_not_allowed";
inline constexpr char PayloadTooLarge[] = "payload_too_large";
inline constexpr char HeadersTooLarge[] = "headers_too_large";
inline constexpr char LengthRequired[] = "length_required";
inline constexpr char UnsupportedMediaType[] = "unsupported_media_type";
inline constexpr char Conflict[] = "conflict";
inline constexpr char UsernameTaken[] = "username_taken";
inline constexpr char ResidentIdTaken[] = "resident_id_taken";
inline constexpr char CreditCodeTaken[] = "credit_code_taken";
inline constexpr char InvalidCredentials[] = "invalid_credentials";
inline constexpr char AccountLocked[] = "account_locked";
inline constexpr char TooManyRequests[] = "too_many_requests";
inline constexpr char CodeInvalid[] = "code_invalid";
inline constexpr char CodeExpired[] = "code_expired";
inline constexpr char CodeTriesExhausted[] = "code_tries_exhausted";
inline constexpr char CodeUsed[] = "code_used";
inline constexpr char CursorInvalid[] = "cursor_invalid";
inline constexpr char StudyLocked[] = "study_locked";
inline constexpr char ProfileIncomplete[] = "profile_incomplete";
inline constexpr char FieldLocked[] = "field_locked";
inline constexpr char NoContactChannel[] = "no_contact_channel";
inline constexpr char AwaitingApproval[] = "awaiting_approval";
// Public courses (docs/sync.md "Public courses").
inline constexpr char CourseNotOffered[] = "course_not_offered";
inline constexpr char CourseNotSelected[] = "course_not_selected";
inline constexpr char CoursePassed[] = "course_passed";
inline constexpr char YearNotAllowed[] = "year_not_allowed";
inline constexpr char LessonsIncomplete[] = "lessons_incomplete";
inline constexpr char ExamAlreadyGraded[] = "exam_already_graded";
inline constexpr char AttemptsExhausted[] = "attempts_exhausted";
// Training classes (docs/sync.md "Training classes").
inline constexpr char InstitutionNotApproved[] = "institution_not_approved";
inline constexpr char EnrolmentClosed[] = "enrolment_closed";
inline constexpr char EnrolmentDeadlinePassed[] = "enrolment_deadline_passed";
inline constexpr char ClassFull[] = "class_full";
inline constexpr char AlreadyEnrolled[] = "already_enrolled";
inline constexpr char RegionNotCovered[] = "region_not_covered";
inline constexpr char ClassNotFinished[] = "class_not_finished";
// A batch entry left alone because it was decided before (credited or absent).
inline constexpr char AlreadyDecided[] = "already_decided";
inline constexpr char InternalError[] = "internal_error";
// A worker queue is full (503, with Retry-After).
inline constexpr char ServerBusy[] = "server_busy";
// Too many connections from one address (429, with Retry-After).
inline constexpr char TooManyConnections[] = "too_many_connections";
// Why a lesson.study was credited less than it claimed (its answer's "reason").
inline constexpr char StudyBeforeAvailable[] = "study_before_available";
inline constexpr char StudyTimeAlreadyCredited[] = "study_time_already_credited";
inline constexpr char StudyTimeNotPassed[] = "study_time_not_passed";
// A class placed outside the institution's own administrative region.
inline constexpr char RegionOutsideInstitution[] = "region_outside_institution";
// Self-declarations and their attachments (docs/sync.md "Self-declarations").
inline constexpr char DeclarationDecided[] = "declaration_decided";
inline constexpr char AttachmentRequired[] = "attachment_required";
inline constexpr char AttachmentTooLarge[] = "attachment_too_large";
inline constexpr char TooManyAttachments[] = "too_many_attachments";
inline constexpr char AttachmentChecksum[] = "attachment_checksum";
inline constexpr char AttachmentType[] = "attachment_type";
inline constexpr char OffsetMismatch[] = "offset_mismatch";
// Certificates (docs/sync.md "Certificates"): a year whose confirmed hours do not meet its policy
// (422, with what is missing), and a revocation of a serial that has no current version (409).
inline constexpr char CertificateYearNotPassed[] = "certificate_year_not_passed";
inline constexpr char CertificateNotCurrent[] = "certificate_not_current";
// GET /health when the server cannot reach its database (503): a proxy takes another process.
inline constexpr char DatabaseUnavailable[] = "database_unavailable";
} // namespace xueshi::errorcode
