package org.opennps.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The dashboard's filters as they stand in its URL, so a view can be shared: period, survey,
 * campaign, channel, one segment ({@code where}, e.g. {@code city:Warsaw}) and the dimension of
 * the segment table ({@code group}). No period is the default one; an unknown period or channel
 * is refused (see {@link FilterWords}).
 */
record DashboardFilter(String period, UUID survey, UUID campaign, String channel, String where, String group) {

    static final Map<String, Period> PERIODS = periods();
    static final String DEFAULT_PERIOD = "90d";
    static final String DEFAULT_GROUP = "attribute:city";

    /** Every channel but the public link, whose anonymous answers a workspace may not trust. */
    static final String ALL_BUT_LINK = "!link";

    /** A choosable period: its length, the trend's bucket and how it reads. */
    record Period(Duration length, String interval, String label) {}

    private static final FilterWords PERIOD = new FilterWords("period", List.copyOf(PERIODS.keySet()));
    private static final FilterWords CHANNEL = new FilterWords(
            "channel",
            Stream.concat(Stream.of(ALL_BUT_LINK), ResponsePages.CHANNELS.stream())
                    .toList());

    /**
     * The filters of the dashboard's URL.
     *
     * @throws FilterWords.Unknown for a period or channel that is none of the page's
     */
    static DashboardFilter of(String period, UUID survey, UUID campaign, String channel, String where, String group) {
        String chosenPeriod = PERIOD.chosen(period);
        return new DashboardFilter(
                chosenPeriod == null ? DEFAULT_PERIOD : chosenPeriod,
                survey,
                campaign,
                CHANNEL.chosen(channel),
                blankToNull(where),
                blankToNull(group) == null ? DEFAULT_GROUP : group.strip());
    }

    Period chosen() {
        return PERIODS.get(period);
    }

    boolean narrowed() {
        return survey != null || campaign != null || channel != null || where != null;
    }

    /** The same view without the segment, for when the segment is broken. */
    DashboardFilter withoutSegment() {
        return new DashboardFilter(period, survey, campaign, channel, null, DEFAULT_GROUP);
    }

    /** The analytics API's query parameters for [since, until). */
    MultiValueMap<String, String> params(Instant since, Instant until) {
        MultiValueMap<String, String> p = common();
        p.add("since", since.toString());
        p.add("until", until.toString());
        return p;
    }

    /** Current period as {@code a}, the one as long before it as {@code b}. */
    MultiValueMap<String, String> comparison(Instant now) {
        Instant since = now.minus(chosen().length());
        MultiValueMap<String, String> p = common();
        p.add("a.since", since.toString());
        p.add("a.until", now.toString());
        p.add("b.since", since.minus(chosen().length()).toString());
        p.add("b.until", since.toString());
        return p;
    }

    private MultiValueMap<String, String> common() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        if (survey != null) {
            p.add("survey_id", survey.toString());
        }
        if (campaign != null) {
            p.add("campaign_id", campaign.toString());
        }
        if (channel != null) {
            p.add("channel", channel);
        }
        if (where != null) {
            p.add("where", where);
        }
        return p;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, Period> periods() {
        Map<String, Period> map = new LinkedHashMap<>();
        map.put("30d", new Period(Duration.ofDays(30), "day", "Last 30 days"));
        map.put("90d", new Period(Duration.ofDays(90), "week", "Last 90 days"));
        map.put("180d", new Period(Duration.ofDays(180), "week", "Last 180 days"));
        map.put("365d", new Period(Duration.ofDays(365), "month", "Last 365 days"));
        return map;
    }
}
