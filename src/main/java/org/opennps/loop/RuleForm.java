package org.opennps.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennps.shared.TextRules;

/**
 * An alert rule as the Settings page edits it: the categories that trigger it, who is e-mailed,
 * whether it opens a case and when that case is due (a number and a unit). Conditions and
 * targets set only through the API (scores, answers, webhooks) are kept as they are.
 *
 * @param id the rule, or null for a new one
 * @param keptElsewhere whether the rule has conditions or targets this form does not show
 */
record RuleForm(
        UUID id,
        String name,
        List<String> categories,
        String emails,
        boolean createCase,
        String dueAmount,
        String dueUnit,
        boolean active,
        boolean keptElsewhere) {

    static final List<String> CATEGORIES = List.of("detractor", "passive", "promoter");
    static final Set<String> UNITS = Set.of("hours", "days");

    static RuleForm blank() {
        return new RuleForm(null, "", List.of("detractor"), "", true, "24", "hours", true, false);
    }

    static RuleForm of(AlertRuleRepository.Stored rule) {
        Duration due = Duration.parse(rule.dueIn());
        boolean days = due.toHours() % 24 == 0 && due.toHours() >= 24 && due.toHours() != 24;
        String amount = days ? String.valueOf(due.toDays()) : String.valueOf(Math.max(due.toHours(), 0));
        var when = rule.when();
        boolean otherConditions = when.scoreMin() != null
                || when.scoreMax() != null
                || when.answerQuestion() != null
                || when.attributeName() != null
                || !when.commentContains().isEmpty()
                || !when.channel().isEmpty();
        boolean otherTargets = rule.targets().stream().anyMatch(t -> !t.type().equals("email"));
        return new RuleForm(
                rule.id(),
                rule.name(),
                when.category(),
                String.join(
                        "\n",
                        rule.targets().stream()
                                .filter(t -> t.type().equals("email"))
                                .map(Notify::target)
                                .toList()),
                rule.createCase(),
                amount,
                days ? "days" : "hours",
                rule.active(),
                otherConditions || otherTargets);
    }

    List<String> emailList() {
        return List.of(emails == null ? new String[0] : emails.split("[\\s,;]+")).stream()
                .filter(e -> !e.isBlank())
                .toList();
    }

    /** Problems in plain words, by form field; empty when the form can be saved. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", "Give the rule a name.");
        } else if (name.length() > 200 || TextRules.hasControlCharacters(name, false)) {
            problems.put("name", "The name must be one line of up to 200 characters.");
        }
        if (!CATEGORIES.containsAll(categories)) {
            problems.put("categories", "Pick detractor, passive or promoter.");
        }
        List<String> bad = new ArrayList<>(
                emailList().stream().filter(e -> !TextRules.isEmail(e)).toList());
        if (!bad.isEmpty()) {
            problems.put("emails", "Not an e-mail address: " + String.join(", ", bad) + ".");
        } else if (emailList().size() > 20) {
            problems.put("emails", "At most 20 addresses.");
        }
        if (createCase) {
            int amount = parsedAmount();
            if (amount < 1 || amount > 999 || !UNITS.contains(dueUnit)) {
                problems.put("dueAmount", "Say when a case is due: a whole number from 1 to 999, in hours or days.");
            }
        }
        if (!createCase && emailList().isEmpty() && !keptElsewhere && !problems.containsKey("emails")) {
            problems.put("emails", "A rule must e-mail someone or open a case.");
        }
        return problems;
    }

    Duration due() {
        int amount = Math.max(parsedAmount(), 1);
        return "days".equals(dueUnit) ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    private int parsedAmount() {
        try {
            return Integer.parseInt(dueAmount == null ? "" : dueAmount.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
