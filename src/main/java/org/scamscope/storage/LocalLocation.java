package org.scamscope.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A location on this machine's file system (or one mounted at the same path on every node). */
record LocalLocation(Path path) implements Location {
    @Override
    public URI uri() {
        return path.toUri();
    }

    @Override
    public Path local() {
        return path;
    }

    @Override
    public Location resolve(String relative) {
        return new LocalLocation(path.resolve(relative).normalize());
    }

    @Override
    public String name() {
        return path.getFileName() == null ? "" : path.getFileName().toString();
    }

    @Override
    public Location parent() {
        return path.getParent() == null ? null : new LocalLocation(path.getParent());
    }

    @Override
    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory() {
        return Files.isDirectory(path);
    }

    @Override
    public List<String> list() throws IOException {
        if (!Files.isDirectory(path)) return List.of();
        try (Stream<Path> s = Files.list(path)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public List<String> files() throws IOException {
        if (!Files.isDirectory(path)) return List.of();
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).map(p -> {
                List<String> names = new java.util.ArrayList<>();
                path.relativize(p).forEach(n -> names.add(n.toString()));
                return String.join("/", names);
            }).sorted().toList();
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public byte[] tail(int n) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.min(n, f.length())];
            f.seek(f.length() - tail.length);
            f.readFully(tail);
            return tail;
        }
    }

    @Override
    public long size() throws IOException {
        return Files.size(path);
    }

    @Override
    public long modified() throws IOException {
        return Files.getLastModifiedTime(path).toMillis();
    }

    @Override
    public void deleteIfEmpty() throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException | NoSuchFileException kept) {
            // not empty: it is kept
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
