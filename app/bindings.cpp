#include "bindings.h"

#include "localstore.h"
#include "syncengine.h"

#include <QDateTime>
#include <QJsonObject>

namespace xueshi {

namespace {

const QString Binding = QStringLiteral("binding");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

void registerBindingMutations(SyncEngine *engine, const LocalStore *store)
{
    // The request creates the binding; the server withdraws an older pending one itself.
    engine->registerMutationType(QStringLiteral("binding.request"), Binding,
        [engine, store](const QJsonObject &, const QJsonObject &payload) {
            const QString employerId = text(payload, "employerId");
            QJsonObject employer;
            QJsonObject learner;
            if (store) {
                if (const auto cached = store->entity(QStringLiteral("employer"), employerId))
                    employer = cached->data;
                if (const auto profile = store->entity(QStringLiteral("profile"), engine->userId()))
                    learner = profile->data.value(QLatin1String("learner")).toObject();
            }
            return QJsonObject { { QStringLiteral("learnerId"), engine->userId() },
                { QStringLiteral("employerId"), employerId },
                { QStringLiteral("employerName"), text(employer, "name") },
                { QStringLiteral("employerRegionCode"), text(employer, "regionCode") },
                { QStringLiteral("status"), QStringLiteral("pending") },
                { QStringLiteral("requestedAt"), nowIso() },
                { QStringLiteral("learner"), learner } };
        });
    const auto decision = [](const QString &status) {
        return [status](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            changed.insert(QStringLiteral("status"), status);
            if (status != QLatin1String("withdrawn"))
                changed.insert(QStringLiteral("decidedAt"), nowIso());
            changed.insert(QStringLiteral("reason"), payload.value(QLatin1String("reason")));
            return changed;
        };
    };
    engine->registerMutationType(
        QStringLiteral("binding.withdraw"), Binding, decision(QStringLiteral("withdrawn")), true);
    engine->registerMutationType(
        QStringLiteral("binding.confirm"), Binding, decision(QStringLiteral("confirmed")), true);
    engine->registerMutationType(
        QStringLiteral("binding.reject"), Binding, decision(QStringLiteral("rejected")), true);
}

} // namespace xueshi
