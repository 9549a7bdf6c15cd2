package org.scamscope.storage;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.scamscope.spark.HadoopConf;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock file on a Hadoop file system whose create-if-absent and rename are atomic (HDFS: the
 * NameNode decides, so two clients on two machines cannot both create the file).
 */
final class HadoopLockFile extends RenamingLockFile {
    private final Path file;
    private final FileSystem fs;
    private final FileContext fc;

    HadoopLockFile(URI folder, String name) {
        this.file = new Path(new Path(folder), name);
        try {
            var conf = HadoopConf.shared();
            this.fs = file.getFileSystem(conf);
            this.fc = FileContext.getFileContext(file.toUri(), conf);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot reach the file system of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void createFolder() throws IOException {
        fs.mkdirs(file.getParent());
    }

    @Override
    public boolean createNew(String text) throws IOException {
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        } catch (org.apache.hadoop.ipc.RemoteException e) {
            // A client that creates the file at this moment holds its lease: the file exists for everyone else.
            if (e.getClassName().endsWith("AlreadyBeingCreatedException") || e.getClassName().endsWith("FileAlreadyExistsException")) return false;
            throw e;
        }
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
    void replace(String text) throws IOException {
        Path tmp = new Path(file.getParent(), file.getName() + ".new-" + ProcessHandle.current().pid());
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        fc.rename(tmp, file, Options.Rename.OVERWRITE);
    }

    @Override
    boolean moveTo(String sibling) throws IOException {
        try {
            fc.rename(file, new Path(file.getParent(), sibling));
            return true;
        } catch (FileNotFoundException gone) {
            return false;
        }
    }

    @Override
    Optional<String> readSibling(String sibling) throws IOException {
        return HadoopText.read(fs, new Path(file.getParent(), sibling));
    }

    @Override
    boolean moveBack(String sibling) throws IOException {
        try {
            fc.rename(new Path(file.getParent(), sibling), file);  // without OVERWRITE: refused when the name exists
            return true;
        } catch (FileAlreadyExistsException | FileNotFoundException taken) {
            return false;
        }
    }

    @Override
    void deleteSibling(String sibling) throws IOException {
        fs.delete(new Path(file.getParent(), sibling), false);
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
