#include "professionalseries.h"

#include <QStringList>

namespace xueshi {

const QList<ProfessionalSeries> &professionalSeries()
{
    // The usual professional title series of the national system, with the engineering series
    // split by specialty as provinces do (the manual asks for 工程技术（环境保护专业）).
    static const QList<ProfessionalSeries> all = {
        { QStringLiteral("engineering-environmental"), QStringLiteral("工程技术（环境保护专业）") },
        { QStringLiteral("engineering-construction"), QStringLiteral("工程技术（建筑工程专业）") },
        { QStringLiteral("engineering-electronics"), QStringLiteral("工程技术（电子信息专业）") },
        { QStringLiteral("engineering-mechanical"), QStringLiteral("工程技术（机械工程专业）") },
        { QStringLiteral("engineering-chemical"), QStringLiteral("工程技术（化工专业）") },
        { QStringLiteral("engineering-water"), QStringLiteral("工程技术（水利工程专业）") },
        { QStringLiteral("engineering-transport"), QStringLiteral("工程技术（交通运输专业）") },
        { QStringLiteral("engineering-other"), QStringLiteral("工程技术（其他专业）") },
        { QStringLiteral("economics"), QStringLiteral("经济") },
        { QStringLiteral("accounting"), QStringLiteral("会计") },
        { QStringLiteral("statistics"), QStringLiteral("统计") },
        { QStringLiteral("auditing"), QStringLiteral("审计") },
        { QStringLiteral("health"), QStringLiteral("卫生") },
        { QStringLiteral("teachers-higher"), QStringLiteral("高等学校教师") },
        { QStringLiteral("teachers-school"), QStringLiteral("中小学教师") },
        { QStringLiteral("teachers-vocational"), QStringLiteral("技工院校教师") },
        { QStringLiteral("research"), QStringLiteral("自然科学研究") },
        { QStringLiteral("agriculture"), QStringLiteral("农业") },
        { QStringLiteral("translation"), QStringLiteral("翻译") },
        { QStringLiteral("journalism"), QStringLiteral("新闻") },
        { QStringLiteral("publishing"), QStringLiteral("出版") },
        { QStringLiteral("library"), QStringLiteral("图书资料") },
        { QStringLiteral("archives"), QStringLiteral("档案") },
        { QStringLiteral("heritage"), QStringLiteral("文物博物") },
        { QStringLiteral("arts"), QStringLiteral("艺术") },
        { QStringLiteral("crafts"), QStringLiteral("工艺美术") },
        { QStringLiteral("sports"), QStringLiteral("体育") },
        { QStringLiteral("law"), QStringLiteral("律师") },
        { QStringLiteral("notary"), QStringLiteral("公证") },
        { QStringLiteral("laboratory"), QStringLiteral("实验技术") },
        { QStringLiteral("social-work"), QStringLiteral("社会工作") },
        { QStringLiteral("intellectual-property"), QStringLiteral("知识产权") },
    };
    return all;
}

bool isKnownProfessionalSeries(const QString &code)
{
    for (const ProfessionalSeries &s : professionalSeries()) {
        if (s.code == code)
            return true;
    }
    return false;
}

bool isKnownGender(const QString &code)
{
    return code == QLatin1String("male") || code == QLatin1String("female");
}

bool isKnownEducation(const QString &code)
{
    static const QStringList codes = { QStringLiteral("doctorate"), QStringLiteral("master"),
        QStringLiteral("bachelor"), QStringLiteral("juniorCollege"), QStringLiteral("secondary"),
        QStringLiteral("other") };
    return codes.contains(code);
}

} // namespace xueshi
