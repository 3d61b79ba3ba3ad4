package vn.hoidap.querylog;

import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where log entries wait on disk while the database is away or the queue is full: append-only JSON lines
 * in {@code spill-<millis>-<n>.jsonl} files, fsync'd in batches. Replay takes whole closed files; a file is
 * deleted only after its entries are committed, and a line cut short by a crash is skipped.
 * All methods are synchronized: the writer thread and, on overflow, request threads append.
 */
final class SpillFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpillFile.class);

    private final Path dir;
    private final JsonMapper json;
    private FileChannel current;
    private Path currentPath;
    private boolean dirty;
    private long sequence;
    private long pendingLines;

    SpillFile(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    /** Appends without fsync; {@link #sync()} makes them durable (the writer does so every flush). */
    synchronized void append(List<SpillRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (SpillRecord r : records) {
            try {
                lines.append(json.writeValueAsString(r)).append('\n');
            } catch (IOException e) {
                LOG.error("Query log: cannot serialise an entry for the spill file; it is lost: {}", e.getMessage());
            }
        }
        long before = -1;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            FileChannel ch = channel();
            before = ch.size();
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            dirty = true;
            pendingLines += records.size();
        } catch (IOException e) {
            // A full disk may have taken half a line: cut it off, so the next append starts on a clean line.
            if (current != null && before >= 0) {
                try {
                    current.truncate(before);
                } catch (IOException ignored) {
                    closeCurrent();
                }
            }
            throw new UncheckedIOException("Cannot write the query-log spill file in " + dir.toAbsolutePath(), e);
        }
    }

    synchronized void sync() {
        if (dirty && current != null) {
            try {
                current.force(false);
                dirty = false;
            } catch (IOException e) {
                LOG.warn("Query log: fsync of {} failed: {}", currentPath, e.getMessage());
            }
        }
    }

    /** True when something waits on disk (in this run or left by an earlier one). */
    synchronized boolean hasPending() {
        return pendingLines > 0 || !closedFiles().isEmpty();
    }

    /** Closes the file being written and returns every spill file, oldest first, for replay. */
    synchronized List<Path> takeFiles() {
        closeCurrent();
        pendingLines = 0;
        return closedFiles();
    }

    static List<SpillRecord> read(Path file, JsonMapper json) throws IOException {
        List<SpillRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(json.readValue(line, SpillRecord.class));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Query log: skipping unreadable line {} of {} (cut short by a crash?)", n, file);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closeCurrent();
    }

    private FileChannel channel() throws IOException {
        if (current == null) {
            Files.createDirectories(dir);
            currentPath = dir.resolve("spill-" + System.currentTimeMillis() + "-" + (sequence++) + ".jsonl");
            current = FileChannel.open(currentPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        return current;
    }

    private void closeCurrent() {
        if (current != null) {
            sync();
            try {
                current.close();
            } catch (IOException e) {
                LOG.warn("Query log: closing {} failed: {}", currentPath, e.getMessage());
            }
            current = null;
            currentPath = null;
        }
    }

    private List<Path> closedFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("spill-\\d+-\\d+\\.jsonl"))
                    .filter(p -> !p.equals(currentPath))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("Query log: cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
