package org.opennps.web;

import java.util.ArrayList;
import java.util.List;
import org.opennps.campaign.CampaignStep;
import org.springframework.util.MultiValueMap;

/** One step in the campaign builder; only the fields of its type are used. */
record StepForm(
        String type,
        String duration,
        List<String> days,
        String from,
        String to,
        List<ConditionForm> conditions,
        String action,
        String subject,
        String body,
        String url,
        String secret) {

    static final List<String> TYPES = List.of("delay", "wait_until", "filter", "action");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    static final List<String> ACTIONS = List.of("email", "web", "webhook", "message");
    private static final int MAX_CONDITIONS = 20;

    StepForm {
        days = days == null ? List.of() : List.copyOf(days);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    static StepForm blank(String type) {
        return switch (type) {
            case "delay" -> new StepForm(type, "P1D", null, "", "", null, "", "", "", "", "");
            case "wait_until" -> new StepForm(type, "", DAYS.subList(0, 5), "09:00", "18:00", null, "", "", "", "", "");
            case "filter" ->
                new StepForm(type, "", null, "", "", List.of(ConditionForm.blank("consent")), "", "", "", "", "");
            default -> new StepForm("action", "", null, "", "", null, "email", "How did we do?", "", "", "");
        };
    }

    static StepForm of(CampaignStep s) {
        return switch (s) {
            case CampaignStep.Delay d ->
                new StepForm("delay", CampaignForm.text(d.duration()), null, "", "", null, "", "", "", "", "");
            case CampaignStep.WaitUntil w ->
                new StepForm(
                        "wait_until",
                        "",
                        w.days() == null || w.days().isEmpty() ? DAYS : w.days(),
                        CampaignForm.text(w.from()),
                        CampaignForm.text(w.to()),
                        null,
                        "",
                        "",
                        "",
                        "",
                        "");
            case CampaignStep.Filter f ->
                new StepForm(
                        "filter",
                        "",
                        null,
                        "",
                        "",
                        f.conditions() == null
                                ? List.of()
                                : f.conditions().stream().map(ConditionForm::of).toList(),
                        "",
                        "",
                        "",
                        "",
                        "");
            case CampaignStep.Action a ->
                new StepForm(
                        "action",
                        "",
                        null,
                        "",
                        "",
                        null,
                        CampaignForm.text(a.action()),
                        CampaignForm.text(a.subject()),
                        CampaignForm.text(a.body()),
                        CampaignForm.text(a.url()),
                        CampaignForm.text(a.secret()));
        };
    }

    static StepForm read(MultiValueMap<String, String> p, String prefix) {
        int count = Math.min(MAX_CONDITIONS, SurveyForm.parseInt(p.getFirst(prefix + "count"), 0));
        List<ConditionForm> conditions = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            conditions.add(ConditionForm.read(p, prefix + "c" + j + ".", null));
        }
        return new StepForm(
                SurveyForm.value(p, prefix + "type"),
                SurveyForm.value(p, prefix + "duration").strip(),
                p.getOrDefault(prefix + "days", List.of()),
                SurveyForm.value(p, prefix + "from").strip(),
                SurveyForm.value(p, prefix + "to").strip(),
                conditions,
                SurveyForm.value(p, prefix + "action"),
                SurveyForm.value(p, prefix + "subject").strip(),
                SurveyForm.value(p, prefix + "body"),
                SurveyForm.value(p, prefix + "url").strip(),
                SurveyForm.value(p, prefix + "secret").strip());
    }

    StepForm withConditions(List<ConditionForm> list) {
        return new StepForm(type, duration, days, from, to, list, action, subject, body, url, secret);
    }

    /** The step; null for a type the builder does not offer, which the campaign module refuses. */
    CampaignStep toStep() {
        return switch (type) {
            case "delay" -> new CampaignStep.Delay(duration);
            case "wait_until" -> new CampaignStep.WaitUntil(days, from, to);
            case "filter" -> {
                List<CampaignStep.Condition> list = new ArrayList<>();
                conditions.forEach(c -> list.add(c.toCondition()));
                yield new CampaignStep.Filter(list);
            }
            case "action" ->
                // a blank secret keeps the one stored (none on a new campaign)
                new CampaignStep.Action(action, given(subject), given(body), given(url), given(secret));
            default -> null;
        };
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
