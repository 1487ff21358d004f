#include "translations.h"

#include <QList>
#include <QTranslator>

namespace xueshi {

QString languageCode(Language language)
{
    return language == Language::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

Language languageFromAcceptLanguage(const QByteArray &header)
{
    // Pick the first of zh/en by quality (q=), ties broken by order; anything else is ignored.
    double bestQ = -1;
    Language best = Language::Chinese;
    const QList<QByteArray> parts = header.split(',');
    for (const QByteArray &rawPart : parts) {
        const QList<QByteArray> fields = rawPart.trimmed().split(';');
        const QByteArray tag = fields.value(0).trimmed().toLower();
        double q = 1.0;
        for (int i = 1; i < fields.size(); ++i) {
            const QByteArray f = fields.at(i).trimmed();
            if (f.startsWith("q=")) {
                bool ok = false;
                q = f.mid(2).toDouble(&ok);
                if (!ok)
                    q = 0;
            }
        }
        Language candidate;
        if (tag == "en" || tag.startsWith("en-") || tag.startsWith("en_"))
            candidate = Language::English;
        else if (tag == "zh" || tag.startsWith("zh-") || tag.startsWith("zh_"))
            candidate = Language::Chinese;
        else
            continue;
        if (q > bestQ) {
            bestQ = q;
            best = candidate;
        }
    }
    return best;
}

bool loadTranslator(QTranslator *translator, Language language)
{
    return translator->load(QStringLiteral(":/i18n/xueshi_%1.qm").arg(languageCode(language)));
}

} // namespace xueshi
