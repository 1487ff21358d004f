#pragma once

#include "services/servicecontext.h"
#include "translations.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace xueshi::server {

class AccountService;
class BindingService;

// The sync routes' logic (docs/sync.md): the change feed filtered to the caller's audiences, and
// the mutation batches, each mutation applied at most once in its own transaction, with the same
// permission and rule checks as the other routes.
class SyncService final
{
public:
    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxPageSize = 1000;
    static constexpr int MaxBatch = 100;

    SyncService(ServiceContext &context, AccountService &accounts, BindingService &bindings);

    // One page of the caller's feed after `since` (empty: from the start); `count` adds
    // "remaining", the entries after the page (counted, so asked once per pull).
    QJsonObject changes(
        const AuthenticatedUser &caller, const QString &since, int limit, bool count = false);
    // The same page as the JSON text of the answer (what the route sends).
    QByteArray changesJson(
        const AuthenticatedUser &caller, const QString &since, int limit, bool count = false);
    // `mutations` as sent; a malformed batch throws 400 before anything is applied.
    QJsonObject applyMutations(
        const AuthenticatedUser &caller, const QJsonValue &mutations, Language language);

    static QStringList audiencesOf(const AuthenticatedUser &caller);

    // One mutation of a batch, checked for shape (docs/sync.md "Push").
    struct Mutation
    {
        QString id;
        QString type;
        QString target;
        qint64 baseVersion = 0;
        QJsonObject payload;
        Language language = Language::Chinese; // of the request, for texts inside a result
    };
    // Applies a mutation of one type inside the open transaction: returns the "applied" (with the
    // new "version") or "conflict" (with the "current" row) result, or throws ApiError, which
    // rolls everything back and answers "rejected".
    using Handler = std::function<QJsonObject(const AuthenticatedUser &caller, const Mutation &m)>;
    // Each feature's service declares its mutation types when the server is assembled.
    void registerHandler(const QString &type, Handler handler);
    // Every mutation type this server knows, sorted (the authorisation matrix test reads it).
    QStringList mutationTypes() const;

private:
    QJsonObject applyOne(const AuthenticatedUser &caller, const Mutation &m, Language language);
    // Runs the mutation's effect in the open transaction; returns the "applied" or "conflict"
    // result, or throws ApiError for "rejected".
    QJsonObject execute(const AuthenticatedUser &caller, const Mutation &m);
    QJsonObject updateProfile(const AuthenticatedUser &caller, const Mutation &m);
    void updateLearnerDetails(const AuthenticatedUser &caller, const QJsonObject &payload);
    QJsonObject executeBinding(const AuthenticatedUser &caller, const Mutation &m);
    std::optional<QJsonObject> storedResult(const QString &userId, const QString &mutationId);

    ServiceContext &m_context;
    AccountService &m_accounts;
    BindingService &m_bindings;
    QHash<QString, Handler> m_handlers;
};

} // namespace xueshi::server
