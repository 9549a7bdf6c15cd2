package org.scamscope.storage;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * A lock file on a file system that renames atomically (a local folder, HDFS): a stale lock is
 * moved aside, which only one process can do, and checked to be the one read as stale.
 */
abstract class RenamingLockFile implements LockFile {
    /** Moves the lock file to the sibling of that name; false when there was none. */
    abstract boolean moveTo(String sibling) throws IOException;

    /** The sibling's text, or empty when it is gone. */
    abstract Optional<String> readSibling(String sibling) throws IOException;

    /** Moves the sibling back to the lock file's name unless a lock file is there again; false then. */
    abstract boolean moveBack(String sibling) throws IOException;

    abstract void deleteSibling(String sibling) throws IOException;

    /** Replaces the whole file at once with the text. */
    abstract void replace(String text) throws IOException;

    @Override
    public final boolean takeOver(String stale, String text) throws IOException {
        String aside = "_scamscope.lock.stale-" + UUID.randomUUID();
        if (!moveTo(aside)) return false;
        try {
            if (!readSibling(aside).orElse("").equals(stale)) {
                // Another run took the stale lock over between this one's reading and moving it: the
                // file moved is that run's live lock, which goes back.
                moveBack(aside);
                return false;
            }
        } finally {
            deleteSibling(aside);
        }
        return createNew(text);
    }

    /**
     * Only the holder renews, and only a holder whose lease ran out can be taken over meanwhile;
     * the check and the replacement are two steps, as the lease allows.
     */
    @Override
    public final boolean renew(String expected, String text) throws IOException {
        if (!read().map(expected::equals).orElse(false)) return false;
        replace(text);
        return true;
    }
}
