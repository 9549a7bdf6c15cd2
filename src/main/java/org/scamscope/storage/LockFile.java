package org.scamscope.storage;

import org.scamscope.ExitCodes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the warehouse lock needs of a file system, for one small file: to create it only if it is
 * absent, and to replace it only if it is still what was read, each as one step against other
 * processes. A local folder gets these from the operating system (O_EXCL, rename); HDFS from its
 * NameNode; S3 (s3a://) from its conditional writes (If-None-Match, If-Match on the ETag). Another
 * object store gives none of them through Hadoop's FileSystem API, so a lock there is refused
 * rather than made unsafe.
 */
public interface LockFile {
    /** Schemes whose Hadoop file system creates a file only if absent, and renames, atomically. */
    Set<String> ATOMIC = Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs");
    /** Schemes of object stores whose writes can be made conditional through Hadoop's API. */
    Set<String> CONDITIONAL = Set.of("s3a");

    /** Creates the folder the file is in, if missing. */
    void createFolder() throws IOException;

    /** Creates the file with the text unless it exists; false when it does. */
    boolean createNew(String text) throws IOException;

    /** The file's text, or empty when there is no file. */
    Optional<String> read() throws IOException;

    /** When the file was last written, or empty when there is no file. */
    Optional<Instant> modified() throws IOException;

    /**
     * The holder's renewal: replaces the file's text whole when it is still expected (a reader sees
     * the old text or the new); false when another process changed or removed it.
     */
    boolean renew(String expected, String text) throws IOException;

    /**
     * A stale lock, whose text was read as stale, replaced by this run's: true when this run holds
     * the lock now; false when another process changed or removed the file first (of two runs
     * taking over the same stale lock, one wins).
     */
    boolean takeOver(String stale, String text) throws IOException;

    /** Deletes the file, if it exists. */
    void delete() throws IOException;

    /** The file's location, for messages. */
    String where();

    /** The file called name in the folder: a local path or a URL (file:, hdfs:, s3a:, ...). */
    static LockFile at(URI folder, String name) {
        String scheme = folder.getScheme() == null ? "file" : folder.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) return new LocalLockFile(Path.of(folder).resolve(name));
        if (ATOMIC.contains(scheme)) return new HadoopLockFile(folder, name);
        if (CONDITIONAL.contains(scheme)) return new ConditionalLockFile(folder, name);
        throw ExitCodes.usage("cannot lock a warehouse at " + folder + ": " + scheme + ":// gives no atomic create-if-absent through"
                + " Hadoop's file system API, so two runs could both believe they hold the lock (README, 'Running on a cluster')");
    }
}
