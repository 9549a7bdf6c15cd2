package org.scamscope.pipeline;

import org.scamscope.TestSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for strings in every file under a folder: in the raw bytes (logs, JSON, CSV) and, for
 * Parquet files, in their decoded values, since compression would hide them from a byte scan.
 */
final class WarehouseScan {
    private WarehouseScan() {}

    /** "needle in file" for every needle found, empty when none is. */
    static List<String> find(Path root, List<String> needles) {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (files.isEmpty()) throw new AssertionError("no files under " + root);
        for (Path f : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            if (f.toString().endsWith(".parquet")) {
                text += String.join("\n", TestSpark.session().read().parquet(f.toString()).toJSON().collectAsList());
            }
            for (String n : needles) {
                if (text.contains(n)) found.add(n + " in " + root.relativize(f));
            }
        }
        return found;
    }
}
