package fi.hyte.support.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds how deeply a JSON body may nest ({@code hyte.web.json.max-nesting-depth}, default 64): deeper
 * input fails while parsing, before any object is built, and is answered 400 problem+json. A key twice in
 * one object is refused the same way ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}; Spring Boot 4
 * has no property for stream-read features). Jackson 3
 * takes the limit only on the parser factory, which a {@link JsonMapperBuilderCustomizer} cannot swap, so
 * this provides the builder Spring Boot would (a plain {@code JsonMapper.builder()} with every customizer
 * applied) on a bounded factory.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonLimits {

    @Bean
    @Scope("prototype")
    @ConditionalOnMissingBean
    JsonMapper.Builder jsonMapperBuilder(
            List<JsonMapperBuilderCustomizer> customizers,
            @Value("${hyte.web.json.max-nesting-depth:64}") int maxNestingDepth) {
        var factory = JsonFactory.builder()
                // {"title":"a","title":"b"} is refused (400) rather than read as its last value: two parsers
                // (a proxy, a log, a validator) may not agree on which one counts
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .build();
        var builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
