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

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
