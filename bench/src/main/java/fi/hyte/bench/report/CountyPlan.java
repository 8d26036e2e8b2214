package fi.hyte.bench.report;

import fi.hyte.bench.stack.Api;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The report benchmark's data, made through the API as users make it: South Karelia's plan (the county and its nine
 * municipalities) with 10 approved goals of 5 measures each, and every measure's indicator fed for 20 years, 3
 * genders and all 10 regions (30,000 values).
 */
public final class CountyPlan {

    static final String COUNTY = "HVA-11";
    static final List<String> MUNICIPALITIES = List.of("153", "405", "416", "441", "580", "689", "700", "739", "831");
    static final int GOALS = 10;
    static final int MEASURES_PER_GOAL = 5;
    static final int FIRST_YEAR = 2006;
    static final int YEARS = 20;
    static final int REPORT_YEAR = FIRST_YEAR + YEARS - 1;
    private static final String[] GENDERS = {"male", "female", "total"};

    private final Api api;
    final List<Integer> indicators = new ArrayList<>();
    String planId;

    public CountyPlan(Api api) {
        this.api = api;
    }

    /** Makes the plan and feeds the values; returns when the report shows every goal with its values. */
    public CountyPlan create(List<Integer> availableIndicators) throws InterruptedException {
        String coordinator = api.token("coordinator-etela-karjala");
        indicators.addAll(availableIndicators.subList(0, GOALS * MEASURES_PER_GOAL));
        planId = Api.expect(
                        api.postJson(
                                "/api/plans", coordinator, """
                                {"region": "%s", "title": "Etelä-Karjalan hyvinvointisuunnitelma (benchmark)",
                                 "termStart": %d, "termEnd": %d}""".formatted(COUNTY, REPORT_YEAR - 3, REPORT_YEAR + 3)),
                        201)
                .get("id")
                .asString();
        String[] ageGroups = {"CHILDREN_AND_YOUTH", "WORKING_AGE", "ELDERLY", "ALL"};
        for (int g = 0; g < GOALS; g++) {
            var measures = new StringBuilder();
            for (int m = 0; m < MEASURES_PER_GOAL; m++) {
                int indicator = indicators.get(g * MEASURES_PER_GOAL + m);
                if (m > 0) {
                    measures.append(',');
                }
                measures.append("""
                        {"indicator": %d, "baseline": {"year": %d, "value": 50.0},
                         "target": {"year": %d, "value": %s}, "direction": "%s"}""".formatted(
                                indicator,
                                FIRST_YEAR,
                                REPORT_YEAR + 3,
                                m % 2 == 0 ? "40.0" : "60.0",
                                m % 2 == 0 ? "DECREASE" : "INCREASE"));
            }
            Api.expect(
                    api.postJson("/api/plans/" + planId + "/goals", coordinator, """
                            {"title": "Tavoite %d", "description": "Benchmark goal %d", "ageGroup": "%s",
                             "riskGroups": [], "measures": [%s]}""".formatted(
                                    g + 1, g + 1, ageGroups[g % ageGroups.length], measures)),
                    201);
        }
        Api.expect(
                api.postJson("/api/plans/" + planId + "/approval", coordinator, """
                        {"decisionBody": "aluevaltuusto", "decisionDate": "%d-12-15", "reference": "bench"}""".formatted(REPORT_YEAR - 4)), 200);
        feedValues();
        awaitReport();
        return this;
    }

    private void feedValues() throws InterruptedException {
        String integrator = api.token("integrator");
        List<String> regions = new ArrayList<>(MUNICIPALITIES);
        regions.add(COUNTY);
        var rows = new StringBuilder("[");
        int n = 0;
        for (int indicator : indicators) {
            for (String region : regions) {
                for (int y = 0; y < YEARS; y++) {
                    for (String gender : GENDERS) {
                        double value = 50 + ((n * 31) % 17) - 8 + y * 0.1;
                        rows.append(n++ == 0 ? "" : ",")
                                .append(String.format(
                                        Locale.ROOT,
                                        "{\"indicator\":%d,\"regionCode\":\"%s\",\"year\":%d,\"gender\":\"%s\",\"value\":%.1f}",
                                        indicator,
                                        region,
                                        FIRST_YEAR + y,
                                        gender,
                                        value));
                    }
                }
            }
        }
        var response = api.postJson(
                "/api/indicator-feeds", integrator, rows.append(']').toString());
        Api.expect(response, 202);
        String location = URI.create(response.headers().firstValue("Location").orElseThrow())
                .getPath();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (true) {
            JsonNode feed = Api.expect(api.get(location, integrator), 200);
            if (feed.get("status").asString().equals("COMPLETED")) {
                if (feed.get("accepted").asInt() != n) {
                    throw new IllegalStateException("report data feed: " + feed);
                }
                return;
            }
            if (System.nanoTime() > deadline || feed.get("status").asString().equals("FAILED")) {
                throw new IllegalStateException("report data feed did not complete: " + feed);
            }
            Thread.sleep(500);
        }
    }

    /** Waits until the report has every goal and the latest year's value of every measure. */
    private void awaitReport() throws InterruptedException {
        String viewer = api.token("viewer");
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            var response = api.get(reportPath(), viewer);
            if (response.statusCode() == 200) {
                JsonNode report = Api.json(response);
                long goals = report.findValues("goalId").stream()
                        .map(JsonNode::asString)
                        .distinct()
                        .count();
                long latest = report.findValues("latest").stream()
                        .filter(l -> l.has("year") && l.get("year").asInt() == REPORT_YEAR)
                        .count();
                if (goals == GOALS && latest >= GOALS * MEASURES_PER_GOAL) {
                    return;
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the report never showed all goals and values");
    }

    static String reportPath() {
        return "/api/reports/" + COUNTY + "/" + REPORT_YEAR;
    }
}
