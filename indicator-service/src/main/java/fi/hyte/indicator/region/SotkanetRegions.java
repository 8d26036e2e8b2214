package fi.hyte.indicator.region;

import fi.hyte.indicator.Localized;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the region catalogue from Sotkanet's {@code GET /regions} response (recorded about 2016, before the
 * wellbeing services counties existed), Sotkanet's list of the counties' current and former region ids, and
 * Hyte's own details of the counties (Swedish and English names, member municipalities).
 */
public final class SotkanetRegions {

    static final String REGIONS = "sotkanet/SotkaRegions.json";
    static final String COUNTY_IDS = "sotkanet/wellbeing-county-region-ids.csv";
    static final String COUNTY_DETAILS = "regions/wellbeing-counties.csv";

    private static final String SOTKANET_COUNTRY = "MAA";

    private SotkanetRegions() {}

    /** The catalogue from the Sotkanet files in this module's resources. */
    public static Regions fromClasspath(JsonMapper json) {
        try (InputStream regions = open(REGIONS);
                InputStream countyIds = open(COUNTY_IDS);
                InputStream countyDetails = open(COUNTY_DETAILS)) {
            return read(json, regions, countyIds, countyDetails);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Regions read(
            JsonMapper json, InputStream regionsJson, InputStream countyIdsCsv, InputStream countyDetailsCsv)
            throws IOException {
        JsonNode sotkanet = json.readTree(regionsJson);
        Map<Integer, String> codeOf = new HashMap<>();
        String country = null;
        for (JsonNode node : sotkanet) {
            String category = node.get("category").asString();
            String code = RegionCategory.code(category, node.get("code").asString());
            codeOf.put(node.get("id").asInt(), code);
            if (SOTKANET_COUNTRY.equals(category)) {
                country = code;
            }
        }

        List<County> counties = counties(countyIdsCsv, countyDetailsCsv);
        Map<String, List<String>> countiesOf = new HashMap<>();
        for (County county : counties) {
            for (String member : county.members()) {
                countiesOf.computeIfAbsent(member, m -> new ArrayList<>()).add(county.code());
            }
        }

        List<Region> regions = new ArrayList<>();
        for (JsonNode node : sotkanet) {
            int id = node.get("id").asInt();
            String code = codeOf.get(id);
            List<String> memberOf = new ArrayList<>();
            for (JsonNode parent : node.path("memberOf")) {
                String parentCode = codeOf.get(parent.asInt());
                if (parentCode == null) {
                    throw new IllegalStateException("region %d is a member of unknown region %s".formatted(id, parent));
                }
                memberOf.add(parentCode);
            }
            memberOf.addAll(countiesOf.getOrDefault(code, List.of()));
            memberOf.sort(null);
            JsonNode title = node.path("title");
            regions.add(new Region(
                    code,
                    id,
                    List.of(),
                    RegionCategory.ofSotkanet(node.get("category").asString()),
                    new Localized(text(title.path("fi")), text(title.path("sv")), text(title.path("en"))),
                    memberOf));
        }

        for (County county : counties) {
            for (String member : county.members()) {
                if (!codeOf.containsValue(member)) {
                    throw new IllegalStateException(
                            "county %s lists unknown municipality %s".formatted(county.code(), member));
                }
            }
            regions.add(new Region(
                    county.code(),
                    county.id(),
                    county.formerId() == null ? List.of() : List.of(county.formerId()),
                    RegionCategory.WELLBEING_COUNTY,
                    new Localized(county.nameFi(), county.nameSv(), county.nameEn()),
                    country == null ? List.of() : List.of(country)));
        }
        return new Regions(regions);
    }

    private record County(
            int id, Integer formerId, String code, String nameFi, String nameSv, String nameEn, List<String> members) {}

    /** Joins Sotkanet's county ids ({@code nimi,uusi_id,vanha_id,uusi_code,vanha_code}) with Hyte's details. */
    private static List<County> counties(InputStream idsCsv, InputStream detailsCsv) throws IOException {
        Map<Integer, String[]> details = new HashMap<>();
        List<String> detailLines = lines(detailsCsv);
        for (String line : detailLines.subList(1, detailLines.size())) {
            String[] columns = line.split(";", -1);
            details.put(Integer.parseInt(columns[0].trim()), columns);
        }
        List<String> idLines = lines(idsCsv);
        List<String> header = Arrays.asList(idLines.getFirst().split(","));
        int name = column(header, "nimi");
        int id = column(header, "uusi_id");
        int formerId = column(header, "vanha_id");
        int code = column(header, "uusi_code");
        List<County> counties = new ArrayList<>();
        for (String line : idLines.subList(1, idLines.size())) {
            String[] columns = line.split(",", -1);
            int countyId = Integer.parseInt(columns[id].trim());
            String[] more = details.getOrDefault(countyId, new String[] {"", "", "", ""});
            counties.add(new County(
                    countyId,
                    columns[formerId].isBlank() ? null : Integer.parseInt(columns[formerId].trim()),
                    RegionCategory.code(RegionCategory.SOTKANET_WELLBEING_COUNTY, columns[code].trim()),
                    columns[name].trim(),
                    blankToNull(more[1]),
                    blankToNull(more[2]),
                    more[3].isBlank()
                            ? List.of()
                            : Arrays.stream(more[3].split(","))
                                    .map(String::trim)
                                    .toList()));
        }
        return counties;
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("column " + name + " missing in " + header);
        }
        return index;
    }

    /** Non-blank lines that are not {@code #} comments, without a byte order mark. */
    private static List<String> lines(InputStream in) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines()
                .map(line -> line.startsWith("\uFEFF") ? line.substring(1) : line)
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : blankToNull(node.asString());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static InputStream open(String resource) throws IOException {
        return new ClassPathResource(resource).getInputStream();
    }
}
