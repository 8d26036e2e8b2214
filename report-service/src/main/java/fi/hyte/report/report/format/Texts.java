package fi.hyte.report.report.format;

import fi.hyte.report.report.IndicatorNames;
import fi.hyte.report.report.RegionNames;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words and number formats of one language, as the templates and exports use them: texts from the
 * {@code i18n/report} bundle (Finnish in the base file), region names, numbers with the language's decimal
 * separator, dates as in Finland.
 */
public final class Texts {

    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

    private final Locale locale;
    private final ResourceBundle bundle;
    private final RegionNames regions;
    private final IndicatorNames indicators;
    private final NumberFormat numbers;

    Texts(Locale locale, RegionNames regions, IndicatorNames indicators) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                "i18n/report",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.regions = regions;
        this.indicators = indicators;
        this.numbers = NumberFormat.getNumberInstance(locale);
        this.numbers.setMaximumFractionDigits(2);
        this.numbers.setGroupingUsed(false);
    }

    public String language() {
        return locale.getLanguage();
    }

    /** The text for {@code key}, or the key itself if the bundle lacks it. */
    public String t(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    public String t(String key, Object... arguments) {
        return new MessageFormat(t(key), locale).format(arguments);
    }

    public String region(String code) {
        return code == null ? "" : regions.of(code, locale);
    }

    public String indicator(int id) {
        return indicators.of(id, locale);
    }

    public String number(Double value) {
        return value == null ? "" : numbers.format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("d.M.yyyy"));
    }

    public String time(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").format(instant.atZone(FINLAND));
    }
}
