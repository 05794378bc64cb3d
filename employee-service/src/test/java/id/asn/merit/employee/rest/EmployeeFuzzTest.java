package id.asn.merit.employee.rest;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.testing.OperationFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SYSTEM.md §4 "bad input is 400/422 with the field named, never 500": every operation of employee-service's OpenAPI
 * document, sent malformed JSON, wrong types, control characters and oversized strings in its body, path and query,
 * answers below 500, and every 4xx is problem+json.
 */
@QuarkusTest
class EmployeeFuzzTest {
    @Test
    void noOperationAnswersA5xxOrA4xxWithoutProblemJson() {
        OperationFuzzer.Report report = OperationFuzzer.forQuarkusTest(TestInfra.token(Roles.ADMIN)).run();
        assertTrue(report.operations() >= 25, report.summary());
        assertTrue(report.findings().isEmpty(), report.summary());
    }

    /** SYSTEM.md §7: a JAX-RS method without @RolesAllowed/@PermitAll is refused, never open by accident. */
    @Test
    void unannotatedEndpointsAreDenied() {
        assertEquals(Boolean.TRUE, ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class));
    }
}
