package id.asn.merit.employee.domain;

/** Jenjang pendidikan, lowest first. */
public enum EducationLevel {
    SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3
}
