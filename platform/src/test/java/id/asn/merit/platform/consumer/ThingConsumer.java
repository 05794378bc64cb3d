package id.asn.merit.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A test consumer as a service would declare one: keeps test_thing(key, name, version) from "thing" events. */
@ApplicationScoped
public class ThingConsumer extends IdempotentConsumer {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    public ThingConsumer() {
        super("platform-test.things", "platform-test");
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) throws Exception {
        JsonNode data = json.readTree(record.value());
        String name = data.path("name").asText(null);
        if (name == null) {
            throw new IllegalArgumentException("a thing without a name");
        }
        if (!isCurrent(record.key(), data.path("version").asLong())) {
            return;
        }
        em.createNativeQuery("""
                insert into test_thing (thing_key, name, version) values (:key, :name, :version)
                on conflict (thing_key) do update set name = excluded.name, version = excluded.version""")
                .setParameter("key", record.key())
                .setParameter("name", name)
                .setParameter("version", data.path("version").asLong())
                .executeUpdate();
    }
}
