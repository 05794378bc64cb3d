package id.asn.merit.employee.domain;

/** Tingkat hukuman disiplin: ringan, sedang, berat. */
public enum DisciplineLevel {
    LIGHT, MODERATE, SEVERE
}
