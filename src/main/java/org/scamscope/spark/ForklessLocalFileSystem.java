package org.scamscope.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system (file:), with the two calls it makes on every file and commit done in
 * Java. Without Hadoop's native library, Hadoop forks `chmod` for each file it creates and `readlink`
 * for each rename's status check: about 800 processes in one run of the basic fixture, 2 to 3 ms
 * each. Everything else, checksums included, is Hadoop's own.
 */
public class ForklessLocalFileSystem extends LocalFileSystem {
    public ForklessLocalFileSystem() {
        super(new Raw());
    }

    /** The raw (checksum-free) file system underneath, also what {@link ForklessLocalFs} delegates to. */
    public static class Raw extends RawLocalFileSystem {
        private static final PosixFilePermission[] BITS = {  // from 0400 down to 0001
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {  // java.nio has no sticky bit: Hadoop's way
                super.setPermission(p, permission);
                return;
            }
            short mode = permission.toShort();
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            for (int i = 0; i < BITS.length; i++) {
                if ((mode & (0400 >> i)) != 0) set.add(BITS[i]);
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), set);
            } catch (UnsupportedOperationException notPosix) {
                super.setPermission(p, permission);
            }
        }

        /** A path that is not a symbolic link has the status getFileStatus gives: what Hadoop returns after its readlink. */
        @Override
        public FileStatus getFileLinkStatus(Path f) throws IOException {
            if (Files.isSymbolicLink(pathToFile(f).toPath())) return super.getFileLinkStatus(f);
            return getFileStatus(f);
        }
    }
}
