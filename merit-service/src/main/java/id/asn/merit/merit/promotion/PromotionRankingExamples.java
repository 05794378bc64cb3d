package id.asn.merit.merit.promotion;

/** OpenAPI examples of the promotion ranking operations (no null values: the suite's OpenAPI lint rejects them). */
final class PromotionRankingExamples {
    private PromotionRankingExamples() {
    }

    static final String REQUEST = """
            {"targetPositionCode":"ADM-KABID-YANKES","orgUnit":"DINKES","subtree":true,"year":2026,"waiveLeadershipTraining":false}""";

    static final String REQUEST_WAIVED = """
            {"targetPositionCode":"ADM-KABID-YANKES","orgUnit":"DINKES","year":2026,"waiveLeadershipTraining":true}""";

    static final String RANKING = """
            {"id":"3f6c1e2a-9b7d-4c55-8e21-6a0d4b9f7c10","targetPositionCode":"ADM-KABID-YANKES",
            "targetPositionTitle":"Kepala Bidang Pelayanan Kesehatan","targetPositionType":"ADMINISTRATOR","orgUnitCode":"DINKES",
            "subtree":true,"year":2026,"asOf":"2026-12-01","waiveLeadershipTraining":false,"policyVersion":1,
            "competencyStandardVersion":2,"competencyStandardSource":"OWN","computedAt":"2026-12-01T10:15:00+07:00",
            "candidates":[
            {"nip":"198503302010012001","name":"Siti Rahmawati","eligible":true,"blockers":[],"jpmForTarget":86.67,
            "jpmCategory":"MEMENUHI_SYARAT","meritScore":81.5,"currentRank":"III/d","rankSince":"2021-04-01","rank":1},
            {"nip":"198702142012011003","name":"Budi Santoso","eligible":false,"blockers":[
            {"rule":"LEADERSHIP_TRAINING_MISSING","evidence":"no verified PKA training, required for a ADMINISTRATOR position",
            "waivable":true,"waived":false},
            {"rule":"SKP_BELOW_MINIMUM","evidence":"annual SKP 2025 is BUTUH_PERBAIKAN, below BAIK","waivable":false,"waived":false}],
            "jpmForTarget":72.5,"jpmCategory":"MASIH_MEMENUHI_SYARAT","meritScore":84.0,"currentRank":"III/d",
            "rankSince":"2020-10-01","rank":2}]}""";

    static final String PAGE = """
            {"items":[{"id":"3f6c1e2a-9b7d-4c55-8e21-6a0d4b9f7c10","targetPositionCode":"ADM-KABID-YANKES","orgUnitCode":"DINKES",
            "subtree":true,"year":2026,"policyVersion":1,"candidates":42,"eligible":17,"requestedBy":"hr.officer@asn.local",
            "computedAt":"2026-12-01T10:15:00+07:00"}],"page":0,"size":50,"total":1}""";

    static final String INVALID = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"targetPositionCode: is required; year: must be between 2000 and 2027, not 1999",
            "instance":"/api/v1/promotion-rankings","errors":[{"field":"targetPositionCode","message":"is required"},
            {"field":"year","message":"must be between 2000 and 2027, not 1999"}]}""";

    static final String UNKNOWN_POSITION = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"targetPositionCode: position ADM-NOPE is not known to merit-service (it learns positions from asn.org.v1)",
            "instance":"/api/v1/promotion-rankings","errors":[{"field":"targetPositionCode",
            "message":"position ADM-NOPE is not known to merit-service (it learns positions from asn.org.v1)"}]}""";

    static final String UNKNOWN_UNIT = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"orgUnit: org unit NOPE is not known to merit-service","instance":"/api/v1/promotion-rankings",
            "errors":[{"field":"orgUnit","message":"org unit NOPE is not known to merit-service"}]}""";

    static final String UNAVAILABLE = """
            {"type":"urn:asn:problem:dependency-unavailable","title":"Service unavailable","status":503,
            "detail":"competency-service is unavailable (not reachable); the JPM for the target comes only from it, so the promotion ranking was not made. Try again later.",
            "instance":"/api/v1/promotion-rankings"}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,
            "detail":"promotion ranking 3f6c1e2a-9b7d-4c55-8e21-6a0d4b9f7c10 does not exist",
            "instance":"/api/v1/promotion-rankings/3f6c1e2a-9b7d-4c55-8e21-6a0d4b9f7c10"}""";

    static final String BAD_YEAR = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"year: must be a whole number",
            "instance":"/api/v1/promotion-rankings","errors":[{"field":"year","message":"must be a whole number"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,
            "detail":"a valid bearer token is required","instance":"/api/v1/promotion-rankings"}""";

    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"your roles do not allow this",
            "instance":"/api/v1/promotion-rankings"}""";
}
