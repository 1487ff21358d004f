#include "demodata.h"

#include "core/apierror.h"
#include "core/jsonbody.h"
#include "server.h"
#include "services/accountservice.h"
#include "validators.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace xueshi::server {

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");
const QString DemoRegion = QStringLiteral("440106"); // 广东省 广州市 天河区

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
    };
}

bool loadDemoData(Server &server, QString *error)
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
                    { QStringLiteral("regionCode"), DemoRegion },
                    { QStringLiteral("contactPerson"), QStringLiteral("王芳") },
                    { QStringLiteral("phone"), QStringLiteral("020-38886666") },
                    { QStringLiteral("email"), QStringLiteral("office@gzpt-edu.example.cn") },
                }));
        }
        if (!service.approveInstitution(accounts[2].username, error))
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
