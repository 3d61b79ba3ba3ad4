package vn.hoidap.portal;

import vn.hoidap.assistant.Answer;
import vn.hoidap.assistant.Source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One question and its answer as the chat shows it (server-rendered for both the no-JS form and the script). */
public record ChatTurn(String question, String answerId, String sessionId, AnswerText.Shape shape, boolean fallback,
                       List<Source> sources, List<String> suggestions) {

    static ChatTurn of(String question, Answer a) {
        return new ChatTurn(question, a.answerId(), a.sessionId(), AnswerText.shape(a.text()), a.fallback(),
                a.sources(), a.suggestions());
    }

    /** The link that asks this question again: {@code /?q=…}. */
    public String shareUrl() {
        return "/?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
    }
}
