package org.scamscope.source;

import org.scamscope.ExitCodes;
import org.scamscope.storage.Location;

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

/**
 * The input folder: one folder of .csv and .parquet files per dataset, listed in name order. A
 * local folder is walked with java.nio (links followed, a broken one named); a folder on HDFS or an
 * object store is listed through Hadoop's FileSystem.
 */
public final class InputFolder {
    private final Location input;

    public InputFolder(Location input) {
        this.input = input;
    }

    public InputFolder(Path input) {
        this(Location.local(input));
    }

    public Location root() {
        return input;
    }

    /** The dataset's input files in name order, or null when the input has no folder for it. */
    public List<Location> files(String dataset) {
        Location dir = input.resolve(dataset);
        if (dir.local() == null) return listRemote(dir);
        Path local = dir.local();
        if (!Files.exists(local) && Files.isSymbolicLink(local)) {
            // Not an absent dataset, whose tables are left alone: one that is there and cannot be read.
            throw ExitCodes.usage("input folder " + local + " cannot be read: it is a link that leads to no folder");
        }
        return Files.exists(local) ? listLocal(local).stream().map(Location::local).toList() : null;
    }

    /** The file's name in the input folder, its parts joined by '/'. */
    public String relative(Location file) {
        if (file.local() != null && input.local() != null) {
            // joined by '/' on every system; a backslash in a name is a character of the name (Linux allows it)
            List<String> names = new ArrayList<>();
            input.local().relativize(file.local()).forEach(n -> names.add(n.toString()));
            return String.join("/", names);
        }
        String root = input.uri().getPath();
        String path = file.uri().getPath();
        if (!root.endsWith("/")) root += "/";
        if (!path.startsWith(root)) throw new IllegalArgumentException(file + " is not in the input folder " + input);
        return path.substring(root.length());
    }

    private List<Path> listLocal(Path dir) {
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
            formatOf(input.local().relativize(p).toString());
        }
        return out;
    }

    /** The files under a folder of a Hadoop file system, in the order of their paths; null when there is no folder. */
    private List<Location> listRemote(Location dir) {
        List<Location> out = new ArrayList<>();
        try {
            if (!dir.exists()) return null;
            if (!dir.isDirectory()) {
                throw ExitCodes.usage("input path " + dir + " is a file, not a folder: a dataset is a folder of .csv and .parquet files");
            }
            for (String rel : dir.files()) {
                String name = rel.substring(rel.lastIndexOf('/') + 1);
                if (!name.startsWith(".") && !name.startsWith("_")) out.add(dir.resolve(rel));
            }
        } catch (IOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + describe(e));
        } catch (UncheckedIOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + describe(e.getCause()));
        }
        for (Location l : out) formatOf(relative(l));
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
