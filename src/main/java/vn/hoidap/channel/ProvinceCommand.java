package vn.hoidap.channel;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ProvinceDirectory;
import vn.hoidap.text.Fold;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /tinh <tên tỉnh>} on every channel: resolves the typed name with the corpus's province directory and
 * keeps the choice in {@link ChatStates}, so the next questions carry it as {@code Question.province} on any
 * instance. {@code /tinh} shows the choice, {@code /tinh bỏ} clears it.
 */
@Singleton
public class ProvinceCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceCommand.class);
    private static final Set<String> CLEAR = Set.of("bo", "xoa", "huy", "bo chon");

    private final ProvinceDirectory directory;
    private final ChatStates chats;
    private final List<String> examples;

    @Inject
    ProvinceCommand(CorpusConfig corpus, ChatStates chats) {
        this(load(corpus), chats);
    }

    ProvinceCommand(ProvinceDirectory directory, ChatStates chats) {
        this.directory = directory;
        this.chats = chats;
        // The provinces the corpus describes in detail (those of its plans), as they are named today.
        List<String> described = directory.all().stream().filter(p -> p.note() != null && p.current())
                .map(Province::name).toList();
        this.examples = described.isEmpty() ? List.of("Đồng Nai") : described;
    }

    /** The reply to {@code /tinh argument} in the chat {@code chatKey}. */
    public String handle(String chatKey, String channel, String argument) {
        String arg = argument == null ? "" : argument.strip();
        if (arg.isEmpty()) {
            return chats.province(chatKey).map(ChannelTexts.PROVINCE_CURRENT::formatted)
                    .orElseGet(() -> ChannelTexts.PROVINCE_NONE.formatted(example()));
        }
        if (CLEAR.contains(Fold.fold(arg).strip())) {
            chats.setProvince(chatKey, channel, null);
            return ChannelTexts.PROVINCE_CLEARED;
        }
        Optional<Province> province = directory.resolve(arg);
        if (province.isEmpty()) {
            return ChannelTexts.PROVINCE_UNKNOWN.formatted(SourceLinks.shorten(arg, 60), String.join(", ", examples));
        }
        String name = province.get().name();
        chats.setProvince(chatKey, channel, name);
        return ChannelTexts.PROVINCE_SET.formatted(name, name);
    }

    public String example() {
        return examples.contains("Đồng Nai") ? "Đồng Nai" : examples.get(0);
    }

    private static ProvinceDirectory load(CorpusConfig corpus) {
        try {
            return ProvinceDirectory.load(Path.of(corpus.dir()).resolve("provinces.yaml"));
        } catch (RuntimeException e) {
            LOG.warn("Channels: provinces.yaml unreadable ({}); /tinh will not recognise provinces", e.getMessage());
            return ProvinceDirectory.empty();
        }
    }
}
