#include "fakesyncserver.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace xueshi::test {

namespace {

void rejected(const QString &id, const QString &code, const QString &message, const QString &field,
    QJsonObject *out)
{
    *out = QJsonObject { { QStringLiteral("id"), id },
        { QStringLiteral("status"), QStringLiteral("rejected") },
        { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
                { QStringLiteral("field"), field } } } };
}

} // namespace

FakeSyncServer::FakeSyncServer(const QString &userId)
    : m_userId(userId)
{
    newEpoch();
}

void FakeSyncServer::install(FakeNetworkAccessManager &network)
{
    network.setHandler([this](const FakeRequest &request) { return handle(request); });
}

void FakeSyncServer::newEpoch(const QString &detail)
{
    m_epoch = QStringLiteral("e%1").arg(++m_epochs);
    m_goneDetail = detail;
}

FakeSyncServer::Backup FakeSyncServer::backup() const
{
    Backup b;
    for (const Change &c : m_log)
        b.log.append({ { QStringLiteral("type"), c.type }, { QStringLiteral("id"), c.id },
            { QStringLiteral("version"), double(c.version) },
            { QStringLiteral("remove"), c.remove }, { QStringLiteral("data"), c.data } });
    for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it)
        b.entities.insert(it.key(),
            { { QStringLiteral("version"), double(it->version) },
                { QStringLiteral("data"), it->data } });
    b.outcomes = m_outcomes;
    return b;
}

void FakeSyncServer::restore(const Backup &b)
{
    newEpoch(QStringLiteral("restored"));
    m_log.clear();
    for (const QJsonObject &c : b.log)
        m_log.append({ lastSeq() + 1, c.value(QStringLiteral("type")).toString(),
            c.value(QStringLiteral("id")).toString(),
            qint64(c.value(QStringLiteral("version")).toDouble()),
            c.value(QStringLiteral("remove")).toBool(),
            c.value(QStringLiteral("data")).toObject() });
    m_entities.clear();
    for (auto it = b.entities.cbegin(); it != b.entities.cend(); ++it)
        m_entities.insert(it.key(),
            { qint64(it->value(QStringLiteral("version")).toDouble()),
                it->value(QStringLiteral("data")).toObject() });
    m_outcomes = b.outcomes;
}

void FakeSyncServer::restoreFromBackup()
{
    newEpoch(QStringLiteral("restored"));
    m_log.clear();
    for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
        const qsizetype split = it.key().indexOf(u'\n');
        m_log.append({ lastSeq() + 1, it.key().left(split), it.key().mid(split + 1),
            it.value().version, false, it.value().data });
    }
}

QString FakeSyncServer::cursorAt(qint64 seq) const
{
    return QStringLiteral("fake.%1.%2").arg(m_epoch).arg(seq);
}

qint64 FakeSyncServer::upsert(const QString &type, const QString &id, const QJsonObject &data)
{
    Entity &e = m_entities[key(type, id)];
    ++e.version;
    e.data = data;
    const qint64 seq = lastSeq() + 1;
    m_log.append({ seq, type, id, e.version, false, data });
    return seq;
}

qint64 FakeSyncServer::remove(const QString &type, const QString &id)
{
    const qint64 version = m_entities.value(key(type, id)).version + 1;
    m_entities.remove(key(type, id));
    const qint64 seq = lastSeq() + 1;
    m_log.append({ seq, type, id, version, true, {} });
    return seq;
}

std::optional<FakeSyncServer::Entity> FakeSyncServer::entity(
    const QString &type, const QString &id) const
{
    const auto it = m_entities.constFind(key(type, id));
    if (it == m_entities.constEnd())
        return std::nullopt;
    return *it;
}

void FakeSyncServer::failNext(const QString &path, Fault fault, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults[path].append(fault);
}

FakeResponse FakeSyncServer::handle(const FakeRequest &request)
{
    if (request.header("Authorization").isEmpty())
        return FakeResponse::error(401, QStringLiteral("unauthorized"), QStringLiteral("Log in."));
    if (m_cuts.contains(request.path)) {
        if (m_cuts.value(request.path) <= 0)
            return FakeResponse::networkFailure(QNetworkReply::RemoteHostClosedError);
        --m_cuts[request.path];
    }
    std::optional<Fault> fault;
    if (!m_faults.value(request.path).isEmpty())
        fault = m_faults[request.path].takeFirst();
    if (fault == Fault::NetworkError)
        return FakeResponse::networkFailure(QNetworkReply::ConnectionRefusedError);
    if (fault == Fault::ServerError)
        return FakeResponse::error(500, QStringLiteral("internal_error"), QStringLiteral("Oops."));
    if (fault == Fault::Unauthorized)
        return FakeResponse::error(
            401, QStringLiteral("unauthorized"), QStringLiteral("The session has expired."));
    if (fault == Fault::RateLimited)
        return FakeResponse::error(429, QStringLiteral("rate_limited"),
            QStringLiteral("Slow down."), {}, { { QStringLiteral("retryAfterSeconds"), 2 } });
    if (fault == Fault::Forbidden)
        return FakeResponse::error(403, QStringLiteral("forbidden"), QStringLiteral("No."));
    if (fault == Fault::MalformedJson)
        return FakeResponse::raw(200, "{\"changes\": [", "application/json");

    FakeResponse response;
    if (request.verb == "GET" && request.path == QLatin1String("/sync/changes"))
        response = changes(request);
    else if (request.verb == "POST" && request.path == QLatin1String("/sync/mutations"))
        response = mutations(request);
    else
        response = FakeResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No."));
    if (fault == Fault::DropAfterCommit)
        return FakeResponse::networkFailure(QNetworkReply::RemoteHostClosedError);
    return response;
}

FakeResponse FakeSyncServer::changes(const FakeRequest &request)
{
    const QUrlQuery query(request.url);
    const QString since = query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    m_sinces.append(since);
    const bool count = query.queryItemValue(QStringLiteral("count")) == QLatin1String("1");
    m_countAsked.append(count);
    const int asked = query.queryItemValue(QStringLiteral("limit")).toInt();
    const int limit = std::min(m_maxPage, asked > 0 ? asked : 500);
    qint64 from = 0;
    if (!since.isEmpty()) {
        static const QRegularExpression form(QStringLiteral("^fake\\.([a-z0-9]+)\\.(\\d+)$"));
        const QRegularExpressionMatch match = form.match(since);
        if (!match.hasMatch())
            return FakeResponse::error(400, QStringLiteral("invalid_field"),
                QStringLiteral("Bad cursor."), QStringLiteral("since"));
        if (match.captured(1) != m_epoch)
            return FakeResponse::error(410, QStringLiteral("cursor_invalid"),
                QStringLiteral("The local copy is out of date."), {},
                { { QStringLiteral("detail"), m_goneDetail } });
        from = match.captured(2).toLongLong();
    }
    QJsonArray list;
    qint64 last = from;
    for (qint64 seq = from + 1; seq <= lastSeq() && list.size() < limit; ++seq) {
        const Change &c = m_log.at(seq - 1);
        QJsonObject change { { QStringLiteral("seq"), double(c.seq) },
            { QStringLiteral("type"), c.type }, { QStringLiteral("id"), c.id },
            { QStringLiteral("version"), double(c.version) },
            { QStringLiteral("op"),
                c.remove ? QStringLiteral("delete") : QStringLiteral("upsert") },
            { QStringLiteral("data"), c.remove ? QJsonValue() : QJsonValue(c.data) } };
        if (m_omitSeq)
            change.remove(QStringLiteral("seq"));
        list.append(change);
        last = seq;
    }
    const qint64 remaining = lastSeq() - last;
    QJsonObject body { { QStringLiteral("changes"), list },
        { QStringLiteral("cursor"), cursorAt(last) }, { QStringLiteral("more"), remaining > 0 } };
    if (count)
        body.insert(QStringLiteral("remaining"), double(remaining));
    return FakeResponse::json(200, body);
}

FakeResponse FakeSyncServer::mutations(const FakeRequest &request)
{
    const QJsonArray batch = request.body.value(QStringLiteral("mutations")).toArray();
    QStringList ids;
    for (const QJsonValue &m : batch)
        ids.append(m.toObject().value(QStringLiteral("id")).toString());
    m_batches.append(ids);
    const qsizetype bytes = QJsonDocument(request.body).toJson(QJsonDocument::Compact).size();
    m_batchBytes.append(bytes);
    if (bytes > m_maxRequestBytes)
        return FakeResponse::error(
            413, QStringLiteral("payload_too_large"), QStringLiteral("Too large."));
    if (batch.size() > 100)
        return FakeResponse::error(
            413, QStringLiteral("payload_too_large"), QStringLiteral("Too many."));
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const QJsonObject m = batch.at(i).toObject();
        // Like the real server: a malformed mutation refuses the whole batch, naming it.
        if (m.value(QStringLiteral("target")).toString().size() > 64)
            return FakeResponse::error(400, QStringLiteral("invalid_field"),
                QStringLiteral("The mutation's target is too long."),
                QStringLiteral("mutations[%1].target").arg(i));
    }
    QJsonArray results;
    for (const QJsonValue &m : batch) {
        const QJsonObject mutation = m.toObject();
        const QString id = mutation.value(QStringLiteral("id")).toString();
        if (!m_outcomes.contains(id))
            m_outcomes.insert(id, applyOne(mutation));
        results.append(m_outcomes.value(id));
    }
    return FakeResponse::json(200, { { QStringLiteral("results"), results } });
}

QJsonObject FakeSyncServer::conflict(
    const QString &id, const QString &type, const QString &target) const
{
    const Entity current = m_entities.value(key(type, target));
    return { { QStringLiteral("id"), id }, { QStringLiteral("status"), QStringLiteral("conflict") },
        { QStringLiteral("current"),
            QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("id"), target },
                { QStringLiteral("version"), double(current.version) },
                { QStringLiteral("data"), current.data } } } };
}

QJsonObject FakeSyncServer::applyOne(const QJsonObject &mutation)
{
    const QString id = mutation.value(QStringLiteral("id")).toString();
    const QString type = mutation.value(QStringLiteral("type")).toString();
    const QString target = mutation.value(QStringLiteral("target")).toString();
    const qint64 base = qint64(mutation.value(QStringLiteral("baseVersion")).toDouble());
    const QJsonObject payload = mutation.value(QStringLiteral("payload")).toObject();
    QJsonObject result;
    QString entityType;
    QJsonObject data;
    if (type == QLatin1String("profile.update")) {
        entityType = QStringLiteral("profile");
        if (target != m_userId) {
            rejected(id, QStringLiteral("forbidden"), QStringLiteral("Not yours."),
                QStringLiteral("target"), &result);
            return result;
        }
        if (m_entities.value(key(entityType, target)).version != base)
            return conflict(id, entityType, target);
        static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
        if (payload.contains(QStringLiteral("mobile"))
            && !mobile.match(payload.value(QStringLiteral("mobile")).toString()).hasMatch()) {
            rejected(id, QStringLiteral("invalid_field"), QStringLiteral("Not a mobile number."),
                QStringLiteral("mobile"), &result);
            return result;
        }
        data = m_entities.value(key(entityType, target)).data;
        QJsonObject learner = data.value(QStringLiteral("learner")).toObject();
        for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
            learner.insert(it.key(), it.value());
        data.insert(QStringLiteral("learner"), learner);
    } else if (type == QLatin1String("note.put")) {
        entityType = QStringLiteral("note");
        if (m_entities.value(key(entityType, target)).version != base)
            return conflict(id, entityType, target);
        if (payload.value(QStringLiteral("text")).toString() == QLatin1String("reject")) {
            rejected(id, QStringLiteral("invalid_field"), QStringLiteral("Refused text."),
                QStringLiteral("text"), &result);
            return result;
        }
        data = payload;
        data.insert(QStringLiteral("id"), target);
    } else if (type == QLatin1String("note.add")) {
        // Adds up whatever version the client saw: no base version check.
        entityType = QStringLiteral("note");
        data = m_entities.value(key(entityType, target)).data;
        QJsonArray texts = data.value(QStringLiteral("texts")).toArray();
        texts.append(payload.value(QStringLiteral("text")));
        data.insert(QStringLiteral("texts"), texts);
        data.insert(QStringLiteral("id"), target);
    } else {
        rejected(id, QStringLiteral("invalid_field"), QStringLiteral("Unknown change."),
            QStringLiteral("type"), &result);
        return result;
    }
    upsert(entityType, target, data);
    ++m_effects[id];
    return { { QStringLiteral("id"), id }, { QStringLiteral("status"), QStringLiteral("applied") },
        { QStringLiteral("version"), double(m_entities.value(key(entityType, target)).version) } };
}

} // namespace xueshi::test
