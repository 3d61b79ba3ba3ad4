package vn.hoidap.assistant;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.TextQuality;
import vn.hoidap.search.Searcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The assistant's data files (corpus/assistant/) and shared helpers, each read or built once. */
@Factory
class AssistantFactory {

    private static Path dir(CorpusConfig corpus) {
        return Path.of(corpus.dir()).resolve("assistant");
    }

    @Singleton
    ContentWords questionWords(CorpusConfig corpus) {
        return ContentWords.load(dir(corpus).resolve("question-words.txt"));
    }

    @Singleton
    Replies replies(CorpusConfig corpus) {
        return Replies.load(dir(corpus).resolve("replies.yaml"));
    }

    @Singleton
    AssistantCues cues(CorpusConfig corpus) {
        return AssistantCues.load(dir(corpus).resolve("cues.yaml"));
    }

    @Singleton
    ReorgCues reorgCues(CorpusConfig corpus) {
        return ReorgCues.load(dir(corpus).resolve("reorg.yaml"));
    }

    @Singleton
    PlanFactCues planFactCues(CorpusConfig corpus) {
        return PlanFactCues.load(dir(corpus).resolve("plan-facts.yaml"));
    }

    @Singleton
    SelectionCues selectionCues(CorpusConfig corpus) {
        return SelectionCues.load(dir(corpus).resolve("selection.yaml"));
    }

    @Singleton
    EntityExtractor entityExtractor(Knowledge knowledge, SelectionCues selection) {
        return new EntityExtractor(knowledge, selection);
    }

    @Singleton
    Wording wording(Knowledge knowledge) {
        return new Wording(knowledge.agencies());
    }

    @Singleton
    Candidates candidates(Searcher searcher, Knowledge knowledge, ContentWords questionWords, AssistantCues cues) {
        return new Candidates(searcher, knowledge, questionWords,
                java.util.Set.copyOf(cues.moneyUnits().stream().filter(u -> !u.contains(" ")).toList()));
    }

    /** Trained on the clean plans' paragraphs and the FAQ answers: Vietnamese administrative prose. */
    @Singleton
    SentenceSplitter sentenceSplitter(Knowledge knowledge) {
        List<String> out = new ArrayList<>();
        for (Plan p : knowledge.plans()) {
            if (p.meta().textQuality() == TextQuality.CLEAN) {
                out.addAll(List.of(p.text().split("\\n\\s*\\n|\\n(?=[-•])")));
            }
        }
        knowledge.faqs().forEach(f -> out.add(f.answer()));
        return SentenceSplitter.train(out);
    }
}
