package id.asn.merit.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ProblemResponsesTest {
    @Test
    void everyOperationGets401And403AndEvery4xxAProblemWithAnExample() {
        MediaType ownExample = OASFactory.createMediaType().example(Map.of("status", 409, "detail", "own words"));
        Operation op = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse("400", OASFactory.createAPIResponse().description("Invalid input"))
                .addAPIResponse("409", OASFactory.createAPIResponse().description("Duplicate")
                        .content(OASFactory.createContent().addMediaType("application/problem+json", ownExample))));

        new ProblemResponses().filterOperation(op);

        var responses = op.getResponses();
        assertNotNull(responses.getAPIResponse("401"));
        assertNotNull(responses.getAPIResponse("403"));
        MediaType bad = responses.getAPIResponse("400").getContent().getMediaType("application/problem+json");
        assertEquals("#/components/schemas/Problem", bad.getSchema().getRef());
        assertEquals(400, ((Map<?, ?>) bad.getExample()).get("status"));
        assertEquals("urn:asn:problem:unauthenticated",
                ((Map<?, ?>) responses.getAPIResponse("401").getContent().getMediaType("application/problem+json").getExample()).get("type"));
        assertSame(ownExample, responses.getAPIResponse("409").getContent().getMediaType("application/problem+json"),
                "what an operation documents itself is kept");
        assertEquals(Map.of("status", 409, "detail", "own words"), ownExample.getExample());
        assertEquals(null, responses.getAPIResponse("200").getContent(), "success responses are left alone");
    }
}
