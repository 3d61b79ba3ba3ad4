package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoidap.text.restore.DiacriticRestorer;
import vn.hoidap.upload.TestCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus read from the derived-data cache is the corpus built from the files: same plans, extraction,
 * curated parts and report, same restorer for uploads; any change of a file rebuilds it. The parallel build
 * gives what a serial one gives, in sheet order.
 */
class CachedCorpusTest {

    @TempDir
    Path cacheDir;

    /** A clean plan, an OCR plan and its clean draft (the restorer's aligned sample), and an uncurated plan. */
    private final Path corpus = MetadataOnlyPlan.corpusWith(Set.of("binh-dinh-2022", "dong-nai-2022", "dong-nai-2022-draft"));

    private CommittedCorpus cachedLoad() {
        return KnowledgeFactory.load(corpus, DerivedCache.at(cacheDir.toString(), corpus));
    }

    @Test
    void aRestartReadsTheCacheAndServesExactlyWhatTheFilesGive() {
        CommittedCorpus fresh = KnowledgeFactory.load(corpus);
        CommittedCorpus first = cachedLoad();
        assertFalse(first.fromCache(), "nothing cached yet: built from the files");
        CommittedCorpus again = cachedLoad();
        assertTrue(again.fromCache());

        assertEquals(fresh.plans(), again.plans());
        assertEquals(fresh.reports(), again.reports());
        assertEquals(List.of("binh-dinh-2022", "dong-nai-2022-draft", "dong-nai-2022", "thu-nghiem-2025"),
                again.plans().stream().map(Plan::id).toList());
        assertEquals(TextQuality.OCR, again.plans().get(2).meta().textQuality());

        // An uploaded OCR text is restored by the restorer a cold start trained, rebuilt on demand after a restart.
        String ocr = "Pon vi chu tri thuc hién: S& Thong tin va Truyén thong; thoi gian hoan thanh nam 2025.";
        assertEquals(first.restorer().apply(ocr), again.restorer().apply(ocr));
    }

    @Test
    void aChangedPlanFileIsParsedAgain() throws IOException {
        cachedLoad();
        assertTrue(cachedLoad().fromCache());
        Path sheet = corpus.resolve("plans/binh-dinh-2022.yaml");
        Files.writeString(sheet, Files.readString(sheet).replace("signer: Lâm Hải Giang", "signer: Nguyễn Văn Thử"));
        CommittedCorpus changed = cachedLoad();
        assertFalse(changed.fromCache());
        assertEquals("Nguyễn Văn Thử", changed.plans().get(0).meta().signer());
        assertEquals(KnowledgeFactory.load(corpus).plans(), changed.plans());
        assertTrue(cachedLoad().fromCache(), "the new corpus is cached in turn");
    }

    @Test
    void aCorruptCacheIsRebuiltNotTrusted() throws IOException {
        cachedLoad();
        Path file = DerivedCache.at(cacheDir.toString(), corpus).file(KnowledgeFactory.CACHED_PLANS);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(file, bytes);
        CommittedCorpus rebuilt = cachedLoad();
        assertFalse(rebuilt.fromCache());
        assertEquals(KnowledgeFactory.load(corpus).plans(), rebuilt.plans());
        assertTrue(cachedLoad().fromCache());
    }

    @Test
    void plansParsedInParallelAreThePlansParsedOneAfterAnother() {
        CommittedCorpus parallel = KnowledgeFactory.load(corpus);

        // the serial pipeline: clean plans in sheet order, the restorer trained on them and the OCR sheets, then OCR plans
        CorpusLayout layout = new CorpusLayout(corpus);
        AgencyDirectory agencies = AgencyDirectory.load(layout.agencies());
        PlanLoader loader = new PlanLoader(agencies);
        List<PlanLoader.Loaded> clean = new ArrayList<>();
        List<Path> ocr = new ArrayList<>();
        for (Path sheet : layout.planSheets()) {
            if (loader.textQuality(sheet) == TextQuality.OCR) {
                ocr.add(sheet);
            } else {
                clean.add(loader.loadMeasured(sheet));
            }
        }
        List<Plan> training = new ArrayList<>(clean.stream().map(PlanLoader.Loaded::plan).toList());
        ocr.forEach(s -> training.add(loader.curatedOnly(s)));
        DiacriticRestorer restorer = OcrRestorerTraining.train(training, FaqLoader.load(layout.faqDir()), agencies,
                ProvinceDirectory.load(layout.provinces()));
        PlanLoader restoring = loader.withRestorer(restorer::restore);
        List<Plan> serial = new ArrayList<>();
        for (Path sheet : layout.planSheets()) {
            serial.add(ocr.contains(sheet) ? restoring.load(sheet)
                    : clean.stream().map(PlanLoader.Loaded::plan).filter(p -> sheet.endsWith(p.id() + ".yaml")).findFirst().orElseThrow());
        }
        assertEquals(serial, parallel.plans());
    }

    @Test
    void theFirstFailingItemIsReportedWhateverFinishesFirst() {
        List<Integer> items = java.util.stream.IntStream.range(0, 64).boxed().toList();
        assertEquals(items.stream().map(i -> i * 2).toList(), KnowledgeFactory.inParallel(items, i -> i * 2));
        CorpusException e = assertThrows(CorpusException.class, () -> KnowledgeFactory.inParallel(items, i -> {
            if (i % 10 == 7) {
                throw new CorpusException("sheet " + i);
            }
            return i;
        }));
        assertEquals("sheet 7", e.getMessage());
    }

    @Test
    void aBrokenCorpusStopsWithTheSameMessageFromAPreload() throws IOException {
        Path broken = TestCorpus.keeping(Set.of("binh-dinh-2022"));
        Files.delete(broken.resolve("plans/binh-dinh-2022.txt"));
        String direct = assertThrows(CorpusException.class, () -> KnowledgeFactory.load(broken)).getMessage();
        CorpusPreload.start(broken, "");
        String preloaded = assertThrows(CorpusException.class, () -> CorpusPreload.take(broken, "")).getMessage();
        assertEquals(direct, preloaded);
        assertTrue(direct.contains("binh-dinh-2022.txt"), direct);
    }

    @Test
    void aPreloadForOtherFoldersIsNotUsed() {
        Path other = TestCorpus.keeping(Set.of("binh-dinh-2022"));
        CorpusPreload.start(other, "");
        assertTrue(CorpusPreload.take(corpus, "").isEmpty());
        assertTrue(CorpusPreload.take(other, "").isEmpty(), "taken at most once");
    }
}
