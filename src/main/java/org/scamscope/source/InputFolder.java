package org.scamscope.source;

import org.scamscope.ExitCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The input folder: one folder of .csv and .parquet files per dataset, listed in name order. */
public final class InputFolder {
    private final Path input;

    public InputFolder(Path input) {
        this.input = input;
    }

    public Path root() {
        return input;
    }

    /** The dataset's input files in name order, or null when the input has no folder for it. */
    public List<Path> files(String dataset) {
        Path dir = input.resolve(dataset);
        if (!Files.exists(dir) && Files.isSymbolicLink(dir)) {
            // Not an absent dataset, whose tables are left alone: one that is there and cannot be read.
            throw ExitCodes.usage("input folder " + dir + " cannot be read: it is a link that leads to no folder");
        }
        return Files.exists(dir) ? list(dir) : null;
    }

    public String relative(Path file) {
        // joined by '/' on every system; a backslash in a name is a character of the name (Linux allows it)
        List<String> names = new java.util.ArrayList<>();
        input.relativize(file).forEach(n -> names.add(n.toString()));
        return String.join("/", names);
    }

    private List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ExitCodes.usage("input path " + dir + " is a file, not a folder: a dataset is a folder of .csv and .parquet files");
        }
        // Links are followed, so a linked partner folder is read; a link that leads nowhere stops the run.
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p) && !name.startsWith(".") && !name.startsWith("_")) out.add(p);
            }
        } catch (UncheckedIOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + describe(e.getCause()));
        } catch (IOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + describe(e));
        }
        Collections.sort(out);
        for (Path p : out) {
            if (!Files.isRegularFile(p)) {
                throw ExitCodes.usage("input file " + p + " cannot be read: "
                        + (Files.isSymbolicLink(p) ? "it is a link that leads to no file (its target is gone, or links form a loop)"
                                : "it is not a regular file"));
            }
            if (!Files.isReadable(p)) throw ExitCodes.usage("input file " + p + " cannot be read: permission denied");
            formatOf(input.relativize(p).toString());
        }
        return out;
    }

    /** The file and what went wrong: a file system exception's message is often its path alone. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemLoopException) return "links form a loop at " + e.getMessage();
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static String formatOf(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) return "csv";
        if (lower.endsWith(".parquet")) return "parquet";
        throw ExitCodes.usage("input file " + rel + " is neither .csv nor .parquet");
    }
}
