#pragma once

#include "role.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace xueshi {

// The personal data of a learner account, as the server returns it to its owner.
struct LearnerInfo
{
    QString realName;
    QString residentId;
    QString mobile;
    QString email;
};

// The organisation behind an employer or institution account.
struct OrganisationInfo
{
    QString name;
    QString creditCode;
    QString regionCode; // GB/T 2260, 6 digits
    QString regionName; // the server's full name of the region, e.g. "广东省 广州市 天河区"
    QString contactPerson;
    QString phone;
    QString email;
    bool approved = false;
    bool rejected = false;
    QString rejectionReason; // the administrator's, when rejected
};

// The account of the logged-in user (the API's User object).
struct User
{
    QString id;
    QString username;
    Role role = Role::Learner;
    QString status; // "active", "awaiting_approval" or "rejected" (organisations)
    QString displayName;
    QDateTime createdAt;
    std::optional<LearnerInfo> learner;
    std::optional<OrganisationInfo> organisation;

    bool isValid() const { return !id.isEmpty() && !username.isEmpty(); }
    bool isAwaitingApproval() const;
    bool isRejected() const;

    // Parses the API's User object; an invalid User when required fields are missing.
    static User fromJson(const QJsonObject &object);
};

} // namespace xueshi
