package fi.hyte.report.live;

import static fi.hyte.report.live.Envelopes.catalogue;
import static fi.hyte.report.live.Envelopes.indicatorUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The SSE stream over real Kafka, the Mongo-wire server and HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hyte.live.heartbeat=1s"})
class LiveEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "live-events-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void streamsACountysEventsWithThoseOfItsMunicipalitiesAndNoOthers() throws Exception {
        String county = Envelopes.region("HVA");
        String vantaa = "m" + UUID.randomUUID().toString().substring(0, 6);
        String kerava = "m" + UUID.randomUUID().toString().substring(0, 6);
        String elsewhere = "m" + UUID.randomUUID().toString().substring(0, 6);
        publish("hyte.indicator.events", "indicators", catalogue(county, vantaa, kerava));
        await().atMost(WAIT)
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(county)), "county_members"));

        try (var stream = SseClient.open(url("/api/events?region=" + county), TestTokens.viewer("HVA-4"), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            awaitConnected(stream);
            for (String region : List.of(vantaa, elsewhere, county, kerava)) {
                publish(
                        "hyte.indicator.events",
                        region,
                        indicatorUpdated(UUID.randomUUID().toString(), 4284, region, 2025, 11.2, null));
            }
            var received = new ArrayList<SseClient.Event>();
            for (int i = 0; i < 3; i++) {
                received.add(stream.next(WAIT));
            }
            received.addAll(stream.drain(Duration.ofSeconds(2)));
            assertThat(received).doesNotContainNull();
            assertThat(received).extracting(SseClient.Event::type).containsOnly("indicator.updated");
            assertThat(received)
                    .extracting(e -> json.readTree(e.data()).get("region").asString())
                    .containsExactlyInAnyOrder(vantaa, county, kerava);
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsEverythingMissedInOrderThenLiveEvents() throws Exception {
        String region = Envelopes.region("HVA");
        String token = TestTokens.coordinator("HVA-4");
        String first;
        try (var stream = SseClient.open(url("/api/events?region=" + region), token, null)) {
            awaitConnected(stream);
            publishValue(region, 2020, 10.0);
            var event = stream.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(json.readTree(event.data()).at("/payload/year").asInt()).isEqualTo(2020);
            first = event.id();
        }
        // while the client is away
        for (int year = 2021; year <= 2024; year++) {
            publishValue(region, year, 10.0 + year - 2020);
        }
        await().atMost(WAIT)
                .until(() -> mongo.count(Query.query(Criteria.where("region").is(region)), "event_log") == 5);

        try (var stream = SseClient.open(url("/api/events?region=" + region), token, first)) {
            var missed = new ArrayList<SseClient.Event>();
            for (int i = 0; i < 4; i++) {
                missed.add(stream.next(WAIT));
            }
            assertThat(missed).doesNotContainNull();
            assertThat(missed)
                    .extracting(e -> json.readTree(e.data()).at("/payload/year").asInt())
                    .containsExactly(2021, 2022, 2023, 2024);
            assertThat(missed)
                    .extracting(e -> Long.parseLong(e.id()))
                    .isSorted()
                    .allMatch(id -> id > Long.parseLong(first));

            publishValue(region, 2025, 15.0);
            var live = stream.next(WAIT);
            assertThat(live).isNotNull();
            assertThat(json.readTree(live.data()).at("/payload/year").asInt()).isEqualTo(2025);
            assertThat(stream.drain(Duration.ofSeconds(1))).as("nothing twice").isEmpty();
        }
    }

    @Test
    void aRedeliveredEventIsStreamedOnce() throws Exception {
        String region = Envelopes.region("HVA");
        String id = UUID.randomUUID().toString();
        try (var stream = SseClient.open(
                url("/api/events?region=" + region + "&access_token=" + TestTokens.viewer("HVA-4")), null, null)) {
            assertThat(stream.status())
                    .as("the token may come as a query parameter here")
                    .isEqualTo(200);
            awaitConnected(stream);
            String event = indicatorUpdated(id, 4284, region, 2025, 11.2, null);
            publish("hyte.indicator.events", region, event);
            publish("hyte.indicator.events", region, event);
            publishValue(region, 2026, 11.0); // comes after both deliveries on the same partition
            var received = new ArrayList<SseClient.Event>();
            for (int i = 0; i < 2; i++) {
                received.add(stream.next(WAIT));
            }
            received.addAll(stream.drain(Duration.ofSeconds(2)));
            assertThat(received)
                    .extracting(e -> json.readTree(e.data()).get("id").asString())
                    .filteredOn(id::equals)
                    .hasSize(1);
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void anEventIsOnTheStreamSoonAfterKafkaAcknowledgedIt() throws Exception {
        String region = Envelopes.region("HVA");
        var latencies = new ArrayList<Long>();
        var order = new ArrayList<Long>();
        try (var stream = SseClient.open(url("/api/events?region=" + region), TestTokens.viewer("HVA-4"), null)) {
            awaitConnected(stream);
            publishValue(region, 1999, 0); // the first record through a fresh consumer path is warm-up
            assertThat(stream.next(WAIT)).isNotNull();
            for (int i = 0; i < 40; i++) {
                publishValue(region, 2000 + i, i);
                long acknowledged = System.nanoTime();
                var event = stream.next(WAIT);
                assertThat(event).isNotNull();
                latencies.add(Math.max(0, (event.receivedAt() - acknowledged) / 1_000_000));
                order.add(latencies.getLast());
            }
        }
        latencies.sort(null);
        long p50 = latencies.get(latencies.size() / 2);
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
        System.out.printf(
                "Kafka ack -> on the SSE stream, %d events: p50 %d ms, p99 %d ms, max %d ms (all: %s)%n",
                latencies.size(), p50, p99, latencies.getLast(), order);
        assertThat(p50).as("in-process notification, not a poll").isLessThan(1000);
    }

    @Test
    void anIdleStreamCarriesHeartbeats() throws Exception {
        try (var stream = SseClient.open(
                url("/api/events?region=" + Envelopes.region("HVA")), TestTokens.viewer("HVA-4"), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments().contains("heartbeat"));
        }
    }

    @Test
    void refusesAStreamWithoutATokenAndQueryTokensElsewhere() throws Exception {
        assertThat(get("/api/events", null)).isEqualTo(401);
        assertThat(get("/api/reports/HVA-4/2026?access_token=" + TestTokens.viewer("HVA-4"), null))
                .as("the query token is accepted on the stream and the page only")
                .isEqualTo(401);
        assertThat(get("/api/events?region=HVA-4", TestTokens.integrator())).isEqualTo(403);
        assertThat(get("/api/events?region=not%20a%20region", TestTokens.viewer("HVA-4")))
                .isEqualTo(400);
    }

    private static void awaitConnected(SseClient stream) {
        await().atMost(WAIT).until(() -> stream.comments().contains("connected"));
    }

    private int get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private void publishValue(String region, int year, double value) {
        publish(
                "hyte.indicator.events",
                region,
                indicatorUpdated(UUID.randomUUID().toString(), 4284, region, year, value, null));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void publish(String topic, String key, String value) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), topic, key, value);
    }
}
