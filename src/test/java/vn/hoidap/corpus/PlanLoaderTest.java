package vn.hoidap.corpus;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanLoaderTest {

    private static final Path PLANS = Path.of("corpus/plans");

    @Nested
    class CommittedCorpus {

        private final Map<String, Plan> plans = new PlanLoader(AgencyDirectory.load(Path.of("corpus/agencies.yaml")))
                .loadAll(PLANS).stream().collect(Collectors.toMap(Plan::id, Function.identity()));

        @Test
        void loadsEveryPlanWithItsMetadata() {
            assertEquals(List.of("binh-dinh-2022", "binh-phuoc-2022", "dong-nai-179-2025", "dong-nai-2022",
                    "dong-nai-2022-draft", "dong-thap-597-2025", "dong-thap-617-2025", "ha-noi-308-2025",
                    "thanh-hoa-2022"), plans.keySet().stream().sorted().toList());
            PlanMetadata th = plans.get("thanh-hoa-2022").meta();
            assertEquals("Thanh Hóa", th.province());
            assertEquals("53/KH-UBND", th.number());
            assertEquals("2022-03-03", th.issueDate());
            assertEquals(TextQuality.OCR, th.textQuality());
            assertEquals(PlanStatus.ISSUED, th.status());
            PlanMetadata bp = plans.get("binh-phuoc-2022").meta();
            assertEquals("Đề án", bp.kind());
            assertEquals("1812/QĐ-UBND", bp.number());
            PlanMetadata draft = plans.get("dong-nai-2022-draft").meta();
            assertEquals(PlanStatus.DRAFT, draft.status());
            assertEquals("dong-nai-2022", draft.draftOf());
            assertTrue(draft.displayName().contains("Dự thảo"));
            assertEquals("Lâm Hải Giang", plans.get("binh-dinh-2022").meta().signer());
            assertEquals(TextQuality.CLEAN, plans.get("binh-dinh-2022").meta().textQuality());
        }

        @Test
        void keepsEachDocumentExactlyAsReceived() throws IOException {
            for (Plan p : plans.values()) {
                assertEquals(Files.readString(PLANS.resolve(p.id() + ".txt")), p.originalText(), p.id());
            }
        }
    }

    @Nested
    class MalformedFiles {

        @TempDir
        Path dir;

        @Test
        void missingFieldNamesTheFileAndTheField() throws IOException {
            writePlan("x-2022", validYaml("x-2022").replace("signer: Ai Đó\n", ""), "Nội dung.");
            CorpusException e = assertThrows(CorpusException.class, () -> loader().loadAll(dir));
            assertTrue(e.getMessage().contains("x-2022.yaml"), e.getMessage());
            assertTrue(e.getMessage().contains("'signer'"), e.getMessage());
        }

        @Test
        void invalidStatusIsNamed() throws IOException {
            writePlan("x-2022", validYaml("x-2022").replace("status: issued", "status: maybe"), "Nội dung.");
            CorpusException e = assertThrows(CorpusException.class, () -> loader().loadAll(dir));
            assertTrue(e.getMessage().contains("'status'") && e.getMessage().contains("maybe"), e.getMessage());
        }

        @Test
        void brokenYamlIsReportedWithTheFile() throws IOException {
            writePlan("x-2022", "id: [unclosed\n  province: ", "Nội dung.");
            CorpusException e = assertThrows(CorpusException.class, () -> loader().loadAll(dir));
            assertTrue(e.getMessage().contains("x-2022.yaml") && e.getMessage().contains("YAML"), e.getMessage());
        }

        @Test
        void binaryTextFileIsRejected() throws IOException {
            Files.writeString(dir.resolve("x-2022.yaml"), validYaml("x-2022"));
            Files.write(dir.resolve("x-2022.txt"), new byte[] {(byte) 0xC3, 0x28, 0x00, 0x01});
            CorpusException e = assertThrows(CorpusException.class, () -> loader().loadAll(dir));
            assertTrue(e.getMessage().contains("x-2022.txt"), e.getMessage());
        }

        @Test
        void missingTextFileIsNamed() throws IOException {
            Files.writeString(dir.resolve("x-2022.yaml"), validYaml("x-2022"));
            CorpusException e = assertThrows(CorpusException.class, () -> loader().loadAll(dir));
            assertTrue(e.getMessage().contains("x-2022.txt"), e.getMessage());
        }

        @Test
        void explicitNullForUnknownNumberIsAccepted() throws IOException {
            writePlan("x-2022", validYaml("x-2022"), "Nội dung.");
            Plan p = loader().loadAll(dir).get(0);
            assertNull(p.meta().number());
        }

        private PlanLoader loader() {
            return new PlanLoader(AgencyDirectory.empty());
        }

        private void writePlan(String id, String yaml, String text) throws IOException {
            Files.writeString(dir.resolve(id + ".yaml"), yaml);
            Files.writeString(dir.resolve(id + ".txt"), text);
        }

        private static String validYaml(String id) {
            return """
                    id: %s
                    province: Bình Định
                    kind: Kế hoạch
                    number: ~
                    issueDate: 2022-05-04
                    issuer: UBND tỉnh
                    signer: Ai Đó
                    status: issued
                    title: Kế hoạch thử
                    textQuality: clean
                    originalFile: a.txt
                    """.formatted(id);
        }
    }
}
