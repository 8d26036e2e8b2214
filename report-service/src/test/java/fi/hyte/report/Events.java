package fi.hyte.report;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.Topics;
import java.time.Instant;
import java.util.UUID;

/** Events as the producers put them on the wire, for feeding report-service in tests. */
final class Events {

    private Events() {}

    static String envelope(String type, String aggregateId, long version, String region, String payload) {
        return envelope(type, aggregateId, version, region, payload, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static String envelope(
            String type, String aggregateId, long version, String region, String payload, Instant occurredAt) {
        return """
                {"id":"%s","type":"%s","schemaVersion":1,"aggregateId":"%s","aggregateVersion":%d,\
                "occurredAt":"%s","region":%s,"correlationId":"test","actor":"test","payload":%s}""".formatted(
                        UUID.randomUUID(),
                        type,
                        aggregateId,
                        version,
                        occurredAt,
                        region == null ? "null" : "\"" + region + "\"",
                        payload);
    }

    static void plan(String planId, String envelope) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), "hyte.plan.events", planId, envelope);
    }

    static void action(String actionId, String envelope) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), "hyte.action.events", actionId, envelope);
    }

    static void indicator(String key, String envelope) {
        Topics.publish(TestInfrastructure.kafkaBootstrap(), "hyte.indicator.events", key, envelope);
    }

    /** {@code indicator.updated} for one value, with its value id as key and aggregate id. */
    static void value(int indicator, String region, int year, String gender, double value, long version) {
        String id = indicator + ":" + region + ":" + year + ":" + gender;
        indicator(id, envelope("indicator.updated", id, version, region, """
                        {"valueId":"%s","indicator":%d,"region":"%s","year":%d,"gender":"%s","value":%s,\
                        "absValue":null,"previousValue":null,"feedId":"feed"}""".formatted(
                        id, indicator, region, year, gender, value)));
    }

    static String goal(String planId, String goalId, String region, String title, String ageGroup, String measures) {
        return """
                {"planId":"%s","goalId":"%s","region":"%s","termStart":2026,"termEnd":2029,"planVersion":1,\
                "goal":{"title":"%s","description":"Kuvaus","ageGroup":"%s","riskGroups":["nuoret"],"measures":%s}}""".formatted(planId, goalId, region, title, ageGroup, measures);
    }

    static String measure(int indicator, String region, String direction, double baseline, double target) {
        return """
                {"indicator":%d,"region":"%s","gender":"total","baseline":{"year":2023,"value":%s},\
                "target":{"year":2029,"value":%s},"direction":"%s"}""".formatted(indicator, region, baseline, target, direction);
    }

    static String planned(
            String actionId, String goalId, String planId, String region, String organisation, String due) {
        return """
                {"actionId":"%s","goalId":"%s","planId":"%s","region":"%s","title":"Toimenpide %s","kind":"ACTION",\
                "organisation":"%s","responsiblePerson":"Koordinaattori","start":"2026-01-15","due":"%s",\
                "riskGroups":[],"status":"PLANNED"}""".formatted(actionId, goalId, planId, region, organisation, organisation, due);
    }

    static String transition(String actionId, String goalId, String organisation, String status) {
        return """
                {"actionId":"%s","goalId":"%s","organisation":"%s","status":"%s","note":"huomio","reason":null}""".formatted(actionId, goalId, organisation, status);
    }

    static String randomCounty() {
        return "HVA-" + (1000 + (int) (Math.random() * 8000));
    }
}
