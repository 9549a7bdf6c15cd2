package org.scamscope.storage;

import org.apache.hadoop.fs.FileSystem;
import org.scamscope.ExitCodes;
import org.scamscope.spark.HadoopConf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file or folder of the input or the warehouse: on the local file system (java.nio, so links,
 * permissions and their messages are the operating system's), or on any file system Hadoop has
 * for the URL's scheme (hdfs://, s3a://, ...). What Spark and Delta are given is {@link #toString}:
 * a local path as it was always given, or the URL.
 */
public sealed interface Location permits LocalLocation, HadoopLocation {
    Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):/");

    /**
     * What a user typed for a setting: a path relative to the working directory, a file: URL, or the
     * URL of a Hadoop file system this installation has (else a usage error naming the setting).
     */
    static Location parse(String setting, String text) {
        Matcher url = URL.matcher(text);
        if (!url.find()) return new LocalLocation(Path.of(text).toAbsolutePath().normalize());
        String scheme = url.group(1).toLowerCase(Locale.ROOT);
        URI uri;
        try {
            // Hadoop's parsing, as Spark's: a space or other special character in a path is itself
            uri = new org.apache.hadoop.fs.Path(text).toUri();
        } catch (IllegalArgumentException e) {
            throw ExitCodes.usage(setting + " " + text + " is not a URL: " + e.getMessage());
        }
        if (scheme.equals("file")) {
            try {
                return new LocalLocation(Path.of(URI.create(text)).toAbsolutePath().normalize());
            } catch (IllegalArgumentException e) {
                throw ExitCodes.usage(setting + " " + text + " is not a file URL: " + e.getMessage());
            }
        }
        try {
            FileSystem.getFileSystemClass(scheme, HadoopConf.shared());
        } catch (IOException | RuntimeException e) {  // unknown scheme, or a known one whose jar is absent
            throw ExitCodes.usage(setting + " " + text + ": this installation has no Hadoop file system for " + scheme
                    + ":// (for s3a://, add hadoop-aws: README, 'Object stores')");
        }
        if (uri.getAuthority() == null && !scheme.equals("viewfs")) {
            throw ExitCodes.usage(setting + " " + text + " names no host or bucket: write " + scheme + "://HOST/path");
        }
        return new HadoopLocation(uri.normalize());
    }

    /** A URL's location: file: on this machine, any other scheme through Hadoop. */
    static Location of(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme()) ? new LocalLocation(Path.of(uri).normalize()) : new HadoopLocation(uri.normalize());
    }

    static Location local(Path path) {
        return new LocalLocation(path.toAbsolutePath().normalize());
    }

    /** The location's URL (file:/... for a local one). */
    URI uri();

    /** The path on this machine's file system, or null for a location on another file system. */
    Path local();

    /** The child at a '/'-separated relative path. */
    Location resolve(String relative);

    /** The last name of the path ("" at a root). */
    String name();

    /** The folder the location is in, or null at a root. */
    Location parent();

    /** Whether there is a file or folder here (UncheckedIOException when the file system cannot tell). */
    boolean exists();

    boolean isDirectory();

    /** The names in a folder, sorted; empty when it is not a folder. */
    List<String> list() throws IOException;

    /** The files under a folder, at any depth, by their '/'-joined paths relative to it; empty when it is not a folder. */
    List<String> files() throws IOException;

    InputStream open() throws IOException;

    /** The file's last bytes, at most n. */
    byte[] tail(int n) throws IOException;

    long size() throws IOException;

    /** The file's modification time, in milliseconds since the epoch. */
    long modified() throws IOException;

    /** Deletes an empty folder; does nothing when it holds anything or is gone. */
    void deleteIfEmpty() throws IOException;
}
