package id.asn.merit.competency.service;

import java.util.List;
import java.util.Objects;

/**
 * A CDI event fired (synchronously, inside the transaction of the change) whenever something a person's gap is
 * computed from has changed: a placement or position in the replica, a standard, a template, the gap policy, an
 * assessment. {@link GapSnapshots} observes it and brings the stored gaps of the people concerned up to date in the
 * same transaction, emitting {@code asn.competency.gap-changed.v1} for each whose JPM or category moved. Firing it
 * for people whose gap did not in fact move is harmless.
 *
 * @param scope     which people
 * @param key       the NIPs, position code or position type the scope names (empty for EVERYONE)
 * @param cause     why, carried on the gap-changed event: PLACEMENT, POSITION, STANDARD, TEMPLATE, POLICY, ASSESSMENT, TIME
 */
public record GapInputsChanged(Scope scope, List<String> key, String cause) {
    public enum Scope { NIPS, POSITION, POSITION_TYPE, EVERYONE }

    public GapInputsChanged {
        Objects.requireNonNull(scope, "scope");
        key = List.copyOf(key);
        Objects.requireNonNull(cause, "cause");
    }

    public static GapInputsChanged forNips(List<String> nips, String cause) {
        return new GapInputsChanged(Scope.NIPS, nips, cause);
    }

    public static GapInputsChanged forPosition(String positionCode, String cause) {
        return new GapInputsChanged(Scope.POSITION, List.of(positionCode), cause);
    }

    public static GapInputsChanged forPositionType(String positionType, String cause) {
        return new GapInputsChanged(Scope.POSITION_TYPE, List.of(positionType), cause);
    }

    public static GapInputsChanged everyone(String cause) {
        return new GapInputsChanged(Scope.EVERYONE, List.of(), cause);
    }
}
