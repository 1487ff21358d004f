#include "declarations.h"

#include "localstore.h"
#include "syncengine.h"
#include "trainingclasses.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace xueshi {

namespace {

const QString Declaration = QStringLiteral("declaration");

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonObject withStatus(const QJsonObject &data, const QString &status)
{
    QJsonObject changed = data;
    changed.insert(QStringLiteral("status"), status);
    return changed;
}

} // namespace

void registerDeclarationMutations(SyncEngine *engine, const LocalStore *store)
{
    // Saving a new declaration makes a draft of this learner; saving an existing one takes the
    // payload's fields, as the server does (a pending one stays pending, as a new version; a
    // rejected one becomes a draft again).
    engine->registerMutationType(QStringLiteral("declaration.save"), Declaration,
        [engine, store](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            if (data.isEmpty()) {
                QString learnerName;
                if (store) {
                    if (const auto profile
                        = store->entity(QStringLiteral("profile"), engine->userId()))
                        learnerName = profile->data.value(QLatin1String("learner"))
                                          .toObject()
                                          .value(QLatin1String("realName"))
                                          .toString();
                }
                changed.insert(QStringLiteral("learnerId"), engine->userId());
                changed.insert(QStringLiteral("learnerName"), learnerName);
                changed.insert(QStringLiteral("status"), QStringLiteral("draft"));
                changed.insert(QStringLiteral("attachments"), QJsonArray());
            }
            for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
                changed.insert(it.key(), it.value());
            const QDate start = QDate::fromString(
                payload.value(QLatin1String("startDate")).toString(), Qt::ISODate);
            if (start.isValid())
                changed.insert(QStringLiteral("year"), start.year());
            if (changed.value(QLatin1String("status")).toString() == QLatin1String("rejected"))
                changed.insert(QStringLiteral("status"), QStringLiteral("draft"));
            return changed;
        });
    // Submitting goes to the employer the learner is bound to now.
    engine->registerMutationType(
        QStringLiteral("declaration.submit"), Declaration,
        [store](const QJsonObject &data, const QJsonObject &) {
            QJsonObject changed = withStatus(data, QStringLiteral("pending"));
            if (const auto employer = confirmedEmployer(store)) {
                changed.insert(QStringLiteral("employerId"), employer->employerId);
                changed.insert(QStringLiteral("employerName"), employer->employerName);
            }
            changed.insert(QStringLiteral("submittedAt"), nowIso());
            changed.insert(QStringLiteral("reason"), QString());
            return changed;
        },
        true);
    engine->registerMutationType(
        QStringLiteral("declaration.withdraw"), Declaration,
        [](const QJsonObject &data, const QJsonObject &) {
            return withStatus(data, QStringLiteral("draft"));
        },
        true);
    // A deleted draft stays cached until the server's delete arrives; it is shown as deleted.
    engine->registerMutationType(
        QStringLiteral("declaration.delete"), Declaration,
        [](const QJsonObject &data, const QJsonObject &) {
            return withStatus(data, QStringLiteral("deleted"));
        },
        true);
    const auto decision = [](const QString &status) {
        return [status](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = withStatus(data, status);
            changed.insert(QStringLiteral("decidedAt"), nowIso());
            changed.insert(QStringLiteral("reason"), payload.value(QLatin1String("reason")));
            return changed;
        };
    };
    engine->registerMutationType(QStringLiteral("declaration.confirm"), Declaration,
        decision(QStringLiteral("confirmed")), true);
    engine->registerMutationType(QStringLiteral("declaration.reject"), Declaration,
        decision(QStringLiteral("rejected")), true);
}

} // namespace xueshi
