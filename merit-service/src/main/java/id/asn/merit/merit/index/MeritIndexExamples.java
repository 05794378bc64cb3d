package id.asn.merit.merit.index;

/** Request, response and problem examples of the merit index API for the OpenAPI document (no null values: the lint refuses them). */
final class MeritIndexExamples {
    private MeritIndexExamples() {
    }

    static final String CREATE_REQUEST = """
            {"year":2026,"orgUnitCode":"KAB-SORONG"}""";

    private static final String ASPECTS_DRAFT = """
            "aspects":[
             {"code":"1","name":"Perencanaan kebutuhan","score":0,"indicators":[
              {"code":"1.1","name":"Job and workload analysis for every unit (analisis jabatan dan analisis beban kerja)","weight":4,"prefilled":false},
              {"code":"1.2","name":"Five-year ASN needs plan by position (rencana kebutuhan ASN 5 tahun)","weight":4,"prefilled":false}]},
             {"code":"3","name":"Pengembangan karier","score":36,"indicators":[
              {"code":"3.1","name":"Positions with their own competency standard (standar kompetensi jabatan)","weight":4,"score":2,
               "evidence":"61 of 180 active positions (33.9 %) have a competency standard of their own","prefilled":true,
               "measure":"POSITIONS_WITH_OWN_STANDARD","measured":{"numerator":61,"denominator":180,"share":33.9,"scoreThresholds":[25,50,75]},
               "scoredBy":"merit-service","scoredAt":"2026-08-17T02:00:00Z"},
              {"code":"3.2","name":"Employees assessed in the last 3 years (pemetaan kompetensi)","weight":4,"score":3,
               "evidence":"301 of 530 active employees (56.8 %) had a competency assessment between 2023-08-17 and 2026-08-17","prefilled":true,
               "measure":"ASSESSED_LAST_3_YEARS","measured":{"numerator":301,"denominator":530,"share":56.8,"scoreThresholds":[25,50,75]},
               "scoredBy":"merit-service","scoredAt":"2026-08-17T02:00:00Z"},
              {"code":"3.3","name":"Employees with at least 20 JP of development last year (pengembangan kompetensi 20 JP)","weight":4,"score":4,
               "evidence":"412 of 530 active employees (77.7 %) had ≥ 20 JP recognised in 2025","prefilled":true,
               "measure":"JP_20_LAST_YEAR","measured":{"numerator":412,"denominator":530,"share":77.7,"scoreThresholds":[25,50,75]},
               "scoredBy":"merit-service","scoredAt":"2026-08-17T02:00:00Z"}]},
             {"code":"4","name":"Promosi dan mutasi","score":4,"indicators":[
              {"code":"4.3","name":"Managerial posts held by people with the required leadership training (PKP, PKA, PKN)","weight":4,"score":1,
               "evidence":"9 of 48 filled managerial posts (18.8 %) are held by someone with the required leadership training (3 vacant not counted)",
               "prefilled":true,"measure":"MANAGERIAL_WITH_LEADERSHIP_TRAINING",
               "measured":{"numerator":9,"denominator":48,"share":18.8,"scoreThresholds":[25,50,75]},
               "scoredBy":"merit-service","scoredAt":"2026-08-17T02:00:00Z"}]}]""";

    static final String DRAFT = "{\"id\":\"5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87\",\"year\":2026,\"orgUnitCode\":\"KAB-SORONG\",\"status\":\"DRAFT\","
            + "\"policyVersion\":1,\"version\":1,\"asOf\":\"2026-08-17\"," + ASPECTS_DRAFT
            + ",\"total\":40,\"complete\":false,\"indicatorCount\":25,\"scoredCount\":4,\"createdBy\":\"hr-officer\",\"createdAt\":\"2026-08-17T02:00:00Z\"}";

    static final String VERIFIED = """
            {"id":"5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87","year":2026,"orgUnitCode":"KAB-SORONG","status":"VERIFIED","policyVersion":1,"version":29,
            "asOf":"2026-08-17","aspects":[{"code":"1","name":"Perencanaan kebutuhan","score":36,"indicators":[
             {"code":"1.1","name":"Job and workload analysis for every unit (analisis jabatan dan analisis beban kerja)","weight":4,"score":3,
              "evidence":"Analisis jabatan 2025, Perbup 14/2025","prefilled":false,"scoredBy":"hr-officer","scoredAt":"2026-08-20T03:10:00Z"}]}],
            "total":312,"category":"III","categoryLabel":"Baik","complete":true,"indicatorCount":25,"scoredCount":25,
            "createdBy":"hr-officer","createdAt":"2026-08-17T02:00:00Z","submittedBy":"hr-officer","submittedAt":"2026-08-25T07:00:00Z",
            "verifiedBy":"admin","verifiedAt":"2026-09-01T09:30:00Z","verificationNote":"Evidence checked against the documents"}""";

    static final String PAGE = "{\"items\":[" + DRAFT + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String SCORE_REQUEST = """
            {"score":3,"evidence":"Analisis jabatan 2025 signed by the Bupati, Perbup 14/2025"}""";

    static final String VERIFY_REQUEST = """
            {"decision":"VERIFIED","note":"Evidence checked against the documents"}""";

    static final String RETURN_REQUEST = """
            {"decision":"RETURNED","note":"Evidence for 2.1 is missing"}""";

    static final String INDICATOR = """
            {"code":"3.3","aspectCode":"3","aspectName":"Pengembangan karier",
            "name":"Employees with at least 20 JP of development last year (pengembangan kompetensi 20 JP)",
            "description":"Share of active employees whose recognised JP of the year before reached their requirement (PP 11/2017 art. 203(4)).",
            "weight":4,"measure":"JP_20_LAST_YEAR","scoreThresholds":[25,50,75],"sortOrder":330,"active":true,"version":2,
            "updatedBy":"admin","updatedAt":"2026-07-01T04:00:00Z"}""";

    static final String INDICATOR_PAGE = "{\"items\":[" + INDICATOR + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String INDICATOR_REQUEST = """
            {"name":"Employees with at least 20 JP of development last year","weight":4,"active":true,"scoreThresholds":[30,55,80]}""";

    static final String BATCH_REQUEST = """
            {"items":[{"code":"3.3","weight":6,"version":1},{"code":"8.3","weight":2,"version":1}]}""";

    static final String INVALID = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"score: must be a whole number 1..4, not 5",
            "instance":"/api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87/indicators/1.1",
            "errors":[{"field":"score","message":"must be a whole number 1..4, not 5"}]}""";

    static final String INVALID_CREATE = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"year: is required",
            "instance":"/api/v1/merit-index-assessments","errors":[{"field":"year","message":"is required"}]}""";

    static final String UNKNOWN_UNIT = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,"detail":"orgUnitCode: unit KAB-XYZ is not known",
            "instance":"/api/v1/merit-index-assessments","errors":[{"field":"orgUnitCode","message":"unit KAB-XYZ is not known"}]}""";

    static final String DUPLICATE = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
            "detail":"the merit index assessment of KAB-SORONG for 2026 exists already: /api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87",
            "instance":"/api/v1/merit-index-assessments"}""";

    static final String READ_ONLY = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
            "detail":"merit index assessment 5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87 is VERIFIED and read-only",
            "instance":"/api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87/indicators/1.1"}""";

    static final String NOT_SUBMITTED = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
            "detail":"merit index assessment 5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87 is DRAFT: only a SUBMITTED one is verified or returned; submit it first",
            "instance":"/api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87/verification"}""";

    static final String MISSING_SCORES = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"every indicator needs a score before submission; 2 without one: 1.1, 1.2",
            "instance":"/api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87/submission",
            "errors":[{"field":"aspects[0].indicators[0].score","message":"indicator 1.1 (Job and workload analysis for every unit) has no score"},
            {"field":"aspects[0].indicators[1].score","message":"indicator 1.2 (Five-year ASN needs plan by position) has no score"}]}""";

    static final String WEIGHTS = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"weight: the active indicators' weights would sum to 102, not 100; move several weights at once with PUT /api/v1/merit-index-assessments/indicators",
            "instance":"/api/v1/merit-index-assessments/indicators/3.3",
            "errors":[{"field":"weight","message":"the active indicators' weights would sum to 102, not 100; move several weights at once with PUT /api/v1/merit-index-assessments/indicators"}]}""";

    static final String INVALID_INDICATOR = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"scoreThresholds: must be ascending, e.g. [25, 50, 75]",
            "instance":"/api/v1/merit-index-assessments/indicators/3.3",
            "errors":[{"field":"scoreThresholds","message":"must be ascending, e.g. [25, 50, 75]"}]}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,
            "detail":"merit index assessment 5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87 does not exist",
            "instance":"/api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87"}""";

    static final String INDICATOR_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"merit index indicator 9.9 does not exist",
            "instance":"/api/v1/merit-index-assessments/indicators/9.9"}""";

    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
            "detail":"merit index assessment 5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87 is at version 4, not 3; read it again",
            "instance":"/api/v1/merit-index-assessments/5b7f0c3e-2a4d-4e8b-9c61-3f2e1d0a9b87/indicators/1.1"}""";

    static final String BAD_PARAM = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"year: value 'last' is not a whole number",
            "instance":"/api/v1/merit-index-assessments","errors":[{"field":"year","message":"value 'last' is not a whole number"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,
            "detail":"a valid bearer token is required","instance":"/api/v1/merit-index-assessments"}""";

    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"your roles do not allow this",
            "instance":"/api/v1/merit-index-assessments"}""";
}
