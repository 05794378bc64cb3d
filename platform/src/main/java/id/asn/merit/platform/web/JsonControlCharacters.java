package id.asn.merit.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refuses control characters in every JSON string read into an object (request bodies): a NUL cannot be stored by
 * PostgreSQL at all and used to surface as a 500, and U+0001… never belong in a name, code or note. TAB, LF and CR
 * stay allowed for free text. The failure is a {@link JsonMappingException} carrying the field's path, so the
 * problem+json mapping names the field (SYSTEM.md §4).
 */
@Singleton
public class JsonControlCharacters implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("asn-json-control-characters").addDeserializer(String.class, new Refusing()));
    }

    /** The index of the first control character other than TAB, LF and CR, or -1. */
    public static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** A JSON string with a control character; its path names the field. */
    public static final class ControlCharacterException extends JsonMappingException {
        ControlCharacterException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            int bad = value == null ? -1 : firstControlCharacter(value);
            if (bad >= 0) {
                throw new ControlCharacterException(p, "must not contain control characters (U+%04X at position %d)"
                        .formatted((int) value.charAt(bad), bad));
            }
            return value;
        }
    }
}
