package fi.hyte.indicator;

import java.util.Locale;

/**
 * A text in Finland's official languages and English, as Sotkanet gives its titles. A language the source
 * lacks is {@code null}.
 */
public record Localized(String fi, String sv, String en) {

    /** Whether any of the languages contains {@code needle}, ignoring case. */
    public boolean contains(String needle) {
        String lower = needle.toLowerCase(Locale.ROOT);
        return containsIn(fi, lower) || containsIn(sv, lower) || containsIn(en, lower);
    }

    private static boolean containsIn(String text, String lowerNeedle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
