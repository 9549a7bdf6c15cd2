package org.scamscope.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestHdfs;
import org.scamscope.TestS3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Taking over a stale lock (a local folder, HDFS, S3): a run whose
 * reading of the stale lock is out of date, because another run took it over meanwhile, leaves that
 * run's live lock where it was.
 */
class LockFileTest {
    static final String STALE = "run_id=dead\n";
    static final String LIVE = "run_id=took-it-first\n";

    @Test
    void aTakeOverOfALockAnotherRunTookFirstLeavesThatLockLocally(@TempDir Path dir) throws Exception {
        checkTakeOver(dir.toUri());
    }

    @Test
    void aTakeOverOfALockAnotherRunTookFirstLeavesThatLockOnHdfs() throws Exception {
        checkTakeOver(TestHdfs.root().resolve("/lock-file-test"));
    }

    /** S3's conditional writes (ConditionalLockFile) keep the same promises. */
    @Test
    void aTakeOverOfALockAnotherRunTookFirstLeavesThatLockOnS3() throws Exception {
        checkTakeOver(URI.create(TestS3.bucket("lock-file-test") + "/warehouse"));
    }

    private static void checkTakeOver(URI folder) throws Exception {
        LockFile file = LockFile.at(folder, "_scamscope.lock");
        file.createFolder();
        assertTrue(file.createNew(STALE));
        // Another run read the same stale text, took the lock over, and holds it now.
        assertTrue(file.takeOver(STALE, LIVE));
        assertEquals(Optional.of(LIVE), file.read());
        // This run read STALE before that: its take-over finds another lock and gives it back.
        assertFalse(file.takeOver(STALE, "run_id=too-late\n"));
        assertEquals(Optional.of(LIVE), file.read());
        // A renewal by a run that no longer holds the lock is refused; the holder's goes through.
        assertFalse(file.renew(STALE, "run_id=dead\nlease_until=later\n"));
        assertTrue(file.renew(LIVE, LIVE + "lease_until=later\n"));
        assertEquals(Optional.of(LIVE + "lease_until=later\n"), file.read());
        file.delete();
        assertEquals(Optional.empty(), file.read());
        assertFalse(file.takeOver(STALE, LIVE), "no lock file: nothing to take over");
    }
}
