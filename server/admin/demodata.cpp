#include "demodata.h"

#include "content/coursepackage.h"
#include "core/apierror.h"
#include "core/jsonbody.h"
#include "server.h"
#include "services/accountservice.h"
#include "services/courseservice.h"
#include "services/hourrecordservice.h"
#include "storage/database.h"
#include "sync/syncservice.h"
#include "validators.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace xueshi::server {

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");
const QString DemoRegion = QStringLiteral("440106"); // 广东省 广州市 天河区
// The institution serves the whole city: its classes may be held anywhere in 广州市.
const QString DemoInstitutionRegion = QStringLiteral("440100"); // 广东省 广州市

QString withResidentIdCheck(const QString &first17)
{
    return first17 + residentIdCheckCharacter(first17);
}

QString withCreditCodeCheck(const QString &first17)
{
    return first17 + creditCodeCheckCharacter(first17);
}

JsonBody bodyOf(const QJsonObject &object)
{
    QSet<QString> keys;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        keys.insert(it.key());
    return JsonBody(QJsonDocument(object).toJson(), keys);
}

bool exists(Server &server, const QString &username)
{
    return server.database()
        .exec(QStringLiteral("SELECT 1 FROM users WHERE username_key = ?"),
            { AccountService::usernameKey(username) })
        .next();
}

AuthenticatedUser demoUser(Server &server, const QString &username, Role role)
{
    QSqlQuery q
        = server.database().exec(QStringLiteral("SELECT id FROM users WHERE username_key = ?"),
            { AccountService::usernameKey(username) });
    AuthenticatedUser user;
    if (q.next())
        user.id = q.value(0).toString();
    user.username = username;
    user.role = role;
    user.status = QStringLiteral("active");
    return user;
}

// Applies the demo user's mutations as the client would send them; false with the refusal.
bool apply(
    Server &server, const AuthenticatedUser &user, const QJsonObject &mutation, QString *error)
{
    QJsonObject m = mutation;
    m.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QJsonObject answer
        = server.sync().applyMutations(user, QJsonArray { m }, Language::English);
    const QJsonObject result = answer.value(QStringLiteral("results")).toArray().first().toObject();
    if (result.value(QStringLiteral("status")).toString() == QLatin1String("applied"))
        return true;
    *error = QStringLiteral("demo %1 refused: %2")
                 .arg(m.value(QStringLiteral("type")).toString(),
                     QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
    return false;
}

// A learner ready to study (R4): the profile filled in and confirmed by the demo employer, so the
// public courses and the classes of 天河区 can be tried at once. Done once: a learner who has
// any binding (even one changed by hand since) is left alone. `*bound` says whether it was done
// now.
bool bindToEmployer(Server &server, const AuthenticatedUser &learner,
    const AuthenticatedUser &employer, const QString &position, QString *error, bool *bound)
{
    *bound = false;
    if (learner.id.isEmpty() || employer.id.isEmpty())
        return true;
    if (server.database()
            .exec(QStringLiteral("SELECT 1 FROM bindings WHERE learner_id = ?"), { learner.id })
            .next())
        return true;
    QSqlQuery v = server.database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { learner.id });
    const qint64 version = v.next() ? v.value(0).toLongLong() : 1;
    v.finish();
    const QString bindingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    *bound = apply(server, learner,
                 { { QStringLiteral("type"), QStringLiteral("profile.update") },
                     { QStringLiteral("target"), learner.id },
                     { QStringLiteral("baseVersion"), double(version) },
                     { QStringLiteral("payload"),
                         QJsonObject { { QStringLiteral("gender"), QStringLiteral("male") },
                             { QStringLiteral("education"), QStringLiteral("bachelor") },
                             { QStringLiteral("professionalTitle"), QStringLiteral("工程师") },
                             { QStringLiteral("professionalSeries"),
                                 QStringLiteral("engineering-environmental") },
                             { QStringLiteral("position"), position } } } },
                 error)
        && apply(server, learner,
            { { QStringLiteral("type"), QStringLiteral("binding.request") },
                { QStringLiteral("target"), bindingId },
                { QStringLiteral("payload"),
                    QJsonObject { { QStringLiteral("employerId"), employer.id } } } },
            error)
        && apply(server, employer,
            { { QStringLiteral("type"), QStringLiteral("binding.confirm") },
                { QStringLiteral("target"), bindingId }, { QStringLiteral("baseVersion"), 1 } },
            error);
    return *bound;
}

// Hours a demo learner earned before this system (as if taken over from the old portal), so
// 继续教育证书打印 and 统计报表 have something to show: {year, source, subject type, tenths,
// status, title, start date}.
struct DemoHours
{
    int year;
    const char *source;
    const char *subjectType;
    int tenths;
    const char *status;
    const char *title;
    const char *start;
};

void saveDemoHours(Server &server, const QString &learnerId, const QList<DemoHours> &hours)
{
    QList<HourRecordService::Record> records;
    for (const DemoHours &h : hours) {
        HourRecordService::Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.learnerId = learnerId;
        r.year = h.year;
        r.source = QString::fromLatin1(h.source);
        r.subjectType = QString::fromLatin1(h.subjectType);
        r.hoursTenths = h.tenths;
        r.status = QString::fromLatin1(h.status);
        r.title = QString::fromUtf8(h.title);
        r.startDate = QDate::fromString(QString::fromLatin1(h.start), Qt::ISODate);
        r.endDate = r.startDate.addDays(std::max(0, h.tenths / 60 - 1));
        records << r;
    }
    Transaction tx(server.database());
    server.hourRecords().saveMany(records);
    tx.commit();
}

// The demo learner: 2025 passed (exactly 30 + 42 + 18 hours), 2026 still 4.5 professional hours
// short with 6 hours awaiting the HR office.
const QList<DemoHours> &demoLearnerHours()
{
    static const QList<DemoHours> hours {
        { 2025, "publicCourse", "public", 300, "confirmed", "2025年度公需课：数字经济与创新驱动",
            "2025-03-10" },
        { 2025, "trainingClass", "professional", 240, "confirmed", "环境监测新标准解读培训班",
            "2025-05-12" },
        { 2025, "trainingClass", "professional", 180, "confirmed", "水污染治理技术研修班",
            "2025-09-22" },
        { 2025, "selfDeclaration", "elective", 180, "confirmed", "安全生产管理实务", "2025-11-03" },
        { 2026, "publicCourse", "public", 300, "confirmed", "2026年度公需课：人工智能与产业变革",
            "2026-03-16" },
        { 2026, "trainingClass", "professional", 240, "confirmed", "土壤污染防治技术培训班",
            "2026-04-20" },
        { 2026, "selfDeclaration", "professional", 135, "confirmed", "单位内部：监测数据质量控制",
            "2026-06-08" },
        { 2026, "selfDeclaration", "elective", 200, "confirmed", "职业健康与心理调适",
            "2026-07-14" },
        { 2026, "selfDeclaration", "professional", 60, "pending", "单位内部：在线监测设备运维",
            "2026-10-19" },
    };
    return hours;
}

// More staff of the demo employer, for 统计报表: who has passed and who is short, and of what.
struct DemoStaff
{
    const char *username;
    const char *name;
    const char *residentFirst17;
    const char *mobile;
    QList<DemoHours> hours;
};

const QList<DemoStaff> &demoStaff()
{
    static const QList<DemoStaff> staff {
        { "demo_staff_lina", "李娜", "44010619900214002", "13800138001",
            { { 2026, "publicCourse", "public", 300, "confirmed",
                  "2026年度公需课：人工智能与产业变革", "2026-02-20" },
                { 2026, "trainingClass", "professional", 480, "confirmed", "环境影响评价高级研修班",
                    "2026-05-06" },
                { 2026, "selfDeclaration", "elective", 180, "confirmed", "应急管理与事故预防",
                    "2026-08-11" } } },
        { "demo_staff_wangqiang", "王强", "44010619851130003", "13800138002",
            { { 2026, "publicCourse", "public", 300, "confirmed",
                  "2026年度公需课：人工智能与产业变革", "2026-03-02" },
                { 2026, "trainingClass", "professional", 120, "confirmed",
                    "大气污染源解析技术培训班", "2026-06-15" } } },
        { "demo_staff_zhaomin", "赵敏", "44010619920708004", "13800138003",
            { { 2026, "trainingClass", "professional", 420, "confirmed", "环境监测新标准解读培训班",
                  "2026-04-13" },
                { 2026, "selfDeclaration", "elective", 240, "confirmed", "企业环境信息披露实务",
                    "2026-09-07" },
                { 2026, "publicCourse", "public", 300, "pending",
                    "2026年度公需课：人工智能与产业变革", "2026-11-20" } } },
        { "demo_staff_chengang", "陈刚", "44010619800321005", "13800138004", {} },
    };
    return staff;
}

// Binds the demo learner and the demo staff to the demo employer and gives them their hours;
// each only once (when it is bound now).
bool seedDemoStaff(Server &server, const QList<DemoAccount> &accounts, QString *error)
{
    const AuthenticatedUser employer = demoUser(server, accounts[1].username, Role::Employer);
    bool bound = false;
    const AuthenticatedUser learner = demoUser(server, accounts[0].username, Role::Learner);
    if (!bindToEmployer(server, learner, employer, QStringLiteral("环境监测工程师"), error, &bound))
        return false;
    if (bound)
        saveDemoHours(server, learner.id, demoLearnerHours());
    for (const DemoStaff &s : demoStaff()) {
        const QString username = QString::fromLatin1(s.username);
        if (!exists(server, username)) {
            server.accounts().registerLearner(bodyOf({
                { QStringLiteral("username"), username },
                { QStringLiteral("password"), DemoPassword },
                { QStringLiteral("realName"), QString::fromUtf8(s.name) },
                { QStringLiteral("residentId"),
                    withResidentIdCheck(QString::fromLatin1(s.residentFirst17)) },
                { QStringLiteral("mobile"), QString::fromLatin1(s.mobile) },
            }));
        }
        const AuthenticatedUser user = demoUser(server, username, Role::Learner);
        if (!bindToEmployer(server, user, employer, QStringLiteral("环境工程师"), error, &bound))
            return false;
        if (bound && !s.hours.isEmpty())
            saveDemoHours(server, user.id, s.hours);
    }
    return true;
}

// The demo course (resources/courses/professional-ethics, embedded at :/demo-course): imported
// when it is missing or the embedded package is newer than the installed one.
bool importDemoCourse(Server &server, QString *error)
{
    const QString folder = QStringLiteral(":/demo-course");
    if (!QFileInfo::exists(folder + QStringLiteral("/course.json")))
        return true; // built without the demo course
    QStringList problems;
    const std::optional<CoursePackage> package = CoursePackage::load(folder, &problems);
    if (!package) {
        *error = QStringLiteral("the demo course is not valid: %1")
                     .arg(problems.join(QStringLiteral("; ")));
        return false;
    }
    if (server.courses().installedVersion(package->id) >= package->version)
        return true;
    return server.courses().importPackage(*package, error).has_value();
}

} // namespace

QList<DemoAccount> demoAccounts()
{
    return {
        { QStringLiteral("learner"), QStringLiteral("demo_learner"), DemoPassword,
            QStringLiteral("张明") },
        { QStringLiteral("employer"), QStringLiteral("demo_employer"), DemoPassword,
            QStringLiteral("广州天河环保工程有限公司") },
        { QStringLiteral("institution"), QStringLiteral("demo_institution"), DemoPassword,
            QStringLiteral("广州市专业技术人员继续教育培训中心") },
        { QStringLiteral("administrator"), QStringLiteral("demo_admin"), DemoPassword,
            QStringLiteral("系统管理员") },
        // Registered but not approved: what the administrator window has to review.
        { QStringLiteral("employer"), QStringLiteral("demo_new_employer"), DemoPassword,
            QStringLiteral("广州珠江建设咨询有限公司") },
    };
}

bool loadDemoData(Server &server, QString *error, const DemoOptions &options)
{
    const QList<DemoAccount> accounts = demoAccounts();
    AccountService &service = server.accounts();
    try {
        if (!exists(server, accounts[0].username)) {
            service.registerLearner(bodyOf({
                { QStringLiteral("username"), accounts[0].username },
                { QStringLiteral("password"), accounts[0].password },
                { QStringLiteral("realName"), accounts[0].name },
                { QStringLiteral("residentId"),
                    withResidentIdCheck(DemoRegion + QStringLiteral("19880512003")) },
                { QStringLiteral("mobile"), QStringLiteral("13800138000") },
                { QStringLiteral("email"), QStringLiteral("zhangming@example.cn") },
            }));
        }
        if (!exists(server, accounts[1].username)) {
            service.registerOrganisation(Role::Employer,
                bodyOf({
                    { QStringLiteral("username"), accounts[1].username },
                    { QStringLiteral("password"), accounts[1].password },
                    { QStringLiteral("name"), accounts[1].name },
                    { QStringLiteral("creditCode"),
                        withCreditCodeCheck(
                            QStringLiteral("91") + DemoRegion + QStringLiteral("MA59XK3T1")) },
                    { QStringLiteral("regionCode"), DemoRegion },
                    { QStringLiteral("contactPerson"), QStringLiteral("李华") },
                    { QStringLiteral("phone"), QStringLiteral("13900139000") },
                    { QStringLiteral("email"), QStringLiteral("hr@tianhe-env.example.cn") },
                }));
        }
        if (!exists(server, accounts[2].username)) {
            service.registerOrganisation(Role::Institution,
                bodyOf({
                    { QStringLiteral("username"), accounts[2].username },
                    { QStringLiteral("password"), accounts[2].password },
                    { QStringLiteral("name"), accounts[2].name },
                    { QStringLiteral("creditCode"),
                        withCreditCodeCheck(
                            QStringLiteral("52") + DemoRegion + QStringLiteral("MJ0123456")) },
                    { QStringLiteral("regionCode"), DemoInstitutionRegion },
                    { QStringLiteral("contactPerson"), QStringLiteral("王芳") },
                    { QStringLiteral("phone"), QStringLiteral("020-38886666") },
                    { QStringLiteral("email"), QStringLiteral("office@gzpt-edu.example.cn") },
                }));
        }
        if (!service.approveOrganisation(accounts[1].username, Role::Employer, error)
            || !service.approveInstitution(accounts[2].username, error))
            return false;
        if (!exists(server, accounts[3].username)
            && !service.createAdministrator(
                accounts[3].username, accounts[3].password, error, accounts[3].name))
            return false;
        if (!exists(server, accounts[4].username)) {
            service.registerOrganisation(Role::Employer,
                bodyOf({
                    { QStringLiteral("username"), accounts[4].username },
                    { QStringLiteral("password"), accounts[4].password },
                    { QStringLiteral("name"), accounts[4].name },
                    { QStringLiteral("creditCode"),
                        withCreditCodeCheck(
                            QStringLiteral("91") + DemoRegion + QStringLiteral("MA5CPJ8R2")) },
                    { QStringLiteral("regionCode"), DemoRegion },
                    { QStringLiteral("contactPerson"), QStringLiteral("陈静") },
                    { QStringLiteral("phone"), QStringLiteral("13700137000") },
                    { QStringLiteral("email"), QStringLiteral("hr@zhujiang-jszx.example.cn") },
                }));
        }
        if (!importDemoCourse(server, error))
            return false;
        if (options.bindLearner && !seedDemoStaff(server, accounts, error))
            return false;
    } catch (const ApiError &e) {
        *error = QStringLiteral("demo data refused: %1 (%2)").arg(e.code(), e.fieldName());
        return false;
    } catch (const std::exception &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

} // namespace xueshi::server
