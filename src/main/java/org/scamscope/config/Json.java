package org.scamscope.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.scamscope.ExitCodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files of conf/ (rules, source mappings); comments are allowed so they can explain themselves. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.ALLOW_TRAILING_COMMA);

    private Json() {}

    public static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ExitCodes.usage("configuration file not found: " + file);
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** JSON text read from somewhere other than a file (a resource), named by where for messages. */
    public static JsonNode parse(String text, String where) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read " + where + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * Refuses an object holding a key it does not know: a misspelt key would otherwise be
     * ignored without a word, and the setting it was meant to be would silently not apply.
     */
    public static void knownKeys(JsonNode n, String where, java.util.Collection<String> known) {
        if (n == null || n.isNull() || n.isMissingNode()) return;
        if (!n.isObject()) throw ExitCodes.usage(where + " must be a JSON object");
        java.util.Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                throw ExitCodes.usage(where + ": unknown key '" + key + "' (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
