package id.asn.merit.merit.talent;

/** The OpenAPI examples of the 9-box, talent pool and fairness report operations (no null values: the lint rejects them). */
final class TalentExamples {
    private TalentExamples() {
    }

    private static final String CELLS_WITH_MEMBERS = """
            [{"box":1,"performanceAxis":"LOW","potentialAxis":"LOW","count":0,"members":[]},
             {"box":2,"performanceAxis":"MEDIUM","potentialAxis":"LOW","count":1,"members":[{"nip":"199001012015021003","name":"Andi Wijaya","orgUnitCode":"DINKES-UMUM","positionCode":"PENGADMIN","meritScore":58}]},
             {"box":3,"performanceAxis":"LOW","potentialAxis":"MEDIUM","count":0,"members":[]},
             {"box":4,"performanceAxis":"HIGH","potentialAxis":"LOW","count":0,"members":[]},
             {"box":5,"performanceAxis":"MEDIUM","potentialAxis":"MEDIUM","count":0,"members":[]},
             {"box":6,"performanceAxis":"LOW","potentialAxis":"HIGH","count":0,"members":[]},
             {"box":7,"performanceAxis":"HIGH","potentialAxis":"MEDIUM","count":0,"members":[]},
             {"box":8,"performanceAxis":"MEDIUM","potentialAxis":"HIGH","count":0,"members":[]},
             {"box":9,"performanceAxis":"HIGH","potentialAxis":"HIGH","count":1,"members":[{"nip":"198503102010011001","name":"Budi Santoso","orgUnitCode":"DINKES","positionCode":"KASUBAG-UMUM","meritScore":92.5}]}]""";

    static final String NINE_BOX = "{\"year\":2026,\"orgUnitCode\":\"DINKES\",\"subtree\":true,\"policyVersion\":1,\"mixedPolicyVersions\":false,"
            + "\"cutoffs\":{\"high\":80,\"medium\":60},\"total\":3,\"unplaced\":1,\"boxes\":" + CELLS_WITH_MEMBERS + ",\"page\":0,\"size\":50}";

    static final String NINE_BOX_COUNTS = """
            {"year":2026,"orgUnitCode":"DINKES","subtree":true,"policyVersion":1,"mixedPolicyVersions":false,"cutoffs":{"high":80,"medium":60},
             "total":3,"unplaced":1,"boxes":[{"box":1,"performanceAxis":"LOW","potentialAxis":"LOW","count":0},
             {"box":2,"performanceAxis":"MEDIUM","potentialAxis":"LOW","count":1},{"box":3,"performanceAxis":"LOW","potentialAxis":"MEDIUM","count":0},
             {"box":4,"performanceAxis":"HIGH","potentialAxis":"LOW","count":0},{"box":5,"performanceAxis":"MEDIUM","potentialAxis":"MEDIUM","count":0},
             {"box":6,"performanceAxis":"LOW","potentialAxis":"HIGH","count":0},{"box":7,"performanceAxis":"HIGH","potentialAxis":"MEDIUM","count":0},
             {"box":8,"performanceAxis":"MEDIUM","potentialAxis":"HIGH","count":0},{"box":9,"performanceAxis":"HIGH","potentialAxis":"HIGH","count":1}],
             "page":0,"size":50}""";

    static final String NINE_BOX_SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="570" height="480" viewBox="0 0 570 480">
              <title>9-box 2026: Dinas Kesehatan (DINKES) and below</title>
              <g id="box-9"><rect x="400" y="70" width="140" height="110" fill="#b6d7a8" stroke="#333333"/>
                <text x="410" y="92">Box 9</text><text class="count" x="470" y="139">1</text></g>
              ...
            </svg>""";

    static final String TALENT_POOL = """
            {"year":2026,"orgUnitCode":"DINKES","subtree":true,"policyVersion":1,"mixedPolicyVersions":false,
             "instansi":{"boxes":[7,8,9],"count":1,"members":[{"nip":"198503102010011001","name":"Budi Santoso","orgUnitCode":"DINKES",
               "positionCode":"KASUBAG-UMUM","box":9,"meritScore":92.5,
               "reason":"box 9 (performance HIGH × potential HIGH), merit score 92.5, no moderate or severe discipline in 2 years"}]},
             "national":{"boxes":[9],"count":1,"members":[{"nip":"198503102010011001","name":"Budi Santoso","orgUnitCode":"DINKES",
               "positionCode":"KASUBAG-UMUM","box":9,"meritScore":92.5,
               "reason":"box 9 (performance HIGH × potential HIGH), merit score 92.5, no moderate or severe discipline in 2 years"}]},
             "excludedCount":1,"excluded":[{"nip":"198601012011012002","name":"Siti Aminah","box":8,
               "reason":"in box 8 (performance MEDIUM × potential HIGH) but not eligible: MODERATE discipline decided on 2025-03-01, within the 2-year look-back"}],
             "page":0,"size":50}""";

    static final String TALENT_POOL_COUNTS = """
            {"year":2026,"orgUnitCode":"DINKES","subtree":true,"policyVersion":1,"mixedPolicyVersions":false,
             "instansi":{"boxes":[7,8,9],"count":1},"national":{"boxes":[9],"count":1},"page":0,"size":50}""";

    static final String FAIRNESS = """
            {"year":2026,"orgUnitCode":"DINKES","subtree":true,"outcome":"TALENT_POOL","policyVersion":1,"mixedPolicyVersions":false,
             "threshold":0.8,"minGroupSize":5,"asOf":"2026-12-31","population":20,"selected":6,
             "groups":[{"dimension":"GENDER","group":"M","size":10,"selected":4,"selectionRate":0.4,"impactRatio":1,"flagged":false},
               {"dimension":"GENDER","group":"F","size":10,"selected":2,"selectionRate":0.2,"impactRatio":0.5,"flagged":true},
               {"dimension":"AGE_BAND","group":"<30","size":3,"selected":0,"selectionRate":0,"impactRatio":0,"flagged":false,
                "note":"group of 3 is smaller than 5: too small to judge"},
               {"dimension":"AGE_BAND","group":"30-39","size":8,"selected":3,"selectionRate":0.375,"impactRatio":1,"flagged":false},
               {"dimension":"AGE_BAND","group":"40-49","size":9,"selected":3,"selectionRate":0.3333,"impactRatio":0.8888,"flagged":false},
               {"dimension":"AGE_BAND","group":">=50","size":0,"selected":0,"flagged":false,"note":"no one in this group"}]}""";

    static final String FAIRNESS_PROMOTION = """
            {"year":2026,"orgUnitCode":"DINKES","subtree":true,"outcome":"PROMOTION_ELIGIBLE","rankingId":"0b6f3c1e-4a39-4d0e-9a55-2f1d7e2b9c10",
             "policyVersion":1,"mixedPolicyVersions":false,"threshold":0.8,"minGroupSize":5,"asOf":"2026-12-31","population":12,"selected":5,
             "groups":[{"dimension":"GENDER","group":"M","size":6,"selected":3,"selectionRate":0.5,"impactRatio":1,"flagged":false},
               {"dimension":"GENDER","group":"F","size":6,"selected":2,"selectionRate":0.3333,"impactRatio":0.6666,"flagged":true}]}""";

    static final String BAD_YEAR = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"year: value 'abc' is not a whole number",
             "instance":"/api/v1/nine-box","errors":[{"field":"year","message":"value 'abc' is not a whole number"}]}""";
    static final String BAD_OUTCOME = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"outcome: is required: TALENT_POOL or PROMOTION_ELIGIBLE",
             "instance":"/api/v1/fairness-reports","errors":[{"field":"outcome","message":"is required: TALENT_POOL or PROMOTION_ELIGIBLE"}]}""";
    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,"detail":"a valid bearer token is required","instance":"/api/v1/nine-box"}""";
    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"you may not do this","instance":"/api/v1/nine-box"}""";
    static final String UNIT_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"org unit DINKES-X does not exist","instance":"/api/v1/nine-box"}""";
    static final String RANKING_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"promotion ranking 0b6f3c1e-4a39-4d0e-9a55-2f1d7e2b9c10 does not exist",
             "instance":"/api/v1/fairness-reports"}""";
}
