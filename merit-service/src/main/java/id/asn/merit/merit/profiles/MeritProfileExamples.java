package id.asn.merit.merit.profiles;

/** OpenAPI examples of the merit profile, potential test and recomputation operations (no nulls: the suite's lint). */
final class MeritProfileExamples {
    private MeritProfileExamples() {
    }

    static final String PROFILE = """
            {"nip":"198503152010011001","name":"Siti Rahma","year":2026,"orgUnitCode":"DINKES-SEK","positionCode":"KASUBAG-UMUM",
            "performance":{"rating":"SANGAT_BAIK","ratingYear":2026,"score":100,"axis":"HIGH"},
            "potential":{"score":86.5,"axis":"HIGH","parts":{"competency":85,"potentialTest":78,"qualification":100,"integrity":100},
            "missingParts":[],"reweighted":false,"weights":{"competency":40,"potentialTest":25,"qualification":20,"integrity":15}},
            "box":9,"meritScore":93.25,"eligibleForTalentPool":true,
            "reasons":["annual SKP 2026 SANGAT_BAIK: performance 100 (HIGH)","competency: JPM 85 against position KASUBAG-UMUM",
            "potential 86.5 (HIGH)","box 9: performance HIGH × potential HIGH; merit score 93.25"],
            "inputs":[{"source":"asn.employee.performance-rated.v1","id":"5f0c1d2e-9a8b-4c7d-8e6f-1a2b3c4d5e6f","value":"SANGAT_BAIK",
            "at":"2026-01-20T03:00:00Z"}],
            "policyVersion":2,"revision":3,"cause":{"type":"EVENT","id":"5f0c1d2e-9a8b-4c7d-8e6f-1a2b3c4d5e6f",
            "eventType":"asn.employee.performance-rated.v1"},"computedAt":"2026-01-20T03:00:01Z"}""";

    static final String REDUCED = """
            {"nip":"198503152010011001","name":"Siti Rahma","year":2026,"orgUnitCode":"DINKES-SEK","positionCode":"KASUBAG-UMUM",
            "box":9,"policyVersion":2,"computedAt":"2026-01-20T03:00:01Z"}""";

    static final String PAGE = "{\"items\":[" + PROFILE + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String CSV = "nip,name,year,orgUnitCode,positionCode,box,meritScore,performanceScore,performanceAxis,potentialScore,"
            + "potentialAxis,eligibleForTalentPool,policyVersion,computedAt\r\n"
            + "198503152010011001,Siti Rahma,2026,DINKES-SEK,KASUBAG-UMUM,9,93.25,100,HIGH,86.5,HIGH,true,2,2026-01-20T03:00:01Z\r\n";

    static final String HISTORY = """
            {"items":[{"revision":3,"cause":{"type":"EVENT","id":"5f0c1d2e-9a8b-4c7d-8e6f-1a2b3c4d5e6f",
            "eventType":"asn.employee.performance-rated.v1"},"policyVersion":2,"box":9,"meritScore":93.25,
            "computedAt":"2026-01-20T03:00:01Z","profile":{"nip":"198503152010011001","year":2026,"box":9,"policyVersion":2}}],
            "page":0,"size":50,"total":1}""";

    static final String TEST_REQUEST = """
            {"year":2026,"score":78,"instrument":"Tes Potensi Kepemimpinan (BKN)","assessedOn":"2026-03-12"}""";

    static final String TEST = """
            {"id":"0b5e8a8e-3f7c-4c1e-9a55-2f0d4b7c9e11","nip":"198503152010011001","year":2026,"score":78,
            "instrument":"Tes Potensi Kepemimpinan (BKN)","assessedOn":"2026-03-12","recordedBy":"hr-officer",
            "recordedAt":"2026-03-13T02:00:00Z"}""";

    static final String TEST_PAGE = "{\"items\":[" + TEST + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String RECOMPUTATION = """
            {"id":"7d1f0c7e-2b9a-4f7e-a1c3-5e8d9b0a1c2d","policyVersion":2,"year":2026,"status":"DONE","total":100000,
            "processed":100000,"changed":64210,"createdAt":"2026-07-01T01:00:00Z","startedAt":"2026-07-01T01:00:01Z",
            "finishedAt":"2026-07-01T01:00:41Z"}""";

    static final String RECOMPUTATION_PAGE = "{\"items\":[" + RECOMPUTATION + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String RECOMPUTATION_REQUEST = "{\"year\":2025}";

    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,
            "detail":"a valid bearer token is required","instance":"/api/v1/merit-profiles/198503152010011001"}""";

    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"your roles do not allow this",
            "instance":"/api/v1/merit-profiles/198503152010011001"}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"employee 198503152010011001 not found",
            "instance":"/api/v1/merit-profiles/198503152010011001"}""";

    static final String JOB_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,
            "detail":"recomputation 7d1f0c7e-2b9a-4f7e-a1c3-5e8d9b0a1c2d not found",
            "instance":"/api/v1/merit-policies/recomputations/7d1f0c7e-2b9a-4f7e-a1c3-5e8d9b0a1c2d"}""";

    static final String BAD_YEAR = """
            {"type":"urn:asn:problem:invalid","title":"Invalid request","status":400,"detail":"year: must be between 2000 and 2027",
            "instance":"/api/v1/merit-profiles/198503152010011001","errors":[{"field":"year","message":"must be between 2000 and 2027"}]}""";

    static final String BAD_BOX = """
            {"type":"urn:asn:problem:invalid","title":"Invalid request","status":400,"detail":"box: must be 1..9",
            "instance":"/api/v1/merit-profiles","errors":[{"field":"box","message":"must be 1..9"}]}""";

    static final String INVALID_TEST = """
            {"type":"urn:asn:problem:invalid","title":"Invalid request","status":400,"detail":"score: must be between 0 and 100",
            "instance":"/api/v1/merit-profiles/198503152010011001/potential-tests",
            "errors":[{"field":"score","message":"must be between 0 and 100"},{"field":"assessedOn","message":"must not be in the future"}]}""";

    static final String IDEMPOTENCY = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable","status":422,
            "detail":"Idempotency-Key: was used before with a different request body",
            "instance":"/api/v1/merit-profiles/198503152010011001/potential-tests",
            "errors":[{"field":"Idempotency-Key","message":"was used before with a different request body"}]}""";
}
