package org.scamscope.storage;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.scamscope.spark.HadoopConf;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A location on a Hadoop file system (HDFS, an object store through s3a, ...), reached with the
 * JVM's Hadoop settings; Hadoop caches one client per scheme and authority.
 */
record HadoopLocation(URI uri) implements Location {
    HadoopLocation {
        String p = uri.getPath();
        if (p != null && p.length() > 1 && p.endsWith("/")) uri = uri.resolve(p.substring(0, p.length() - 1));
    }

    org.apache.hadoop.fs.Path path() {
        return new org.apache.hadoop.fs.Path(uri);
    }

    FileSystem fs() throws IOException {
        return FileSystem.get(uri, HadoopConf.shared());
    }

    @Override
    public Path local() {
        return null;
    }

    @Override
    public Location resolve(String relative) {
        return new HadoopLocation(new org.apache.hadoop.fs.Path(path(), relative).toUri().normalize());
    }

    @Override
    public String name() {
        return path().getName();
    }

    @Override
    public Location parent() {
        org.apache.hadoop.fs.Path parent = path().getParent();
        return parent == null ? null : new HadoopLocation(parent.toUri());
    }

    @Override
    public boolean exists() {
        try {
            return fs().exists(path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isDirectory() {
        try {
            return fs().getFileStatus(path()).isDirectory();
        } catch (FileNotFoundException absent) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list() throws IOException {
        try {
            return Arrays.stream(fs().listStatus(path())).map(s -> s.getPath().getName()).sorted().toList();
        } catch (FileNotFoundException absent) {
            return List.of();
        }
    }

    @Override
    public List<String> files() throws IOException {
        if (!isDirectory()) return List.of();
        String root = uri.getPath().endsWith("/") ? uri.getPath() : uri.getPath() + "/";
        List<String> out = new java.util.ArrayList<>();
        var it = fs().listFiles(path(), true);
        while (it.hasNext()) {
            String p = it.next().getPath().toUri().getPath();
            if (p.startsWith(root)) out.add(p.substring(root.length()));
        }
        out.sort(null);
        return out;
    }

    @Override
    public InputStream open() throws IOException {
        return fs().open(path());
    }

    @Override
    public byte[] tail(int n) throws IOException {
        long length = size();
        byte[] tail = new byte[(int) Math.min(n, length)];
        try (FSDataInputStream in = fs().open(path())) {
            in.readFully(length - tail.length, tail);
        }
        return tail;
    }

    @Override
    public long size() throws IOException {
        return status().getLen();
    }

    @Override
    public long modified() throws IOException {
        return status().getModificationTime();
    }

    private FileStatus status() throws IOException {
        return fs().getFileStatus(path());
    }

    @Override
    public void deleteIfEmpty() throws IOException {
        if (isDirectory() && list().isEmpty()) fs().delete(path(), false);
    }

    @Override
    public String toString() {
        // Hadoop's own form (special characters as they are), which Hadoop, Spark and Delta parse back
        return path().toString();
    }
}
