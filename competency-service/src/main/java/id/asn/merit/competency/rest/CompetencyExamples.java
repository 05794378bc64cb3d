package id.asn.merit.competency.rest;

/** Request, response and problem examples for the OpenAPI document (kept here so the resources stay readable). */
final class CompetencyExamples {
    private CompetencyExamples() {
    }

    static final String COMPETENCY = """
            {"code":"M.2","group":"MANAJERIAL","name":"Kerja Sama",
            "definition":"Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen saling membantu dalam penyelesaian tugas, dan mengoptimalkan segala sumberdaya untuk mencapai tujuan strategis organisasi",
            "levels":[
            {"level":1,"title":"Berpartisipasi dalam kelompok kerja","description":"Berpartisipasi dalam kelompok kerja","indicators":["Berpartisipasi sebagai anggota tim yang baik, melakukan tugas/bagiannya, dan mendukung keputusan tim","Mendengarkan dan menghargai masukan dari orang lain dan memberikan usulan-usulan bagi kepentingan tim","Mampu menjalin interaksi sosial untuk penyelesaian tugas"]},
            {"level":2,"title":"Menumbuhkan tim kerja yang partisipatif dan efektif","description":"Menumbuhkan tim kerja yang partisipatif dan efektif","indicators":["Membantu orang lain dalam menyelesaikan tugas-tugas mereka untuk mendukung sasaran tim","Berbagi informasi yang relevan atau bermanfaat pada anggota tim; mempertimbangkan masukan dan keahlian anggota dalam tim/kelompok kerja serta bersedia untuk belajar dari orang lain","Membangun komitmen yang tinggi untuk menyelesaikan tugas tim"]},
            {"level":3,"title":"Efektif membangun tim kerja untuk peningkatan kinerja organisasi","description":"Efektif membangun tim kerja untuk peningkatan kinerja organisasi","indicators":["Melihat kekuatan/kelemahan anggota tim, membentuk tim yang tepat, mengantisipasi kemungkinan hambatan, dan mencari solusi yang optimal","Mengupayakan dan mengutamakan pengambilan keputusan berdasarkan usulan-usulan anggota tim/kelompok, bernegosiasi secara efektif untuk upaya penyelesaikan pekerjaan yang menjadi target kinerja kelompok dan/atau unit kerja","Membangun aliansi dengan para pemangku kepentingan dalam rangka mendukung penyelesaian target kerja kelompok"]},
            {"level":4,"title":"Membangun komitmen tim, sinergi","description":"Membangun komitmen tim, sinergi","indicators":["Membangun sinergi antar unit kerja di lingkup instansi yang dipimpin","Memfasilitasi kepentingan yang berbeda dari unit kerja lain sehingga tercipta sinergi dalam rangka pencapaian target kerja organisasi","Mengembangkan sistem yang menghargai kerja sama antar unit, memberikan dukungan / semangat untuk memastikan tercapainya sinergi dalam rangka pencapaian target kerja organisasi"]},
            {"level":5,"title":"Menciptakan situasi kerja sama secara konsisten, di dalam maupun di luar instansi","description":"Menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar instansi","indicators":["Menciptakan hubungan kerja yang konstruktif dengan menerapkan norma / etos / nilai-nilai kerja yang baik di dalam dan di luar organisasi; meningkatkan produktivitas dan menjadi panutan dalam organisasi","Secara konsisten menjaga sinergi agar pemangku kepentingan dapat bekerja sama dengan orang di dalam maupun di luar organisasi","Membangun konsensus untuk menggabungkan sumberdaya dari berbagai pemangku kepentingan untuk tujuan bangsa dan negara"]}],
            "retired":false,"retiredAt":null,"version":0}""";

    static final String TEKNIS_REQUEST = """
            {"code":"T.1","group":"TEKNIS","name":"Pelayanan Perizinan Berusaha",
            "definition":"Kemampuan memberikan pelayanan perizinan berusaha terintegrasi secara elektronik",
            "levels":[
            {"level":1,"title":"Memahami jenis perizinan berusaha","indicators":["Menjelaskan persyaratan izin"]},
            {"level":2,"title":"Memproses permohonan perizinan","indicators":["Memverifikasi berkas permohonan"]},
            {"level":3,"title":"Menganalisis permohonan yang kompleks","indicators":["Menyelesaikan permohonan bermasalah"]},
            {"level":4,"title":"Menyusun standar pelayanan perizinan","indicators":["Menetapkan SOP perizinan"]},
            {"level":5,"title":"Merumuskan kebijakan perizinan daerah","indicators":["Menyusun rancangan peraturan perizinan"]}]}""";

    /** The T.1 of TEKNIS_REQUEST as answered, up to its state (retired or not). */
    private static final String TEKNIS_BODY = """
            {"code":"T.1","group":"TEKNIS","name":"Pelayanan Perizinan Berusaha",
            "definition":"Kemampuan memberikan pelayanan perizinan berusaha terintegrasi secara elektronik",
            "levels":[
            {"level":1,"title":"Memahami jenis perizinan berusaha","description":null,"indicators":["Menjelaskan persyaratan izin"]},
            {"level":2,"title":"Memproses permohonan perizinan","description":null,"indicators":["Memverifikasi berkas permohonan"]},
            {"level":3,"title":"Menganalisis permohonan yang kompleks","description":null,"indicators":["Menyelesaikan permohonan bermasalah"]},
            {"level":4,"title":"Menyusun standar pelayanan perizinan","description":null,"indicators":["Menetapkan SOP perizinan"]},
            {"level":5,"title":"Merumuskan kebijakan perizinan daerah","description":null,"indicators":["Menyusun rancangan peraturan perizinan"]}],
            """;

    static final String TEKNIS = TEKNIS_BODY + """
            "retired":false,"retiredAt":null,"version":0}""";

    static final String RETIRED = TEKNIS_BODY + """
            "retired":true,"retiredAt":"2026-03-02T09:15:00Z","version":1}""";

    static final String PAGE = """
            {"items":[{"code":"SK.1","group":"SOSIAL_KULTURAL","name":"Perekat Bangsa",
            "definition":"Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat dan membangun hubungan sosial psikologis dengan masyarakat di tengah kemajemukan Indonesia sehingga menciptakan kelekatan yang kuat antara ASN dan para pemangku kepentingan serta diantara para pemangku kepentingan itu sendiri; menjaga, mengembangkan, dan mewujudkan rasa persatuan dan kesatuan dalam kehidupan bermasyarakat, berbangsa dan bernegara Indonesia",
            "levels":[
            {"level":1,"title":"Peka memahami dan menerima kemajemukan","description":"Peka memahami dan menerima kemajemukan",
            "indicators":["Mampu memahami, menerima, peka terhadap perbedaan individu/kelompok masyarakat","Terbuka, ingin belajar tentang perbedaan/kemajemukan masyarakat","Mampu bekerja bersama dengan individu yang berbeda latar belakang dengan-nya."]}],
            "retired":false,"retiredAt":null,"version":0}],"page":0,"size":50,"total":1}""";

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

    static final String BAD_RETIRED = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"retired: value 'yes' is not one of false, true, all",
            "instance":"/api/v1/competencies","errors":[{"field":"retired","message":"value 'yes' is not one of false, true, all"}]}""";

    static final String RETIRED_CONFLICT = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,
            "detail":"competency T.1 was retired on 2026-03-02; a retired competency is kept as it was, add a new one instead",
            "instance":"/api/v1/competencies/T.1"}""";

    static final String REGULATION_RETIRE = """
            {"type":"urn:asn:problem:unprocessable","title":"Unprocessable request","status":422,
            "detail":"group: M.2 is a MANAJERIAL competency, fixed by PermenPANRB 38/2017; it cannot be retired",
            "instance":"/api/v1/competencies/M.2/retirement",
            "errors":[{"field":"group","message":"M.2 is a MANAJERIAL competency, fixed by PermenPANRB 38/2017; it cannot be retired"}]}""";

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
