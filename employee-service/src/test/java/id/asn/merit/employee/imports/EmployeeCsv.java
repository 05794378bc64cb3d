package id.asn.merit.employee.imports;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Makes valid, distinct employee rows for import tests and benchmarks: PNS NIPs whose segments agree with the row
 * (birth date, TMT, gender digit, serial), spread over the given org units.
 */
public final class EmployeeCsv {
    public static final String HEADER = "nip,name,gender,birthDate,employmentType,rank,orgUnitCode,educationLevel,educationField";
    private static final String[] RANKS = {"II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a"};
    private static final String[] EDUCATION = {"SMA", "D3", "S1", "S1", "S2"};

    private EmployeeCsv() {
    }

    /** Row i (0-based) of a deterministic data set; the same i always gives the same employee. */
    public static String row(int i, String[] units, String nameSuffix) {
        LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(i % 12000);
        int serial = 1 + (i / 12000) % 999;
        int tmtYear = birth.getYear() + 22 + (i % 10);
        int tmtMonth = 1 + (i % 12);
        boolean female = i % 2 == 1;
        String nip = String.format("%04d%02d%02d%04d%02d%d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                tmtYear, tmtMonth, female ? 2 : 1, serial);
        return nip + ",Pegawai " + i + nameSuffix + "," + (female ? "F" : "M") + "," + birth + ",PNS," + RANKS[i % RANKS.length]
                + "," + units[i % units.length] + "," + EDUCATION[i % EDUCATION.length] + ",Administrasi";
    }

    public static void write(Writer out, int rows, String[] units, String nameSuffix) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (int i = 0; i < rows; i++) {
            out.write(row(i, units, nameSuffix));
            out.write('\n');
        }
    }
}
