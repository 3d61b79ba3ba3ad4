package vn.hoidap.corpus;

import vn.hoidap.upload.TestCorpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A plan as an operator adds one to a corpus folder: the document's text and a YAML with metadata only (no
 * signer, number, date, task, target or duty), so everything else must come from the extractor. The folder is
 * a copy of the project's corpus ({@link TestCorpus}) with only the plans a test names.
 */
final class MetadataOnlyPlan {

    /** The test document: a Đồng Tháp plan in Markdown-like text (src/test/resources/plans). */
    static final Path MARKDOWN_PLAN = Path.of("src/test/resources/plans/markdown-plan.txt");

    private MetadataOnlyPlan() {
    }

    /** A copy of the project's corpus with only {@code keptPlans}, plus the test document as plan {@code thu-nghiem-2025}. */
    static Path corpusWith(Set<String> keptPlans) {
        Path corpus = TestCorpus.keeping(keptPlans);
        write(corpus, "thu-nghiem-2025", "Ủy ban nhân dân tỉnh Đồng Tháp",
                "Kế hoạch chuyển đổi số cho doanh nghiệp giai đoạn 2026 - 2030", "markdown-plan.txt", read(MARKDOWN_PLAN));
        return corpus;
    }

    /** Writes {@code plans/<id>.txt} and a metadata-only {@code plans/<id>.yaml} of a Đồng Tháp plan. */
    static void write(Path corpus, String id, String issuer, String title, String originalFile, String text) {
        try {
            Path plans = Files.createDirectories(corpus.resolve("plans"));
            Files.writeString(plans.resolve(id + ".txt"), text);
            Files.writeString(plans.resolve(id + ".yaml"), """
                    id: %s
                    province: Đồng Tháp
                    kind: Kế hoạch
                    number: ~
                    issueDate: ~
                    issuer: %s
                    signer: ~
                    status: issued
                    title: %s
                    textQuality: clean
                    originalFile: %s
                    """.formatted(id, issuer, title, originalFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
