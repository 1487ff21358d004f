#include "validators.h"

#include "regions.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <algorithm>
#include <array>

namespace xueshi {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isAsciiDigit);
}

ValidationResult required()
{
    return ValidationResult::invalid(
        "required", QT_TRANSLATE_NOOP("Validation", "This field is required."));
}

// Counts characters as people do: a character outside the BMP is one character, not two.
qsizetype characterCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasControlCharacter(QStringView text)
{
    return std::any_of(
        text.begin(), text.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// GB 32100 code alphabet; a character's index is its value.
constexpr char16_t creditCodeAlphabet[] = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int creditCodeRadix = 31;

int creditCodeValue(QChar c)
{
    for (int i = 0; i < creditCodeRadix; ++i) {
        if (creditCodeAlphabet[i] == c.unicode())
            return i;
    }
    return -1;
}

// Replaces every character by an asterisk: for values too short to show any part safely.
QString allMasked(const QString &text)
{
    return QString(text.size(), u'*');
}

// Masks the middle of `text`, keeping `head` leading and `tail` trailing characters. At least
// four characters must stay hidden, otherwise nothing is shown.
QString maskMiddle(const QString &text, qsizetype head, qsizetype tail)
{
    const qsizetype hidden = text.size() - head - tail;
    if (hidden < 4)
        return allMasked(text);
    return text.left(head) + QString(hidden, u'*') + text.right(tail);
}

bool isLandline(QStringView phone)
{
    // 0AA[A]-NNNNNNN[N][-EEEE]: area code with its leading zero, number, optional extension.
    const QList<QStringView> parts = phone.split(u'-');
    if (parts.size() < 2 || parts.size() > 3)
        return false;
    const QStringView area = parts.at(0);
    const QStringView number = parts.at(1);
    if (area.size() < 3 || area.size() > 4 || !area.startsWith(u'0') || !isAsciiDigits(area))
        return false;
    if (number.size() < 7 || number.size() > 8 || !isAsciiDigits(number))
        return false;
    if (parts.size() == 3) {
        const QStringView extension = parts.at(2);
        if (extension.isEmpty() || extension.size() > 6 || !isAsciiDigits(extension))
            return false;
    }
    return true;
}

bool isEmailLocalCharacter(QChar c)
{
    static const QString specials = QStringLiteral("!#$%&'*+/=?^_`{|}~-.");
    return isAsciiDigit(c) || isAsciiLetter(c) || specials.contains(c);
}

bool isEmailDomainLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    return std::all_of(label.begin(), label.end(),
        [](QChar c) { return isAsciiDigit(c) || isAsciiLetter(c) || c == u'-'; });
}

} // namespace

QChar residentIdCheckCharacter(QStringView first17)
{
    static constexpr std::array<int, 17> weights
        = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    static constexpr char16_t checkCharacters[] = u"10X98765432";
    if (first17.size() != 17 || !isAsciiDigits(first17))
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - u'0') * weights[i];
    return QChar(checkCharacters[sum % 11]);
}

QDate residentIdBirthDate(QStringView id)
{
    if (id.size() != 18)
        return {};
    const QStringView digits = id.mid(6, 8);
    if (!isAsciiDigits(digits))
        return {};
    return QDate(digits.mid(0, 4).toInt(), digits.mid(4, 2).toInt(), digits.mid(6, 2).toInt());
}

ValidationResult validateResidentId(
    const QString &id, const QDate &today, const RegionTable &regions)
{
    if (id.isEmpty())
        return required();
    if (id.size() != 18) {
        return ValidationResult::invalid("resident_id_length",
            QT_TRANSLATE_NOOP("Validation", "The resident ID number must have 18 characters."));
    }
    const QChar last = id.back();
    if (!isAsciiDigits(QStringView(id).first(17))
        || !(isAsciiDigit(last) || last == u'X' || last == u'x')) {
        return ValidationResult::invalid("resident_id_character",
            QT_TRANSLATE_NOOP("Validation",
                "The resident ID number may contain only digits and an X as the last character."));
    }
    // The specific checks come before the check digit: a typo in the region or the birth date
    // also breaks the check digit, and the specific message tells the user where to look.
    if (!regions.isKnownResidentIdPrefix(id.left(6))) {
        return ValidationResult::invalid("resident_id_region",
            QT_TRANSLATE_NOOP("Validation",
                "The region code at the start of the resident ID number is unknown."));
    }
    const QDate birthDate = residentIdBirthDate(id);
    if (!birthDate.isValid()) {
        return ValidationResult::invalid("resident_id_birth_date",
            QT_TRANSLATE_NOOP(
                "Validation", "The birth date in the resident ID number is not a real date."));
    }
    if (birthDate < QDate(1900, 1, 1)) {
        return ValidationResult::invalid("resident_id_early_birth_date",
            QT_TRANSLATE_NOOP(
                "Validation", "The birth date in the resident ID number is before 1900."));
    }
    if (today.isValid() && birthDate > today) {
        return ValidationResult::invalid("resident_id_future_birth_date",
            QT_TRANSLATE_NOOP(
                "Validation", "The birth date in the resident ID number is in the future."));
    }
    const QChar expected = residentIdCheckCharacter(QStringView(id).first(17));
    if (last == u'x' && expected == u'X') {
        return ValidationResult::invalid("resident_id_lowercase_x",
            QT_TRANSLATE_NOOP("Validation",
                "Use an upper-case X as the last character of the resident ID number."));
    }
    if (last != expected) {
        return ValidationResult::invalid("resident_id_check_digit",
            QT_TRANSLATE_NOOP("Validation",
                "The check digit of the resident ID number is wrong. Check the "
                "number for typing errors."));
    }
    return ValidationResult::valid();
}

QChar creditCodeCheckCharacter(QStringView first17)
{
    static constexpr std::array<int, 17> weights
        = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int value = creditCodeValue(first17.at(i));
        if (value < 0)
            return QChar();
        sum += value * weights[i];
    }
    return QChar(creditCodeAlphabet[(creditCodeRadix - sum % creditCodeRadix) % creditCodeRadix]);
}

ValidationResult validateCreditCode(const QString &code)
{
    if (code.isEmpty())
        return required();
    if (code.size() != 18) {
        return ValidationResult::invalid("credit_code_length",
            QT_TRANSLATE_NOOP(
                "Validation", "The unified social credit code must have 18 characters."));
    }
    const QString upper = code.toUpper();
    if (!std::all_of(upper.begin(), upper.end(), [](QChar c) { return creditCodeValue(c) >= 0; })) {
        return ValidationResult::invalid("credit_code_character",
            QT_TRANSLATE_NOOP("Validation",
                "The unified social credit code may contain only digits and the "
                "letters A to Y except I, O, S, V and Z."));
    }
    if (upper != code) {
        return ValidationResult::invalid("credit_code_lowercase",
            QT_TRANSLATE_NOOP(
                "Validation", "Use upper-case letters in the unified social credit code."));
    }
    if (creditCodeCheckCharacter(QStringView(code).first(17)) != code.back()) {
        return ValidationResult::invalid("credit_code_check_character",
            QT_TRANSLATE_NOOP("Validation",
                "The check character of the unified social credit code is wrong. "
                "Check the code for typing errors."));
    }
    return ValidationResult::valid();
}

ValidationResult validateMobile(const QString &mobile)
{
    if (mobile.isEmpty())
        return required();
    if (mobile.size() != 11 || !isAsciiDigits(mobile)) {
        return ValidationResult::invalid("mobile_invalid",
            QT_TRANSLATE_NOOP("Validation", "The mobile number must have 11 digits."));
    }
    if (mobile.at(0) != u'1' || mobile.at(1) < u'3') {
        return ValidationResult::invalid("mobile_invalid",
            QT_TRANSLATE_NOOP(
                "Validation", "The mobile number must start with 13 to 19, like 13812345678."));
    }
    return ValidationResult::valid();
}

ValidationResult validateEmail(const QString &email)
{
    if (email.isEmpty())
        return required();
    if (email.size() > 254) {
        return ValidationResult::invalid("email_invalid",
            QT_TRANSLATE_NOOP("Validation",
                "The e-mail address is too long; it may have at most 254 "
                "characters."));
    }
    const auto invalid = [] {
        return ValidationResult::invalid("email_invalid",
            QT_TRANSLATE_NOOP("Validation", "Enter an e-mail address like name@example.com."));
    };
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || email.indexOf(u'@', at + 1) >= 0)
        return invalid();
    const QStringView local = QStringView(email).first(at);
    const QStringView domain = QStringView(email).sliced(at + 1);
    if (local.size() > 64 || !std::all_of(local.begin(), local.end(), isEmailLocalCharacter)
        || local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u"..")) {
        return invalid();
    }
    const QList<QStringView> labels = domain.split(u'.');
    if (labels.size() < 2 || !std::all_of(labels.begin(), labels.end(), isEmailDomainLabel))
        return invalid();
    return ValidationResult::valid();
}

ValidationResult validateUsername(const QString &username)
{
    if (username.isEmpty())
        return required();
    if (username.size() < 4 || username.size() > 32) {
        return ValidationResult::invalid("username_invalid",
            QT_TRANSLATE_NOOP("Validation", "The user name must have 4 to 32 characters."));
    }
    if (!isAsciiLetter(username.front())) {
        return ValidationResult::invalid("username_invalid",
            QT_TRANSLATE_NOOP("Validation", "The user name must start with a letter (a-z, A-Z)."));
    }
    const bool allowed = std::all_of(username.begin(), username.end(), [](QChar c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_' || c == u'.' || c == u'-';
    });
    if (!allowed) {
        return ValidationResult::invalid("username_invalid",
            QT_TRANSLATE_NOOP("Validation",
                "The user name may contain only letters a-z and A-Z, digits, "
                "underscores, dots and hyphens."));
    }
    return ValidationResult::valid();
}

ValidationResult validatePassword(const QString &password)
{
    if (password.isEmpty())
        return required();
    const qsizetype length = characterCount(password);
    if (length < 8) {
        return ValidationResult::invalid("password_too_short",
            QT_TRANSLATE_NOOP("Validation", "The password must have at least 8 characters."));
    }
    if (length > 128) {
        return ValidationResult::invalid("password_too_long",
            QT_TRANSLATE_NOOP("Validation", "The password may have at most 128 characters."));
    }
    if (!std::any_of(password.begin(), password.end(), isAsciiLetter)) {
        return ValidationResult::invalid("password_needs_letter",
            QT_TRANSLATE_NOOP("Validation", "The password must contain at least one letter."));
    }
    if (!std::any_of(password.begin(), password.end(), isAsciiDigit)) {
        return ValidationResult::invalid("password_needs_digit",
            QT_TRANSLATE_NOOP("Validation", "The password must contain at least one digit."));
    }
    return ValidationResult::valid();
}

ValidationResult validateRealName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return required();
    if (hasControlCharacter(trimmed)) {
        return ValidationResult::invalid("name_invalid",
            QT_TRANSLATE_NOOP("Validation",
                "The name must not contain line breaks, tabs or other control "
                "characters."));
    }
    const qsizetype length = characterCount(trimmed);
    if (length < 2 || length > 50) {
        return ValidationResult::invalid("name_invalid",
            QT_TRANSLATE_NOOP("Validation", "The name must have 2 to 50 characters."));
    }
    return ValidationResult::valid();
}

ValidationResult validateOrganisationName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return required();
    if (hasControlCharacter(trimmed)) {
        return ValidationResult::invalid("name_invalid",
            QT_TRANSLATE_NOOP("Validation",
                "The organisation name must not contain line breaks, tabs or other "
                "control characters."));
    }
    const qsizetype length = characterCount(trimmed);
    if (length < 2 || length > 100) {
        return ValidationResult::invalid("name_invalid",
            QT_TRANSLATE_NOOP(
                "Validation", "The organisation name must have 2 to 100 characters."));
    }
    return ValidationResult::valid();
}

ValidationResult validatePhone(const QString &phone)
{
    if (phone.isEmpty())
        return required();
    if (validateMobile(phone).ok() || isLandline(phone))
        return ValidationResult::valid();
    return ValidationResult::invalid("phone_invalid",
        QT_TRANSLATE_NOOP("Validation",
            "Enter a mobile number like 13812345678 or a landline number like "
            "020-12345678 (with an optional extension: 020-12345678-123)."));
}

QString maskResidentId(const QString &id)
{
    return maskMiddle(id, 6, 4);
}

QString maskMobile(const QString &mobile)
{
    return maskMiddle(mobile, 3, 4);
}

QString maskEmail(const QString &email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    if (at <= 0 || at == email.size() - 1)
        return allMasked(email);
    // Always three asterisks, so the mask does not reveal the length of the local part.
    const qsizetype first = email.at(0).isHighSurrogate() && at > 1 ? 2 : 1;
    return email.left(first) + QStringLiteral("***") + email.sliced(at);
}

} // namespace xueshi
