package id.asn.merit.merit.profiles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "MeritPotentialTest")
public record MeritPotentialTestView(UUID id, String nip, int year, BigDecimal score, String instrument, LocalDate assessedOn,
        String recordedBy, OffsetDateTime recordedAt) {
}
