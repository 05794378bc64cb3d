package id.asn.merit.employee.domain;

/** Predikat kinerja pegawai, best first. */
public enum SkpRating {
    SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG
}
