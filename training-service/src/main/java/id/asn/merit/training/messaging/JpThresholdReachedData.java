package id.asn.merit.training.messaging;

import java.math.BigDecimal;

/**
 * The data of {@code asn.training.jp-threshold-reached.v1} (key NIP): the person's recognised JP of {@code year}
 * first reached {@code requiredJp}. Sent once per person-year, ever.
 *
 * @param recordId the record whose change made it (null when a recomputation did, e.g. after a cap change)
 */
public record JpThresholdReachedData(String nip, int year, BigDecimal requiredJp, BigDecimal recognisedJp, String recordId) {
}
