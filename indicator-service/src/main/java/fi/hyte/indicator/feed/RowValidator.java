package fi.hyte.indicator.feed;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Region;
import fi.hyte.indicator.region.Regions;
import fi.hyte.indicator.value.Gender;
import fi.hyte.indicator.value.Observation;
import fi.hyte.indicator.value.ValueKey;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a feed row against the catalogues: a known indicator, a known region (by Sotkanet id, current or
 * former, or by region code), a year from 1990 to next year, a gender of {@code male}, {@code female},
 * {@code total}, and a number, either {@code value} or, when that is missing, {@code absValue}. A rejection
 * names every offending field.
 */
@Component
class RowValidator {

    static final int FIRST_YEAR = 1990;

    private final Indicators indicators;
    private final Regions regions;
    private final Clock clock;

    RowValidator(Indicators indicators, Regions regions, Clock clock) {
        this.indicators = indicators;
        this.regions = regions;
        this.clock = clock;
    }

    RowCheck check(FeedRow row) {
        if (row.unreadable() != null) {
            return new RowCheck.Rejected(row.unreadable());
        }
        List<String> problems = new ArrayList<>();
        Integer indicator = indicator(row.indicator(), problems);
        Region region = region(row.region(), row.regionCode(), problems);
        Integer year = year(row.year(), problems);
        Gender gender = gender(row.gender(), problems);
        Observation observation = observation(row.value(), row.absValue(), problems);
        if (!problems.isEmpty()) {
            return new RowCheck.Rejected(String.join("; ", problems));
        }
        return new RowCheck.Valid(new ValueKey(indicator, region.code(), year, gender), observation);
    }

    private Integer indicator(String text, List<String> problems) {
        if (blank(text)) {
            problems.add("indicator: missing");
            return null;
        }
        Integer id = integer(text);
        if (id == null) {
            problems.add("indicator: '%s' is not an indicator id".formatted(text));
        } else if (!indicators.exists(id)) {
            problems.add("indicator: %d is not in the indicator catalogue".formatted(id));
            return null;
        }
        return id;
    }

    private Region region(String sotkanetId, String code, List<String> problems) {
        if (blank(sotkanetId) && blank(code)) {
            problems.add("region: missing; give region (a Sotkanet region id) or regionCode");
            return null;
        }
        Optional<Region> byCode = Optional.empty();
        if (!blank(code)) {
            byCode = regions.find(code.strip());
            if (byCode.isEmpty()) {
                problems.add("regionCode: '%s' is not in the region catalogue".formatted(code));
                return null;
            }
        }
        Optional<Region> byId = Optional.empty();
        if (!blank(sotkanetId)) {
            Integer id = integer(sotkanetId);
            if (id == null) {
                problems.add("region: '%s' is not a Sotkanet region id".formatted(sotkanetId));
                return null;
            }
            byId = regions.bySotkanetId(id);
            if (byId.isEmpty()) {
                problems.add("region: Sotkanet region %d is not in the region catalogue".formatted(id));
                return null;
            }
        }
        if (byCode.isPresent() && byId.isPresent() && !byCode.get().equals(byId.get())) {
            problems.add("regionCode: '%s' and region %s name different regions".formatted(code, sotkanetId));
            return null;
        }
        return byCode.isPresent() ? byCode.get() : byId.orElseThrow();
    }

    private Integer year(String text, List<String> problems) {
        if (blank(text)) {
            problems.add("year: missing");
            return null;
        }
        Integer year = integer(text);
        int last = Year.now(clock).getValue() + 1;
        if (year == null) {
            problems.add("year: '%s' is not a year".formatted(text));
        } else if (year < FIRST_YEAR || year > last) {
            problems.add("year: %d is outside %d..%d".formatted(year, FIRST_YEAR, last));
            return null;
        }
        return year;
    }

    private static Gender gender(String text, List<String> problems) {
        if (blank(text)) {
            problems.add("gender: missing; one of male, female, total");
            return null;
        }
        Optional<Gender> gender = Gender.of(text.strip().toLowerCase(Locale.ROOT));
        if (gender.isEmpty()) {
            problems.add("gender: '%s' is not one of male, female, total".formatted(text));
            return null;
        }
        return gender.get();
    }

    private static Observation observation(String valueText, String absValueText, List<String> problems) {
        Double value = null;
        Double absValue = null;
        boolean readable = true;
        if (!blank(valueText)) {
            value = number(valueText);
            if (value == null) {
                problems.add("value: '%s' is not a finite number".formatted(valueText));
                readable = false;
            }
        }
        if (!blank(absValueText)) {
            absValue = number(absValueText);
            if (absValue == null) {
                problems.add("absValue: '%s' is not a finite number".formatted(absValueText));
                readable = false;
            }
        }
        if (!readable) {
            return null;
        }
        if (value == null && absValue == null) {
            problems.add("value: no numeric value; give value or absValue");
            return null;
        }
        return new Observation(value != null ? value : absValue, absValue);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite decimal number; a decimal comma is accepted, as Finnish CSV exports may write one. */
    private static Double number(String text) {
        String plain = text.strip();
        if (plain.indexOf('.') < 0) {
            plain = plain.replace(',', '.');
        }
        try {
            double number = new BigDecimal(plain).doubleValue();
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
