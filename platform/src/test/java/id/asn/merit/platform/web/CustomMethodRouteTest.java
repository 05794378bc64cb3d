package id.asn.merit.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CustomMethodRouteTest {
    final CustomMethodRoute batch = new CustomMethodRoute("/api/v1/competency-gaps:batch", "/api/v1/competency-gaps/batch");
    final CustomMethodRoute generate = new CustomMethodRoute("/api/v1/development-plans/{id}/items:generate",
            "/api/v1/development-plans/{id}/items-generate");

    @Test
    void theColonAsSentOrPercentEncodedGoesToTheInternalPath() {
        assertEquals("/api/v1/competency-gaps/batch", batch.target("/api/v1/competency-gaps:batch", null));
        assertEquals("/api/v1/competency-gaps/batch?x=1", batch.target("/api/v1/competency-gaps%3Abatch", "x=1"));
        assertEquals("/api/v1/competency-gaps/batch", batch.target("/api/v1/competency-gaps%3abatch", null));
    }

    @Test
    void segmentsAreCarriedOver() {
        assertEquals("/api/v1/development-plans/42/items-generate",
                generate.target("/api/v1/development-plans/42/items:generate", null));
        assertEquals("/api/v1/development-plans/a-b/items-generate?dry=true",
                generate.target("/api/v1/development-plans/a-b/items%3Agenerate", "dry=true"));
    }

    @Test
    void otherPathsAreLeftAlone() {
        assertNull(batch.target("/api/v1/competency-gaps", null));
        assertNull(batch.target("/api/v1/competency-gaps:batchx", null));
        assertNull(generate.target("/api/v1/development-plans/1/2/items:generate", null));
        assertNull(generate.target("/api/v1/development-plans/1/items", null));
    }
}
