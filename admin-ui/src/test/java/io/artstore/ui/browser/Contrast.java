package io.artstore.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.WebElement;

/**
 * WCAG 2 contrast ratio of an element's text against what is painted behind it, from the
 * browser's computed colours: the element's and its ancestors' background colours are
 * composited (alpha included) over the white canvas, then the text colour over that.
 */
public final class Contrast {

    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)(?:[,\\s/]+([\\d.]+))?\\s*\\)");

    private Contrast() {
    }

    /** The contrast ratio (1..21) of {@code element}'s text as the browser renders it. */
    @SuppressWarnings("unchecked")
    public static double of(Browser browser, WebElement element) {
        Map<String, Object> colours = (Map<String, Object>) browser.script("""
                const el = arguments[0];
                const backgrounds = [];
                for (let e = el; e; e = e.parentElement) { backgrounds.push(getComputedStyle(e).backgroundColor); }
                return { color: getComputedStyle(el).color, backgrounds: backgrounds };
                """, element);
        List<String> backgrounds = new ArrayList<>((List<String>) colours.get("backgrounds"));
        double[] behind = {1, 1, 1};
        for (int i = backgrounds.size() - 1; i >= 0; i--) {
            behind = over(parse(backgrounds.get(i)), behind);
        }
        double[] text = over(parse((String) colours.get("color")), behind);
        return ratio(text, behind);
    }

    /** The WCAG contrast ratio of two opaque sRGB colours (components 0..1). */
    static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    // WCAG 2 relative luminance
    static double luminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i];
            linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** rgba as {r, g, b, a}, components 0..1. */
    static double[] parse(String css) {
        Matcher m = RGB.matcher(css);
        if (!m.find()) {
            throw new IllegalArgumentException("not an rgb() colour: " + css);
        }
        double alpha = m.group(4) == null ? 1 : Double.parseDouble(m.group(4));
        return new double[] {Double.parseDouble(m.group(1)) / 255, Double.parseDouble(m.group(2)) / 255,
            Double.parseDouble(m.group(3)) / 255, alpha};
    }

    private static double[] over(double[] rgba, double[] behind) {
        double a = rgba[3];
        return new double[] {rgba[0] * a + behind[0] * (1 - a), rgba[1] * a + behind[1] * (1 - a),
            rgba[2] * a + behind[2] * (1 - a)};
    }
}
