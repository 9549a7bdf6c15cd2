package org.scamscope.storage;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** A small file's text and time on a Hadoop file system, empty when there is no file. */
final class HadoopText {
    private HadoopText() {}

    static Optional<String> read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> modified(FileSystem fs, Path file) throws IOException {
        try {
            return Optional.of(Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }
}
