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
 * absent, to replace it whole, and to move it aside, each atomically. A local folder gets these from
 * the operating system (O_EXCL, rename); HDFS from its NameNode. An object store gives none of them
 * through Hadoop's FileSystem API, so a lock there is refused rather than made unsafe.
 */
public interface LockFile {
    /** Schemes whose Hadoop file system creates a file only if absent, and renames, atomically. */
    Set<String> ATOMIC = Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs");

    /** Creates the folder the file is in, if missing. */
    void createFolder() throws IOException;

    /** Creates the file with the text unless it exists; false when it does. */
    boolean createNew(String text) throws IOException;

    /** The file's text, or empty when there is no file. */
    Optional<String> read() throws IOException;

    /** When the file was last written, or empty when there is no file. */
    Optional<Instant> modified() throws IOException;

    /** Replaces the file's text at once: a reader sees the old text or the new, never part of it. */
    void replace(String text) throws IOException;

    /** Moves the file to a sibling of that name; false when there was no file (another process moved it first). */
    boolean moveTo(String sibling) throws IOException;

    /** Deletes the sibling of that name, or the file itself when sibling is null, if it exists. */
    void delete(String sibling) throws IOException;

    /** The file's location, for messages. */
    String where();

    /** The file called name in the folder: a local path or a URL (file:, hdfs:, ...). */
    static LockFile at(URI folder, String name) {
        String scheme = folder.getScheme() == null ? "file" : folder.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) return new LocalLockFile(Path.of(folder).resolve(name));
        if (ATOMIC.contains(scheme)) return new HadoopLockFile(folder, name);
        throw ExitCodes.usage("cannot lock a warehouse at " + folder + ": " + scheme + ":// gives no atomic create-if-absent through"
                + " Hadoop's file system API, so two runs could both believe they hold the lock (README, 'Running on a cluster')");
    }
}
