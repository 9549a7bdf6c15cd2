package org.scamscope.storage;

import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.scamscope.spark.HadoopConf;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock file on S3 (s3a://), through S3's conditional writes as Hadoop's S3A client makes them
 * (Hadoop 3.4.2 and later): a PUT with If-None-Match: * creates the file only if absent, and a PUT
 * with If-Match: ETAG replaces it only if it is still the version read. S3 decides each, so two
 * runs on two machines cannot both create, or both take over, the lock.
 */
final class ConditionalLockFile implements LockFile {
    /** createFile() options of Hadoop's S3A client (HADOOP-19256). */
    static final String IF_ABSENT = "fs.option.create.conditional.overwrite";
    static final String IF_ETAG = "fs.option.create.conditional.overwrite.etag";

    private final Path file;
    private final FileSystem fs;

    ConditionalLockFile(URI folder, String name) {
        this.file = new Path(new Path(folder), name);
        try {
            this.fs = file.getFileSystem(HadoopConf.shared());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot reach the file system of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void createFolder() {
        // an object store has no folders: a key's prefix is there once a key under it is
    }

    @Override
    public boolean createNew(String text) throws IOException {
        return put(false, IF_ABSENT, "true", text);
    }

    @Override
    public Optional<String> read() throws IOException {
        return HadoopText.read(fs, file);
    }

    @Override
    public Optional<Instant> modified() throws IOException {
        return HadoopText.modified(fs, file);
    }

    @Override
    public boolean renew(String expected, String text) throws IOException {
        return replaceIf(expected, text);
    }

    @Override
    public boolean takeOver(String stale, String text) throws IOException {
        return replaceIf(stale, text);
    }

    /** Replaces the object when its text is still expected: the read and the PUT are pinned to one ETag. */
    private boolean replaceIf(String expected, String text) throws IOException {
        FileStatus status;
        try {
            status = fs.getFileStatus(file);
        } catch (FileNotFoundException gone) {
            return false;
        }
        String etag = status instanceof EtagSource e ? e.getEtag() : null;
        if (etag == null || etag.isEmpty()) throw new IOException("the store gave no ETag for " + file + ", which a conditional write needs");
        String now;
        // Opened with the status read, the client asks for that ETag's version (If-Match): a newer one is refused.
        try (InputStream in = fs.openFile(file).withFileStatus(status).build().get()) {
            now = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException gone) {
            return false;
        } catch (IOException e) {
            if (refused(e)) return false;
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + file);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (!now.equals(expected)) return false;
        return put(true, IF_ETAG, etag, text);
    }

    /** Writes the text under the condition (a createFile option), which S3 checks when the stream closes; false when it refused. */
    private boolean put(boolean overwrite, String condition, String value, String text) throws IOException {
        FSDataOutputStreamBuilder<?, ?> builder = fs.createFile(file).overwrite(overwrite);
        builder.must(condition, value);
        try (FSDataOutputStream out = builder.build()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (refused(e)) return false;
            throw e;
        }
        return true;
    }

    /**
     * The store refused a condition: the object exists (412 Precondition Failed, which S3A raises as
     * its RemoteFileChangedException; or its own check before the PUT), or a concurrent conditional
     * write won (409 Conflict).
     */
    private static boolean refused(IOException e) {
        if (e instanceof FileAlreadyExistsException) return true;
        String type = e.getClass().getName();
        String message = String.valueOf(e.getMessage());
        return type.endsWith(".RemoteFileChangedException") || message.contains("412") || message.contains("409")
                || message.contains("PreconditionFailed") || message.contains("ConditionalRequestConflict");
    }

    @Override
    public void delete() throws IOException {
        fs.delete(file, false);
    }

    @Override
    public String where() {
        return file.toString();
    }
}
