package vn.hoidap.channel;

import jakarta.inject.Singleton;
import vn.hoidap.system.GeneratedSecrets;

/**
 * What every channel's event handling works with, whatever the platform: the assistant, feedback, chat state,
 * events already taken, the province command, metrics, and the parts made from a channel's settings (session
 * ids, the shared rate limit).
 */
@Singleton
public final class ChannelServices {

    private final ChannelAssistant assistant;
    private final FeedbackRecorder feedback;
    private final ChatStates chats;
    private final SeenEvents seen;
    private final ProvinceCommand provinces;
    private final ChannelMetrics metrics;
    private final ChatRateLimits rates;
    private final GeneratedSecrets secrets;

    ChannelServices(ChannelAssistant assistant, FeedbackRecorder feedback, ChatStates chats, SeenEvents seen,
                    ProvinceCommand provinces, ChannelMetrics metrics, ChatRateLimits rates, GeneratedSecrets secrets) {
        this.assistant = assistant;
        this.feedback = feedback;
        this.chats = chats;
        this.seen = seen;
        this.provinces = provinces;
        this.metrics = metrics;
        this.rates = rates;
        this.secrets = secrets;
    }

    public ChannelAssistant assistant() {
        return assistant;
    }

    public FeedbackRecorder feedback() {
        return feedback;
    }

    public ChatStates chats() {
        return chats;
    }

    public SeenEvents seen() {
        return seen;
    }

    public ProvinceCommand provinces() {
        return provinces;
    }

    public ChannelMetrics metrics() {
        return metrics;
    }

    /** Session ids of a channel: {@code prefix} + a hash of the platform's user id with the channel's salt. */
    public SessionIds sessions(String prefix, ChannelSettings settings, String generatedSaltSetting) {
        return SessionIds.of(prefix, settings.sessionSalt(), generatedSaltSetting, secrets);
    }

    /** The channel's per-chat limit, held across instances (an in-memory one while the database is away). */
    public ChatRateLimits.Limiter limiter(ChannelSettings settings) {
        return rates.limiter(settings);
    }
}
