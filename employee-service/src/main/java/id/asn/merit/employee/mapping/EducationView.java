package id.asn.merit.employee.mapping;

import id.asn.merit.employee.domain.EducationLevel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Education")
public record EducationView(@NotNull @Schema(example = "S1") EducationLevel level,
        @Size(max = 200) @Schema(example = "Ilmu Administrasi Negara") String field) {
}
