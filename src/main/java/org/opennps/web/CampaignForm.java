package org.opennps.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennps.campaign.CampaignStep;
import org.opennps.campaign.SaveCampaign;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * The campaign builder's form as plain fields. It becomes the command the API's JSON becomes, so
 * the campaign module validates it and names broken fields by the API's paths
 * ({@code steps[2].conditions[0].within}), which the page shows next to those fields.
 */
record CampaignForm(
        String name,
        String surveyId,
        String eventType,
        List<ConditionForm> where,
        String exitOn,
        String sampling,
        String dailyCap,
        List<StepForm> steps,
        String precisionPoints,
        String precisionPer) {

    private static final int MAX_STEPS = 20;

    CampaignForm {
        where = where == null ? List.of() : List.copyOf(where);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** From a campaign as the API shows it, or a template's campaign. */
    static CampaignForm of(SaveCampaign c, String defaultSurveyId) {
        SaveCampaign.Trigger trigger = c.trigger();
        List<ConditionForm> where = new ArrayList<>();
        if (trigger != null && trigger.where() != null) {
            trigger.where().forEach(w -> where.add(ConditionForm.of(w)));
        }
        List<StepForm> steps = new ArrayList<>();
        if (c.steps() != null) {
            c.steps().forEach(s -> steps.add(StepForm.of(s)));
        }
        return new CampaignForm(
                text(c.name()),
                c.surveyId() != null ? c.surveyId().toString() : text(defaultSurveyId),
                trigger == null ? "" : text(trigger.eventType()),
                where,
                c.exitOn() == null ? "" : String.join(", ", c.exitOn()),
                c.samplingPercent() == null ? "100" : c.samplingPercent().toString(),
                c.dailyCap() == null ? "" : c.dailyCap().toString(),
                steps,
                c.precision() == null || c.precision().points() == null
                        ? ""
                        : java.math.BigDecimal.valueOf(c.precision().points())
                                .stripTrailingZeros()
                                .toPlainString(),
                c.precision() == null ? "" : text(c.precision().per()));
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static CampaignForm read(MultiValueMap<String, String> p) {
        int whereCount = Math.min(20, SurveyForm.parseInt(p.getFirst("where_count"), 0));
        List<ConditionForm> where = new ArrayList<>();
        for (int i = 0; i < whereCount; i++) {
            where.add(ConditionForm.read(p, "w" + i + ".", "property"));
        }
        int stepCount = Math.min(MAX_STEPS, SurveyForm.parseInt(p.getFirst("step_count"), 0));
        List<StepForm> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            steps.add(StepForm.read(p, "s" + i + "."));
        }
        return new CampaignForm(
                SurveyForm.value(p, "name").strip(),
                SurveyForm.value(p, "survey_id"),
                SurveyForm.value(p, "event_type").strip(),
                where,
                SurveyForm.value(p, "exit_on"),
                SurveyForm.value(p, "sampling_percent").strip(),
                SurveyForm.value(p, "daily_cap").strip(),
                steps,
                SurveyForm.value(p, "precision.points").strip(),
                SurveyForm.value(p, "precision.per").strip());
    }

    /**
     * The campaign the form describes, for the campaign module to validate. A number field that
     * holds no whole number is refused here, as the API refuses one.
     */
    SaveCampaign toCommand() {
        List<FieldViolation> violations = new ArrayList<>();
        Integer samplingPercent = number("sampling_percent", sampling, violations);
        Integer cap = number("daily_cap", dailyCap, violations);
        SaveCampaign.Precision precision = null;
        if (!precisionPoints.isBlank() || !precisionPer.isBlank()) {
            Double points = null;
            try {
                points = precisionPoints.isBlank() ? null : Double.valueOf(precisionPoints.replace(',', '.'));
            } catch (NumberFormatException e) {
                violations.add(new FieldViolation("precision.points", "must be a number of NPS points from 1 to 50"));
            }
            precision = new SaveCampaign.Precision(points, precisionPer.isBlank() ? null : precisionPer);
        }
        UUID survey = null;
        try {
            survey = surveyId.isBlank() ? null : UUID.fromString(surveyId.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("survey_id", "must be a survey id (UUID)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<String> exits = new ArrayList<>();
        for (String e : exitOn.split("[\\s,]+")) {
            if (!e.isBlank()) {
                exits.add(e.strip());
            }
        }
        List<SaveCampaign.PropertyCondition> conditions = new ArrayList<>();
        where.forEach(w -> conditions.add(w.toTriggerCondition()));
        List<CampaignStep> list = new ArrayList<>();
        steps.forEach(s -> list.add(s.toStep()));
        return new SaveCampaign(
                name,
                survey,
                null,
                new SaveCampaign.Trigger(eventType, conditions.isEmpty() ? null : conditions),
                null,
                null,
                exits,
                samplingPercent,
                cap,
                list,
                precision);
    }

    /**
     * The form after a builder action, unsaved: add-step:type (before the action), remove-step:i,
     * up:i, down:i, add-condition:i:type, remove-condition:i:j, add-where, remove-where:j.
     */
    CampaignForm edited(String action) {
        String[] a = action == null ? new String[] {""} : action.split(":");
        List<StepForm> s = new ArrayList<>(steps);
        List<ConditionForm> w = new ArrayList<>(where);
        int i = a.length > 1 ? SurveyForm.parseInt(a[1], -1) : -1;
        boolean inRange = i >= 0 && i < s.size();
        switch (a[0]) {
            case "add-step" -> {
                if (s.size() < MAX_STEPS && a.length > 1 && StepForm.TYPES.contains(a[1])) {
                    int at = s.isEmpty() || !"action".equals(s.getLast().type()) ? s.size() : s.size() - 1;
                    s.add(at, StepForm.blank(a[1]));
                }
            }
            case "remove-step" -> {
                if (inRange) {
                    s.remove(i);
                }
            }
            case "up" -> swap(s, i, i - 1);
            case "down" -> swap(s, i, i + 1);
            case "add-condition" -> {
                if (inRange && a.length > 2 && ConditionForm.TYPES.contains(a[2])) {
                    List<ConditionForm> c = new ArrayList<>(s.get(i).conditions());
                    c.add(ConditionForm.blank(a[2]));
                    s.set(i, s.get(i).withConditions(c));
                }
            }
            case "remove-condition" -> {
                int j = a.length > 2 ? SurveyForm.parseInt(a[2], -1) : -1;
                if (inRange && j >= 0 && j < s.get(i).conditions().size()) {
                    List<ConditionForm> c = new ArrayList<>(s.get(i).conditions());
                    c.remove(j);
                    s.set(i, s.get(i).withConditions(c));
                }
            }
            case "add-where" -> w.add(ConditionForm.blank("property"));
            case "remove-where" -> {
                if (i >= 0 && i < w.size()) {
                    w.remove(i);
                }
            }
            default -> {}
        }
        return new CampaignForm(
                name, surveyId, eventType, w, exitOn, sampling, dailyCap, s, precisionPoints, precisionPer);
    }

    /** Properties a sample event should carry: those the trigger and the filters refer to. */
    List<String> sampleProperties() {
        Set<String> names = new LinkedHashSet<>();
        where.forEach(w -> names.add(w.name()));
        steps.forEach(s -> s.conditions().forEach(c -> {
            names.addAll(c.triggerRefs());
            if ("property".equals(c.type())) {
                names.add(c.name());
            }
        }));
        names.removeIf(String::isBlank);
        return List.copyOf(names);
    }

    private static Integer number(String field, String text, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "must be a whole number"));
            return null;
        }
    }

    private static <T> void swap(List<T> list, int a, int b) {
        if (a >= 0 && b >= 0 && a < list.size() && b < list.size()) {
            T x = list.get(a);
            list.set(a, list.get(b));
            list.set(b, x);
        }
    }
}
