package id.asn.merit.employee.domain;

/** PNS, CPNS (PNS candidate, NIP layout of a PNS) and PPPK (contract ASN, NI PPPK layout, PPPK golongan). */
public enum EmploymentType {
    PNS, CPNS, PPPK
}
