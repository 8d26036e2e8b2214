package fi.hyte.indicator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.region.Regions;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.Topics;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue is announced once, through the outbox, with every indicator id; checking again, in this
 * instance or in a restarted one, announces nothing while the catalogue is unchanged.
 */
@SpringBootTest
class CatalogueAnnouncementIT {

    static final String TOPIC = "hyte.indicator.events";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalogue-announcement-it");
    }

    @Autowired
    IndicatorCatalogues catalogues;

    @Autowired
    CatalogueAnnouncer announcer;

    @Autowired
    Indicators indicators;

    @Autowired
    Regions regions;

    @Autowired
    CatalogueProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    JsonMapper json;

    @Test
    void announcesTheCatalogueOnceAndNotAgainWhileItIsUnchanged() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalogues
                        .findById(IndicatorCatalogue.ID)
                        .filter(c -> c.revision() == 1 && c.pendingEvents().isEmpty())
                        .isPresent());
        IndicatorCatalogue announced =
                catalogues.findById(IndicatorCatalogue.ID).orElseThrow();
        String bootstrap = TestInfrastructure.kafkaBootstrap();

        // other test classes' instances announce on the same broker: find this one's by its hash and version
        JsonNode event = Topics.read(bootstrap, TOPIC, "indicators", 1, Duration.ofSeconds(30)).stream()
                .map(record -> json.readTree(record.value()))
                .filter(e -> e.at("/payload/contentHash").asString().equals(announced.contentHash()))
                .findFirst()
                .orElseThrow();
        assertThat(event.get("type").asString()).isEqualTo("indicator.catalogue-published");
        assertThat(event.get("aggregateId").asString()).isEqualTo("indicators");
        assertThat(event.get("region").isNull()).isTrue();
        assertThat(event.at("/payload/indicatorCount").asInt()).isEqualTo(2434);
        assertThat(event.at("/payload/indicators")).hasSize(2434);
        assertThat(event.at("/payload/counties").toString()).contains("HVA-4", "092", "245");
        assertThat(event.toString().length())
                .as("the event carries ids, not the catalogue's titles")
                .isLessThan(30_000);
        int before = Topics.count(bootstrap, TOPIC, "indicators", Duration.ofSeconds(2));

        assertThat(announcer.announceIfDue()).isFalse();
        var restarted = new CatalogueAnnouncer(catalogues, indicators, regions, properties, clock);
        assertThat(restarted.announceIfDue()).as("a restart announces nothing").isFalse();

        assertThat(catalogues.findById(IndicatorCatalogue.ID).orElseThrow().revision())
                .isEqualTo(1);
        assertThat(Topics.count(bootstrap, TOPIC, "indicators", Duration.ofSeconds(2)))
                .isEqualTo(before);
    }
}
