package org.scamscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scamscope generate from the command line: its output folder, its summary and its usage errors (no Spark). */
class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheFourDatasetsAndSaysWhat() throws IOException {
        MainTest.Outcome o = MainTest.main("generate", "--out", tmp.toString(), "--victims", "3000", "--seed", "5");
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("_generated_s5.json", "compounds", "enforcement_actions", "revenue_estimates", "victims"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(o.out().contains("victims                     2         3000"), o.out());
    }

    @Test
    void onlyTheDatasetsAskedFor() throws IOException {
        MainTest.Outcome o = MainTest.main("generate", "--out", tmp.toString(), "--victims", "500", "--datasets", "victims");
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("_generated_s1.json", "victims"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void usageErrors() {
        assertEquals("scamscope: --out is required; usage: " + GenerateCommand.USAGE,
                MainTest.main("generate", "--victims", "10").err().strip());
        assertEquals("scamscope: --victims is required; usage: " + GenerateCommand.USAGE,
                MainTest.main("generate", "--out", tmp.toString()).err().strip());
        assertEquals("scamscope: --victims must be a whole number of 1 or more, got '0'",
                MainTest.main("generate", "--out", tmp.toString(), "--victims", "0").err().strip());
        MainTest.Outcome o = MainTest.main("generate", "--out", tmp.toString(), "--victims", "10", "--datasets", "victims,people");
        assertEquals(2, o.code());
        assertEquals("scamscope: unknown dataset 'people'; datasets are [victims, compounds, revenue_estimates, enforcement_actions]",
                o.err().strip());
    }
}
