package id.asn.merit.training.compliance;

/** OpenAPI examples of the JP compliance API. */
final class ComplianceExamples {
    private ComplianceExamples() {
    }

    static final String PAGE = """
            {"items":[{"nip":"198503302010012001","name":"Siti Aminah","orgUnitCode":"DINKES-SEKR","positionCode":"ANALIS-SDM",
              "employmentType":"PNS","requiredJp":20.00,"recognisedJp":14.00,"claimedJp":17.00,"shortfall":6.00,"status":"NOT_MET"},
             {"nip":"199001012015031002","name":"Budi Santoso","orgUnitCode":"DINKES-SEKR","positionCode":"PENGELOLA-KEU",
              "employmentType":"PPPK","requiredJp":20.00,"recognisedJp":0.00,"claimedJp":0.00,"shortfall":20.00,"status":"AT_RISK"}],
             "page":0,"size":50,"total":2,
             "summary":{"employees":2,"met":0,"atRisk":1,"notMet":1,"percentMet":0.00,"totalJp":14.00,"averageJp":7.00},
             "year":2026,"asOf":"2026-06-30","requirementVersion":1}""";

    static final String CSV = """
            nip,name,orgUnitCode,positionCode,employmentType,requiredJp,recognisedJp,claimedJp,shortfall,status
            198503302010012001,Siti Aminah,DINKES-SEKR,ANALIS-SDM,PNS,20.00,14.00,17.00,6.00,NOT_MET
            """;

    static final String PERSON = """
            {"nip":"198503302010012001","name":"Siti Aminah","orgUnitCode":"DINKES-SEKR","positionCode":"ANALIS-SDM",
             "employmentType":"PNS","employeeStatus":"ACTIVE","requiredJp":20.00,"recognisedJp":14.00,"claimedJp":17.00,
             "shortfall":6.00,"status":"AT_RISK","year":2026,"asOf":"2026-06-30","requirementVersion":1,
             "records":[{"id":"0b9f3a52-8f0e-4c6e-9a57-2d7f7f4c1a01","title":"Pelatihan Teknis Analisis Jabatan","methodCode":"KL03",
               "startDate":"2026-03-02","endDate":"2026-03-03","status":"VERIFIED","claimedJp":12.00,"recognisedJp":12.00,"cut":"NONE","capNote":null},
              {"id":"6c1d7e10-2b55-4a8e-8f3c-91a2b3c4d5e6","title":"Mentoring SDM aparatur","methodCode":"NKL02",
               "startDate":"2026-04-10","endDate":"2026-04-10","status":"VERIFIED","claimedJp":5.00,"recognisedJp":2.00,"cut":"PER_RECORD",
               "capNote":"method NKL02 counts at most 2 JP per record"}]}""";

    static final String FORECAST = """
            {"items":[{"nip":"199001012015031002","name":"Budi Santoso","orgUnitCode":"DINKES-SEKR","requiredJp":20.00,
              "recognisedJp":2.00,"projectedJp":4.03,"expectedShortfall":15.97}],
             "page":0,"size":50,"total":1,"summary":{"employees":2,"expectedShort":1,"totalExpectedShortfall":15.97},
             "year":2026,"asOf":"2026-06-30","requirementVersion":1}""";

    static final String POLICY = """
            {"version":1,"required":{"CPNS":20,"PNS":20,"PPPK":20},"defaultJp":20,"changedBy":"system",
             "changedAt":"2026-01-01T00:00:00Z","reason":"PP 11/2017 art. 203(4) as amended by PP 17/2020: 20 JP a year"}""";

    static final String POLICY_REQUEST = """
            {"required":{"PNS":20,"CPNS":20,"PPPK":20},"defaultJp":20,"reason":"PP 11/2017 art. 203(4): 20 JP a year"}""";

    static final String POLICY_HISTORY = """
            {"items":[{"version":1,"required":{"CPNS":20,"PNS":20,"PPPK":20},"defaultJp":20,"changedBy":"system",
              "changedAt":"2026-01-01T00:00:00Z","reason":"PP 11/2017 art. 203(4) as amended by PP 17/2020: 20 JP a year"}],
             "page":0,"size":50,"total":1}""";

    static final String REBUILD = """
            {"queued":98750}""";

    static final String BAD_PARAM = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"year: value 'last' is not a whole number",
             "instance":"/api/v1/jp-compliance","errors":[{"field":"year","message":"value 'last' is not a whole number"}]}""";

    static final String BAD_AS_OF = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"asOf: must lie in 2026",
             "instance":"/api/v1/jp-compliance/forecast","errors":[{"field":"asOf","message":"must lie in 2026"}]}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"employee 198503302010012001 does not exist",
             "instance":"/api/v1/jp-compliance/198503302010012001"}""";

    static final String UNIT_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"org unit DINKES does not exist",
             "instance":"/api/v1/jp-compliance"}""";

    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
             "detail":"the JP requirement policy is at version 2, not 1; read it again","instance":"/api/v1/jp-compliance/policy"}""";

    static final String POLICY_INVALID = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
             "detail":"required.HONORER: unknown employment type; one of CPNS, PNS, PPPK; defaultJp: must be above 0 and at most 1000 JP",
             "instance":"/api/v1/jp-compliance/policy","errors":[{"field":"required.HONORER","message":"unknown employment type; one of CPNS, PNS, PPPK"},
             {"field":"defaultJp","message":"must be above 0 and at most 1000 JP"}]}""";
}
