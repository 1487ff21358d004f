#include "controllers.h"
#include "core/jsonbody.h"
#include "router.h"
#include "services/certificateservice.h"

namespace xueshi::server {

namespace {

using Access = Router::Access;
using Lane = Router::Lane;

} // namespace

void addCertificateRoutes(Router &router, CertificateService &certificates)
{
    // Before /certificates/{serial}: the first route that matches answers ("keys" is no serial).
    router.add("GET", QStringLiteral("/api/v1/certificates/keys"), Access::Public, Lane::Normal,
        [&certificates](
            Router::Context &) { return HttpResponse::json(200, certificates.publicKeys()); });

    // Anyone holding a certificate may ask what became of it: no personal data in the answer.
    router.add("GET", QStringLiteral("/api/v1/certificates/{serial}"), Access::Public, Lane::Normal,
        [&certificates](Router::Context &c) {
            return HttpResponse::json(
                200, certificates.publicStatus(c.param(QStringLiteral("serial"))));
        });

    router.add("POST", QStringLiteral("/api/v1/certificates/{serial}/revoke"), Access::User,
        Lane::Normal, [&certificates](Router::Context &c) {
            const JsonBody body(c.request.body, { QStringLiteral("reason") });
            return HttpResponse::json(200,
                certificates.revoke(c.caller(), c.param(QStringLiteral("serial")),
                    body.optionalString(QStringLiteral("reason")).value_or(QString())));
        });
}

} // namespace xueshi::server
