package org.opennps.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.event.ContactEvent;
import org.opennps.event.EventHistory;
import org.springframework.stereotype.Service;

/** Funnels of event steps per NPS category, and movement between categories over time. */
@Service
class JourneyReports {

    static final List<String> CATEGORIES = List.of("detractor", "passive", "promoter");

    private final FactQueries queries;
    private final EventHistory history;
    private final Clock clock;

    JourneyReports(FactQueries queries, EventHistory history, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.clock = clock;
    }

    /** {@code label} is the window as the caller wrote it ("P7D"), echoed in the answer. */
    Funnel funnel(UUID ws, NpsFilter filter, List<String> steps, Duration within, String label) {
        Map<UUID, String> latest = new LinkedHashMap<>();
        queries.contactAnswers(ws, filter).forEach(a -> latest.put(a.contactId(), a.category()));
        Instant from = filter.since() != null ? filter.since() : Instant.EPOCH;
        Instant to = filter.until() != null ? filter.until() : clock.instant().plusSeconds(1);
        Map<UUID, List<ContactEvent>> events = new HashMap<>();
        if (!latest.isEmpty()) {
            history.ofContacts(ws, latest.keySet(), new LinkedHashSet<>(steps), from, to)
                    .forEach(e -> events.computeIfAbsent(e.contactId(), c -> new ArrayList<>())
                            .add(e));
        }
        Map<String, long[]> reached = new LinkedHashMap<>();
        Map<String, Long> contacts = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> {
            reached.put(c, new long[steps.size()]);
            contacts.put(c, 0L);
        });
        latest.forEach((contact, category) -> {
            contacts.merge(category, 1L, Long::sum);
            int depth = FunnelDepth.of(events.getOrDefault(contact, List.of()), steps, within);
            for (int i = 0; i < depth; i++) {
                reached.get(category)[i]++;
            }
        });
        List<Funnel.CategoryFunnel> categories = new ArrayList<>();
        CATEGORIES.forEach(c -> categories.add(categoryFunnel(c, contacts.get(c), reached.get(c), steps)));
        return new Funnel(steps, label, categories, gaps(categories.get(1), categories.get(2)));
    }

    Movement movement(UUID ws, NpsFilter filter) {
        List<FactQueries.ContactAnswer> answers = queries.contactAnswers(ws, filter);
        Map<String, Long> pairs = new LinkedHashMap<>();
        CATEGORIES.forEach(a -> CATEGORIES.forEach(b -> pairs.put(a + ">" + b, 0L)));
        long twice = 0;
        long[] passive = new long[2];
        long[] promoter = new long[2];
        int start = 0;
        while (start < answers.size()) {
            int end = start;
            while (end < answers.size()
                    && answers.get(end).contactId().equals(answers.get(start).contactId())) {
                end++;
            }
            List<String> seq = answers.subList(start, end).stream()
                    .map(FactQueries.ContactAnswer::category)
                    .toList();
            for (int i = 1; i < seq.size(); i++) {
                pairs.merge(seq.get(i - 1) + ">" + seq.get(i), 1L, Long::sum);
            }
            twice += seq.size() > 1 ? 1 : 0;
            count(seq, "passive", "promoter", passive);
            count(seq, "promoter", "passive", promoter);
            start = end;
        }
        List<Movement.Transition> transitions = pairs.entrySet().stream()
                .map(e -> new Movement.Transition(
                        e.getKey().split(">")[0], e.getKey().split(">")[1], e.getValue()))
                .toList();
        return new Movement(twice, passive[0], passive[1], promoter[0], promoter[1], transitions);
    }

    /** counts[0]: was {@code from} and later {@code to}; counts[1]: was {@code from} with any later answer. */
    private static void count(List<String> seq, String from, String to, long[] counts) {
        int first = seq.indexOf(from);
        if (first < 0 || first == seq.size() - 1) {
            return;
        }
        counts[1]++;
        if (seq.subList(first + 1, seq.size()).contains(to)) {
            counts[0]++;
        }
    }

    private static Funnel.CategoryFunnel categoryFunnel(
            String category, long contacts, long[] reached, List<String> steps) {
        List<Funnel.Step> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Double conversion = i == 0 ? null : percent(reached[i], reached[i - 1]);
            result.add(new Funnel.Step(steps.get(i), reached[i], percent(reached[i], contacts), conversion));
        }
        return new Funnel.CategoryFunnel(category, contacts, result);
    }

    private static List<Funnel.Gap> gaps(Funnel.CategoryFunnel passives, Funnel.CategoryFunnel promoters) {
        List<Funnel.Gap> gaps = new ArrayList<>();
        for (int i = 0; i < passives.steps().size(); i++) {
            Double p = i == 0
                    ? passives.steps().get(0).share()
                    : passives.steps().get(i).conversion();
            Double q = i == 0
                    ? promoters.steps().get(0).share()
                    : promoters.steps().get(i).conversion();
            Double diff = p == null || q == null ? null : NpsResult.round(p - q);
            gaps.add(new Funnel.Gap(passives.steps().get(i).type(), p, q, diff));
        }
        return gaps;
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : NpsResult.round(100.0 * part / whole);
    }
}
