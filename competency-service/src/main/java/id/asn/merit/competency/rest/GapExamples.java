package id.asn.merit.competency.rest;

/** OpenAPI examples of assessments, gaps and development needs (kept here so the resources stay readable). */
final class GapExamples {
    private GapExamples() {
    }

    static final String ASSESSMENT_REQUEST = """
            {"nip":"198503302010012001","assessedOn":"2026-03-10","method":"ASSESSMENT_CENTER","purpose":"MAPPING",
            "assessor":"UPT Penilaian Kompetensi BKPSDM","scores":[{"competencyCode":"M.1","level":3.5},{"competencyCode":"M.2","level":2}]}""";

    static final String CORRECTION_REQUEST = """
            {"nip":"198503302010012001","assessedOn":"2026-03-10","method":"ASSESSMENT_CENTER","purpose":"MAPPING",
            "assessor":"UPT Penilaian Kompetensi BKPSDM","supersedes":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11",
            "scores":[{"competencyCode":"M.1","level":3.5},{"competencyCode":"M.2","level":2.5}]}""";

    static final String ASSESSMENT = """
            {"id":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11","nip":"198503302010012001","assessedOn":"2026-03-10",
            "method":"ASSESSMENT_CENTER","purpose":"MAPPING","assessor":"UPT Penilaian Kompetensi BKPSDM",
            "scores":[{"competencyCode":"M.1","level":3.5},{"competencyCode":"M.2","level":2.0}],
            "recordedAt":"2026-03-11T09:15:00+07:00","recordedBy":"assessor-01"}""";

    static final String ASSESSMENT_PAGE = """
            {"items":[{"id":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11","nip":"198503302010012001","assessedOn":"2026-03-10",
            "method":"ASSESSMENT_CENTER","purpose":"MAPPING","assessor":"UPT Penilaian Kompetensi BKPSDM",
            "scores":[{"competencyCode":"M.1","level":3.5}],"recordedAt":"2026-03-11T09:15:00+07:00","recordedBy":"assessor-01"}],
            "page":0,"size":50,"total":1}""";

    static final String ASSESSMENT_INVALID = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"assessedOn: must not be in the future (today is 2026-12-01); scores[1].level: must be 1.0 to 5.0 with at most one decimal, not 5.5",
            "instance":"/api/v1/assessments","errors":[{"field":"assessedOn","message":"must not be in the future (today is 2026-12-01)"},
            {"field":"scores[1].level","message":"must be 1.0 to 5.0 with at most one decimal, not 5.5"}]}""";

    static final String ASSESSMENT_UNKNOWN = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"scores[0].competencyCode: T.99 is not in the competency dictionary","instance":"/api/v1/assessments",
            "errors":[{"field":"scores[0].competencyCode","message":"T.99 is not in the competency dictionary"}]}""";

    static final String ALREADY_CORRECTED = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
            "detail":"assessment 0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11 was already corrected by 5d2f7a10-1c3e-4b6a-8f9d-2e4c6b8a0d13; correct that one instead",
            "instance":"/api/v1/assessments"}""";

    static final String GAP = """
            {"nip":"198503302010012001","positionCode":"ADM-SEKRE-DINKES","targetPosition":false,"on":"2026-12-01","purpose":"MAPPING",
            "items":[{"competencyCode":"M.1","name":"Integritas","required":3,"actual":3.5,"gap":0.5,"ratio":1.1667,"importance":"MUTLAK",
            "notAssessed":false,"assessmentId":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11"},
            {"competencyCode":"M.2","name":"Kerja Sama","required":3,"actual":2.0,"gap":-1.0,"ratio":0.6667,"importance":"PENTING",
            "notAssessed":false,"assessmentId":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11"},
            {"competencyCode":"M.3","name":"Komunikasi","required":3,"ratio":0.00,"importance":"PENTING","notAssessed":true}],
            "jpm":61.11,"category":"KURANG_OPTIMAL","coverage":0.6667,"standardVersion":2,"standardSource":"OWN",
            "standardEffectiveFrom":"2026-01-01","assessmentIds":["0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11"],"policyVersion":1,
            "computedAt":"2026-12-01T10:00:00+07:00"}""";

    static final String GAP_LIST = """
            {"items":[{"nip":"198503302010012001","name":"Siti Rahmawati","positionCode":"ADM-SEKRE-DINKES","orgUnitCode":"DINKES-SEKRE",
            "jpm":61.11,"category":"KURANG_OPTIMAL","coverage":0.6667,"standardVersion":2,"standardSource":"OWN","policyVersion":1,
            "computedOn":"2026-12-01"}],"page":0,"size":50,"total":1}""";

    static final String GAP_LIST_CSV = """
            nip,name,positionCode,orgUnitCode,jpm,category,coverage,standardVersion,standardSource,policyVersion,computedOn
            198503302010012001,Siti Rahmawati,ADM-SEKRE-DINKES,DINKES-SEKRE,61.11,KURANG_OPTIMAL,0.6667,2,OWN,1,2026-12-01
            """;

    static final String BATCH_REQUEST = """
            {"positionCode":"JPT-KADIS-DINKES","nips":["198503302010012001","199001012015031002"],"purpose":"SELECTION"}""";

    static final String BATCH = """
            {"positionCode":"JPT-KADIS-DINKES","standardVersion":1,"standardSource":"TEMPLATE","policyVersion":1,"purpose":"SELECTION",
            "on":"2026-12-01","items":[{"nip":"198503302010012001","positionCode":"JPT-KADIS-DINKES","targetPosition":true,
            "on":"2026-12-01","purpose":"SELECTION","items":[{"competencyCode":"M.1","name":"Integritas","required":4,"actual":3.5,
            "gap":-0.5,"ratio":0.875,"importance":"PENTING","notAssessed":false,"assessmentId":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11"}],
            "jpm":87.50,"category":"MEMENUHI_SYARAT","coverage":1.0,"standardVersion":1,"standardSource":"TEMPLATE",
            "assessmentIds":["0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11"],"policyVersion":1,"computedAt":"2026-12-01T10:00:00+07:00"}]}""";

    static final String NEEDS = """
            {"orgUnitCode":"DINKES","subtree":true,"year":2027,"asOf":"2026-12-01","policyVersion":1,"people":5000,"peopleWithNeeds":1830,
            "pendingRefresh":0,"byCompetency":[{"competencyCode":"M.4","name":"Orientasi pada Hasil","peopleBelow":412,"averageGap":-1.15,
            "mutlakCount":37,"notAssessed":120}],"byPerson":{"items":[{"nip":"198503302010012001","name":"Siti Rahmawati",
            "positionCode":"ADM-SEKRE-DINKES","orgUnitCode":"DINKES-SEKRE","needs":[{"competencyCode":"M.2","name":"Kerja Sama",
            "required":3,"actual":1.0,"gap":-2.0,"shortfall":2.0,"importance":"PENTING","pathway":"KLASIKAL",
            "assessmentId":"0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11"}]}],"page":0,"size":50,"total":1830}}""";

    static final String NEEDS_CSV = """
            nip,name,positionCode,orgUnitCode,competencyCode,competencyName,required,actual,gap,shortfall,importance,pathway,assessmentId
            198503302010012001,Siti Rahmawati,ADM-SEKRE-DINKES,DINKES-SEKRE,M.2,Kerja Sama,3,1.0,-2.0,2.0,PENTING,KLASIKAL,0b8e1c52-5f0e-4a36-9d0f-3f1d2b8c9a11
            """;

    static final String EMPLOYEE_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"employee 198503302010012001 does not exist",
            "instance":"/api/v1/competency-gaps/198503302010012001"}""";

    static final String NO_POSITION = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"positionCode: 198503302010012001 holds no position now; name a target position","instance":"/api/v1/competency-gaps/198503302010012001",
            "errors":[{"field":"positionCode","message":"198503302010012001 holds no position now; name a target position"}]}""";

    static final String BAD_PARAM = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"on: must be a date YYYY-MM-DD, not 2026-13-01",
            "instance":"/api/v1/competency-gaps/198503302010012001","errors":[{"field":"on","message":"must be a date YYYY-MM-DD, not 2026-13-01"}]}""";

    static final String PAST_YEAR = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"year: the needs of a past year are not kept","instance":"/api/v1/development-needs",
            "errors":[{"field":"year","message":"the needs of a past year are not kept"}]}""";

    static final String REBUILT = """
            {"people":100000,"millis":41230}""";
}
