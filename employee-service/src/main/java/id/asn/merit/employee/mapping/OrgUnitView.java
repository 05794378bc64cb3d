package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.OrgUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "OrgUnit")
public record OrgUnitView(@Schema(example = "PMPTSP-PERIZINAN") String code, @Schema(example = "Bidang Perizinan") String name,
        @Schema(example = "PMPTSP") String parentCode,
        @Schema(example = "BIDANG", description = "INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI for depth 1-4, LEVEL_<depth> below") String level,
        @Schema(example = "3", description = "1 for the root") int depth,
        @Schema(description = "codes from the root to this unit", example = "[\"KOTA-SORONG\", \"PMPTSP\", \"PMPTSP-PERIZINAN\"]") List<String> path,
        boolean active, long version) {

    public static OrgUnitView of(OrgUnit u) {
        return new OrgUnitView(u.code, u.name, u.parentCode, u.level, u.depth, u.pathCodes(), u.active, u.version);
    }
}
