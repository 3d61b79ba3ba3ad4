package vn.hoidap.channel;

/**
 * What every messenger channel is configured with, whatever the platform ({@code hoidap.telegram.*},
 * {@code hoidap.zalo.*}, {@code hoidap.messenger.*}): the code shared by the channels reads these through
 * one shape. Each channel's configuration record keeps its own keys and bounds.
 */
public interface ChannelSettings {

    /** Where answers link their sources. */
    String portalBaseUrl();

    /** Salt of the hashed session ids; null: a generated one kept in the database. */
    String sessionSalt();

    /** At most this many messages of one chat per {@link #rateLimitSeconds()}. */
    int rateLimitMessages();

    int rateLimitSeconds();

    /** How many chats the in-memory fallback of the rate limit keeps. */
    int maxChats();

    /** Worker threads answering the channel's chats. */
    int workers();

    /** Attempts of one send to the platform. */
    int sendAttempts();

    /** The longest wait between attempts a platform may ask for (Retry-After). */
    int maxRetryWaitSeconds();
}
