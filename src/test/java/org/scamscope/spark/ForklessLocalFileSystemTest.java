package org.scamscope.spark;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

@org.junit.jupiter.api.parallel.Isolated("it records every process the JVM starts")
class ForklessLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private static Path hadoop(java.nio.file.Path p) {
        return new Path(p.toUri());
    }

    @Test
    void everyHadoopConfigurationGetsTheForklessFileSystemForFileUris() throws IOException {
        assertInstanceOf(ForklessLocalFileSystem.class, FileSystem.get(URI.create("file:///"), HadoopConf.create()));
        assertInstanceOf(ForklessLocalFs.class, FileContext.getLocalFSFileContext(HadoopConf.create()).getDefaultFileSystem());
        // Spark's own configuration, made from its settings, not by HadoopConf.
        assertInstanceOf(ForklessLocalFileSystem.class,
                FileSystem.get(URI.create("file:///"), TestSpark.session().sparkContext().hadoopConfiguration()));
    }

    /** The modes, read back through java.nio's POSIX view: what `chmod` would have set. */
    @Test
    void permissionsAreSetAsChmodWould() throws IOException {
        FileSystem fs = FileSystem.get(URI.create("file:///"), HadoopConf.create());
        Path f = hadoop(dir.resolve("a.txt"));
        fs.create(f).close();
        for (String[] c : new String[][] {{"640", "rw-r-----"}, {"755", "rwxr-xr-x"}, {"7", "------rwx"}, {"400", "r--------"}}) {
            fs.setPermission(f, new FsPermission(Short.parseShort(c[0], 8)));
            assertEquals(c[1], PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.txt"))), c[0]);
            assertEquals(c[0], Integer.toOctalString(fs.getFileStatus(f).getPermission().toShort()), "Hadoop reads back " + c[0]);
        }
    }

    /** Link status as Hadoop's own raw local file system, which forks readlink, gives it. */
    @Test
    void linkStatusIsHadoopsOwn() throws IOException {
        FileSystem forkless = FileSystem.get(URI.create("file:///"), HadoopConf.create());
        org.apache.hadoop.fs.RawLocalFileSystem hadoops = new org.apache.hadoop.fs.RawLocalFileSystem();
        hadoops.initialize(URI.create("file:///"), HadoopConf.create());
        java.nio.file.Path file = Files.writeString(dir.resolve("f.txt"), "12345");
        java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("l.txt"), file);
        for (java.nio.file.Path p : List.of(file, link, dir)) {
            FileStatus mine = forkless.getFileLinkStatus(hadoop(p));
            FileStatus theirs = hadoops.getFileLinkStatus(hadoop(p));
            assertEquals(List.of(theirs.isFile(), theirs.isDirectory(), theirs.isSymlink(), theirs.getLen(), theirs.getModificationTime()),
                    List.of(mine.isFile(), mine.isDirectory(), mine.isSymlink(), mine.getLen(), mine.getModificationTime()), p.toString());
        }
        assertEquals(5, forkless.getFileLinkStatus(hadoop(file)).getLen());
        assertThrows(java.io.FileNotFoundException.class, () -> hadoops.getFileLinkStatus(hadoop(dir.resolve("missing"))));
        assertThrows(java.io.FileNotFoundException.class, () -> forkless.getFileLinkStatus(hadoop(dir.resolve("missing"))));
    }

    /** Delta's log store renames without overwriting: a commit file that exists is not replaced. */
    @Test
    void fileContextRenameRefusesToOverwrite() throws IOException {
        FileContext fc = FileContext.getLocalFSFileContext(HadoopConf.create());
        Files.writeString(dir.resolve("00.json"), "committed");
        Files.writeString(dir.resolve(".00.json.tmp"), "late");
        assertThrows(org.apache.hadoop.fs.FileAlreadyExistsException.class,
                () -> fc.rename(hadoop(dir.resolve(".00.json.tmp")), hadoop(dir.resolve("00.json")), Options.Rename.NONE));
        assertEquals("committed", Files.readString(dir.resolve("00.json")));
        fc.rename(hadoop(dir.resolve(".00.json.tmp")), hadoop(dir.resolve("01.json")), Options.Rename.NONE);
        assertEquals("late", Files.readString(dir.resolve("01.json")));
    }

    /**
     * The point of it: Delta writes and commits on file: without Hadoop starting a process for a file
     * (the JVM's own record of processes; Spark's once-a-JVM `getconf PAGESIZE` for its metrics aside, and
     * Spark's `rm -rf` of a session's artifact folder when an earlier test's session is collected, which
     * can fall in the recording: it happened once in CI, 4 folders under java.io.tmpdir's artifacts-&lt;id&gt;).
     */
    @Test
    void aDeltaWriteStartsNoProcessForItsFiles() throws Exception {
        String table = dir.resolve("t").toString();
        TestSpark.session().range(3).write().format("delta").save(table);  // planning and class loading out of the count
        java.nio.file.Path rec = dir.resolve("processes.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ProcessStart");
            r.start();
            TestSpark.session().range(5).write().format("delta").mode("append").save(table);
            TestSpark.session().sql("DELETE FROM delta.`" + table + "` WHERE id = 1");
            r.stop();
            r.dump(rec);
        }
        List<String> started = RecordingFile.readAllEvents(rec).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ProcessStart"))
                .map(e -> e.getString("command")).filter(c -> !c.equals("getconf PAGESIZE") && !sessionArtifacts(c)).toList();
        assertEquals(0, started.size(), started.size() + " processes, the first: " + started.stream().limit(4).toList());
        assertEquals(6, TestSpark.session().read().format("delta").load(table).count());
    }

    /** Spark's removal of a collected session's artifacts: rm -rf &lt;tmpdir&gt;/artifacts-&lt;uuid&gt;/&lt;session uuid&gt;, nothing else. */
    private static boolean sessionArtifacts(String command) {
        String tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        return command.matches("rm -rf " + java.util.regex.Pattern.quote(tmp) + "/artifacts-" + uuid + "/" + uuid);
    }
}
