package id.asn.merit.competency.rest;

/** OpenAPI examples of the standards, templates and gap policy operations (kept here so the resources stay readable). */
final class StandardExamples {
    private StandardExamples() {
    }

    static final String STANDARD_REQUEST = """
            {"effectiveFrom":"2026-01-01","items":[
            {"competencyCode":"M.1","requiredLevel":4,"importance":"MUTLAK"},
            {"competencyCode":"M.2","requiredLevel":3,"importance":"PENTING"},
            {"competencyCode":"SK.1","requiredLevel":3,"importance":"PENTING"},
            {"competencyCode":"T.1","requiredLevel":3,"importance":"PERLU"}]}""";

    static final String STANDARD = """
            {"positionCode":"PMPTSP-KABID-PERIZINAN","version":2,"effectiveFrom":"2026-01-01","source":"OWN","positionType":"ADMINISTRATOR",
            "items":[
            {"competencyCode":"M.1","requiredLevel":4,"importance":"MUTLAK"},
            {"competencyCode":"M.2","requiredLevel":3,"importance":"PENTING"},
            {"competencyCode":"SK.1","requiredLevel":3,"importance":"PENTING"},
            {"competencyCode":"T.1","requiredLevel":3,"importance":"PERLU"}]}""";

    static final String STANDARD_FIRST = """
            {"positionCode":"PMPTSP-KABID-PERIZINAN","version":1,"effectiveFrom":"2026-01-01","source":"OWN","positionType":"ADMINISTRATOR",
            "items":[{"competencyCode":"M.1","requiredLevel":4,"importance":"MUTLAK"}]}""";

    static final String STANDARD_FROM_TEMPLATE = """
            {"positionCode":"PMPTSP-PELAKSANA-ARSIP","version":1,"effectiveFrom":null,"source":"TEMPLATE","positionType":"PELAKSANA",
            "items":[
            {"competencyCode":"M.1","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.2","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.3","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.4","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.5","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.6","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.7","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"M.8","requiredLevel":1,"importance":"PENTING"},
            {"competencyCode":"SK.1","requiredLevel":1,"importance":"PENTING"}]}""";

    static final String STANDARD_HISTORY = """
            {"items":[
            {"positionCode":"PMPTSP-KABID-PERIZINAN","version":2,"effectiveFrom":"2026-01-01","source":"OWN","positionType":"ADMINISTRATOR",
            "items":[{"competencyCode":"M.1","requiredLevel":4,"importance":"MUTLAK"},{"competencyCode":"T.1","requiredLevel":3,"importance":"PERLU"}]},
            {"positionCode":"PMPTSP-KABID-PERIZINAN","version":1,"effectiveFrom":"2024-01-01","source":"OWN","positionType":"ADMINISTRATOR",
            "items":[{"competencyCode":"M.1","requiredLevel":3,"importance":"MUTLAK"}]}],
            "page":0,"size":50,"total":2}""";

    static final String BAD_LEVEL = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"items[0].requiredLevel: must be a level 1..5","instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN",
            "errors":[{"field":"items[0].requiredLevel","message":"must be a level 1..5"}]}""";

    static final String DUPLICATE_ITEM = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"items[2].competencyCode: competency M.1 is already required by items[0]; list each competency once",
            "instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN",
            "errors":[{"field":"items[2].competencyCode","message":"competency M.1 is already required by items[0]; list each competency once"}]}""";

    static final String NO_ITEMS = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"items: must have at least one item (and at most 200)","instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN",
            "errors":[{"field":"items","message":"must have at least one item (and at most 200)"}]}""";

    static final String UNKNOWN_COMPETENCY = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"items[3].competencyCode: competency T.9 does not exist in the dictionary",
            "instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN",
            "errors":[{"field":"items[3].competencyCode","message":"competency T.9 does not exist in the dictionary"}]}""";

    static final String RETIRED_COMPETENCY = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"items[3].competencyCode: competency T.1 is retired (since 2026-02-01); a new standard cannot require it",
            "instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN",
            "errors":[{"field":"items[3].competencyCode","message":"competency T.1 is retired (since 2026-02-01); a new standard cannot require it"}]}""";

    static final String UNKNOWN_POSITION = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"positionCode: position PMPTSP-X is not known to competency-service (no such position in employee-service's organisation data)",
            "instance":"/api/v1/competency-standards/PMPTSP-X",
            "errors":[{"field":"positionCode","message":"position PMPTSP-X is not known to competency-service (no such position in employee-service's organisation data)"}]}""";

    static final String STANDARD_STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
            "detail":"the standard of position PMPTSP-KABID-PERIZINAN is at version 2, not 1; read it again",
            "instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN"}""";

    static final String POSITION_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"position PMPTSP-X does not exist",
            "instance":"/api/v1/competency-standards/PMPTSP-X"}""";

    static final String BAD_ON = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"on: value '2026-02-30' is not a date (yyyy-MM-dd)","instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN",
            "errors":[{"field":"on","message":"value '2026-02-30' is not a date (yyyy-MM-dd)"}]}""";

    static final String BAD_SIZE = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"size: must be between 1 and 500",
            "instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN/history","errors":[{"field":"size","message":"must be between 1 and 500"}]}""";

    static final String TEMPLATE = """
            {"positionType":"ADMINISTRATOR","version":2,"requiredLevel":3,"levelByFunctionalLevel":{},
            "levelByCompetency":{"M.1":4},"importance":"PENTING","importanceByCompetency":{"M.1":"MUTLAK"},
            "createdAt":"2026-03-02T09:15:00Z","createdBy":"admin"}""";

    static final String TEMPLATE_FUNGSIONAL = """
            {"positionType":"FUNGSIONAL","version":1,"requiredLevel":null,
            "levelByFunctionalLevel":{"AHLI_UTAMA":4,"AHLI_MADYA":3,"AHLI_MUDA":2,"AHLI_PERTAMA":1,"PENYELIA":1,"MAHIR":1,"TERAMPIL":1,"PEMULA":1},
            "levelByCompetency":{},"importance":"PENTING","importanceByCompetency":{},"createdAt":"2026-01-05T01:00:00Z","createdBy":"system"}""";

    static final String TEMPLATES = """
            [{"positionType":"JPT_UTAMA","version":1,"requiredLevel":5,"levelByFunctionalLevel":{},"levelByCompetency":{},
            "importance":"PENTING","importanceByCompetency":{},"createdAt":"2026-01-05T01:00:00Z","createdBy":"system"},
            {"positionType":"PELAKSANA","version":1,"requiredLevel":1,"levelByFunctionalLevel":{},"levelByCompetency":{},
            "importance":"PENTING","importanceByCompetency":{},"createdAt":"2026-01-05T01:00:00Z","createdBy":"system"}]""";

    static final String TEMPLATE_HISTORY = """
            {"items":[{"positionType":"ADMINISTRATOR","version":2,"requiredLevel":3,"levelByFunctionalLevel":{},
            "levelByCompetency":{"M.1":4},"importance":"PENTING","importanceByCompetency":{"M.1":"MUTLAK"},
            "createdAt":"2026-03-02T09:15:00Z","createdBy":"admin"},
            {"positionType":"ADMINISTRATOR","version":1,"requiredLevel":3,"levelByFunctionalLevel":{},"levelByCompetency":{},
            "importance":"PENTING","importanceByCompetency":{},"createdAt":"2026-01-05T01:00:00Z","createdBy":"system"}],
            "page":0,"size":50,"total":2}""";

    /** The default of JPT_UTAMA (domain.md §3.3): sending it changes nothing but the version. */
    static final String TEMPLATE_REQUEST = """
            {"requiredLevel":5,"levelByFunctionalLevel":{},"levelByCompetency":{},"importance":"PENTING","importanceByCompetency":{}}""";

    static final String TEMPLATE_REQUEST_OVERRIDES = """
            {"requiredLevel":3,"levelByCompetency":{"M.1":4},"importance":"PENTING","importanceByCompetency":{"M.1":"MUTLAK"}}""";

    static final String TEMPLATE_VIOLATIONS = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"requiredLevel: must be a level 1..5, not 7; levelByCompetency.T.9: competency T.9 does not exist in the dictionary",
            "instance":"/api/v1/competency-standards/templates/ADMINISTRATOR",
            "errors":[{"field":"requiredLevel","message":"must be a level 1..5, not 7"},
            {"field":"levelByCompetency.T.9","message":"competency T.9 does not exist in the dictionary"}]}""";

    static final String TEMPLATE_STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
            "detail":"the ADMINISTRATOR template is at version 2, not 1; read it again",
            "instance":"/api/v1/competency-standards/templates/ADMINISTRATOR"}""";

    static final String BAD_POSITION_TYPE = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"position type KEPALA does not exist",
            "instance":"/api/v1/competency-standards/templates/KEPALA"}""";

    static final String TEMPLATE_TYPE_MISMATCH = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"positionType: must equal the position type in the path (ADMINISTRATOR)",
            "instance":"/api/v1/competency-standards/templates/ADMINISTRATOR",
            "errors":[{"field":"positionType","message":"must equal the position type in the path (ADMINISTRATOR)"}]}""";

    static final String POLICY = """
            {"version":2,"mapping":{"optimal":90,"cukupOptimal":78},"selection":{"memenuhiSyarat":80,"masihMemenuhiSyarat":68},
            "validityYears":3,"rounding":{"scale":2,"mode":"HALF_UP"},"klasikalFromGap":2,
            "createdAt":"2026-03-02T09:15:00Z","createdBy":"admin"}""";

    /** The defaults of SYSTEM.md §6.1: sending them changes nothing but the version. */
    static final String POLICY_REQUEST = """
            {"mapping":{"optimal":90,"cukupOptimal":78},"selection":{"memenuhiSyarat":80,"masihMemenuhiSyarat":68},
            "validityYears":3,"rounding":{"scale":2,"mode":"HALF_UP"},"klasikalFromGap":2}""";

    static final String POLICY_HISTORY = """
            {"items":[{"version":2,"mapping":{"optimal":91,"cukupOptimal":85},"selection":{"memenuhiSyarat":80,"masihMemenuhiSyarat":68},
            "validityYears":3,"rounding":{"scale":2,"mode":"HALF_UP"},"klasikalFromGap":2,"createdAt":"2026-03-02T09:15:00Z","createdBy":"admin"},
            {"version":1,"mapping":{"optimal":90,"cukupOptimal":78},"selection":{"memenuhiSyarat":80,"masihMemenuhiSyarat":68},
            "validityYears":3,"rounding":{"scale":2,"mode":"HALF_UP"},"klasikalFromGap":2,"createdAt":"2026-01-05T01:00:00Z","createdBy":"system"}],
            "page":0,"size":50,"total":2}""";

    static final String POLICY_VIOLATIONS = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"mapping.optimal: must be above mapping.cukupOptimal (70 ≤ 78); validityYears: must be above 0, not 0",
            "instance":"/api/v1/competency-gaps/policy",
            "errors":[{"field":"mapping.optimal","message":"must be above mapping.cukupOptimal (70 ≤ 78)"},
            {"field":"validityYears","message":"must be above 0, not 0"}]}""";

    static final String POLICY_STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
            "detail":"the gap policy is at version 2, not 1; read it again","instance":"/api/v1/competency-gaps/policy"}""";

    static final String POLICY_BAD_MODE = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"rounding.mode: value 'NEAREST' is not a valid RoundingMode (one of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY)",
            "instance":"/api/v1/competency-gaps/policy",
            "errors":[{"field":"rounding.mode","message":"value 'NEAREST' is not a valid RoundingMode (one of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY)"}]}""";

    static final String POLICY_VERSION_NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"gap policy version 99 does not exist",
            "instance":"/api/v1/competency-gaps/policy/versions/99"}""";

    static final String BAD_POLICY_VERSION = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"version: value 'x' is not a whole number","instance":"/api/v1/competency-gaps/policy/versions/x",
            "errors":[{"field":"version","message":"value 'x' is not a whole number"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,
            "detail":"a valid bearer token is required","instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN"}""";

    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"your roles do not allow this",
            "instance":"/api/v1/competency-standards/PMPTSP-KABID-PERIZINAN"}""";
}
