package fi.hyte.indicator.catalogue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the catalogue is announced.
 *
 * @param checkInterval how often an instance compares the catalogue with what was announced (also once at
 *     start)
 * @param republishAfter an unchanged catalogue is announced again after this long, below the topic's
 *     retention (Kafka's default is 7 days), so that a consumer that starts from the beginning of the topic
 *     with an empty database still finds one
 */
@ConfigurationProperties("hyte.catalogue")
public record CatalogueProperties(
        @DefaultValue("1h") Duration checkInterval,
        @DefaultValue("6d") Duration republishAfter) {}
