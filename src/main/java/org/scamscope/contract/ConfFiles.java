package org.scamscope.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the pipeline spec and the contracts are read from: a folder (conf/, or the one a
 * configuration names), or the copy the application carries on its class path, for code that
 * needs the shipped contracts without a configuration (the generator, tests).
 */
public interface ConfFiles {
    JsonNode json(String relative);

    boolean exists(String relative);

    /** The files directly in a folder, by name; empty when it cannot be listed (the class path). */
    List<String> list(String relativeFolder);

    /** The file on disk, or null on the class path. */
    Path path(String relative);

    /** How messages name the file. */
    String describe(String relative);

    static ConfFiles folder(Path root) {
        return new ConfFiles() {
            public JsonNode json(String relative) {
                return Json.read(root.resolve(relative));
            }

            public boolean exists(String relative) {
                return Files.isRegularFile(root.resolve(relative));
            }

            public List<String> list(String relativeFolder) {
                Path d = root.resolve(relativeFolder);
                if (!Files.isDirectory(d)) return List.of();
                try (Stream<Path> s = Files.list(d)) {
                    return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw ExitCodes.usage("cannot list " + d + ": " + e.getMessage());
                }
            }

            public Path path(String relative) {
                return root.resolve(relative).normalize();
            }

            public String describe(String relative) {
                return root.resolve(relative).normalize().toString();
            }
        };
    }

    /** The contracts built into the application (a copy of conf/ made when it is packaged). */
    static ConfFiles classpath() {
        return new ConfFiles() {
            public JsonNode json(String relative) {
                try (InputStream in = ConfFiles.class.getResourceAsStream(resource(relative))) {
                    if (in == null) throw ExitCodes.usage("configuration file not found: conf/" + relative);
                    return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), describe(relative));
                } catch (IOException e) {
                    throw ExitCodes.usage("cannot read " + describe(relative) + ": " + e.getMessage());
                }
            }

            public boolean exists(String relative) {
                return ConfFiles.class.getResource(resource(relative)) != null;
            }

            public List<String> list(String relativeFolder) {
                return new ArrayList<>();
            }

            public Path path(String relative) {
                return null;
            }

            public String describe(String relative) {
                return "conf/" + relative + " (built into the application)";
            }

            private String resource(String relative) {
                return "/conf/" + Path.of(relative).normalize().toString().replace('\\', '/');
            }
        };
    }
}
