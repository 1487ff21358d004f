#include "migrations.h"

namespace xueshi::server {

const QList<Migration> &migrations()
{
    // Times are milliseconds since the epoch (UTC) in BIGINT columns: the same on both engines
    // and compared exactly.
    static const QList<Migration> all = {
        { 1,
            QStringLiteral("accounts, sessions, login throttling, recovery codes, notifier outbox"),
            {
                QStringLiteral("CREATE TABLE users ("
                               " id TEXT PRIMARY KEY,"
                               " username TEXT NOT NULL,"
                               " username_key TEXT NOT NULL UNIQUE,"
                               " role TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " password_hash TEXT NOT NULL,"
                               " display_name TEXT NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " updated_at BIGINT NOT NULL,"
                               " version BIGINT NOT NULL DEFAULT 1)"),
                QStringLiteral("CREATE TABLE learners ("
                               " user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
                               " real_name TEXT NOT NULL,"
                               " resident_id TEXT NOT NULL UNIQUE,"
                               " mobile TEXT NOT NULL,"
                               " email TEXT)"),
                QStringLiteral("CREATE TABLE organisations ("
                               " user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
                               " kind TEXT NOT NULL,"
                               " name TEXT NOT NULL,"
                               " credit_code TEXT NOT NULL,"
                               " region_code TEXT NOT NULL,"
                               " contact_person TEXT NOT NULL,"
                               " phone TEXT NOT NULL,"
                               " email TEXT,"
                               " approved_at BIGINT,"
                               " UNIQUE (kind, credit_code))"),
                QStringLiteral(
                    "CREATE INDEX organisations_region ON organisations (kind, region_code)"),
                QStringLiteral("CREATE TABLE sessions ("
                               " token_hash TEXT PRIMARY KEY,"
                               " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " created_at BIGINT NOT NULL,"
                               " expires_at BIGINT NOT NULL)"),
                QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
                QStringLiteral("CREATE TABLE login_failures ("
                               " id {{BIGINT_PK}},"
                               " username_key TEXT NOT NULL,"
                               " failed_at BIGINT NOT NULL)"),
                QStringLiteral(
                    "CREATE INDEX login_failures_key ON login_failures (username_key, failed_at)"),
                QStringLiteral("CREATE TABLE login_locks ("
                               " username_key TEXT PRIMARY KEY,"
                               " locked_until BIGINT NOT NULL)"),
                QStringLiteral("CREATE TABLE verification_codes ("
                               " id TEXT PRIMARY KEY,"
                               " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " purpose TEXT NOT NULL,"
                               " code_hash TEXT NOT NULL,"
                               " channel TEXT NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " expires_at BIGINT NOT NULL,"
                               " tries INTEGER NOT NULL DEFAULT 0,"
                               " used_at BIGINT)"),
                QStringLiteral("CREATE INDEX verification_codes_user ON verification_codes "
                               "(user_id, purpose, created_at)"),
                QStringLiteral("CREATE TABLE notifier_outbox ("
                               " id {{BIGINT_PK}},"
                               " channel TEXT NOT NULL,"
                               " destination TEXT NOT NULL,"
                               " subject TEXT NOT NULL,"
                               " body TEXT NOT NULL,"
                               " created_at BIGINT NOT NULL)"),
            } },
        { 2,
            QStringLiteral(
                "change log with audiences, applied mutations, hour records, server epoch"),
            {
                QStringLiteral(
                    "CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE change_counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"),
                QStringLiteral("INSERT INTO change_counter (id, n) VALUES (1, 0)"),
                QStringLiteral("CREATE TABLE change_log ("
                               " seq BIGINT PRIMARY KEY,"
                               " entity_type TEXT NOT NULL,"
                               " entity_id TEXT NOT NULL,"
                               " version BIGINT NOT NULL,"
                               " op TEXT NOT NULL,"
                               " data TEXT,"
                               " changed_at BIGINT NOT NULL)"),
                QStringLiteral("CREATE TABLE change_audience ("
                               " audience TEXT NOT NULL,"
                               " seq BIGINT NOT NULL REFERENCES change_log(seq) ON DELETE CASCADE,"
                               " PRIMARY KEY (audience, seq))"),
                QStringLiteral("CREATE TABLE applied_mutations ("
                               " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " mutation_id TEXT NOT NULL,"
                               " result TEXT NOT NULL,"
                               " applied_at BIGINT NOT NULL,"
                               " PRIMARY KEY (user_id, mutation_id))"),
                QStringLiteral(
                    "ALTER TABLE users ADD COLUMN scope_version BIGINT NOT NULL DEFAULT 1"),
                QStringLiteral("CREATE TABLE hour_records ("
                               " id TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " year INTEGER NOT NULL,"
                               " source TEXT NOT NULL,"
                               " subject_type TEXT NOT NULL,"
                               " hours_tenths INTEGER NOT NULL,"
                               " status TEXT NOT NULL,"
                               " title TEXT NOT NULL,"
                               " start_date TEXT,"
                               " end_date TEXT,"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " created_at BIGINT NOT NULL,"
                               " updated_at BIGINT NOT NULL)"),
                QStringLiteral(
                    "CREATE INDEX hour_records_learner ON hour_records (learner_id, year)"),
            } },
        { 3, QStringLiteral("learner profile details and employer bindings"),
            {
                QStringLiteral("ALTER TABLE learners ADD COLUMN gender TEXT"),
                QStringLiteral("ALTER TABLE learners ADD COLUMN education TEXT"),
                QStringLiteral("ALTER TABLE learners ADD COLUMN professional_title TEXT"),
                QStringLiteral("ALTER TABLE learners ADD COLUMN professional_series TEXT"),
                QStringLiteral("ALTER TABLE learners ADD COLUMN position TEXT"),
                QStringLiteral("CREATE TABLE bindings ("
                               " id TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " employer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " status TEXT NOT NULL,"
                               " reason TEXT,"
                               " requested_at BIGINT NOT NULL,"
                               " decided_at BIGINT,"
                               " version BIGINT NOT NULL DEFAULT 1)"),
                QStringLiteral(
                    "CREATE INDEX bindings_learner ON bindings (learner_id, requested_at)"),
                QStringLiteral("CREATE INDEX bindings_employer ON bindings (employer_id, status)"),
            } },
        { 4,
            QStringLiteral("public courses: packages, lessons, question banks, selections, lesson "
                           "progress, exam attempts"),
            {
                // `data` is the published course entity; the answer key lives only in
                // course_questions and never reaches the change log.
                QStringLiteral("CREATE TABLE courses ("
                               " id TEXT PRIMARY KEY,"
                               " package_version INTEGER NOT NULL,"
                               " title TEXT NOT NULL,"
                               " hours_tenths INTEGER NOT NULL,"
                               " years TEXT NOT NULL,"
                               " question_count INTEGER NOT NULL,"
                               " pass_mark INTEGER NOT NULL,"
                               " attempts_allowed INTEGER NOT NULL,"
                               " time_limit_minutes INTEGER NOT NULL,"
                               " data TEXT NOT NULL,"
                               " published_at BIGINT NOT NULL,"
                               " version BIGINT NOT NULL DEFAULT 1)"),
                QStringLiteral("CREATE TABLE course_lessons ("
                               " course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,"
                               " lesson_id TEXT NOT NULL,"
                               " position INTEGER NOT NULL,"
                               " title TEXT NOT NULL,"
                               " digest TEXT NOT NULL,"
                               " min_seconds INTEGER NOT NULL,"
                               " PRIMARY KEY (course_id, lesson_id))"),
                QStringLiteral("CREATE TABLE course_questions ("
                               " course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,"
                               " question_id TEXT NOT NULL,"
                               " position INTEGER NOT NULL,"
                               " type TEXT NOT NULL,"
                               " text TEXT NOT NULL,"
                               " options TEXT NOT NULL,"
                               " answer TEXT NOT NULL,"
                               " PRIMARY KEY (course_id, question_id))"),
                QStringLiteral("CREATE TABLE course_selections ("
                               " id TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " course_id TEXT NOT NULL REFERENCES courses(id),"
                               " declaration_year INTEGER NOT NULL,"
                               " status TEXT NOT NULL,"
                               " attempts_used INTEGER NOT NULL DEFAULT 0,"
                               " best_score INTEGER,"
                               " hour_record_id TEXT,"
                               " selected_at BIGINT NOT NULL,"
                               " passed_at BIGINT,"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " UNIQUE (learner_id, course_id))"),
                QStringLiteral(
                    "CREATE INDEX course_selections_course ON course_selections (course_id)"),
                QStringLiteral("CREATE TABLE lesson_progress ("
                               " id TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " course_id TEXT NOT NULL REFERENCES courses(id),"
                               " lesson_id TEXT NOT NULL,"
                               " seconds INTEGER NOT NULL,"
                               " completed_at BIGINT,"
                               " updated_at BIGINT NOT NULL,"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " UNIQUE (learner_id, course_id, lesson_id))"),
                QStringLiteral("CREATE INDEX lesson_progress_lesson"
                               " ON lesson_progress (course_id, lesson_id)"),
                // Each attempt keeps the exam settings and the questions it was drawn with (as
                // shown, without answers), so a graded attempt still reads the same after a
                // re-import changed the bank.
                QStringLiteral("CREATE TABLE exam_attempts ("
                               " id TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " course_id TEXT NOT NULL REFERENCES courses(id),"
                               " attempt_number INTEGER NOT NULL,"
                               " status TEXT NOT NULL,"
                               " package_version INTEGER NOT NULL,"
                               " question_count INTEGER NOT NULL,"
                               " pass_mark INTEGER NOT NULL,"
                               " time_limit_minutes INTEGER NOT NULL,"
                               " questions TEXT NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " started_at BIGINT,"
                               " finished_at BIGINT,"
                               " graded_at BIGINT,"
                               " answers TEXT,"
                               " score INTEGER,"
                               " correct_count INTEGER,"
                               " passed INTEGER,"
                               " reason TEXT NOT NULL DEFAULT '',"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " UNIQUE (learner_id, course_id, attempt_number))"),
                QStringLiteral(
                    "CREATE INDEX exam_attempts_course ON exam_attempts (course_id, status)"),
                // The drawn questions in the order shown, with each one's option order: what
                // grading reads.
                QStringLiteral("CREATE TABLE exam_attempt_questions ("
                               " attempt_id TEXT NOT NULL REFERENCES exam_attempts(id)"
                               " ON DELETE CASCADE,"
                               " position INTEGER NOT NULL,"
                               " question_id TEXT NOT NULL,"
                               " option_order TEXT NOT NULL,"
                               " PRIMARY KEY (attempt_id, position))"),
            } },
        { 5, QStringLiteral("training classes and enrolments"),
            {
                QStringLiteral(
                    "CREATE TABLE training_classes ("
                    " id TEXT PRIMARY KEY,"
                    " institution_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                    " name TEXT NOT NULL,"
                    " subject_type TEXT NOT NULL,"
                    " professional_series TEXT,"
                    " mode TEXT NOT NULL,"
                    " region_code TEXT NOT NULL,"
                    " venue TEXT NOT NULL,"
                    " start_date TEXT NOT NULL,"
                    " end_date TEXT NOT NULL,"
                    " hours_tenths INTEGER NOT NULL,"
                    " capacity INTEGER NOT NULL,"
                    " enrolment_deadline TEXT NOT NULL,"
                    " description TEXT NOT NULL,"
                    " status TEXT NOT NULL,"
                    " version BIGINT NOT NULL DEFAULT 1,"
                    " created_at BIGINT NOT NULL,"
                    " updated_at BIGINT NOT NULL)"),
                QStringLiteral("CREATE INDEX training_classes_institution ON training_classes"
                               " (institution_id, start_date)"),
                // Who enrolled is kept as it was at enrolment (name, masked id and its digest,
                // employer): the institution's roster does not change when a profile does, and a
                // batch of thousands needs no join to publish.
                QStringLiteral(
                    "CREATE TABLE enrolments ("
                    " id TEXT PRIMARY KEY,"
                    " class_id TEXT NOT NULL REFERENCES training_classes(id) ON DELETE CASCADE,"
                    " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                    " learner_name TEXT NOT NULL,"
                    " resident_id_masked TEXT NOT NULL,"
                    " resident_id_digest TEXT NOT NULL,"
                    " employer_name TEXT NOT NULL,"
                    " status TEXT NOT NULL,"
                    " reason TEXT,"
                    " hours_tenths INTEGER,"
                    " hour_record_id TEXT,"
                    " created_at BIGINT NOT NULL,"
                    " decided_at BIGINT,"
                    " credited_at BIGINT,"
                    " version BIGINT NOT NULL DEFAULT 1)"),
                QStringLiteral("CREATE INDEX enrolments_class ON enrolments (class_id, status)"),
                QStringLiteral(
                    "CREATE INDEX enrolments_learner ON enrolments (learner_id, created_at)"),
                // At most one active enrolment of a learner in a class, enforced by the database
                // as well as checked under the class lock.
                QStringLiteral("CREATE UNIQUE INDEX enrolments_active ON enrolments"
                               " (class_id, learner_id)"
                               " WHERE status IN ('pending', 'confirmed', 'credited')"),
            } },
        { 6,
            QStringLiteral("organisations reviewed by the administrator: employers approved like "
                           "institutions, rejections with a reason"),
            {
                QStringLiteral("ALTER TABLE organisations ADD COLUMN rejected_at BIGINT"),
                QStringLiteral("ALTER TABLE organisations ADD COLUMN rejection_reason TEXT"),
                // The credit code as registered. A rejection frees `credit_code` (unique per
                // kind) so the real organisation can register after a squatter was refused.
                QStringLiteral("ALTER TABLE organisations ADD COLUMN submitted_credit_code TEXT"),
                QStringLiteral("UPDATE organisations SET submitted_credit_code = credit_code"),
                // Employers registered before approval existed were active: they stay approved.
                QStringLiteral("UPDATE organisations SET approved_at = (SELECT u.created_at FROM"
                               " users u WHERE u.id = organisations.user_id)"
                               " WHERE kind = 'employer' AND approved_at IS NULL"),
                QStringLiteral("CREATE INDEX organisations_review ON organisations (approved_at)"),
                // Access withdrawn from a former employer finds the entries it was sent by entity.
                QStringLiteral(
                    "CREATE INDEX change_log_entity ON change_log (entity_type, entity_id)"),
            } },
        { 7, QStringLiteral("credited study intervals"),
            {
                QStringLiteral("CREATE TABLE study_intervals ("
                               " id {{BIGINT_PK}},"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " course_id TEXT NOT NULL,"
                               " lesson_id TEXT NOT NULL,"
                               " starts_at BIGINT NOT NULL,"
                               " ends_at BIGINT NOT NULL,"
                               " credited_at BIGINT NOT NULL)"),
                QStringLiteral("CREATE INDEX study_intervals_learner"
                               " ON study_intervals (learner_id, ends_at)"),
            } },
        { 8,
            QStringLiteral("abuse guards: login failures per address, recovery codes for any "
                           "identifier with daily caps, notifier content cleared once sent"),
            {
                // Failures are counted per username, per (username, address) and per address.
                QStringLiteral(
                    "ALTER TABLE login_failures ADD COLUMN client_key TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("CREATE INDEX login_failures_client ON login_failures"
                               " (client_key, failed_at)"),
                QStringLiteral("CREATE INDEX login_failures_time ON login_failures (failed_at)"),
                // When an address that never failed may try a locked username.
                QStringLiteral("CREATE TABLE login_delays ("
                               " username_key TEXT NOT NULL,"
                               " client_key TEXT NOT NULL,"
                               " not_before BIGINT NOT NULL,"
                               " PRIMARY KEY (username_key, client_key))"),
                // Codes are now issued for identifiers that match no account too (user_id NULL),
                // so the answer never says whether one exists; a 10-minute code table is simply
                // replaced.
                QStringLiteral("DROP TABLE verification_codes"),
                QStringLiteral("CREATE TABLE recovery_codes ("
                               " id TEXT PRIMARY KEY,"
                               " subject_key TEXT NOT NULL,"
                               " user_id TEXT REFERENCES users(id) ON DELETE CASCADE,"
                               " purpose TEXT NOT NULL,"
                               " code_hash TEXT NOT NULL,"
                               " client_key TEXT NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " expires_at BIGINT NOT NULL,"
                               " tries INTEGER NOT NULL DEFAULT 0,"
                               " used_at BIGINT)"),
                QStringLiteral("CREATE INDEX recovery_codes_subject ON recovery_codes"
                               " (subject_key, created_at)"),
                QStringLiteral("CREATE INDEX recovery_codes_client ON recovery_codes"
                               " (client_key, created_at)"),
                QStringLiteral("CREATE INDEX recovery_codes_time ON recovery_codes (created_at)"),
                QStringLiteral("CREATE TABLE recovery_failures ("
                               " id {{BIGINT_PK}},"
                               " subject_key TEXT NOT NULL,"
                               " client_key TEXT NOT NULL,"
                               " failed_at BIGINT NOT NULL)"),
                QStringLiteral("CREATE INDEX recovery_failures_subject ON recovery_failures"
                               " (subject_key, failed_at)"),
                QStringLiteral("CREATE INDEX recovery_failures_client ON recovery_failures"
                               " (client_key, failed_at)"),
                QStringLiteral(
                    "CREATE INDEX recovery_failures_time ON recovery_failures (failed_at)"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN expires_at BIGINT"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN sent_at BIGINT"),
                QStringLiteral("CREATE INDEX notifier_outbox_time ON notifier_outbox (created_at)"),
                // Messages written before this version held codes in clear text: cleared.
                QStringLiteral("UPDATE notifier_outbox SET destination = '', body = '',"
                               " sent_at = created_at"),
            } },
        { 9, QStringLiteral("no resident-id digests for institutions; attendance matching usage"),
            {
                // An unsalted SHA-256 of the class id and a resident id was published with every
                // enrolment: with the masked id, trying the ~4,000 birth dates left reverses it.
                // Each stored copy is cut out of its JSON (keys are sorted, so the digest is always
                // followed by "residentIdMasked" and a comma), whatever is left is deleted, the
                // column goes, and everyone who cached enrolments downloads them again.
                QStringLiteral(
                    "UPDATE change_log SET data = replace(data, '\"residentIdDigest\":\"'"
                    " || (SELECT e.resident_id_digest FROM enrolments e"
                    " WHERE e.id = change_log.entity_id) || '\",', '')"
                    " WHERE entity_type = 'enrolment' AND data IS NOT NULL"
                    " AND EXISTS (SELECT 1 FROM enrolments e WHERE e.id = change_log.entity_id)"),
                QStringLiteral(
                    "DELETE FROM change_audience WHERE seq IN (SELECT seq FROM change_log"
                    " WHERE data LIKE '%residentIdDigest%')"),
                QStringLiteral("DELETE FROM change_log WHERE data LIKE '%residentIdDigest%'"),
                // Conflict answers kept for replays carry the enrolment too.
                QStringLiteral(
                    "UPDATE applied_mutations SET result = replace(result,"
                    " '\"residentIdDigest\":\"' || (SELECT e.resident_id_digest FROM enrolments e"
                    " WHERE applied_mutations.result LIKE '%' || e.resident_id_digest || '%'"
                    " LIMIT 1) || '\",', '')"
                    " WHERE result LIKE '%residentIdDigest%' AND EXISTS (SELECT 1 FROM enrolments e"
                    " WHERE applied_mutations.result LIKE '%' || e.resident_id_digest || '%')"),
                // A replayed conflict is decided again, and conflicts again: versions only grow.
                QStringLiteral(
                    "DELETE FROM applied_mutations WHERE result LIKE '%residentIdDigest%'"),
                QStringLiteral("ALTER TABLE enrolments DROP COLUMN resident_id_digest"),
                QStringLiteral("UPDATE users SET scope_version = scope_version + 1"
                               " WHERE role = 'institution'"
                               " OR id IN (SELECT learner_id FROM enrolments)"),
                QStringLiteral(
                    "CREATE TABLE attendance_match_usage ("
                    " institution_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                    " day TEXT NOT NULL,"
                    " near_misses INTEGER NOT NULL,"
                    " PRIMARY KEY (institution_id, day))"),
            } },
        // Self-declarations (学时申报) with their attachments, and the hours policy per year
        // (docs/sync.md "Self-declarations"). A policy row is published into the feed when its
        // version is above the one published (PolicyService::initialise at start).
        { 10, QStringLiteral("hours policies per year, self-declarations and their attachments"),
            {
                QStringLiteral("CREATE TABLE policies ("
                               " year INTEGER PRIMARY KEY,"
                               " total_tenths INTEGER NOT NULL,"
                               " public_tenths INTEGER NOT NULL,"
                               " professional_tenths INTEGER NOT NULL,"
                               " elective_tenths INTEGER NOT NULL,"
                               " hours_per_day_tenths INTEGER NOT NULL,"
                               " entry_deadline TEXT NOT NULL,"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " published_version BIGINT NOT NULL DEFAULT 0)"),
                QStringLiteral("INSERT INTO policies (year, total_tenths, public_tenths,"
                               " professional_tenths, elective_tenths, hours_per_day_tenths,"
                               " entry_deadline) VALUES"
                               " (2024, 900, 300, 420, 180, 60, '2025-03-31'),"
                               " (2025, 900, 300, 420, 180, 60, '2026-03-31'),"
                               " (2026, 900, 300, 420, 180, 60, '2027-03-31'),"
                               " (2027, 900, 300, 420, 180, 60, '2028-03-31')"),
                // employer_id and employer_name are set when the declaration is submitted; the
                // HR office of that employer sees it from then on, while its binding lasts.
                QStringLiteral("CREATE TABLE declarations ("
                               " id TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " employer_id TEXT REFERENCES users(id) ON DELETE SET NULL,"
                               " employer_name TEXT,"
                               " year INTEGER NOT NULL,"
                               " title TEXT NOT NULL,"
                               " organiser TEXT NOT NULL,"
                               " start_date TEXT NOT NULL,"
                               " end_date TEXT NOT NULL,"
                               " training_days INTEGER NOT NULL,"
                               " hours_tenths INTEGER NOT NULL,"
                               " subject_type TEXT NOT NULL,"
                               " professional_series TEXT,"
                               " status TEXT NOT NULL,"
                               " reason TEXT,"
                               " submitted_at BIGINT,"
                               " decided_at BIGINT,"
                               " hour_record_id TEXT,"
                               " version BIGINT NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " updated_at BIGINT NOT NULL)"),
                QStringLiteral(
                    "CREATE INDEX declarations_learner ON declarations (learner_id, status)"),
                QStringLiteral(
                    "CREATE INDEX declarations_employer ON declarations (employer_id, status)"),
                // kind and completed_at stay NULL until the upload is complete and checked; the
                // bytes live in <data dir>/attachments/<id>.part, then <id>.
                QStringLiteral(
                    "CREATE TABLE attachments ("
                    " id TEXT PRIMARY KEY,"
                    " declaration_id TEXT NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,"
                    " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                    " name TEXT NOT NULL,"
                    " size BIGINT NOT NULL,"
                    " sha256 TEXT NOT NULL,"
                    " received BIGINT NOT NULL DEFAULT 0,"
                    " kind TEXT,"
                    " created_at BIGINT NOT NULL,"
                    " completed_at BIGINT)"),
                QStringLiteral("CREATE INDEX attachments_declaration ON attachments"
                               " (declaration_id, created_at)"),
                QStringLiteral("CREATE INDEX attachments_learner ON attachments (learner_id)"),
            } },
        // Hours policies per year and region (docs/sync.md "policy"): a national row (region_code
        // '') and a region's overrides, with the substitution rule and the first day a year's
        // hours may be entered. The table is copied, since neither engine can change a primary
        // key in place; the rows keep their values (entered from January 1, no substitution) and
        // a new version, so the start publishes them again with the new fields. A removed
        // override stays as a row with removed = 1, so its version keeps growing if it comes back.
        { 11, QStringLiteral("hours policies per year and region"),
            {
                QStringLiteral("CREATE TABLE policies_by_region ("
                               " year INTEGER NOT NULL,"
                               " region_code TEXT NOT NULL,"
                               " total_tenths INTEGER NOT NULL,"
                               " public_tenths INTEGER NOT NULL,"
                               " professional_tenths INTEGER NOT NULL,"
                               " elective_tenths INTEGER NOT NULL,"
                               " substitution INTEGER NOT NULL DEFAULT 0,"
                               " hours_per_day_tenths INTEGER NOT NULL,"
                               " declarable_from TEXT NOT NULL,"
                               " entry_deadline TEXT NOT NULL,"
                               " removed INTEGER NOT NULL DEFAULT 0,"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " published_version BIGINT NOT NULL DEFAULT 0,"
                               " PRIMARY KEY (year, region_code))"),
                QStringLiteral("INSERT INTO policies_by_region (year, region_code, total_tenths,"
                               " public_tenths, professional_tenths, elective_tenths, substitution,"
                               " hours_per_day_tenths, declarable_from, entry_deadline, removed,"
                               " version, published_version)"
                               " SELECT year, '', total_tenths, public_tenths, professional_tenths,"
                               " elective_tenths, 0, hours_per_day_tenths,"
                               " CAST(year AS TEXT) || '-01-01', entry_deadline, 0, version + 1,"
                               " published_version FROM policies"),
                QStringLiteral("DROP TABLE policies"),
                QStringLiteral("ALTER TABLE policies_by_region RENAME TO policies"),
            } },
        // Certificates (docs/sync.md "Certificates"). One serial per learner and year
        // (certificate_serials, whose row is also the lock a request and a revocation take); each
        // issue of it is a row of certificates, whose fields and payload are never updated (only
        // its status and that status's time and reason). signing_keys holds the public halves of
        // the keys in <data dir>/signing/, published as entity signingKey.
        { 12, QStringLiteral("certificates and the public signing keys"),
            {
                QStringLiteral("CREATE TABLE signing_keys ("
                               " key_id TEXT PRIMARY KEY,"
                               " public_key TEXT NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " is_current INTEGER NOT NULL,"
                               " version BIGINT NOT NULL DEFAULT 1,"
                               " published_version BIGINT NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE TABLE certificate_serials ("
                               " serial TEXT PRIMARY KEY,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " year INTEGER NOT NULL,"
                               " created_at BIGINT NOT NULL,"
                               " UNIQUE (learner_id, year))"),
                QStringLiteral("CREATE TABLE certificates ("
                               " serial TEXT NOT NULL"
                               " REFERENCES certificate_serials(serial) ON DELETE CASCADE,"
                               " version INTEGER NOT NULL,"
                               " learner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                               " year INTEGER NOT NULL,"
                               " status TEXT NOT NULL,"
                               " fields TEXT NOT NULL,"
                               " payload TEXT NOT NULL,"
                               " key_id TEXT NOT NULL,"
                               " issued_at BIGINT NOT NULL,"
                               " superseded_at BIGINT,"
                               " revoked_at BIGINT,"
                               " revoked_reason TEXT,"
                               " revoked_by TEXT REFERENCES users(id) ON DELETE SET NULL,"
                               " feed_version BIGINT NOT NULL DEFAULT 1,"
                               " PRIMARY KEY (serial, version))"),
                QStringLiteral(
                    "CREATE INDEX certificates_learner ON certificates (learner_id, year)"),
            } },
        // The change log keeps, per audience, only the latest entry of each entity (docs/sync.md
        // "Compaction"): the appends remove what they supersede, found by entry through
        // change_audience (seq); the log written before is compacted once here.
        { 13, QStringLiteral("change log compaction"),
            {
                QStringLiteral("CREATE INDEX change_audience_seq ON change_audience (seq)"),
                QStringLiteral("DELETE FROM change_audience WHERE EXISTS ("
                               " SELECT 1 FROM change_log o JOIN change_log n"
                               " ON n.entity_type = o.entity_type AND n.entity_id = o.entity_id"
                               " AND n.seq > o.seq"
                               " JOIN change_audience na ON na.seq = n.seq"
                               " AND na.audience = change_audience.audience"
                               " WHERE o.seq = change_audience.seq)"),
                QStringLiteral("DELETE FROM change_log WHERE NOT EXISTS ("
                               " SELECT 1 FROM change_audience a WHERE a.seq = change_log.seq)"),
            } },
        // Delivery of the notifier's messages (server/notify/): the transport a row goes
        // through, its attempts and backoff, the lease of the sender delivering it, and how it
        // failed. Rows written before are the development notifier's.
        { 14, QStringLiteral("notifier delivery: transports, attempts, claims, failures"),
            {
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN transport TEXT NOT NULL"
                               " DEFAULT 'development'"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN attempts INTEGER NOT NULL"
                               " DEFAULT 0"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN next_attempt_at BIGINT"
                               " NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN claimed_by TEXT"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN claimed_until BIGINT"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN last_error TEXT"),
                QStringLiteral("ALTER TABLE notifier_outbox ADD COLUMN failed_at BIGINT"),
                QStringLiteral("CREATE INDEX notifier_outbox_due ON notifier_outbox"
                               " (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL"),
            } },
        // Study time credited to a learner, as the stretches of real time it was spent in
        // (docs/sync.md "Study time"): a stretch counts once, whatever lesson or course claims it.
    };
    return all;
}

} // namespace xueshi::server
