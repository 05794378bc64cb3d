package id.asn.merit.competency.domain;

/** Jenis jabatan of a position as the organisation replica carries it (SYSTEM.md §3, domain.md §2.3). */
public enum PositionType {
    JPT_UTAMA, JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL
}
