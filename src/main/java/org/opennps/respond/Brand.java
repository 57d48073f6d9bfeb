package org.opennps.respond;

import java.util.regex.Pattern;
import org.opennps.workspace.Workspace;

/** The accent colour of pages, with black or white text, whichever contrasts more. */
final class Brand {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final String FALLBACK = "#4f46e5";

    private Brand() {}

    static String style(Workspace workspace) {
        String color = workspace.settings().brandColor();
        if (color == null || !COLOR.matcher(color).matches()) {
            color = FALLBACK;
        }
        return "--brand:" + color + ";--on-brand:" + (luminance(color) > 0.179 ? "#000000" : "#ffffff");
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
