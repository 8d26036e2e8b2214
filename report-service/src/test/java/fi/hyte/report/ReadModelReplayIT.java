package fi.hyte.report;

import static fi.hyte.report.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import fi.hyte.report.projection.ReadModels;
import fi.hyte.report.projection.SeriesModel;
import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read model is a function of the topics: events fed in order, with duplicates and stale redeliveries,
 * give a read model whose content hash equals that of a second instance that replays every topic from
 * offset 0 into another database holding stale content, with {@code REPORT_REBUILD=true} and a new group;
 * and equals it again after the documented rebuild in place (same database, same group, offsets reset).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadModelReplayIT {

    static final String LIVE_GROUP = "replay-it-live-" + UUID.randomUUID();
    static final List<String> TOPICS = List.of("hyte.plan.events", "hyte.action.events", "hyte.indicator.events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "replay-it-live");
        registry.add("REPORT_CONSUMER_GROUP", () -> LIVE_GROUP);
    }

    @Autowired
    ReadModels readModels;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void replayingEveryTopicFromOffsetZeroIntoAnEmptyDatabaseGivesTheSameReadModel() throws Exception {
        String county = Events.randomCounty();
        String planId = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        String neverApproved = UUID.randomUUID().toString();
        String actionId = UUID.randomUUID().toString();
        int indicator = 600_000 + (int) (Math.random() * 99_999);
        String measures = "[" + Events.measure(indicator, county, "DECREASE", 12.5, 9.0) + "]";

        var plan = List.of(
                envelope("plan.drafted", planId, 1, county, """
                        {"planId":"%s","region":"%s","title":"Suunnitelma","termStart":2026,"termEnd":2029,
                         "sections":[{"ageGroup":"ALL","title":"Voimassa","summary":"s"}],"organisations":["vantaa"]}""".formatted(planId, county)),
                envelope("plan.approved", planId, 3, county, """
                        {"planId":"%s","region":"%s","title":"Suunnitelma","termStart":2026,"termEnd":2029,
                         "approval":{"decisionBody":"av","decisionDate":"2025-12-15","reference":"§ 1"},
                         "goalIds":["%s","%s"],"planVersion":1}""".formatted(planId, county, kept, retired)),
                envelope(
                        "goal.approved",
                        planId,
                        4,
                        county,
                        Events.goal(planId, kept, county, "Ensimmäinen muotoilu", "ALL", measures)),
                envelope(
                        "goal.approved",
                        planId,
                        5,
                        county,
                        Events.goal(planId, retired, county, "Poistuva", "ELDERLY", measures)),
                envelope("goal.retired", planId, 6, county, """
                        {"planId":"%s","goalId":"%s","region":"%s","title":"Poistuva","reason":"r"}""".formatted(planId, retired, county)),
                envelope("goal.retired", planId, 7, county, """
                        {"planId":"%s","goalId":"%s","region":"%s","title":"Luonnos","reason":"r"}""".formatted(planId, neverApproved, county)),
                envelope("plan.revision-opened", planId, 8, county, """
                        {"planId":"%s","region":"%s","planVersion":2,"reason":"r"}""".formatted(planId, county)),
                envelope("plan.approved", planId, 9, county, """
                        {"planId":"%s","region":"%s","title":"Suunnitelma","termStart":2026,"termEnd":2029,
                         "approval":{"decisionBody":"av","decisionDate":"2027-06-01","reference":"§ 2"},
                         "goalIds":["%s"],"planVersion":2}""".formatted(planId, county, kept)),
                envelope(
                        "goal.approved",
                        planId,
                        10,
                        county,
                        Events.goal(planId, kept, county, "Tarkistettu muotoilu", "ALL", measures)),
                envelope("plan.revision-opened", planId, 11, county, """
                        {"planId":"%s","region":"%s","planVersion":3,"reason":"r"}""".formatted(planId, county)),
                envelope("plan.revised", planId, 12, county, """
                        {"planId":"%s","region":"%s","title":"Suunnitelma","termStart":2026,"termEnd":2029,
                         "sections":[{"ageGroup":"ALL","title":"Luonnos","summary":"s"}],"organisations":["vantaa"],
                         "changed":["sections"]}""".formatted(planId, county)));
        for (String event : plan) {
            Events.plan(planId, event);
            Events.plan(planId, event); // every event twice: a relay that crashed before removing it
        }
        Events.plan(planId, plan.get(2)); // a stale redelivery of the first approval

        var action = List.of(
                envelope(
                        "action.planned",
                        actionId,
                        1,
                        county,
                        Events.planned(actionId, kept, planId, county, "vantaa", "2026-12-31")),
                envelope(
                        "action.started",
                        actionId,
                        2,
                        county,
                        Events.transition(actionId, kept, "vantaa", "IN_PROGRESS")),
                envelope(
                        "action.completed",
                        actionId,
                        3,
                        county,
                        Events.transition(actionId, kept, "vantaa", "COMPLETED")));
        action.forEach(event -> Events.action(actionId, event));
        Events.action(actionId, action.get(1));
        Events.action(actionId, action.get(0));

        Events.value(indicator, county, 2025, "total", 11.0, 1);
        Events.value(indicator, county, 2025, "total", 10.5, 2);
        Events.value(indicator, county, 2025, "total", 11.0, 1);

        String newer = catalogue(county, List.of("092", "245"), Instant.parse("2026-06-01T00:00:00Z"));
        String older = catalogue(county, List.of("092"), Instant.parse("2026-01-01T00:00:00Z"));
        Events.indicator("indicators", newer);
        Events.indicator("indicators", older);

        awaitCaughtUp(LIVE_GROUP);
        var planModel = mongo.findById(planId, Document.class, "plans");
        assertThat(planModel.getString("status")).isEqualTo("REVISION");
        assertThat(planModel.getList("sections", Document.class).getFirst().getString("title"))
                .as("a revision's sections are not in force before its approval")
                .isEqualTo("Voimassa");
        assertThat(planModel
                        .getList("pendingSections", Document.class)
                        .getFirst()
                        .getString("title"))
                .isEqualTo("Luonnos");
        var goal = mongo.findById(kept, Document.class, "goals");
        assertThat(goal.getString("title")).isEqualTo("Tarkistettu muotoilu");
        assertThat(mongo.findById(retired, Document.class, "goals").getString("status"))
                .isEqualTo("RETIRED");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(neverApproved)), "goals"))
                .as("a goal retired before it was ever approved leaves no record")
                .isFalse();
        assertThat(mongo.findById(actionId, Document.class, "actions").getString("status"))
                .isEqualTo("COMPLETED");
        assertThat(SeriesModel.latest(mongo.findById(indicator + ":" + county, Document.class, "series")
                        .get("points", Document.class)
                        .get("total_2025", Document.class)))
                .as("the point's value is the one under its highest version")
                .isEqualTo(10.5);
        assertThat(mongo.findById(county, Document.class, "counties").getList("municipalities", String.class))
                .containsExactly("092", "245");
        String live = readModels.contentHash();
        var liveCounts = readModels.counts();

        // the documented rebuild, as a second instance: a database with stale content, REPORT_REBUILD=true
        String rebuiltGroup = "replay-it-rebuilt-" + UUID.randomUUID();
        String rebuiltUri = TestInfrastructure.mongoUri("replay-it-rebuilt");
        try (var client = MongoClients.create(rebuiltUri)) {
            client.getDatabase("replay-it-rebuilt")
                    .getCollection("goals")
                    .insertOne(new Document("_id", "stale")
                            .append("region", county)
                            .append("version", 99));
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP", TestInfrastructure.kafkaBootstrap());
        properties.put("MONGODB_URI", rebuiltUri);
        properties.put("JWT_ISSUER_URI", TestTokens.issuer());
        properties.put("JWT_JWK_SET_URI", TestTokens.jwkSetUri());
        properties.put("REPORT_CONSUMER_GROUP", rebuiltGroup);
        properties.put("REPORT_REBUILD", "true");
        properties.put("server.port", "0");
        try (var rebuilt = new SpringApplicationBuilder(fi.hyte.report.ReportServiceApplication.class)
                .properties(properties)
                .run()) {
            awaitCaughtUp(rebuiltGroup);
            var rebuiltModels = rebuilt.getBean(ReadModels.class);
            assertThat(rebuiltModels.counts()).isEqualTo(liveCounts);
            assertThat(rebuiltModels.contentHash()).isEqualTo(live);
        }

        // and in place, as the README's procedure: the live instance stops consuming, a stale document appears,
        // and an instance on the same database and the same group starts with REPORT_REBUILD=true: it must drop
        // the collections and have the binder reset the group's committed offsets to the beginning
        for (String binding : List.of("planEvents-in-0", "actionEvents-in-0", "indicatorEvents-in-0")) {
            bindings.stop(binding);
        }
        mongo.insert(new Document("_id", "stale").append("region", county).append("version", 99L), "goals");
        assertThat(readModels.contentHash()).isNotEqualTo(live);
        properties.put("MONGODB_URI", TestInfrastructure.mongoUri("replay-it-live"));
        properties.put("REPORT_CONSUMER_GROUP", LIVE_GROUP);
        try (var inPlace = new SpringApplicationBuilder(fi.hyte.report.ReportServiceApplication.class)
                .properties(properties)
                .run()) {
            var models = inPlace.getBean(ReadModels.class);
            // the group's offsets were at the end already, so lag cannot tell when the replay is done
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(models.counts()).isEqualTo(liveCounts);
                        assertThat(models.contentHash()).isEqualTo(live);
                    });
        }
    }

    private static String catalogue(String county, List<String> members, Instant at) {
        return envelope(
                "indicator.catalogue-published",
                "indicators",
                1,
                null,
                """
                {"catalogueId":"indicators","contentHash":"sha256:%s","indicatorCount":1,"indicators":[1],
                 "counties":[{"code":"%s","municipalities":[%s]}]}""".formatted(
                        at,
                        county,
                        String.join(
                                ",", members.stream().map(m -> "\"" + m + "\"").toList())),
                at);
    }

    /** Until the group has committed every record of the three topics. */
    private static void awaitCaughtUp(String group) {
        try (var admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        var partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                                .flatMap(topic -> topic.partitions().stream()
                                        .map(p -> new TopicPartition(topic.name(), p.partition())))
                                .toList();
                        var ends = admin.listOffsets(partitions.stream()
                                        .collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                                .all()
                                .get();
                        var committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get();
                        return partitions.stream().allMatch(p -> {
                            long end = ends.get(p).offset();
                            var offset = committed.get(p);
                            return end == 0 || (offset != null && offset.offset() >= end);
                        });
                    });
        }
    }
}
