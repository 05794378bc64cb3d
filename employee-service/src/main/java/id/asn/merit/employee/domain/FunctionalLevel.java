package id.asn.merit.employee.domain;

/** Jenjang jabatan fungsional: keahlian (AHLI_*) and keterampilan levels. */
public enum FunctionalLevel {
    AHLI_UTAMA, AHLI_MADYA, AHLI_MUDA, AHLI_PERTAMA, PENYELIA, MAHIR, TERAMPIL, PEMULA
}
