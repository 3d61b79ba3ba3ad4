package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoidap.upload.TestCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived-data cache: keyed by corpus and code, never trusting a file that does not check out. */
class DerivedCacheTest {

    @TempDir
    Path cacheDir;

    private final Path corpus = TestCorpus.keeping(Set.of("binh-dinh-2022"));

    private DerivedCache cache() {
        return DerivedCache.at(cacheDir.toString(), corpus);
    }

    private static ArrayList<String> value() {
        return new ArrayList<>(List.of("Sở Thông tin và Truyền thông", "chủ trì", "2025"));
    }

    @Test
    void whatIsWrittenIsReadBackUnderTheSameCorpus() {
        cache().write("sample", value());
        assertEquals(value(), cache().read("sample", ArrayList.class).orElseThrow());
        assertTrue(cache().read("other-kind", ArrayList.class).isEmpty());
    }

    @Test
    void anyChangeOfACorpusFileGivesAnotherKeySoNothingStaleIsRead() throws IOException {
        String before = cache().key();
        cache().write("sample", value());
        Path sheet = corpus.resolve("plans/binh-dinh-2022.yaml");
        Files.writeString(sheet, Files.readString(sheet) + "\n# edited\n");
        assertNotEquals(before, cache().key());
        assertTrue(cache().read("sample", ArrayList.class).isEmpty(), "a changed YAML invalidates");

        String afterYaml = cache().key();
        Path text = corpus.resolve("plans/binh-dinh-2022.txt");
        Files.writeString(text, Files.readString(text).replace("Sở", "Sở "));
        assertNotEquals(afterYaml, cache().key(), "a changed plan text invalidates");

        String afterText = cache().key();
        Files.writeString(corpus.resolve("plans/new-2025.yaml"), "id: new-2025\n");
        assertNotEquals(afterText, cache().key(), "an added file invalidates");
    }

    @Test
    void theKeyCoversTheRunningCode() {
        String code = CodeVersion.current().orElseThrow();
        assertEquals(64, code.length());
        assertEquals(code, CodeVersion.of(CodeVersion.class).orElseThrow(), "the same code, the same version");
    }

    @Test
    void aJarWithAnyEntryChangedIsAnotherCodeVersion() throws IOException {
        Path one = jar("one.jar", "vn/hoidap/A.class", "first build");
        Path same = jar("same.jar", "vn/hoidap/A.class", "first build");
        Path changed = jar("changed.jar", "vn/hoidap/A.class", "second build");
        assertTrue(CodeVersion.centralDirectory(one) != null, "read from the zip's own directory");
        assertEquals(CodeVersion.ofLocation(one), CodeVersion.ofLocation(same));
        assertNotEquals(CodeVersion.ofLocation(one), CodeVersion.ofLocation(changed));
    }

    private Path jar(String name, String entry, String content) throws IOException {
        Path jar = cacheDir.resolve(name);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(entry);
            e.setTime(0); // the same time in every build: only the content tells them apart
            zip.putNextEntry(e);
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void aCorruptFileIsIgnoredDeletedAndRebuilt() throws IOException {
        cache().write("sample", value());
        Path file = cache().file("sample");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20; // one flipped bit inside the payload
        Files.write(file, bytes);
        assertTrue(cache().read("sample", ArrayList.class).isEmpty());
        assertFalse(Files.exists(file), "the corrupt file is removed");

        cache().write("sample", value());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 40)); // truncated by a crash
        assertTrue(cache().read("sample", ArrayList.class).isEmpty());

        Files.writeString(file, "not a cache file at all");
        assertTrue(cache().read("sample", ArrayList.class).isEmpty());

        cache().write("sample", value());
        assertEquals(value(), cache().read("sample", ArrayList.class).orElseThrow(), "rebuilt and read again");
    }

    @Test
    void aSoundFileOfAnotherTypeOrOfForeignClassesIsRefused() throws IOException {
        DerivedCache c = cache();
        c.write("sample", value());
        assertTrue(c.read("sample", Plan.class).isEmpty(), "not the type asked for");

        HashMap<String, String> foreign = new HashMap<>(); // checksum right, class outside the allowed set
        foreign.put("a", "b");
        Files.write(c.file("sample"), c.encode(foreign));
        assertTrue(c.read("sample", HashMap.class).isEmpty());
    }

    @Test
    void aFileWrittenUnderAnotherKeyIsNotRead() throws IOException {
        DerivedCache c = cache();
        c.write("sample", value());
        byte[] bytes = Files.readAllBytes(c.file("sample"));
        Path sheet = corpus.resolve("plans/binh-dinh-2022.yaml");
        Files.writeString(sheet, Files.readString(sheet) + "\n# edited\n");
        DerivedCache changed = cache();
        Files.write(changed.file("sample"), bytes); // an old file copied under the new name
        assertTrue(changed.read("sample", ArrayList.class).isEmpty());
    }

    @Test
    void noFolderMeansNoCache() {
        DerivedCache off = DerivedCache.at(" ", corpus);
        assertFalse(off.enabled());
        off.write("sample", value());
        assertTrue(off.read("sample", ArrayList.class).isEmpty());
    }
}
