package fi.hyte.report.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Titles of the Sotkanet indicators in Finnish, Swedish and English, for the rendered reports (the events
 * carry ids only). From {@code indicators/indicator-titles.csv}, generated from indicator-service's copy of
 * the Sotkanet catalogue; an unknown id is shown as the id.
 */
@Component
public class IndicatorNames {

    private final Map<Integer, String[]> titles = new HashMap<>();

    IndicatorNames() {
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("indicators/indicator-titles.csv").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("id;"))
                    .map(line -> line.split(";", -1))
                    .filter(fields -> fields.length == 4 && fields[0].matches("\\d{1,9}"))
                    .forEach(fields ->
                            titles.put(Integer.valueOf(fields[0]), new String[] {fields[1], fields[2], fields[3]}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String of(int indicator, Locale locale) {
        String[] known = titles.get(indicator);
        if (known == null) {
            return Integer.toString(indicator);
        }
        return switch (locale.getLanguage()) {
            case "sv" -> known[1];
            case "en" -> known[2];
            default -> known[0];
        };
    }
}
