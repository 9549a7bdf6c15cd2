package org.scamscope.pipeline;

import org.junit.jupiter.api.Test;
import org.scamscope.SampleWarehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's "What a run prints" against what the sample's run prints: every line README shows (its
 * "..." lines stand for lines left out) is a line of the real summary, in the same order, the run id
 * and the timings' seconds aside.
 */
class ReadmeSampleOutputTest {
    @Test
    void theReadmesSampleOutputIsWhatTheSampleRunPrints() throws Exception {
        List<String> readme = block(Files.readString(Path.of("README.md")), "## What a run prints");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SampleWarehouse.SHARED.summary().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> real = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertTrue(readme.get(0).matches("scamscope run \\d{8}T\\d{6}Z-[0-9a-f]{8}"), readme.get(0));
        assertTrue(real.get(0).matches("scamscope run \\d{8}T\\d{6}Z-[0-9a-f]{8}"), real.get(0));
        int at = 1;
        int compared = 0;
        for (String line : readme.subList(1, readme.size())) {
            if (line.strip().equals("...")) continue;
            if (line.startsWith("timings:")) {
                String timings = real.stream().filter(l -> l.startsWith("timings:")).findFirst().orElseThrow();
                assertEquals(phases(line), phases(timings).subList(0, phases(line).size()), "README's timings name the run's first phases");
                continue;
            }
            int found = real.subList(at, real.size()).indexOf(line);
            assertTrue(found >= 0, "README's line is not in the run's summary (after line " + at + "): '" + line + "'\n" + String.join("\n", real));
            at += found + 1;
            compared++;
        }
        assertTrue(compared >= 12, "README shows " + compared + " lines of the summary");
    }

    /** The lines of the first ``` block after the heading. */
    private static List<String> block(String markdown, String heading) {
        String after = markdown.substring(markdown.indexOf(heading));
        int open = after.indexOf("```\n") + 4;
        return after.substring(open, after.indexOf("\n```", open)).lines().toList();
    }

    /** The phase names of a timings line, in order. */
    private static List<String> phases(String timings) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(" ([a-z][a-z_, ]*?) \\d+\\.\\ds").matcher(timings.substring("timings:".length()));
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
