package org.opennps.invitation;

import java.util.Objects;
import org.opennps.shared.Coded;
import org.opennps.shared.InvalidInputException;

/**
 * A filter on the channel: only {@code channel}, or with {@code leftOut} every channel but that
 * one, written {@code !link} (the public link's anonymous answers left out).
 */
public record ChannelFilter(Channel channel, boolean leftOut) {

    public ChannelFilter {
        Objects.requireNonNull(channel, "channel");
    }

    /** Only this channel. */
    public static ChannelFilter only(Channel channel) {
        return new ChannelFilter(channel, false);
    }

    /** Every channel but this one. */
    public static ChannelFilter allBut(Channel channel) {
        return new ChannelFilter(channel, true);
    }

    /**
     * The filter written {@code word} ({@code email}, {@code !link}); null for null or blank.
     *
     * @throws InvalidInputException naming {@code parameter} for any other word
     */
    public static ChannelFilter parse(String parameter, String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        String w = word.strip();
        boolean leftOut = w.startsWith("!");
        return Coded.find(Channel.class, leftOut ? w.substring(1) : w)
                .map(c -> new ChannelFilter(c, leftOut))
                .orElseThrow(() -> new InvalidInputException(
                        parameter, "must be one of " + Coded.words(Channel.class) + ", or ! and one to leave out"));
    }

    /** The filter as written in a query: the channel's word, after {@code !} when left out. */
    public String word() {
        return (leftOut ? "!" : "") + channel.code();
    }
}
