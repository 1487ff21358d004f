#include "regions.h"
#include "validators.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace xueshi;

namespace {

// All dates in this suite are relative to a fixed day, so the suite does not depend on the clock.
const QDate today(2026, 11, 30);

// Checks a result against the expected code; an empty code means "valid".
void verifyResult(const ValidationResult &result, const QString &expectedCode)
{
    QCOMPARE(result.code, expectedCode);
    QCOMPARE(result.ok(), expectedCode.isEmpty());
    if (expectedCode.isEmpty())
        QVERIFY(result.message == nullptr);
    else
        QVERIFY(result.message != nullptr && qstrlen(result.message) > 0);
}

// An address of 64 + 1 + 63 + 1 + 63 + 1 + lastLabel characters, valid except for its length.
QString longEmail(qsizetype lastLabel)
{
    return QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.'
        + QString(lastLabel, u'd');
}

} // namespace

// Field validators, check characters and masking from models/validators.h.
class TestValidators : public QObject
{
    Q_OBJECT

private slots:
    void validateResidentId_data();
    void validateResidentId();
    void validateResidentId_regionMissingFromGivenTable_rejected();
    void validateResidentId_birthDateIsToday_accepted();
    void residentIdCheckCharacter_data();
    void residentIdCheckCharacter();
    void residentIdBirthDate_data();
    void residentIdBirthDate();

    void validateCreditCode_data();
    void validateCreditCode();
    void creditCodeCheckCharacter_data();
    void creditCodeCheckCharacter();
    void creditCodeCheckCharacter_everySingleCharacterChange_detected();

    void validateMobile_data();
    void validateMobile();
    void validateEmail_data();
    void validateEmail();
    void validateUsername_data();
    void validateUsername();
    void validatePassword_data();
    void validatePassword();
    void validateRealName_data();
    void validateRealName();
    void validateOrganisationName_data();
    void validateOrganisationName();
    void validatePhone_data();
    void validatePhone();

    void messages_knownCodes_haveSpecificText_data();
    void messages_knownCodes_haveSpecificText();

    void maskResidentId_data();
    void maskResidentId();
    void maskMobile_data();
    void maskMobile();
    void maskEmail_data();
    void maskEmail();
};

void TestValidators::validateResidentId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expectedCode");

    // Valid numbers.
    QTest::newRow("standard_example_with_x_valid") << u"11010519491231002X"_s << QString();
    QTest::newRow("guangzhou_tianhe_valid") << u"440106199003071231"_s << QString();
    QTest::newRow("leap_day_2000_valid") << u"440106200002291238"_s << QString();
    QTest::newRow("first_day_of_1900_valid") << u"110101190001010014"_s << QString();
    // 440102 (东山区) was merged away in 2005; its city 4401 still names the region.
    QTest::newRow("retired_district_known_city_valid") << u"440102199003071236"_s << QString();

    // Invalid numbers.
    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("wrong_check_digit_rejected")
        << u"440106199003071232"_s << u"resident_id_check_digit"_s;
    QTest::newRow("standard_example_digit_instead_of_x_rejected")
        << u"110105194912310020"_s << u"resident_id_check_digit"_s;
    QTest::newRow("lower_case_x_rejected")
        << u"11010519491231002x"_s << u"resident_id_lowercase_x"_s;
    QTest::newRow("lower_case_x_where_digit_belongs_wrong_check")
        << u"44010619900307123x"_s << u"resident_id_check_digit"_s;
    QTest::newRow("february_30_rejected") << u"440106199002301234"_s << u"resident_id_birth_date"_s;
    QTest::newRow("february_29_1900_not_leap_rejected")
        << u"440106190002291231"_s << u"resident_id_birth_date"_s;
    QTest::newRow("month_13_rejected") << u"440106199013011232"_s << u"resident_id_birth_date"_s;
    QTest::newRow("born_1899_rejected")
        << u"11010118991231001X"_s << u"resident_id_early_birth_date"_s;
    QTest::newRow("born_tomorrow_rejected")
        << u"110101202612010019"_s << u"resident_id_future_birth_date"_s;
    QTest::newRow("17_characters_rejected") << u"44010619900307123"_s << u"resident_id_length"_s;
    QTest::newRow("19_characters_rejected") << u"4401061990030712311"_s << u"resident_id_length"_s;
    QTest::newRow("15_digit_old_format_rejected")
        << u"440106900307123"_s << u"resident_id_length"_s;
    QTest::newRow("surrounding_space_rejected")
        << u" 440106199003071231"_s << u"resident_id_length"_s;
    QTest::newRow("letter_inside_rejected")
        << u"44010619900307A231"_s << u"resident_id_character"_s;
    QTest::newRow("last_character_y_rejected")
        << u"44010619900307123Y"_s << u"resident_id_character"_s;
    QTest::newRow("full_width_digits_rejected")
        << u"４４０１０６１９９００３０７１２３１"_s << u"resident_id_character"_s;
    QTest::newRow("unknown_province_99_rejected")
        << u"990101199003071237"_s << u"resident_id_region"_s;
    QTest::newRow("all_zero_region_rejected") << u"000000199003071236"_s << u"resident_id_region"_s;
}

void TestValidators::validateResidentId()
{
    QFETCH(QString, id);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateResidentId(id, today, RegionTable::instance()), expectedCode);
}

void TestValidators::validateResidentId_regionMissingFromGivenTable_rejected()
{
    // The validator must use the table it is given, not the embedded one.
    const RegionTable onlyBeijing = RegionTable::fromCsv("code,name\n11,\"北京市\"\n",
        "code,name,provinceCode\n", "code,name,cityCode,provinceCode\n");
    verifyResult(xueshi::validateResidentId(u"440106199003071231"_s, today, onlyBeijing),
        u"resident_id_region"_s);
    verifyResult(
        xueshi::validateResidentId(u"11010519491231002X"_s, today, onlyBeijing), QString());
}

void TestValidators::validateResidentId_birthDateIsToday_accepted()
{
    const QString bornToday = u"110101202611300014"_s;
    verifyResult(xueshi::validateResidentId(bornToday, today, RegionTable::instance()), QString());
    verifyResult(xueshi::validateResidentId(bornToday, today.addDays(-1), RegionTable::instance()),
        u"resident_id_future_birth_date"_s);
}

void TestValidators::residentIdCheckCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("expected");

    QTest::newRow("standard_example_x") << u"11010519491231002"_s << QChar(u'X');
    QTest::newRow("tianhe_1") << u"44010619900307123"_s << QChar(u'1');
    QTest::newRow("dongcheng_4") << u"11010120261130001"_s << QChar(u'4');
    QTest::newRow("dongcheng_9") << u"11010120261201001"_s << QChar(u'9');
    QTest::newRow("sixteen_digits_none") << u"4401061990030712"_s << QChar();
    QTest::newRow("eighteen_digits_none") << u"440106199003071231"_s << QChar();
    QTest::newRow("letter_none") << u"4401061990030712A"_s << QChar();
    QTest::newRow("empty_none") << QString() << QChar();
}

void TestValidators::residentIdCheckCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, expected);
    QCOMPARE(xueshi::residentIdCheckCharacter(first17), expected);
}

void TestValidators::residentIdBirthDate_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("standard_example") << u"11010519491231002X"_s << QDate(1949, 12, 31);
    QTest::newRow("leap_day") << u"440106200002291238"_s << QDate(2000, 2, 29);
    QTest::newRow("february_30_invalid") << u"440106199002301234"_s << QDate();
    QTest::newRow("letters_in_date_invalid") << u"4401061990AB071231"_s << QDate();
    QTest::newRow("too_short_invalid") << u"44010619900307"_s << QDate();
    QTest::newRow("empty_invalid") << QString() << QDate();
}

void TestValidators::residentIdBirthDate()
{
    QFETCH(QString, id);
    QFETCH(QDate, expected);
    QCOMPARE(xueshi::residentIdBirthDate(id), expected);
}

void TestValidators::validateCreditCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expectedCode");

    // Published codes of well-known companies.
    QTest::newRow("huawei_technologies_valid") << u"914403001922038216"_s << QString();
    QTest::newRow("tencent_computer_systems_valid") << u"91440300708461136T"_s << QString();
    QTest::newRow("baidu_netcom_valid") << u"91110000802100433B"_s << QString();
    QTest::newRow("xiaomi_technology_valid") << u"91110108551385082Q"_s << QString();
    // Codes in the real format whose check characters were computed with GB 32100.
    QTest::newRow("company_ma_code_valid") << u"91440106MA5CQ7LM88"_s << QString();
    QTest::newRow("public_institution_valid") << u"12100000400012345P"_s << QString();
    QTest::newRow("check_character_zero_valid") << u"914401067200000250"_s << QString();
    QTest::newRow("check_character_y_valid") << u"91440106720000015Y"_s << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("wrong_check_character_rejected")
        << u"914403001922038217"_s << u"credit_code_check_character"_s;
    QTest::newRow("swapped_digits_rejected")
        << u"914403001922032816"_s << u"credit_code_check_character"_s;
    QTest::newRow("letter_i_rejected") << u"91440106IA5CQ7LM88"_s << u"credit_code_character"_s;
    QTest::newRow("letter_o_rejected") << u"91440106OA5CQ7LM88"_s << u"credit_code_character"_s;
    QTest::newRow("letter_s_rejected") << u"91440106SA5CQ7LM88"_s << u"credit_code_character"_s;
    QTest::newRow("letter_v_rejected") << u"91440106VA5CQ7LM88"_s << u"credit_code_character"_s;
    QTest::newRow("letter_z_rejected") << u"91440106ZA5CQ7LM88"_s << u"credit_code_character"_s;
    QTest::newRow("check_character_z_rejected")
        << u"91440106MA5CQ7LM8Z"_s << u"credit_code_character"_s;
    QTest::newRow("hyphen_rejected") << u"91440106-A5CQ7LM88"_s << u"credit_code_character"_s;
    QTest::newRow("lower_case_rejected") << u"91440300708461136t"_s << u"credit_code_lowercase"_s;
    QTest::newRow("lower_case_inside_rejected")
        << u"91440106ma5cq7lm88"_s << u"credit_code_lowercase"_s;
    QTest::newRow("17_characters_rejected") << u"91440300708461136"_s << u"credit_code_length"_s;
    QTest::newRow("19_characters_rejected") << u"91440300708461136TT"_s << u"credit_code_length"_s;
    QTest::newRow("old_organisation_code_rejected") << u"19220382-1"_s << u"credit_code_length"_s;
}

void TestValidators::validateCreditCode()
{
    QFETCH(QString, code);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateCreditCode(code), expectedCode);
}

void TestValidators::creditCodeCheckCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("expected");

    QTest::newRow("huawei_6") << u"91440300192203821"_s << QChar(u'6');
    QTest::newRow("tencent_t") << u"91440300708461136"_s << QChar(u'T');
    QTest::newRow("letters_d") << u"5144000050000012X"_s << QChar(u'D');
    QTest::newRow("sum_divisible_zero") << u"91440106720000025"_s << QChar(u'0');
    QTest::newRow("sixteen_none") << u"9144030070846113"_s << QChar();
    QTest::newRow("eighteen_none") << u"91440300708461136T"_s << QChar();
    QTest::newRow("letter_i_none") << u"9144030070846113I"_s << QChar();
    QTest::newRow("lower_case_none") << u"91440106ma5cq7lm8"_s << QChar();
}

void TestValidators::creditCodeCheckCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, expected);
    QCOMPARE(xueshi::creditCodeCheckCharacter(first17), expected);
}

void TestValidators::creditCodeCheckCharacter_everySingleCharacterChange_detected()
{
    // MOD 31 with weights coprime to 31 catches every single-character typo.
    const QString code = u"91440300708461136T"_s;
    const QString alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY"_s;
    for (qsizetype position = 0; position < 17; ++position) {
        for (const QChar replacement : alphabet) {
            if (replacement == code.at(position))
                continue;
            QString typo = code;
            typo[position] = replacement;
            QVERIFY2(!xueshi::validateCreditCode(typo).ok(), qPrintable(typo));
        }
    }
}

void TestValidators::validateMobile_data()
{
    QTest::addColumn<QString>("mobile");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("china_mobile_valid") << u"13812345678"_s << QString();
    QTest::newRow("prefix_166_valid") << u"16612345678"_s << QString();
    QTest::newRow("prefix_199_valid") << u"19912345678"_s << QString();
    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("second_digit_2_rejected") << u"12812345678"_s << u"mobile_invalid"_s;
    QTest::newRow("second_digit_0_rejected") << u"10012345678"_s << u"mobile_invalid"_s;
    QTest::newRow("first_digit_2_rejected") << u"23812345678"_s << u"mobile_invalid"_s;
    QTest::newRow("10_digits_rejected") << u"1381234567"_s << u"mobile_invalid"_s;
    QTest::newRow("12_digits_rejected") << u"138123456789"_s << u"mobile_invalid"_s;
    QTest::newRow("hyphens_rejected") << u"138-1234-5678"_s << u"mobile_invalid"_s;
    QTest::newRow("country_code_rejected") << u"+8613812345678"_s << u"mobile_invalid"_s;
    QTest::newRow("letter_rejected") << u"1381234567a"_s << u"mobile_invalid"_s;
    QTest::newRow("full_width_digits_rejected")
        << u"１３８１２３４５６７８"_s << u"mobile_invalid"_s;
}

void TestValidators::validateMobile()
{
    QFETCH(QString, mobile);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateMobile(mobile), expectedCode);
}

void TestValidators::validateEmail_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("plain_valid") << u"name@example.com"_s << QString();
    QTest::newRow("dots_plus_subdomains_valid")
        << u"first.last+tag@mail.example.com.cn"_s << QString();
    QTest::newRow("shortest_valid") << u"a@b.co"_s << QString();
    QTest::newRow("hyphen_and_digits_valid") << u"user_1@sub-domain.163.com"_s << QString();
    QTest::newRow("upper_case_valid") << u"Zhang.San@Example.COM"_s << QString();
    QTest::newRow("local_64_valid") << QString(64, u'a') + u"@example.com"_s << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("no_at_rejected") << u"name.example.com"_s << u"email_invalid"_s;
    QTest::newRow("two_ats_rejected") << u"name@host@example.com"_s << u"email_invalid"_s;
    QTest::newRow("empty_local_rejected") << u"@example.com"_s << u"email_invalid"_s;
    QTest::newRow("empty_domain_rejected") << u"name@"_s << u"email_invalid"_s;
    QTest::newRow("domain_without_dot_rejected") << u"name@localhost"_s << u"email_invalid"_s;
    QTest::newRow("domain_empty_label_rejected") << u"name@example..com"_s << u"email_invalid"_s;
    QTest::newRow("domain_leading_dot_rejected") << u"name@.example.com"_s << u"email_invalid"_s;
    QTest::newRow("domain_trailing_dot_rejected") << u"name@example.com."_s << u"email_invalid"_s;
    QTest::newRow("domain_label_leading_hyphen_rejected")
        << u"name@-example.com"_s << u"email_invalid"_s;
    QTest::newRow("domain_underscore_rejected") << u"name@exa_mple.com"_s << u"email_invalid"_s;
    QTest::newRow("local_leading_dot_rejected") << u".name@example.com"_s << u"email_invalid"_s;
    QTest::newRow("local_double_dot_rejected") << u"na..me@example.com"_s << u"email_invalid"_s;
    QTest::newRow("space_rejected") << u"na me@example.com"_s << u"email_invalid"_s;
    QTest::newRow("chinese_local_rejected") << u"张三@example.com"_s << u"email_invalid"_s;
    QTest::newRow("full_width_at_rejected") << u"name＠example.com"_s << u"email_invalid"_s;
    QTest::newRow("local_65_rejected")
        << QString(65, u'a') + u"@example.com"_s << u"email_invalid"_s;
    QTest::newRow("exactly_254_valid") << longEmail(61) << QString();
    QTest::newRow("255_characters_rejected") << longEmail(62) << u"email_invalid"_s;
}

void TestValidators::validateEmail()
{
    QFETCH(QString, email);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateEmail(email), expectedCode);
}

void TestValidators::validateUsername_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("four_letters_valid") << u"abcd"_s << QString();
    QTest::newRow("all_allowed_characters_valid") << u"a_b.c-d9"_s << QString();
    QTest::newRow("upper_case_start_valid") << u"Zhang3"_s << QString();
    QTest::newRow("32_characters_valid") << QString(32, u'a') << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("3_characters_rejected") << u"abc"_s << u"username_invalid"_s;
    QTest::newRow("33_characters_rejected") << QString(33, u'a') << u"username_invalid"_s;
    QTest::newRow("digit_start_rejected") << u"1abc"_s << u"username_invalid"_s;
    QTest::newRow("underscore_start_rejected") << u"_abc"_s << u"username_invalid"_s;
    QTest::newRow("space_rejected") << u"ab cd"_s << u"username_invalid"_s;
    QTest::newRow("at_sign_rejected") << u"abc@d"_s << u"username_invalid"_s;
    QTest::newRow("chinese_rejected") << u"张三丰丰"_s << u"username_invalid"_s;
    QTest::newRow("accented_letter_rejected") << u"josé1"_s << u"username_invalid"_s;
}

void TestValidators::validateUsername()
{
    QFETCH(QString, username);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateUsername(username), expectedCode);
}

void TestValidators::validatePassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("eight_characters_valid") << u"abcdefg1"_s << QString();
    QTest::newRow("symbols_and_spaces_valid") << u"correct horse 9 battery!"_s << QString();
    QTest::newRow("128_characters_valid") << QString(127, u'a') + u"1"_s << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("seven_characters_too_short") << u"abcdef1"_s << u"password_too_short"_s;
    QTest::newRow("four_digits_too_short") << u"1234"_s << u"password_too_short"_s;
    QTest::newRow("129_characters_too_long")
        << QString(128, u'a') + u"1"_s << u"password_too_long"_s;
    QTest::newRow("only_digits_needs_letter") << u"12345678"_s << u"password_needs_letter"_s;
    QTest::newRow("chinese_and_digit_needs_letter")
        << u"密码密码密码密码1"_s << u"password_needs_letter"_s;
    QTest::newRow("only_letters_needs_digit") << u"abcdefgh"_s << u"password_needs_digit"_s;
    QTest::newRow("letters_and_symbols_needs_digit")
        << u"abcd!@#$%^"_s << u"password_needs_digit"_s;
}

void TestValidators::validatePassword()
{
    QFETCH(QString, password);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validatePassword(password), expectedCode);
}

void TestValidators::validateRealName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("two_chinese_characters_valid") << u"张三"_s << QString();
    QTest::newRow("latin_name_valid") << u"Li Wei"_s << QString();
    QTest::newRow("ethnic_name_with_dot_valid") << u"阿依古丽·买买提"_s << QString();
    QTest::newRow("surrounding_spaces_valid") << u"  张三  "_s << QString();
    QTest::newRow("50_characters_valid") << QString(50, u'张') << QString();
    // U+20000 is one character stored as two UTF-16 units.
    QTest::newRow("supplementary_character_counts_once_valid")
        << QString(49, u'张') + u"\U00020000"_s << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("only_spaces_required") << u"   "_s << u"required"_s;
    QTest::newRow("one_character_rejected") << u"张"_s << u"name_invalid"_s;
    QTest::newRow("one_character_after_trimming_rejected") << u" 张 "_s << u"name_invalid"_s;
    QTest::newRow("one_supplementary_character_rejected") << u"\U00020000"_s << u"name_invalid"_s;
    QTest::newRow("51_characters_rejected") << QString(51, u'张') << u"name_invalid"_s;
    QTest::newRow("line_break_rejected") << u"张\n三"_s << u"name_invalid"_s;
    QTest::newRow("tab_rejected") << u"张\t三"_s << u"name_invalid"_s;
    QTest::newRow("escape_rejected") << u"张\x1b三"_s << u"name_invalid"_s;
}

void TestValidators::validateRealName()
{
    QFETCH(QString, name);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateRealName(name), expectedCode);
}

void TestValidators::validateOrganisationName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("hospital_valid") << u"广州市天河区人民医院"_s << QString();
    QTest::newRow("with_brackets_valid") << u"华为技术有限公司（深圳）"_s << QString();
    QTest::newRow("100_characters_valid") << QString(100, u'华') << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("only_spaces_required") << u" \t "_s << u"required"_s;
    QTest::newRow("one_character_rejected") << u"A"_s << u"name_invalid"_s;
    QTest::newRow("101_characters_rejected") << QString(101, u'华') << u"name_invalid"_s;
    QTest::newRow("line_break_rejected") << u"华为\n技术"_s << u"name_invalid"_s;
}

void TestValidators::validateOrganisationName()
{
    QFETCH(QString, name);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validateOrganisationName(name), expectedCode);
}

void TestValidators::validatePhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("mobile_valid") << u"13812345678"_s << QString();
    QTest::newRow("guangzhou_landline_valid") << u"020-12345678"_s << QString();
    QTest::newRow("four_digit_area_seven_digit_number_valid") << u"0755-1234567"_s << QString();
    QTest::newRow("extension_valid") << u"010-12345678-123"_s << QString();

    QTest::newRow("empty_required") << QString() << u"required"_s;
    QTest::newRow("area_code_without_zero_rejected") << u"20-12345678"_s << u"phone_invalid"_s;
    QTest::newRow("area_code_not_starting_with_zero_rejected")
        << u"120-12345678"_s << u"phone_invalid"_s;
    QTest::newRow("five_digit_area_code_rejected") << u"07551-1234567"_s << u"phone_invalid"_s;
    QTest::newRow("landline_without_hyphen_rejected") << u"02012345678"_s << u"phone_invalid"_s;
    QTest::newRow("six_digit_number_rejected") << u"020-123456"_s << u"phone_invalid"_s;
    QTest::newRow("nine_digit_number_rejected") << u"020-123456789"_s << u"phone_invalid"_s;
    QTest::newRow("empty_extension_rejected") << u"020-12345678-"_s << u"phone_invalid"_s;
    QTest::newRow("long_extension_rejected") << u"020-12345678-1234567"_s << u"phone_invalid"_s;
    QTest::newRow("space_separator_rejected") << u"020 12345678"_s << u"phone_invalid"_s;
    QTest::newRow("invalid_mobile_rejected") << u"12812345678"_s << u"phone_invalid"_s;
    QTest::newRow("letters_rejected") << u"020-1234567a"_s << u"phone_invalid"_s;
}

void TestValidators::validatePhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, expectedCode);
    verifyResult(xueshi::validatePhone(phone), expectedCode);
}

void TestValidators::messages_knownCodes_haveSpecificText_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const RegionTable &regions = RegionTable::instance();
    const auto add = [](const char *name, const ValidationResult &result) {
        QTest::newRow(name) << result.code << QString::fromLatin1(result.message);
    };
    add("required", xueshi::validateMobile(QString()));
    add("resident_id_length", xueshi::validateResidentId(u"123"_s, today, regions));
    add("resident_id_lowercase_x",
        xueshi::validateResidentId(u"11010519491231002x"_s, today, regions));
    add("resident_id_check_digit",
        xueshi::validateResidentId(u"440106199003071232"_s, today, regions));
    add("resident_id_future_birth_date",
        xueshi::validateResidentId(u"110101202612010019"_s, today, regions));
}

void TestValidators::messages_knownCodes_haveSpecificText()
{
    QFETCH(QString, code);
    QFETCH(QString, message);

    static const QHash<QString, QString> expected = {
        { u"required"_s, u"This field is required."_s },
        { u"resident_id_length"_s, u"The resident ID number must have 18 characters."_s },
        { u"resident_id_lowercase_x"_s,
            u"Use an upper-case X as the last character of the resident ID number."_s },
        { u"resident_id_check_digit"_s,
            u"The check digit of the resident ID number is wrong. Check the number for typing errors."_s },
        { u"resident_id_future_birth_date"_s,
            u"The birth date in the resident ID number is in the future."_s },
    };
    QCOMPARE(code, QString::fromLatin1(QTest::currentDataTag()));
    QCOMPARE(message, expected.value(code));
}

void TestValidators::maskResidentId_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("eighteen_characters") << u"440106199003071234"_s << u"440106********1234"_s;
    QTest::newRow("ending_in_x") << u"11010519491231002X"_s << u"110105********002X"_s;
    QTest::newRow("fifteen_digit_old_format") << u"440106900307123"_s << u"440106*****7123"_s;
    QTest::newRow("too_short_all_asterisks") << u"4401061234"_s << u"**********"_s;
    QTest::newRow("thirteen_characters_all_asterisks") << u"4401061990031"_s << u"*************"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestValidators::maskResidentId()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(xueshi::maskResidentId(input), expected);
}

void TestValidators::maskMobile_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("eleven_digits") << u"13812345678"_s << u"138****5678"_s;
    QTest::newRow("too_short_all_asterisks") << u"1381234567"_s << u"**********"_s;
    QTest::newRow("four_digits_all_asterisks") << u"1234"_s << u"****"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestValidators::maskMobile()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(xueshi::maskMobile(input), expected);
}

void TestValidators::maskEmail_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"zhang@example.com"_s << u"z***@example.com"_s;
    QTest::newRow("one_character_local") << u"a@b.cn"_s << u"a***@b.cn"_s;
    QTest::newRow("long_local_same_mask") << u"zhangsanfeng@example.com"_s << u"z***@example.com"_s;
    QTest::newRow("no_at_all_asterisks") << u"zhang"_s << u"*****"_s;
    QTest::newRow("empty_local_all_asterisks") << u"@example.com"_s << u"************"_s;
    QTest::newRow("empty_domain_all_asterisks") << u"zhang@"_s << u"******"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestValidators::maskEmail()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(xueshi::maskEmail(input), expected);
}

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
