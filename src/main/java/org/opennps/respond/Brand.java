package org.opennps.respond;

import java.util.regex.Pattern;
import org.opennps.workspace.Workspace;

/**
 * How a workspace looks to respondents: its display name, logo and accent colour (with black or
 * white text, whichever contrasts more). The colour comes as a stylesheet of its own
 * ({@link BrandStyles}), since the pages' Content-Security-Policy allows no inline style.
 */
record Brand(String stylesheet, String name, String logoUrl) {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    static final String FALLBACK = "#4f46e5";

    static Brand of(Workspace workspace) {
        if (workspace == null) {
            return new Brand(stylesheet(FALLBACK), null, null);
        }
        String logo = workspace.settings().logoUrl();
        return new Brand(stylesheet(color(workspace)), workspace.displayName(), logo);
    }

    static String color(Workspace workspace) {
        String color = workspace.settings().brandColor();
        return color == null || !COLOR.matcher(color).matches() ? FALLBACK : color.toLowerCase();
    }

    private static String stylesheet(String color) {
        return "/css/brand/" + color.substring(1).toLowerCase() + ".css";
    }

    /** The CSS custom properties of an accent colour #rrggbb. */
    static String css(String color) {
        return ":root{--brand:" + color + ";--on-brand:" + (luminance(color) > 0.179 ? "#000000" : "#ffffff") + ";}\n";
    }

    /** Relative luminance (WCAG 2) of an sRGB colour. */
    static double luminance(String color) {
        int rgb = Integer.parseInt(color.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
