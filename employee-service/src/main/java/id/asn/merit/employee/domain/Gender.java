package id.asn.merit.employee.domain;

/** M (laki-laki, NIP digit 1) or F (perempuan, NIP digit 2). */
public enum Gender {
    M, F;

    static Gender fromNipDigit(char digit) {
        return digit == '1' ? M : F;
    }
}
