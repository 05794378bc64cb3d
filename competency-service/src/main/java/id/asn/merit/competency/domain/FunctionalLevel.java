package id.asn.merit.competency.domain;

/**
 * Jenjang of a jabatan fungsional (domain.md §2.4): the keahlian ladder, then the keterampilan ladder, each from
 * the top. Only meaningful for {@link PositionType#FUNGSIONAL}.
 */
public enum FunctionalLevel {
    AHLI_UTAMA, AHLI_MADYA, AHLI_MUDA, AHLI_PERTAMA, PENYELIA, MAHIR, TERAMPIL, PEMULA
}
