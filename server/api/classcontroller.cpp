#include "controllers.h"
#include "core/apierror.h"
#include "errorcodes.h"
#include "router.h"
#include "services/classservice.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace xueshi::server {

namespace {

using Access = Router::Access;
using Lane = Router::Lane;
namespace ec = xueshi::errorcode;

} // namespace

void addClassRoutes(Router &router, ClassService &classes)
{
    // The institution's attendance sheet, matched to its class's enrolments on the server so
    // that nothing from which a full resident id could be derived is sent to the institution.
    router.add("POST", QStringLiteral("/api/v1/classes/{id}/attendance-match"), Access::User,
        Lane::Normal, [&classes](Router::Context &c) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(c.request.body, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                throw ApiError(400, ec::InvalidJson, "Server",
                    QT_TRANSLATE_NOOP("Server", "The request body is not a valid JSON object."));
            }
            return HttpResponse::json(200,
                classes.matchAttendance(c.caller(), c.param(QStringLiteral("id")), doc.object()));
        });
}

} // namespace xueshi::server
