package fi.hyte.indicator.sotkanet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.indicator.feed.FeedIntake;
import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.measured.MeasuredIndicators;
import fi.hyte.indicator.region.Regions;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sotkanet connector against a local server that serves Sotkanet's recorded responses
 * ({@link FakeSotkanet}), learning the measured indicators from plan events on a real Kafka broker, and
 * submitting through the real feed path into values read back over HTTP. Rounds are run by the test; the
 * schedule is off ({@code hyte.sotkanet.enabled=false}, the default).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hyte.feeds.sweep-interval=1s",
            "hyte.sotkanet.years-from=2000",
            "hyte.sotkanet.years-to=2024",
            "hyte.sotkanet.read-timeout=1s",
            "hyte.sotkanet.user-agent=Hyte/1.0 (+mailto:hyte-test@example.org)"
        })
class SotkanetConnectorIT {

    static final int POPULATION = 127; // the indicator of the recorded CSV
    static final String USER_AGENT = "Hyte/1.0 (+mailto:hyte-test@example.org)";
    static final FakeSotkanet sotkanet = new FakeSotkanet();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "sotkanet-connector-it");
        registry.add("hyte.sotkanet.base-url", sotkanet::baseUrl);
    }

    @AfterAll
    static void stopSotkanet() {
        sotkanet.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    SotkanetConnector connector;

    @Autowired
    IndicatorFetches fetches;

    @Autowired
    MeasuredIndicators measured;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SotkanetClient client;

    @Autowired
    Indicators indicators;

    @Autowired
    Regions regions;

    @Autowired
    FeedIntake intake;

    @Autowired
    JsonMapper json;

    @Autowired
    SotkanetProperties properties;

    @Autowired
    Clock clock;

    final PlanEvents plans = new PlanEvents();

    @BeforeEach
    void startClean() {
        mongo.remove(new Query(), "measured_goals");
        mongo.remove(new Query(), IndicatorFetch.class);
        sotkanet.reset();
    }

    @Test
    void fetchesAnApprovedGoalsIndicatorAndItsRowsBecomeValuesUnderRegionCodes() {
        approved(POPULATION);

        var round = connector.pollRound();

        assertThat(round.polled()).isEqualTo(1);
        assertThat(round.fetched()).isEqualTo(1);
        assertThat(round.failed()).isZero();
        // 466 recorded rows; 3 of them (Sotkanet ids 455, 456, 730) name regions the catalogue does not know
        assertThat(round.rowsSubmitted()).isEqualTo(463);
        assertThat(round.rowsSkipped()).isEqualTo(3);
        assertThat(round.feedIds()).hasSize(1);

        JsonNode feed = awaitProcessed(round.feedIds().getFirst());
        assertThat(feed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(feed.get("accepted").asInt()).isEqualTo(463);
        assertThat(feed.get("rejected").asInt()).isZero();

        // Sotkanet's region 413 is Vantaa (092), 122 Kerava (245), 658 the whole country
        assertThat(value(POPULATION, "092", 2009)).isEqualTo(197636.0);
        assertThat(value(POPULATION, "245", 2009)).isEqualTo(33833.0);
        assertThat(value(POPULATION, "MAA-358", 2009)).isEqualTo(5351427.0);

        var data = sotkanet.requests("/json");
        assertThat(data).hasSize(1);
        assertThat(data.getFirst().query().get("indicator")).containsExactly("127");
        // the configured years within the indicator's range (1996-2024), every gender
        assertThat(data.getFirst().query().get("years"))
                .containsExactlyElementsOf(IntStream.rangeClosed(2000, 2024)
                        .mapToObj(String::valueOf)
                        .toList());
        assertThat(data.getFirst().query().get("genders")).containsExactly("male", "female", "total");
        assertThat(sotkanet.requests("/regions")).hasSize(1);
        assertThat(sotkanet.requests())
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.userAgent()).isEqualTo(USER_AGENT));

        var remembered = fetches.find(POPULATION).orElseThrow();
        assertThat(remembered.dataUpdated()).isEqualTo("2025-05-28");
        assertThat(remembered.feedIds()).isEqualTo(round.feedIds());
        assertThat(remembered.claim()).isNull();
        assertThat(meters.counter("hyte.sotkanet.rows.submitted").count()).isGreaterThanOrEqualTo(463);
    }

    @Test
    void fetchesAgainOnlyWhenDataUpdatedIsNewer() {
        approved(POPULATION);
        var first = connector.pollRound();
        assertThat(first.fetched()).isEqualTo(1);
        awaitProcessed(first.feedIds().getFirst());

        var again = connector.pollRound();
        assertThat(again.polled()).isEqualTo(1);
        assertThat(again.fetched()).isZero();
        assertThat(sotkanet.requests("/json")).hasSize(1);
        assertThat(sotkanet.requests("/indicators/127")).hasSize(2);
        assertThat(sotkanet.requests("/regions"))
                .as("/regions is read only when data is fetched")
                .hasSize(1);

        // another instance (or this one restarted) shares only MongoDB with it, and fetches nothing either
        var otherInstance = new SotkanetConnector(
                client,
                new IndicatorFetches(mongo, clock),
                measured,
                indicators,
                regions,
                intake,
                json,
                properties,
                clock,
                new SimpleMeterRegistry());
        assertThat(otherInstance.pollRound().fetched()).isZero();
        assertThat(sotkanet.requests("/json")).hasSize(1);

        sotkanet.dataUpdated("2025-06-30");
        var newer = connector.pollRound();
        assertThat(newer.fetched()).isEqualTo(1);
        assertThat(sotkanet.requests("/json")).hasSize(2);
        assertThat(fetches.find(POPULATION).orElseThrow().dataUpdated()).isEqualTo("2025-06-30");

        // the same values again: the feed is accepted, and changes nothing
        JsonNode feed = awaitProcessed(newer.feedIds().getFirst());
        assertThat(feed.get("changed").asInt()).isZero();
        assertThat(feed.get("unchanged").asInt()).isEqualTo(463);
    }

    @Test
    void aFailingOrSlowSotkanetIsSurvivedAndTriedAgainNextRound() {
        approved(POPULATION);

        sotkanet.mode(FakeSotkanet.Mode.FAIL);
        var failed = connector.pollRound();
        assertThat(failed.failed()).isEqualTo(1);
        assertThat(failed.fetched()).isZero();
        var remembered = fetches.find(POPULATION).orElseThrow();
        assertThat(remembered.dataUpdated()).isNull();
        assertThat(remembered.failure()).contains("500");
        assertThat(remembered.claim()).as("a failed poll releases its claim").isNull();

        sotkanet.mode(FakeSotkanet.Mode.SLOW); // answers after 3 s; the read timeout is 1 s
        long start = System.nanoTime();
        assertThat(connector.pollRound().failed()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));

        sotkanet.mode(FakeSotkanet.Mode.SERVE);
        var recovered = connector.pollRound();
        assertThat(recovered.fetched()).isEqualTo(1);
        assertThat(fetches.find(POPULATION).orElseThrow().failure()).isNull();
        assertThat(meters.counter("hyte.sotkanet.failures").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void pollsOnlyIndicatorsOfGoalsInForce() {
        String planId = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        plans.approve(planId, kept, 4, 4284);
        plans.approve(planId, retired, 5, 243, 4284);
        awaitMeasured(list -> list.equals(List.of(243, 4284)));

        connector.pollRound();
        assertThat(polledIndicators()).containsExactlyInAnyOrder("/indicators/243", "/indicators/4284");

        plans.retire(planId, retired, 6);
        awaitMeasured(list -> list.equals(List.of(4284)));
        sotkanet.reset();
        connector.pollRound();
        assertThat(polledIndicators()).containsExactly("/indicators/4284");

        plans.close(planId, 7);
        awaitMeasured(List::isEmpty);
        sotkanet.reset();
        assertThat(connector.pollRound().polled()).isZero();
        assertThat(sotkanet.requests()).isEmpty();
    }

    @Test
    void planEventsAreAppliedOnceWhateverTheRedelivery() {
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        String approval = plans.approve(planId, goalId, 4, POPULATION);
        plans.publish(planId, approval); // redelivered
        awaitMeasured(list -> list.equals(List.of(POPULATION)));
        assertThat(mongo.count(new Query(), "measured_goals")).isEqualTo(1);

        plans.retire(planId, goalId, 5);
        plans.publish(planId, approval); // the older approval delivered again after the retirement
        plans.retire(planId, goalId, 5); // and the retirement too
        // an event after them on the same partition: once it is applied, so are they
        String marker = UUID.randomUUID().toString();
        plans.approve(planId, marker, 6, 243);
        awaitMeasured(list -> list.equals(List.of(243)));
        assertThat(mongo.count(new Query(), "measured_goals")).isEqualTo(2);
    }

    @Test
    void aRetirementSeenBeforeTheApprovalKeepsTheGoalOutOfForce() {
        String planId = UUID.randomUUID().toString();
        String goalId = UUID.randomUUID().toString();
        plans.retire(planId, goalId, 5);
        plans.approve(planId, goalId, 4, POPULATION); // older, delivered late
        plans.approve(planId, UUID.randomUUID().toString(), 6, 243);
        awaitMeasured(list -> list.equals(List.of(243)));
    }

    @Test
    void onlyOneInstancePollsAnIndicatorAtATime() throws InterruptedException {
        approved(POPULATION);
        var other = fetches.claim(POPULATION, Duration.ofMinutes(10)).orElseThrow();
        assertThat(fetches.claim(POPULATION, Duration.ofMinutes(10))).isEmpty();

        var round = connector.pollRound();
        assertThat(round.polled()).isZero();
        assertThat(sotkanet.requests()).isEmpty();

        fetches.unchanged(other);
        assertThat(connector.pollRound().fetched()).isEqualTo(1);

        var lapsing = fetches.claim(POPULATION, Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(20);
        assertThat(fetches.claim(POPULATION, Duration.ofMinutes(1)))
                .as("a lapsed claim")
                .isPresent();
        fetches.failed(lapsing, "a poll that lost its lease changes nothing");
        assertThat(fetches.find(POPULATION).orElseThrow().failure()).isNull();
    }

    @Test
    void sendsAnUnreadablePlanEventToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        plans.publish(key, "not an event " + key);
        var dead = Topics.read(
                TestInfrastructure.kafkaBootstrap(), "hyte.indicator-service.dlq", key, 1, Duration.ofSeconds(60));
        assertThat(dead.getFirst().value()).contains(key);
        assertThat(new String(
                        dead.getFirst()
                                .headers()
                                .lastHeader("x-exception-message")
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("not a Hyte event envelope");
    }

    private void approved(int indicator) {
        plans.approve(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 4, indicator);
        awaitMeasured(list -> list.contains(indicator));
    }

    private void awaitMeasured(Predicate<List<Integer>> expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(measured::inForce, expected::test);
    }

    private List<String> polledIndicators() {
        return sotkanet.requests().stream()
                .map(FakeSotkanet.Request::path)
                .filter(path -> path.startsWith("/indicators/"))
                .toList();
    }

    private JsonNode awaitProcessed(String feedId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> get("/api/indicator-feeds/" + feedId, TestTokens.integrator())
                                .getBody(),
                        body -> body != null
                                && List.of("COMPLETED", "FAILED")
                                        .contains(body.path("status").asString()));
    }

    private Double value(int indicator, String region, int year) {
        var series = get(
                        "/api/indicators/%d/values?region=%s&from=%d&to=%d".formatted(indicator, region, year, year),
                        TestTokens.viewer("HVA-4"))
                .getBody();
        assertThat(series.get("values")).hasSize(1);
        return series.get("values").get(0).get("value").asDouble();
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        var response = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, r) -> {})
                .build()
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }
}
