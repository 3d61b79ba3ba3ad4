package vn.hoidap.channel;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Messages sent to people by channel, and how many failed: {@code hoidap.channel.sends{channel, outcome}}. */
@Singleton
public class ChannelMetrics {

    private final Optional<MeterRegistry> registry;

    ChannelMetrics(Optional<MeterRegistry> registry) {
        this.registry = registry;
    }

    public void sent(String channel, boolean ok) {
        registry.ifPresent(r -> r.counter("hoidap.channel.sends", "channel", channel, "outcome", ok ? "sent" : "failed")
                .increment());
    }

    public void received(String channel, String kind) {
        registry.ifPresent(r -> r.counter("hoidap.channel.events", "channel", channel, "kind", kind).increment());
    }
}
