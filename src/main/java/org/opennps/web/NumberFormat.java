package org.opennps.web;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Numbers on admin pages, used as {@code ${@num.nps(x)}}: one decimal, the same in every
 * browser language, "—" when there is no number.
 */
@Component("num")
class NumberFormat {

    public String nps(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A change with its sign: "+3.2", "−1.0" (a real minus sign), "±0.0". */
    public String change(Double value) {
        if (value == null) {
            return "—";
        }
        String text = String.format(Locale.ROOT, "%.1f", Math.abs(value));
        return (value > 0.05 ? "+" : value < -0.05 ? "\u2212" : "\u00b1") + text;
    }

    /** A p-value for people: "p < 0.001" or "p = 0.042". */
    public String p(Double value) {
        if (value == null) {
            return "";
        }
        return value < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", value);
    }

    /** A share in percent, for bar widths and labels (0 when unknown). */
    public String percent(Double value) {
        return String.format(Locale.ROOT, "%.0f", value == null ? 0.0 : value);
    }
}
