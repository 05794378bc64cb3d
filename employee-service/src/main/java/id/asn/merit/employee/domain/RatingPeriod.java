package id.asn.merit.employee.domain;

public enum RatingPeriod {
    ANNUAL, Q1, Q2, Q3, Q4
}
