package vn.hoidap.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The identity of the running code, for keys of what it derived from the corpus: a different jar (or a
 * recompiled class) must never reuse what the old code computed. For a jar it is a checksum of its central
 * directory, the table that lists every entry (each class of this service and of every library) with its
 * name, CRC-32 and sizes: read as one block from the end of the file and checked with the JDK's native
 * CRC-32 and Adler-32, so it costs milliseconds at start-up, not a walk over 58,000 entries or a read of the
 * whole jar. For a classes folder (tests, an IDE) it is a digest of the folder's files and of the class path
 * that names each library with its version.
 */
final class CodeVersion {

    private static volatile Optional<String> current;

    private CodeVersion() {
    }

    /** Empty when the code's location cannot be read: nothing is cached then. */
    static Optional<String> current() {
        Optional<String> v = current;
        if (v == null) {
            synchronized (CodeVersion.class) {
                v = current;
                if (v == null) {
                    v = of(CodeVersion.class);
                    current = v;
                }
            }
        }
        return v;
    }

    static Optional<String> of(Class<?> anchor) {
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return ofLocation(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The version of the code in a jar or a classes folder. */
    static Optional<String> ofLocation(Path location) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(location)) {
                jar(location, d);
            } else if (Files.isDirectory(location)) {
                folder(location, d);
                d.update(System.getProperty("java.class.path", "").getBytes(StandardCharsets.UTF_8));
            } else {
                return Optional.empty();
            }
            return Optional.of(HexFormat.of().formatHex(d.digest()));
        } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void jar(Path jar, MessageDigest d) throws IOException {
        byte[] directory = centralDirectory(jar);
        if (directory != null) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(directory);
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            adler.update(directory);
            d.update(ByteBuffer.allocate(24).putLong(directory.length).putLong(crc.getValue()).putLong(adler.getValue())
                    .array());
            return;
        }
        entries(jar, d);
    }

    /** The bytes of a zip's central directory, or null when the file is not a plain (non-ZIP64) zip. */
    static byte[] centralDirectory(Path zip) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(zip.toFile(), "r")) {
            long length = f.length();
            int tail = (int) Math.min(length, 22 + 65_535); // end record plus the longest comment
            byte[] end = new byte[tail];
            f.seek(length - tail);
            f.readFully(end);
            ByteBuffer b = ByteBuffer.wrap(end).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = tail - 22; i >= 0; i--) {
                if (b.getInt(i) == 0x06054b50) { // end of central directory
                    long size = Integer.toUnsignedLong(b.getInt(i + 12));
                    long offset = Integer.toUnsignedLong(b.getInt(i + 16));
                    if (size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || offset + size > length || size > Integer.MAX_VALUE) {
                        return null;
                    }
                    byte[] directory = new byte[(int) size];
                    f.seek(offset);
                    f.readFully(directory);
                    return directory;
                }
            }
            return null;
        }
    }

    private static void entries(Path jar, MessageDigest d) throws IOException {
        ByteBuffer numbers = ByteBuffer.allocate(16);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                d.update(e.getName().getBytes(StandardCharsets.UTF_8));
                numbers.clear();
                numbers.putLong(e.getCrc()).putLong(e.getSize());
                d.update(numbers.array());
            }
        }
    }

    private static void folder(Path root, MessageDigest d) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ByteBuffer length = ByteBuffer.allocate(8);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            d.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            length.clear();
            d.update(length.putLong(bytes.length).array());
            d.update(bytes);
        }
    }
}
