package org.scamscope.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/** A lock file in a local (or mounted POSIX) folder, through java.nio: O_EXCL creates, rename(2) moves. */
final class LocalLockFile extends RenamingLockFile {
    private final Path file;

    LocalLockFile(Path file) {
        this.file = file;
    }

    @Override
    public void createFolder() throws IOException {
        Files.createDirectories(file.getParent());
    }

    @Override
    public boolean createNew(String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        }
    }

    @Override
    public Optional<String> read() throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Instant> modified() throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    void replace(String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new-" + ProcessHandle.current().pid());
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    boolean moveTo(String sibling) throws IOException {
        try {
            Files.move(file, file.resolveSibling(sibling), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    @Override
    Optional<String> readSibling(String sibling) throws IOException {
        try {
            return Optional.of(Files.readString(file.resolveSibling(sibling), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    boolean moveBack(String sibling) throws IOException {
        try {
            // link(2) fails when the name exists, where a rename would replace it
            Files.createLink(file, file.resolveSibling(sibling));
            return true;
        } catch (FileAlreadyExistsException | NoSuchFileException taken) {
            return false;
        }
    }

    @Override
    void deleteSibling(String sibling) throws IOException {
        Files.deleteIfExists(file.resolveSibling(sibling));
    }

    @Override
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String where() {
        return file.toString();
    }
}
