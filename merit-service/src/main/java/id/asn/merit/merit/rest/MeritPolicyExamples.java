package id.asn.merit.merit.rest;

/** Request, response and problem examples for the OpenAPI document. */
final class MeritPolicyExamples {
    private MeritPolicyExamples() {
    }

    private static final String RULES = """
            "performanceScores":{"SANGAT_BAIK":100,"BAIK":80,"BUTUH_PERBAIKAN":60,"KURANG":40,"SANGAT_KURANG":20},
            "axisCutoffs":{"high":80,"medium":60},
            "potentialWeights":{"competency":40,"potentialTest":25,"qualification":20,"integrity":15},
            "integrityScores":{"none":100,"light":50,"moderateOrSevere":0},
            "disciplineLookbackYears":2,
            "meritWeights":{"performance":50,"potential":50},
            "talentPoolBoxes":[7,8,9],
            "jpm":{"mapping":{"optimal":90,"cukupOptimal":78},"selection":{"memenuhiSyarat":80,"masihMemenuhiSyarat":68}},
            "requiredJpPerYear":{"PNS":20,"CPNS":20,"PPPK":20}""";

    static final String POLICY = "{\"version\":1,\"effectiveFrom\":\"2024-01-01\",\"note\":\"defaults of SYSTEM.md §6\","
            + "\"publishedBy\":\"system\",\"publishedAt\":\"2026-01-05T08:00:00Z\"," + RULES + "}";

    static final String REQUEST = "{" + RULES + ",\"effectiveFrom\":\"2026-07-01\",\"note\":\"Keputusan Bupati 12/2026\"}";

    static final String PUBLISHED = "{\"version\":2,\"effectiveFrom\":\"2026-07-01\",\"note\":\"Keputusan Bupati 12/2026\","
            + "\"publishedBy\":\"admin\",\"publishedAt\":\"2026-06-20T10:30:00Z\"," + RULES + "}";

    static final String PAGE = "{\"items\":[" + POLICY + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String AUDIT_PAGE = """
            {"items":[{"id":3,"at":"2026-06-20T10:30:00Z","actor":"admin","roles":["ADMIN"],"action":"PUBLISH",
            "entity":"MeritPolicy","entityId":"2","before":{"version":1},"after":{"version":2},
            "requestId":"6f1c2d7e-8a51-4d43-9a63-2f9f0c0c1a11"}],"page":0,"size":50,"total":1}""";

    static final String WEIGHTS = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"potentialWeights: must sum to 100, not 95","instance":"/api/v1/merit-policies/current",
            "errors":[{"field":"potentialWeights","message":"must sum to 100, not 95"}]}""";

    static final String CUTOFFS = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"axisCutoffs: high (60) must be above medium (60)","instance":"/api/v1/merit-policies/current",
            "errors":[{"field":"axisCutoffs","message":"high (60) must be above medium (60)"}]}""";

    static final String BAD_SIZE = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"size: must be between 1 and 500",
            "instance":"/api/v1/merit-policies","errors":[{"field":"size","message":"must be between 1 and 500"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,
            "detail":"a valid bearer token is required","instance":"/api/v1/merit-policies/current"}""";

    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"your roles do not allow this",
            "instance":"/api/v1/merit-policies/current"}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"merit policy version 99 does not exist",
            "instance":"/api/v1/merit-policies/99"}""";

    static final String CONFLICT = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,"detail":"a record with the same key exists already",
            "instance":"/api/v1/merit-policies/current"}""";

    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
            "detail":"the current merit policy is version 2, not 1; read it again","instance":"/api/v1/merit-policies/current"}""";

    static final String EFFECTIVE_FROM = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"effectiveFrom: must not be before 2026-07-01, the date version 2 applies from","instance":"/api/v1/merit-policies/current",
            "errors":[{"field":"effectiveFrom","message":"must not be before 2026-07-01, the date version 2 applies from"}]}""";

    static final String IF_MATCH_REQUIRED = """
            {"type":"urn:asn:problem:precondition-required","title":"Precondition required","status":428,
            "detail":"If-Match: is required: send the ETag of the current policy, e.g. \\"1\\"","instance":"/api/v1/merit-policies/current",
            "errors":[{"field":"If-Match","message":"is required: send the ETag of the current policy, e.g. \\"1\\""}]}""";
}
