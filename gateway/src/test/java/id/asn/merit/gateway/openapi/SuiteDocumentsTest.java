package id.asn.merit.gateway.openapi;

import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The gateway's documents: merged OpenAPI (from the stubs' fixtures), Swagger UI on it, AsyncAPI. */
@QuarkusTest
@WithTestResource(StubServices.class)
class SuiteDocumentsTest {

    @Test
    void theMergedOpenApiHasTheLiveServicesAndNamesTheMissingOne() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("info.title", equalTo("ASN Merit Suite API"))
                .body("info.version", not(equalTo("")))
                .body("servers[0].url", equalTo("/"))
                .body("paths", hasKey("/api/v1/employees/{nip}"))
                .body("paths", hasKey("/api/v1/competencies"))
                .body("paths", hasKey("/api/v1/learning-methods"))
                .body("paths", not(hasKey("/api/v1/merit-policies/current")))
                .body("paths.'/api/v1/employees'.get.operationId", equalTo("searchEmployees"))
                .body("paths.'/api/v1/employees'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Employee.EmployeePage"))
                .body("paths.'/api/v1/employees'.get.security[0]", hasKey("bearerAuth"))
                .body("components.schemas", hasKey("Employee.Problem"))
                .body("components.schemas", hasKey("Competency.Problem"))
                .body("components.schemas", hasKey("Training.Problem"))
                .body("components.securitySchemes", hasKey("bearerAuth"))
                .body("components.securitySchemes.size()", equalTo(1))
                .body("tags.name", hasItem("Audit"))
                .body("'x-unavailable-services'", hasItem("merit-service"));
    }

    @Test
    void theMergedOpenApiComesAsYamlOnRequest() {
        given().get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("title: ASN Merit Suite API"))
                .body(containsString("/api/v1/competencies:"));
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("swagger-ui"))
                // the UI's configuration points at the merged document, not at the gateway's own
                .body(matchesPattern("(?s).*url: *['\"]/q/openapi['\"].*"))
                .body(not(containsString("/q/openapi-gateway")));
    }

    @Test
    void theAsyncApiDocumentIsServed() {
        given().get("/q/asyncapi").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("asyncapi: 3."))
                .body(containsString("ASN Merit Suite events"));
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/employees").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/employees").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void proxiedRequestsAreTimedPerServiceAndStatus() {
        given().auth().oauth2(id.asn.merit.devinfra.TestTokens.token("ADMIN")).get("/api/v1/competencies")
                .then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("asn_gateway_proxy_requests_seconds_count{"))
                .body(containsString("service=\"competency-service\""))
                .body(containsString("status=\"200\""));
    }
}
