package id.asn.merit.training.plans;

/** OpenAPI examples of the development-plan API. */
final class PlanExamples {
    private PlanExamples() {
    }

    static final String ITEM_REQUEST = """
            {"competencyCode":"M.3","methodCode":"KL02","targetNips":["198503302010012001","199001012015031002"],
             "plannedJp":20,"budget":15000000,"schedule":{"from":"2026-03-01","to":"2026-06-30"}}""";

    static final String PLAN_REQUEST = """
            {"year":2026,"orgUnitCode":"DINKES","title":"Rencana Pengembangan Kompetensi Dinas Kesehatan 2026",
             "items":[{"competencyCode":"M.3","methodCode":"KL02","targetNips":["198503302010012001","199001012015031002"],
                       "plannedJp":20,"budget":15000000,"schedule":{"from":"2026-03-01","to":"2026-06-30"}},
                      {"competencyCode":"SK.1","methodCode":"NKL01","targetPositionCodes":["KASI-YANKES"],
                       "plannedJp":10,"budget":0,"schedule":{"from":"2026-01-01","to":"2026-12-31"}}]}""";

    static final String ITEM = """
            {"id":"5d1b1f6e-2a4c-4a8e-9a53-1c0d7c0f9e21","competencyCode":"M.3","methodCode":"KL02",
             "targetNips":["198503302010012001","199001012015031002"],"targetPositionCodes":[],"plannedJp":20,
             "budget":15000000,"schedule":{"from":"2026-03-01","to":"2026-06-30"},"generated":false}""";

    static final String PLAN = """
            {"id":"0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10","year":2026,"orgUnitCode":"DINKES",
             "title":"Rencana Pengembangan Kompetensi Dinas Kesehatan 2026","status":"DRAFT","revision":1,"version":1,"createdBy":"hr.officer",
             "createdAt":"2026-01-10T08:00:00Z","updatedAt":"2026-01-10T08:00:00Z",
             "totals":{"items":1,"plannedJp":20,"budget":15000000},
             "items":[{"id":"5d1b1f6e-2a4c-4a8e-9a53-1c0d7c0f9e21","competencyCode":"M.3","methodCode":"KL02",
                       "targetNips":["198503302010012001","199001012015031002"],"targetPositionCodes":[],"plannedJp":20,
                       "budget":15000000,"schedule":{"from":"2026-03-01","to":"2026-06-30"},"generated":false}]}""";

    static final String APPROVED = """
            {"id":"0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10","year":2026,"orgUnitCode":"DINKES",
             "title":"Rencana Pengembangan Kompetensi Dinas Kesehatan 2026","status":"APPROVED","revision":1,"version":3,"approvedBy":"hr.officer","approvedAt":"2026-01-20T09:30:00Z","createdBy":"hr.officer",
             "createdAt":"2026-01-10T08:00:00Z","updatedAt":"2026-01-20T09:30:00Z",
             "totals":{"items":1,"plannedJp":20,"budget":15000000},"items":[]}""";

    static final String PAGE = """
            {"items":[{"id":"0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10","year":2026,"orgUnitCode":"DINKES",
             "title":"Rencana Pengembangan Kompetensi Dinas Kesehatan 2026","status":"APPROVED","revision":1,"version":3,"approvedBy":"hr.officer","approvedAt":"2026-01-20T09:30:00Z","createdBy":"hr.officer",
             "createdAt":"2026-01-10T08:00:00Z","updatedAt":"2026-01-20T09:30:00Z",
             "totals":{"items":1,"plannedJp":20,"budget":15000000}}],"page":0,"size":50,"total":1}""";

    static final String GENERATED = """
            {"planId":"0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10","version":2,"generated":1,"replaced":0,
             "items":[{"id":"8a0e3c1d-4b5f-4e7a-9c2d-6f1e0b3a5d77","competencyCode":"M.3","methodCode":"NKL01",
                       "targetNips":["198503302010012001","199001012015031002"],"targetPositionCodes":[],"plannedJp":10,
                       "budget":0,"schedule":{"from":"2026-01-01","to":"2026-12-31"},"generated":true,
                       "reason":"2 people below standard in M.3 by 1.0 on average"}]}""";

    static final String REALISATION = """
            {"planId":"0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10","year":2026,"orgUnitCode":"DINKES","status":"APPROVED","version":3,
             "items":[{"itemId":"5d1b1f6e-2a4c-4a8e-9a53-1c0d7c0f9e21","competencyCode":"M.3","methodCode":"KL02","plannedJp":20,
                       "realisedJp":24,"budget":15000000,"spent":7500000,"peopleTargeted":2,"peopleReached":1,
                       "notReached":[{"nip":"199001012015031002","name":"Budi Santoso"}],
                       "records":[{"id":"3e5b7c9d-1a2b-4c3d-8e9f-0a1b2c3d4e5f","nip":"198503302010012001","jp":24,"claimedJp":24,"cost":7500000}]}],
             "totals":{"plannedJp":20,"realisedJp":24,"budget":15000000,"spent":7500000,"peopleTargeted":2,"peopleReached":1,
                       "percentReached":50.00}}""";

    static final String INVALID = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
             "detail":"items[1].schedule.to: must be on or after schedule.from","instance":"/api/v1/development-plans",
             "errors":[{"field":"items[1].schedule.to","message":"must be on or after schedule.from"}]}""";

    static final String UNKNOWN = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
             "detail":"orgUnitCode: unit XYZ is not known","instance":"/api/v1/development-plans",
             "errors":[{"field":"orgUnitCode","message":"unit XYZ is not known"}]}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,
             "detail":"development plan 0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10 does not exist",
             "instance":"/api/v1/development-plans/0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10"}""";

    static final String READ_ONLY = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
             "detail":"development plan 0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10 is APPROVED and read-only; to change it, create a revision (POST /api/v1/development-plans/0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10/revisions)",
             "instance":"/api/v1/development-plans/0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10/items"}""";

    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
             "detail":"development plan 0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10 is at version 3, not 2; read it again",
             "instance":"/api/v1/development-plans/0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10/approval"}""";

    static final String BAD_PARAM = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
             "detail":"year: value 'last' is not a whole number","instance":"/api/v1/development-plans",
             "errors":[{"field":"year","message":"value 'last' is not a whole number"}]}""";
}
