package vn.hoidap.corpus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What start-up derives from the corpus (the plans as extracted and restored, the trained intent model),
 * kept in the data folder so a restart with the same corpus and the same code skips the work. Every file is
 * keyed by a digest of all corpus files and of the code ({@link CodeVersion}): a changed plan, YAML, FAQ or
 * jar gives another key, so a stale file is never read, only left to be pruned. A file is trusted only when
 * its header, key and SHA-256 check out and it deserialises into the corpus's own record types (an
 * {@link ObjectInputFilter} refuses every other class); anything else is logged, deleted and rebuilt.
 * Writes go to a temporary file moved into place, so a reader never sees half a file.
 */
public final class DerivedCache {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedCache.class);
    private static final byte[] MAGIC = "hoidap-derived-1\n".getBytes(StandardCharsets.US_ASCII);
    /** Files of an older key are removed once they have not been written for this long (other builds may share a folder). */
    static final Duration STALE = Duration.ofDays(1);
    private static final ObjectInputFilter TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=400;maxrefs=20000000;"
                    + "vn.hoidap.corpus.**;vn.hoidap.assistant.intent.*;"
                    + "java.lang.String;java.lang.Enum;java.lang.Integer;java.lang.Long;java.lang.Double;java.lang.Boolean;"
                    + "java.lang.Number;java.util.ImmutableCollections$*;java.util.CollSer;java.util.ArrayList;"
                    + "java.lang.Object;!*"); // an array is matched by its element type (Object[] of an immutable list)

    private final Path dir;
    private final String key;

    private DerivedCache(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    /** A cache that never holds anything (no folder configured, or the code's identity is unknown). */
    public static DerivedCache disabled() {
        return new DerivedCache(null, null);
    }

    /**
     * The cache in {@code dir} for what is derived from the corpus at {@code corpusRoot}; disabled when
     * {@code dir} is null or blank. The corpus is digested on every call (a few milliseconds for the whole
     * folder), so a file changed since the last call gives the new key.
     */
    public static DerivedCache at(String dir, Path corpusRoot) {
        if (dir == null || dir.isBlank()) {
            return disabled();
        }
        Optional<String> code = CodeVersion.current();
        if (code.isEmpty()) {
            LOG.warn("Derived-data cache off: the running code's location cannot be read");
            return disabled();
        }
        Path root = corpusRoot.toAbsolutePath().normalize();
        try {
            return new DerivedCache(Path.of(dir).toAbsolutePath().normalize(), digest(root, code.get()));
        } catch (CorpusException e) {
            LOG.warn("Derived-data cache off: {}", e.getMessage());
            return disabled();
        }
    }

    public boolean enabled() {
        return dir != null;
    }

    /** The key every file of this cache carries: corpus and code together. */
    String key() {
        return key;
    }

    Path file(String kind) {
        return dir.resolve(kind + "-" + key.substring(0, 32) + ".bin");
    }

    /** The value stored under {@code kind} for this corpus and code, if a sound file holds one. */
    public <T extends Serializable> Optional<T> read(String kind, Class<T> type) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = file(kind);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Derived-data cache: cannot read {} ({}); rebuilding it", file, e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(type.cast(decode(bytes, type)));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException
                 | IllegalStateException | NullPointerException | ArrayStoreException e) {
            LOG.warn("Derived-data cache: {} is corrupt or not this version's ({}); rebuilding it", file, e.toString());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // overwritten by the next write
            }
            return Optional.empty();
        }
    }

    /** Stores {@code value} under {@code kind}; a failure (read-only folder, full disk) only costs the next start-up. */
    public void write(String kind, Serializable value) {
        if (!enabled()) {
            return;
        }
        Path file = file(kind);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, kind + "-", ".tmp");
            Files.write(tmp, encode(value));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(kind, file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Derived-data cache: cannot write {} ({}); the next start-up builds it again", file, e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray .tmp file is harmless
                }
            }
        }
    }

    byte[] encode(Serializable value) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(value);
        }
        byte[] body = payload.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 128);
        try (DataOutputStream out = new DataOutputStream(all)) {
            out.write(MAGIC);
            out.writeUTF(key);
            out.writeInt(body.length);
            out.write(body);
            out.write(sha256(key, body));
        }
        return all.toByteArray();
    }

    Object decode(byte[] bytes, Class<?> type) throws IOException, ClassNotFoundException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a derived-data file");
        }
        String stored = in.readUTF();
        if (!stored.equals(key)) {
            throw new IOException("written for another corpus or code");
        }
        int length = in.readInt();
        if (length < 0 || length > bytes.length) {
            throw new IOException("payload length " + length + " out of range");
        }
        byte[] body = in.readNBytes(length);
        byte[] digest = in.readNBytes(32);
        if (body.length != length || !MessageDigest.isEqual(digest, sha256(key, body)) || in.read() != -1) {
            throw new IOException("checksum mismatch (truncated or altered)");
        }
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(body))) {
            objects.setObjectInputFilter(TYPES);
            Object value = objects.readObject();
            if (!type.isInstance(value)) {
                throw new InvalidClassException(value == null ? "null" : value.getClass().getName(), "expected " + type.getName());
            }
            return value;
        }
    }

    /** Files of the same kind under an older key, untouched for {@link #STALE}, are removed. */
    private void prune(String kind, Path current) {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, kind + "-*")) {
            for (Path f : files) {
                if (!f.equals(current) && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.debug("Derived-data cache: pruning {} failed: {}", dir, e.getMessage());
        }
    }

    private static byte[] sha256(String key, byte[] body) {
        MessageDigest d = sha256();
        d.update(key.getBytes(StandardCharsets.UTF_8));
        return d.digest(body);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file under the corpus folder, by relative path, with its length and bytes, then the code. */
    private static String digest(Path root, String code) {
        MessageDigest d = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CorpusException("cannot list the corpus folder " + root + ": " + e.getMessage(), e);
        }
        ByteBuffer length = ByteBuffer.allocate(8);
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new CorpusException("cannot read " + f + ": " + e.getMessage(), e);
            }
            d.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            length.clear();
            d.update(length.putLong(bytes.length).array());
            d.update(bytes);
        }
        d.update(code.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }
}
