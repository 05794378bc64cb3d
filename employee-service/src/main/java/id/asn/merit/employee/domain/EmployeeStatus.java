package id.asn.merit.employee.domain;

/** Kedudukan hukum, simplified: ACTIVE (aktif), LEAVE (CLTN, tugas belajar), SUSPENDED (pemberhentian sementara), RETIRED, DISMISSED, DECEASED. */
public enum EmployeeStatus {
    ACTIVE, LEAVE, SUSPENDED, RETIRED, DISMISSED, DECEASED
}
