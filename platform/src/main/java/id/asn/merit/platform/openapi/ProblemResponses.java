package id.asn.merit.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents the errors every operation of the suite can give (SYSTEM.md §4, §7) once, instead of on every resource
 * method: a 401 and a 403, and application/problem+json with an example on every 4xx that does not say more itself.
 * Enable it with {@code mp.openapi.filter=id.asn.merit.platform.openapi.ProblemResponses}.
 */
public class ProblemResponses implements OASFilter {
    static final String PROBLEM = "application/problem+json";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().description("No valid bearer token"));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description("The caller's roles or scope do not allow this"));
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4")) {
                documentProblem(Integer.parseInt(entry.getKey()), entry.getValue());
            }
        }
        return operation;
    }

    private static void documentProblem(int status, APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType media = content.getMediaType(PROBLEM);
        if (media == null) {
            media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
            content.addMediaType(PROBLEM, media);
        }
        if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            media.setExample(example(status, response.getDescription()));
        }
    }

    private static Map<String, Object> example(int status, String description) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", switch (status) {
            case 401 -> "urn:asn:problem:unauthenticated";
            case 403 -> "urn:asn:problem:forbidden";
            case 404 -> "urn:asn:problem:not-found";
            case 409 -> "urn:asn:problem:conflict";
            case 412 -> "urn:asn:problem:stale-version";
            case 422 -> "urn:asn:problem:unprocessable";
            default -> "urn:asn:problem:validation";
        });
        problem.put("title", description == null ? "Error" : description);
        problem.put("status", status);
        problem.put("detail", description == null ? "see title" : description);
        problem.put("requestId", "6f1c2d7e-8a51-4d43-9a63-2f9f0c0c1a11");
        return problem;
    }
}
