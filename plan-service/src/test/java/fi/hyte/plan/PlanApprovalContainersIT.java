package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

/**
 * The approval flow against real MongoDB (a replica set) and a real Apache Kafka image. Where no Docker
 * engine runs, JUnit reports this class as skipped ("disabledWithoutDocker is true and Docker is not
 * available") and the Docker-free {@link PlanApprovalIT} stands for it.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanApprovalContainersIT {

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0.12");

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("KAFKA_BOOTSTRAP", kafka::getBootstrapServers);
        registry.add("MONGODB_URI", () -> mongo.getReplicaSetUrl("hyte-plan"));
        registry.add("JWT_ISSUER_URI", TestTokens::issuer);
        registry.add("JWT_JWK_SET_URI", TestTokens::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Test
    void approvalIsCommittedWithItsEventsOnRealMongoDbAndKafka() {
        var http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .build();
        String planId = http.post()
                .uri("/api/plans")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("region", "HVA-4", "title", "Suunnitelma", "termStart", 2026, "termEnd", 2029))
                .retrieve()
                .body(JsonNode.class)
                .get("id")
                .asString();
        http.post()
                .uri("/api/plans/{id}/goals", planId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(PlanApprovalIT.goal())
                .retrieve()
                .toBodilessEntity();
        var approved = http.post()
                .uri("/api/plans/{id}/approval", planId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decisionBody", "aluevaltuusto", "decisionDate", "2025-12-15", "reference", "AV § 45"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);

        var records = Topics.read(kafka.getBootstrapServers(), "hyte.plan.events", planId, 4, Duration.ofSeconds(60));
        assertThat(records.getLast().value()).contains("\"type\":\"goal.approved\"");
    }
}
