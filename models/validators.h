#pragma once

#include <QDate>
#include <QString>

namespace xueshi {

class RegionTable;

// The outcome of checking one field. `code` is machine-readable (it travels in API errors);
// `message` is an English source text marked with QT_TRANSLATE_NOOP("Validation", ...), so the
// client translates it with QCoreApplication::translate("Validation", message) and the server with
// its per-request localizer. An empty code means the value is valid.
struct ValidationResult
{
    QString code;
    const char *message = nullptr;

    bool ok() const { return code.isEmpty(); }
    static ValidationResult valid() { return {}; }
    static ValidationResult invalid(const char *errorCode, const char *sourceMessage)
    {
        return { QString::fromLatin1(errorCode), sourceMessage };
    }
};

// GB 11643 resident identity number: 18 characters, a 6-digit region prefix known to the region
// table, a real birth date not after `today`, a 3-digit sequence and the ISO 7064 MOD 11-2 check
// character (a digit or upper-case X).
ValidationResult validateResidentId(
    const QString &id, const QDate &today, const RegionTable &regions);
// The check character (0-9 or X) for the first 17 digits of a resident id; '\0' if they are not
// 17 digits.
QChar residentIdCheckCharacter(QStringView first17);
// The birth date encoded in a resident id, or an invalid date.
QDate residentIdBirthDate(QStringView id);

// GB 32100 unified social credit code: 18 characters from the code alphabet
// (0-9 A-H J-N P-R T-U W-Y, no I, O, S, V, Z), upper case, with the MOD 31 check character.
ValidationResult validateCreditCode(const QString &code);
// The check character for the first 17 characters of a credit code; '\0' when they are not 17
// characters of the code alphabet.
QChar creditCodeCheckCharacter(QStringView first17);

// A mainland China mobile number: 11 digits starting with 1 and a second digit of 3-9.
ValidationResult validateMobile(const QString &mobile);
// A practical e-mail address check: one @, a non-empty local part of allowed characters, a domain
// with at least one dot and labels of letters, digits and hyphens; at most 254 characters.
ValidationResult validateEmail(const QString &email);
// 4-32 characters: ASCII letters, digits, underscore, dot and hyphen, starting with a letter.
ValidationResult validateUsername(const QString &username);
// At least 8 characters (at most 128) with at least one letter and one digit.
ValidationResult validatePassword(const QString &password);
// A person's real name: 2-50 characters, no control characters, trimmed.
ValidationResult validateRealName(const QString &name);
// An organisation's name: 2-100 characters, no control characters, trimmed.
ValidationResult validateOrganisationName(const QString &name);
// A contact phone: a mobile number, or a landline like 020-12345678 (area code 3-4 digits,
// number 7-8 digits, optional extension -123).
ValidationResult validatePhone(const QString &phone);

// Masks personal data for display to people who may not see it in full:
// "440106********1234" for a resident id, "138****5678" for a mobile,
// "z***@example.com" for an e-mail.
QString maskResidentId(const QString &id);
QString maskMobile(const QString &mobile);
QString maskEmail(const QString &email);

} // namespace xueshi
