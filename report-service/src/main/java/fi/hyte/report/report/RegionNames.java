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
 * Names of municipalities and wellbeing services counties in Finnish, Swedish and English, for the rendered
 * reports (the events carry codes only). From {@code regions/region-names.csv}, generated from
 * indicator-service's catalogue files; an unknown code is shown as it is.
 */
@Component
public class RegionNames {

    private final Map<String, String[]> names = new HashMap<>();

    RegionNames() {
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("regions/region-names.csv").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("code;"))
                    .map(line -> line.split(";", -1))
                    .filter(fields -> fields.length == 4)
                    .forEach(fields -> names.put(fields[0], new String[] {fields[1], fields[2], fields[3]}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String of(String code, Locale locale) {
        String[] known = names.get(code);
        if (known == null) {
            return code;
        }
        return switch (locale.getLanguage()) {
            case "sv" -> known[1];
            case "en" -> known[2];
            default -> known[0];
        };
    }
}
