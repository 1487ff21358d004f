#include "trainingclasses.h"

#include "regions.h"
#include "syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <memory>

namespace xueshi {

namespace {

const QString TrainingClass = QStringLiteral("trainingClass");
const QString Enrolment = QStringLiteral("enrolment");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

bool isActive(const QString &status)
{
    return status == QLatin1String("pending") || status == QLatin1String("confirmed")
        || status == QLatin1String("credited");
}

} // namespace

QString ClassText::classStatus(const QString &status)
{
    if (status == QLatin1String("draft"))
        return tr("Draft");
    if (status == QLatin1String("accepting"))
        return tr("Accepting enrolment");
    if (status == QLatin1String("closed"))
        return tr("Enrolment stopped");
    return status;
}

QString ClassText::enrolmentStatus(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Enrolled, awaiting confirmation");
    if (status == QLatin1String("confirmed"))
        return tr("Enrolment successful");
    if (status == QLatin1String("rejected"))
        return tr("Not accepted");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (status == QLatin1String("credited"))
        return tr("Hours obtained");
    if (status == QLatin1String("absent"))
        return tr("Absent");
    return status;
}

QString ClassText::subjectType(const QString &code)
{
    if (code == QLatin1String("elective"))
        return tr("Elective");
    if (code == QLatin1String("professional"))
        return tr("Professional");
    return code;
}

QString ClassText::mode(const QString &code)
{
    if (code == QLatin1String("online"))
        return tr("Online");
    if (code == QLatin1String("offline"))
        return tr("In person");
    return code;
}

QString ClassText::hours(int tenths)
{
    if (tenths % 10 == 0)
        return QString::number(tenths / 10);
    return QStringLiteral("%1.%2").arg(tenths / 10).arg(std::abs(tenths % 10));
}

std::optional<int> ClassText::parseHours(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^(\\d{1,6})(?:\\.(\\d))?$"));
    const QRegularExpressionMatch match = number.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt() * 10
        + (match.captured(2).isEmpty() ? 0 : match.captured(2).toInt());
}

QString ClassText::dates(const QJsonObject &trainingClass)
{
    return QStringLiteral("%1 – %2").arg(
        text(trainingClass, "startDate"), text(trainingClass, "endDate"));
}

void registerClassMutations(SyncEngine *engine, const LocalStore *store)
{
    // Saving a new class makes a draft of this institution; saving an existing one takes the
    // payload's fields, as the server does.
    engine->registerMutationType(QStringLiteral("class.save"), TrainingClass,
        [engine, store](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            if (data.isEmpty()) {
                QString institutionName;
                if (store) {
                    if (const auto profile
                        = store->entity(QStringLiteral("profile"), engine->userId()))
                        institutionName = text(
                            profile->data.value(QLatin1String("organisation")).toObject(), "name");
                }
                changed.insert(QStringLiteral("institutionId"), engine->userId());
                changed.insert(QStringLiteral("institutionName"), institutionName);
                changed.insert(QStringLiteral("status"), QStringLiteral("draft"));
                changed.insert(QStringLiteral("enrolledCount"), 0);
                changed.insert(QStringLiteral("confirmedCount"), 0);
            }
            for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
                changed.insert(it.key(), it.value());
            changed.insert(QStringLiteral("regionName"),
                RegionTable::instance().fullName(text(payload, "regionCode")));
            return changed;
        });
    const auto classStatus = [](const QString &status) {
        return [status](const QJsonObject &data, const QJsonObject &) {
            QJsonObject changed = data;
            changed.insert(QStringLiteral("status"), status);
            return changed;
        };
    };
    engine->registerMutationType(QStringLiteral("class.open"), TrainingClass,
        classStatus(QStringLiteral("accepting")), true);
    engine->registerMutationType(
        QStringLiteral("class.close"), TrainingClass, classStatus(QStringLiteral("closed")), true);
    // The class itself does not change: the entries are shown over the enrolments while the
    // batch waits (pendingHoursDecisions()).
    engine->registerMutationType(
        QStringLiteral("class.confirmHours"), TrainingClass,
        [](const QJsonObject &data, const QJsonObject &) { return data; }, true);

    // The learner's enrolment, made from the cached class, profile and confirmed binding.
    engine->registerMutationType(QStringLiteral("enrolment.request"), Enrolment,
        [engine, store](const QJsonObject &, const QJsonObject &payload) {
            const QString classId = text(payload, "classId");
            QJsonObject trainingClass;
            QJsonObject learner;
            QString employerName;
            if (store) {
                if (const auto cached = store->entity(TrainingClass, classId))
                    trainingClass = cached->data;
                if (const auto profile = store->entity(QStringLiteral("profile"), engine->userId()))
                    learner = profile->data.value(QLatin1String("learner")).toObject();
                if (const auto employer = confirmedEmployer(store))
                    employerName = employer->employerName;
            }
            const QString residentId = text(learner, "residentId");
            return QJsonObject { { QStringLiteral("classId"), classId },
                { QStringLiteral("className"), text(trainingClass, "name") },
                { QStringLiteral("institutionId"), text(trainingClass, "institutionId") },
                { QStringLiteral("institutionName"), text(trainingClass, "institutionName") },
                { QStringLiteral("learnerId"), engine->userId() },
                { QStringLiteral("learnerName"), text(learner, "realName") },
                { QStringLiteral("residentIdMasked"),
                    residentId.size() == 18
                        ? residentId.left(6) + QString(8, QLatin1Char('*')) + residentId.right(4)
                        : QString() },
                { QStringLiteral("employerName"), employerName },
                { QStringLiteral("status"), QStringLiteral("pending") },
                { QStringLiteral("reason"), QJsonValue() },
                { QStringLiteral("hoursTenths"), QJsonValue() },
                { QStringLiteral("createdAt"), nowIso() } };
        });
    const auto decision = [](const QString &status) {
        return [status](const QJsonObject &data, const QJsonObject &payload) {
            QJsonObject changed = data;
            changed.insert(QStringLiteral("status"), status);
            if (status != QLatin1String("cancelled"))
                changed.insert(QStringLiteral("decidedAt"), nowIso());
            if (payload.contains(QLatin1String("reason")))
                changed.insert(QStringLiteral("reason"), payload.value(QLatin1String("reason")));
            return changed;
        };
    };
    engine->registerMutationType(
        QStringLiteral("enrolment.cancel"), Enrolment, decision(QStringLiteral("cancelled")), true);
    engine->registerMutationType(QStringLiteral("enrolment.confirm"), Enrolment,
        decision(QStringLiteral("confirmed")), true);
    engine->registerMutationType(
        QStringLiteral("enrolment.reject"), Enrolment, decision(QStringLiteral("rejected")), true);
}

std::optional<LearnerEmployer> confirmedEmployer(const LocalStore *store)
{
    if (!store)
        return std::nullopt;
    for (const CachedEntity &binding : store->entities(QStringLiteral("binding"))) {
        if (text(binding.data, "status") != QLatin1String("confirmed"))
            continue;
        LearnerEmployer employer { text(binding.data, "employerId"),
            text(binding.data, "employerName"), text(binding.data, "employerRegionCode") };
        // The employer entity is the authority on its region (and carries it when the binding
        // row does not).
        if (const auto cached = store->entity(QStringLiteral("employer"), employer.employerId)) {
            if (!text(cached->data, "regionCode").isEmpty())
                employer.regionCode = text(cached->data, "regionCode");
            if (employer.employerName.isEmpty())
                employer.employerName = text(cached->data, "name");
        }
        return employer;
    }
    return std::nullopt;
}

std::optional<CachedEntity> activeEnrolment(
    const QString &classId, const QList<CachedEntity> &enrolments)
{
    for (const CachedEntity &enrolment : enrolments) {
        if (text(enrolment.data, "classId") == classId && isActive(text(enrolment.data, "status")))
            return enrolment;
    }
    return std::nullopt;
}

QString enrolmentBlocker(
    const CachedEntity &trainingClass, const QList<CachedEntity> &enrolments, const QDate &today)
{
    const QJsonObject &data = trainingClass.data;
    if (activeEnrolment(trainingClass.id, enrolments))
        return ClassText::tr("You have already enrolled in this class.");
    if (text(data, "status") != QLatin1String("accepting"))
        return ClassText::tr("The institution has stopped enrolment for this class.");
    const QDate deadline = QDate::fromString(text(data, "enrolmentDeadline"), Qt::ISODate);
    if (deadline.isValid() && today > deadline)
        return ClassText::tr("The enrolment deadline (%1) has passed.")
            .arg(deadline.toString(Qt::ISODate));
    const int capacity = data.value(QLatin1String("capacity")).toInt();
    if (capacity > 0 && data.value(QLatin1String("enrolledCount")).toInt() >= capacity)
        return ClassText::tr("The class is full (%1 places).").arg(capacity);
    return {};
}

QString hoursEntryProblem(const HoursEntry &entry, int classHoursTenths)
{
    const QString reason = entry.reason.trimmed();
    if (reason.size() > 200)
        return ClassText::tr("%1: the reason is longer than 200 characters.")
            .arg(entry.learnerName);
    if (entry.absent)
        return reason.isEmpty()
            ? ClassText::tr("%1 is marked absent: please give the reason.").arg(entry.learnerName)
            : QString();
    if (entry.hoursTenths < 0 || entry.hoursTenths > classHoursTenths)
        return ClassText::tr("%1: the hours must be between 0 and the class's %2 hours.")
            .arg(entry.learnerName, ClassText::hours(classHoursTenths));
    if (entry.hoursTenths < classHoursTenths && reason.isEmpty())
        return ClassText::tr("%1 gets fewer hours than the class's %2: please give the reason.")
            .arg(entry.learnerName, ClassText::hours(classHoursTenths));
    return {};
}

QList<QJsonObject> hoursPayloads(const QList<HoursEntry> &entries)
{
    // The server takes at most 5000 entries a batch and a request body of at most 1 MiB, and the
    // engine sends one batch of a class per request: long reasons fill a body before the count.
    constexpr int MaxEntries = 2000;
    constexpr qsizetype MaxBytes = 512 * 1024;
    QList<QJsonObject> payloads;
    QJsonArray list;
    qsizetype bytes = 0;
    for (const HoursEntry &entry : entries) {
        // No hours at all is an absence, as the server counts it.
        const bool absent = entry.absent || entry.hoursTenths == 0;
        const QString reason = entry.reason.trimmed();
        // An entry's JSON: about 100 bytes and the reason (up to 3 bytes a character in UTF-8).
        const qsizetype size = 100 + 3 * reason.size();
        if (!list.isEmpty() && (list.size() >= MaxEntries || bytes + size > MaxBytes)) {
            payloads.append({ { QStringLiteral("entries"), list } });
            list = QJsonArray();
            bytes = 0;
        }
        list.append(QJsonObject { { QStringLiteral("enrolmentId"), entry.enrolmentId },
            { QStringLiteral("hoursTenths"), absent ? 0 : entry.hoursTenths },
            { QStringLiteral("absent"), absent }, { QStringLiteral("reason"), reason } });
        bytes += size;
    }
    if (!list.isEmpty())
        payloads.append({ { QStringLiteral("entries"), list } });
    return payloads;
}

QHash<QString, PendingHours> pendingHoursDecisions(const LocalStore *store)
{
    QHash<QString, PendingHours> decisions;
    if (!store)
        return decisions;
    for (const OutboxMutation &m : store->pendingMutations()) {
        if (m.type != QLatin1String("class.confirmHours"))
            continue;
        for (const QJsonValue &value : m.payload.value(QLatin1String("entries")).toArray()) {
            const QJsonObject entry = value.toObject();
            const bool absent = entry.value(QLatin1String("absent")).toBool();
            decisions.insert(text(entry, "enrolmentId"),
                { absent ? QStringLiteral("absent") : QStringLiteral("credited"),
                    absent ? 0 : entry.value(QLatin1String("hoursTenths")).toInt(),
                    text(entry, "reason") });
        }
    }
    return decisions;
}

QHash<QString, OutboxMutation> problemsByTarget(const LocalStore *store, const QString &entityType)
{
    QHash<QString, OutboxMutation> problems;
    if (!store)
        return problems;
    for (const OutboxMutation &m : store->problems()) {
        if (m.entityType == entityType)
            problems.insert(m.target, m);
    }
    return problems;
}

QString problemMessage(const OutboxMutation &problem)
{
    if (problem.state == OutboxMutation::State::Conflict)
        return ClassText::tr("It was changed elsewhere in the meantime; see Sync problems.");
    const QString message = text(problem.lastError, "message");
    return message.isEmpty() ? text(problem.lastError, "code") : message;
}

ServerIdMatch serverIdMatch(const QJsonObject &result)
{
    const QString outcome = result.value(QLatin1String("outcome")).toString();
    if (outcome == QLatin1String("matched"))
        return { IdCheck::Matched, result.value(QLatin1String("enrolmentId")).toString() };
    if (outcome == QLatin1String("limited"))
        return { IdCheck::Limited, {} };
    return { IdCheck::NotInClass, {} };
}

namespace {

constexpr qsizetype MatchChunk = 5000;

void matchChunk(ApiClient *api, const QString &classId, const QStringList &ids, qsizetype from,
    const QObject *context, std::shared_ptr<AttendanceMatchResult> result,
    std::function<void(const AttendanceMatchResult &)> done)
{
    const QStringList chunk = ids.mid(from, MatchChunk);
    const QJsonObject body { { QStringLiteral("residentIds"), QJsonArray::fromStringList(chunk) } };
    const QString path = QStringLiteral("/classes/%1/attendance-match")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(classId)));
    api->post(path, body, context,
        [api, classId, ids, from, context, result, done, sent = chunk.size()](
            const ApiResult &reply) {
            if (!reply.ok()) {
                result->error = reply.error;
                done(*result);
                return;
            }
            const QJsonArray answers = reply.body.value(QLatin1String("results")).toArray();
            if (answers.size() != sent) {
                result->error.kind = ApiError::Kind::Protocol;
                result->error.code = QStringLiteral("protocol_error");
                result->error.message = QCoreApplication::translate(
                    "xueshi::ClassText", "The server's answer could not be read.");
                done(*result);
                return;
            }
            for (const QJsonValue &answer : answers)
                result->answers.append(serverIdMatch(answer.toObject()));
            result->checksLeftToday = reply.body.value(QLatin1String("checksLeftToday")).toInt(-1);
            if (from + sent < ids.size())
                matchChunk(api, classId, ids, from + sent, context, result, done);
            else
                done(*result);
        });
}

} // namespace

void matchAttendanceIds(ApiClient *api, const QString &classId, const QStringList &ids,
    const QObject *context, std::function<void(const AttendanceMatchResult &)> done)
{
    auto result = std::make_shared<AttendanceMatchResult>();
    if (ids.isEmpty()) {
        done(*result);
        return;
    }
    matchChunk(api, classId, ids, 0, context, result, std::move(done));
}

} // namespace xueshi
