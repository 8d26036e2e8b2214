package fi.hyte.indicator.indicator;

import fi.hyte.indicator.Localized;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the indicator catalogue from Sotkanet's {@code GET /indicators} response. Sotkanet returns titles
 * with HTML entities ({@code BMI &#8805; 30}); the catalogue holds them decoded ({@code BMI ≥ 30}).
 */
public final class SotkanetIndicators {

    static final String INDICATORS = "sotkanet/SotkaIndicators.json";

    private SotkanetIndicators() {}

    /** The catalogue from the Sotkanet file in this module's resources. */
    public static Indicators fromClasspath(JsonMapper json) {
        try (InputStream in = new ClassPathResource(INDICATORS).getInputStream()) {
            return read(json, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Indicators read(JsonMapper json, InputStream indicatorsJson) {
        List<Indicator> indicators = new ArrayList<>();
        for (JsonNode node : json.readTree(indicatorsJson)) {
            JsonNode organisation = node.path("organization");
            JsonNode classifications = node.path("classifications");
            indicators.add(new Indicator(
                    node.get("id").asInt(),
                    localized(node.path("title")),
                    new Indicator.Organisation(organisation.path("id").asInt(), localized(organisation.path("title"))),
                    new Indicator.Classifications(
                            strings(classifications.path("sex").path("values")),
                            strings(classifications.path("region").path("values")))));
        }
        return new Indicators(indicators);
    }

    static Localized localized(JsonNode title) {
        return new Localized(decoded(title.path("fi")), decoded(title.path("sv")), decoded(title.path("en")));
    }

    private static String decoded(JsonNode text) {
        if (text.isMissingNode() || text.isNull() || text.asString().isBlank()) {
            return null;
        }
        return StringEscapeUtils.unescapeHtml4(text.asString()).strip();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
