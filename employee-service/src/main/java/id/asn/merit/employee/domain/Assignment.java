package id.asn.merit.employee.domain;

/** Jenis penugasan: definitive, or acting (PLT pelaksana tugas, PLH pelaksana harian). */
public enum Assignment {
    DEFINITIF, PLT, PLH
}
