package id.asn.merit.competency.testing;

import id.asn.merit.competency.service.GapInputsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only observer: every {@link GapInputsChanged} fired, in order, so a test can ask which were fired for a key. */
@ApplicationScoped
public class GapInputsRecorder {
    private final List<GapInputsChanged> fired = new CopyOnWriteArrayList<>();

    void record(@Observes GapInputsChanged event) {
        fired.add(event);
    }

    /** The events naming key (a NIP or a position code), oldest first. */
    public List<GapInputsChanged> about(String key) {
        return fired.stream().filter(e -> e.key().contains(key)).toList();
    }
}
