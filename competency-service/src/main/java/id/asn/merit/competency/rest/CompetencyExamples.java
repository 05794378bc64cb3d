package id.asn.merit.competency.rest;

/** Request, response and problem examples for the OpenAPI document (kept here so the resources stay readable). */
final class CompetencyExamples {
    private CompetencyExamples() {
    }

    static final String COMPETENCY = """
            {"code":"M.2","group":"MANAJERIAL","name":"Kerja Sama","definition":null,"levels":[
            {"level":1,"title":"Berpartisipasi dalam kelompok kerja","description":"Berpartisipasi dalam kelompok kerja","indicators":[]},
            {"level":2,"title":"Menumbuhkan tim kerja yang partisipatif dan efektif","description":"Menumbuhkan tim kerja yang partisipatif dan efektif","indicators":[]},
            {"level":3,"title":"Efektif membangun tim kerja untuk peningkatan kinerja organisasi","description":"Efektif membangun tim kerja untuk peningkatan kinerja organisasi","indicators":[]},
            {"level":4,"title":"Membangun komitmen tim, sinergi","description":"Membangun komitmen tim, sinergi","indicators":[]},
            {"level":5,"title":"Menciptakan situasi kerja sama secara konsisten, di dalam maupun di luar instansi","description":"Menciptakan situasi kerja sama secara konsisten, di dalam maupun di luar instansi","indicators":[]}],
            "version":0}""";

    static final String TEKNIS_REQUEST = """
            {"code":"T.1","group":"TEKNIS","name":"Pelayanan Perizinan Berusaha",
            "definition":"Kemampuan memberikan pelayanan perizinan berusaha terintegrasi secara elektronik",
            "levels":[
            {"level":1,"title":"Memahami jenis perizinan berusaha","indicators":["Menjelaskan persyaratan izin"]},
            {"level":2,"title":"Memproses permohonan perizinan","indicators":["Memverifikasi berkas permohonan"]},
            {"level":3,"title":"Menganalisis permohonan yang kompleks","indicators":["Menyelesaikan permohonan bermasalah"]},
            {"level":4,"title":"Menyusun standar pelayanan perizinan","indicators":["Menetapkan SOP perizinan"]},
            {"level":5,"title":"Merumuskan kebijakan perizinan daerah","indicators":["Menyusun rancangan peraturan perizinan"]}]}""";

    static final String TEKNIS = """
            {"code":"T.1","group":"TEKNIS","name":"Pelayanan Perizinan Berusaha",
            "definition":"Kemampuan memberikan pelayanan perizinan berusaha terintegrasi secara elektronik",
            "levels":[
            {"level":1,"title":"Memahami jenis perizinan berusaha","description":null,"indicators":["Menjelaskan persyaratan izin"]},
            {"level":2,"title":"Memproses permohonan perizinan","description":null,"indicators":["Memverifikasi berkas permohonan"]},
            {"level":3,"title":"Menganalisis permohonan yang kompleks","description":null,"indicators":["Menyelesaikan permohonan bermasalah"]},
            {"level":4,"title":"Menyusun standar pelayanan perizinan","description":null,"indicators":["Menetapkan SOP perizinan"]},
            {"level":5,"title":"Merumuskan kebijakan perizinan daerah","description":null,"indicators":["Menyusun rancangan peraturan perizinan"]}],
            "version":0}""";

    static final String PAGE = """
            {"items":[{"code":"SK.1","group":"SOSIAL_KULTURAL","name":"Perekat Bangsa","definition":null,"levels":[
            {"level":1,"title":"Peka memahami dan menerima kemajemukan","description":"Peka memahami dan menerima kemajemukan","indicators":[]}],
            "version":0}],"page":0,"size":50,"total":1}""";

    static final String AUDIT_PAGE = """
            {"items":[{"id":12,"at":"2026-03-02T09:15:00Z","actor":"hr.officer","roles":["HR_OFFICER"],"action":"UPDATE",
            "entity":"Competency","entityId":"T.1","before":{"code":"T.1","name":"Pelayanan Perizinan","version":0},
            "after":{"code":"T.1","name":"Pelayanan Perizinan Berusaha","version":1},"requestId":"6f1c2d7e-8a51-4d43-9a63-2f9f0c0c1a11"}],
            "page":0,"size":50,"total":1}""";

    static final String LEVELS = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"levels: must have each level 1 to 5 exactly once","instance":"/api/v1/competencies",
            "errors":[{"field":"levels","message":"must have each level 1 to 5 exactly once"}]}""";

    static final String BAD_GROUP = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
            "detail":"group: value 'LAINNYA' is not a valid CompetencyGroup (one of MANAJERIAL, SOSIAL_KULTURAL, TEKNIS, PEMERINTAHAN)",
            "instance":"/api/v1/competencies",
            "errors":[{"field":"group","message":"value 'LAINNYA' is not a valid CompetencyGroup (one of MANAJERIAL, SOSIAL_KULTURAL, TEKNIS, PEMERINTAHAN)"}]}""";

    static final String BAD_SIZE = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"size: must be between 1 and 500",
            "instance":"/api/v1/competencies","errors":[{"field":"size","message":"must be between 1 and 500"}]}""";

    static final String UNAUTHENTICATED = """
            {"type":"urn:asn:problem:unauthenticated","title":"Unauthenticated","status":401,
            "detail":"a valid bearer token is required","instance":"/api/v1/competencies"}""";

    static final String FORBIDDEN = """
            {"type":"urn:asn:problem:forbidden","title":"Forbidden","status":403,"detail":"your roles do not allow this",
            "instance":"/api/v1/competencies"}""";

    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"competency T.99 does not exist",
            "instance":"/api/v1/competencies/T.99"}""";

    static final String CONFLICT = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,"detail":"competency T.1 exists already",
            "instance":"/api/v1/competencies"}""";

    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
            "detail":"competency T.1 is at version 2, not 1; read it again","instance":"/api/v1/competencies/T.1"}""";

    static final String REGULATION_GROUP = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"group: MANAJERIAL competencies are fixed by PermenPANRB 38/2017; an instansi adds TEKNIS or PEMERINTAHAN ones",
            "instance":"/api/v1/competencies",
            "errors":[{"field":"group","message":"MANAJERIAL competencies are fixed by PermenPANRB 38/2017; an instansi adds TEKNIS or PEMERINTAHAN ones"}]}""";
}
