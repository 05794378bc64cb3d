package id.asn.merit.training.catalog;

import id.asn.merit.training.domain.TrainingProgram;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@Schema(name = "TrainingProgram", description = "A programme of the training catalogue; an inactive one stays readable and records keep referring to it")
public record TrainingProgramView(@Schema(example = "PKP-2026-SORONG") String code,
        @Schema(example = "Pelatihan Kepemimpinan Pengawas Angkatan I") String title, @Schema(example = "KL01") String methodCode,
        @Schema(example = "BPSDM Provinsi Papua Barat Daya") String organizer, @Schema(example = "830") BigDecimal jp,
        List<String> competencyCodes, @Schema(enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"}, nullable = true) String leadershipLevel,
        boolean active, @Schema(example = "0") long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static TrainingProgramView of(TrainingProgram p) {
        return new TrainingProgramView(p.code, p.title, p.methodCode, p.organizer, p.jp,
                p.competencyCodes == null ? List.of() : Arrays.asList(p.competencyCodes), p.leadershipLevel, p.active, p.version,
                p.createdAt, p.updatedAt);
    }
}
