package fi.hyte.report.report.format;

import java.util.List;
import java.util.Locale;

/** The languages a report is rendered in: Finnish (the default), Swedish and English. */
public final class Language {

    public static final Locale FINNISH = Locale.of("fi");
    static final List<Locale> SUPPORTED = List.of(FINNISH, Locale.of("sv"), Locale.ENGLISH);

    private Language() {}

    /** The best of the supported languages for an {@code Accept-Language} header; Finnish if none fits. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FINNISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? FINNISH : Locale.of(best.getLanguage());
        } catch (IllegalArgumentException malformed) {
            return FINNISH;
        }
    }
}
