package org.scamscope.pipeline;

import org.scamscope.TestSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for strings in every file under a folder: in the raw bytes (logs, JSON, CSV), with JSON's
 * \\uXXXX escapes decoded, and, for Parquet files (data and Delta checkpoints), in their decoded
 * values, since compression would hide them from a byte scan.
 */
public final class WarehouseScan {
    private WarehouseScan() {}

    /** "needle in file" for every needle found, empty when none is. */
    public static List<String> find(Path root, List<String> needles) {
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
            if (text.contains("\\u")) text += "\n" + unescape(text);
            for (String n : needles) {
                if (text.contains(n)) found.add(n + " in " + root.relativize(f));
            }
        }
        return found;
    }

    /** JSON's \\uXXXX escapes (Delta's log and statistics may write non-ASCII text so) as the characters. */
    static String unescape(String text) {
        return Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
}
