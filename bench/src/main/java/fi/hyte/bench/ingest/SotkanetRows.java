package fi.hyte.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distinct Sotkanet-shape values: real indicator ids and real municipality ids from the recorded Sotkanet catalogues,
 * every combination of indicator x municipality x year x gender until the count is reached, with deterministic values.
 */
final class SotkanetRows {

    private static final String[] GENDERS = {"male", "female", "total"};
    private static final int FIRST_YEAR = 2000;
    private static final int YEARS = 25;

    /** One row: what a feed line says. */
    record Row(int indicator, int region, int year, String gender, double value) {

        String csv() {
            return indicator + ";" + region + ";" + year + ";" + gender + ";" + format(value) + ";";
        }

        String json() {
            return "{\"indicator\":" + indicator + ",\"region\":" + region + ",\"year\":" + year + ",\"gender\":\""
                    + gender + "\",\"value\":" + format(value) + "}";
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }

    private final List<Integer> indicators;
    private final List<Integer> municipalities;

    private SotkanetRows(List<Integer> indicators, List<Integer> municipalities) {
        this.indicators = indicators;
        this.municipalities = municipalities;
    }

    /** Reads the catalogues indicator-service loads, from the repository. */
    static SotkanetRows fromCatalogues(Path repositoryRoot) {
        Path sotkanet = repositoryRoot.resolve("indicator-service/src/main/resources/sotkanet");
        JsonMapper json = JsonMapper.shared();
        try {
            List<Integer> indicators = new ArrayList<>();
            for (JsonNode indicator : json.readTree(Files.readString(sotkanet.resolve("SotkaIndicators.json")))) {
                indicators.add(indicator.get("id").asInt());
            }
            List<Integer> municipalities = new ArrayList<>();
            for (JsonNode region : json.readTree(Files.readString(sotkanet.resolve("SotkaRegions.json")))) {
                if (region.get("category").asString().equals("KUNTA")) {
                    municipalities.add(region.get("id").asInt());
                }
            }
            return new SotkanetRows(indicators, municipalities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code count} distinct rows; {@code round} shifts the values, so round 2 revises round 1. */
    List<Row> take(int count, int round) {
        List<Row> rows = new ArrayList<>(count);
        int perIndicator = municipalities.size() * YEARS * GENDERS.length;
        for (int n = 0; n < count; n++) {
            int indicator = indicators.get(n / perIndicator);
            int rest = n % perIndicator;
            int region = municipalities.get(rest / (YEARS * GENDERS.length));
            int year = FIRST_YEAR + (rest / GENDERS.length) % YEARS;
            String gender = GENDERS[rest % GENDERS.length];
            double value = ((n * 7919L + round * 104_729L) % 1000) / 10.0;
            rows.add(new Row(indicator, region, year, gender, value));
        }
        return rows;
    }

    static String csv(List<Row> rows) {
        var out = new StringBuilder(rows.size() * 32);
        out.append("indicator;region;year;gender;primary value;absolute value\n");
        rows.forEach(row -> out.append(row.csv()).append('\n'));
        return out.toString();
    }

    static String json(List<Row> rows) {
        var out = new StringBuilder(rows.size() * 80);
        out.append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.append(",\n");
            }
            out.append(rows.get(i).json());
        }
        return out.append(']').toString();
    }
}
