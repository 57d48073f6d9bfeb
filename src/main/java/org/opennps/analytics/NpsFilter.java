package org.opennps.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.opennps.invitation.ChannelFilter;
import org.opennps.shared.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * Which counted responses a number is about. Every field is optional; {@code until} is exclusive.
 * A {@code channel} written {@code !link} keeps every channel but that one: the public link's
 * anonymous answers left out, the way a workspace that does not trust them reports NPS.
 */
record NpsFilter(
        UUID surveyId,
        UUID campaignId,
        ChannelFilter channel,
        Instant since,
        Instant until,
        List<SegmentValue> where,
        String category) {

    static final Set<String> CATEGORIES = Set.of("promoter", "passive", "detractor");

    NpsFilter {
        where = where == null ? List.of() : List.copyOf(where);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidInputException("until", "must be after since");
        }
    }

    static NpsFilter none() {
        return new NpsFilter(null, null, null, null, null, List.of(), null);
    }

    /** Whether {@link #channel} names the one channel to leave out ({@code !link}). */
    boolean channelLeftOut() {
        return channel != null && channel.leftOut();
    }

    /** The word of the channel named by the filter, without the {@code !} that leaves it out. */
    String channelName() {
        return channel == null ? null : channel.channel().code();
    }

    NpsFilter withPeriod(Instant from, Instant to) {
        return new NpsFilter(surveyId, campaignId, channel, from, to, where, category);
    }

    /**
     * Reads the query parameters; with a {@code prefix} ("a.") a prefixed parameter wins over
     * the plain one, so a comparison shares filters and differs only where it says so. Dates
     * without a time mean midnight in the workspace's zone.
     */
    static NpsFilter read(MultiValueMap<String, String> params, String prefix, ZoneId zone) {
        Params p = new Params(params, prefix);
        List<SegmentValue> where = new ArrayList<>();
        for (String w : p.all("where")) {
            where.add(SegmentValue.parse(p.name("where"), w));
        }
        String category = p.one("category");
        if (category != null && !CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(p.name("category"), "must be promoter, passive or detractor");
        }
        ChannelFilter channel = ChannelFilter.parse(p.name("channel"), p.one("channel"));
        return new NpsFilter(
                p.uuid("survey_id"),
                p.uuid("campaign_id"),
                channel,
                p.time("since", zone),
                p.time("until", zone),
                where,
                category == null ? null : category.toLowerCase(Locale.ROOT));
    }

    private record Params(MultiValueMap<String, String> params, String prefix) {

        String name(String plain) {
            return params.containsKey(prefix + plain) ? prefix + plain : plain;
        }

        String one(String plain) {
            String value = params.getFirst(name(plain));
            return value == null || value.isBlank() ? null : value.strip();
        }

        List<String> all(String plain) {
            List<String> values = params.get(name(plain));
            return values == null
                    ? List.of()
                    : values.stream().filter(v -> !v.isBlank()).toList();
        }

        UUID uuid(String plain) {
            String value = one(plain);
            try {
                return value == null ? null : UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(name(plain), "must be a UUID");
            }
        }

        Instant time(String plain, ZoneId zone) {
            String value = one(plain);
            if (value == null) {
                return null;
            }
            try {
                return value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(name(plain), "must be an ISO-8601 time with offset or a date");
            }
        }
    }
}
