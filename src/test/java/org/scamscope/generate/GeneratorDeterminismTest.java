package org.scamscope.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same seed gives byte-identical files, CSV and Parquet alike; another seed gives other files. */
class GeneratorDeterminismTest {
    static final Path REFERENCE = Path.of("data", "reference");

    @TempDir
    Path tmp;

    static Generator.Settings settings(Path out, long victims, long seed, int rowsPerFile) {
        return new Generator.Settings(out, victims, seed, rowsPerFile, Generator.DATASETS, REFERENCE);
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        Generator.run(settings(a, 9000, 42, 2500));
        Generator.run(settings(b, 9000, 42, 2500));
        Generator.run(settings(c, 9000, 43, 2500));

        List<Path> files = files(a);
        assertEquals(files, files(b));
        // 4 victim files (the second Parquet), 2 files of each other dataset, and the report.
        assertEquals(4 + 2 * 3 + 1, files.size(), files.toString());
        assertEquals(4, files.stream().filter(p -> p.toString().endsWith(".parquet")).count(), files.toString());
        for (Path f : files) {
            byte[] x = Files.readAllBytes(a.resolve(f)), y = Files.readAllBytes(b.resolve(f));
            assertTrue(x.length > 0, f.toString());
            assertTrue(Arrays.equals(x, y), "differs between two runs with seed 42: " + f);
        }
        Path victims = files.stream().filter(p -> p.toString().startsWith("victims/") && p.toString().endsWith(".parquet"))
                .findFirst().orElseThrow();
        Path other = c.resolve(victims.toString().replace("_s42_", "_s43_"));
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(victims)), Files.readAllBytes(other)), "seed 43 gave seed 42's file");
    }
}
