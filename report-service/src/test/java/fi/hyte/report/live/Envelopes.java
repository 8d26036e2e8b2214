package fi.hyte.report.live;

import java.util.UUID;

/** Event envelopes as the producers write them, for tests. */
public final class Envelopes {

    private Envelopes() {}

    public static String envelope(
            String id, String type, String aggregateId, long version, String region, String payload) {
        return """
                {"id":"%s","type":"%s","schemaVersion":1,"aggregateId":"%s","aggregateVersion":%d,\
                "occurredAt":"%s","region":%s,"correlationId":"%s","actor":"test","payload":%s}""".formatted(
                        id,
                        type,
                        aggregateId,
                        version,
                        java.time.Instant.now(),
                        region == null ? "null" : "\"" + region + "\"",
                        UUID.randomUUID(),
                        payload);
    }

    public static String indicatorUpdated(
            String id, int indicator, String region, int year, double value, Double previous) {
        return indicatorUpdated(id, 1, indicator, region, year, value, previous);
    }

    public static String indicatorUpdated(
            String id, long version, int indicator, String region, int year, double value, Double previous) {
        String valueId = indicator + ":" + region + ":" + year + ":total";
        return envelope(id, "indicator.updated", valueId, version, region, """
                {"valueId":"%s","indicator":%d,"region":"%s","year":%d,"gender":"total","value":%s,\
                "absValue":null,"previousValue":%s,"feedId":"feed"}""".formatted(
                        valueId, indicator, region, year, value, previous));
    }

    public static String catalogue(String county, String... municipalities) {
        var members = new StringBuilder();
        for (String m : municipalities) {
            members.append(members.isEmpty() ? "" : ",").append('"').append(m).append('"');
        }
        return envelope(
                UUID.randomUUID().toString(), "indicator.catalogue-published", "indicators", 1, null, """
                {"catalogueId":"indicators","contentHash":"sha256:x","indicatorCount":1,"indicators":[4284],\
                "counties":[{"code":"%s","municipalities":[%s]}]}""".formatted(
                                county, members));
    }

    /** A region code no other test uses. */
    public static String region(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
