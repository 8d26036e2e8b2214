package fi.hyte.report;

import static fi.hyte.report.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.hyte.testsupport.TestInfrastructure;
import fi.hyte.testsupport.TestTokens;
import fi.hyte.testsupport.Topics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A county's report with two goals in two age groups, its member municipalities, values by gender, four
 * actions in every status and a narrative, over real Kafka, Mongo-wire and HTTP; then each format parsed by
 * the library that reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFormatsIT {

    static final String TITLE = "Yksinäisyyden kokemus vähenee";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "report-formats-it");
    }

    @LocalServerPort
    int port;

    final String county = Events.randomCounty();
    final String planId = UUID.randomUUID().toString();
    final String children = UUID.randomUUID().toString();
    final String elderly = UUID.randomUUID().toString();
    final int loneliness = 700_000 + (int) (Math.random() * 99_999);
    final int activity = loneliness + 100_000;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void feedTheCounty() {
        Events.indicator(
                "indicators",
                envelope(
                        "indicator.catalogue-published",
                        "indicators",
                        1,
                        null,
                        """
                        {"catalogueId":"indicators","contentHash":"sha256:x","indicatorCount":2,"indicators":[%d,%d],
                         "counties":[{"code":"%s","municipalities":["092","245"]}]}""".formatted(loneliness, activity, county),
                        Instant.now()));
        Events.plan(planId, envelope("plan.drafted", planId, 1, county, """
                        {"planId":"%s","region":"%s","title":"Hyvinvointisuunnitelma","termStart":2026,"termEnd":2029,
                         "sections":[{"ageGroup":"CHILDREN_AND_YOUTH","title":"Lasten ja nuorten osio",
                         "summary":"Lapset voivat hyvin."}],"organisations":["vantaa","kerava"]}""".formatted(planId, county)));
        Events.plan(
                planId, envelope("plan.approved", planId, 4, county, """
                        {"planId":"%s","region":"%s","title":"Hyvinvointisuunnitelma","termStart":2026,"termEnd":2029,
                         "approval":{"decisionBody":"aluevaltuusto","decisionDate":"2025-12-15","reference":"AV § 45"},
                         "goalIds":["%s","%s"],"planVersion":1}""".formatted(planId, county, children, elderly)));
        Events.plan(
                planId,
                envelope(
                        "goal.approved",
                        planId,
                        5,
                        county,
                        Events.goal(
                                planId,
                                elderly,
                                county,
                                "Liikkuminen lisääntyy",
                                "ELDERLY",
                                "[" + Events.measure(activity, county, "INCREASE", 40, 52) + "]")));
        Events.plan(
                planId,
                envelope(
                        "goal.approved",
                        planId,
                        6,
                        county,
                        Events.goal(
                                planId,
                                children,
                                county,
                                TITLE,
                                "CHILDREN_AND_YOUTH",
                                "[" + Events.measure(loneliness, county, "DECREASE", 12.5, 9.0) + "]")));
        for (int year = 2023; year <= 2025; year++) {
            Events.value(loneliness, county, year, "male", 10.0 - (year - 2023) * 0.3, 1);
            Events.value(loneliness, county, year, "female", 15.0 - (year - 2023) * 0.5, 1);
            Events.value(loneliness, county, year, "total", 12.5 - (year - 2023) * 0.65, 1);
        }
        for (String member : List.of("092", "245")) {
            Events.value(loneliness, member, 2024, "total", member.equals("092") ? 11.0 : 13.0, 1);
            Events.value(loneliness, member, 2025, "total", member.equals("092") ? 10.5 : 12.9, 1);
        }
        Events.value(activity, county, 2025, "total", 41, 1);

        String[] organisations = {"vantaa", "kerava", "hus", "mll-uusimaa"};
        String[] finalStatus = {null, "IN_PROGRESS", "COMPLETED", "CANCELLED"};
        for (int i = 0; i < organisations.length; i++) {
            String actionId = UUID.randomUUID().toString();
            // the first is planned and long past due: overdue
            String due = i == 0 ? "2026-02-01" : "2099-12-31";
            Events.action(
                    actionId,
                    envelope(
                            "action.planned",
                            actionId,
                            1,
                            county,
                            Events.planned(actionId, children, planId, county, organisations[i], due)));
            if (finalStatus[i] != null) {
                Events.action(
                        actionId,
                        envelope(
                                "action." + finalStatus[i].toLowerCase().replace("in_progress", "started"),
                                actionId,
                                2,
                                county,
                                Events.transition(actionId, children, organisations[i], finalStatus[i])));
            }
        }

        var narrative = http().put()
                .uri("/api/reports/{region}/2026/narrative", county)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator(county)))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"summary":"Vuosi 2026 oli hyvä.","goals":[{"goalId":"%s","commentary":"Työ jatkuu."}]}""".formatted(children))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(narrative.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(narrative.getHeaders().getETag()).isEqualTo("\"n1\"");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode report = json.readTree(get("json", null, null).getBody());
                    assertThat(report.get("goals")).hasSize(2);
                    assertThat(report.at("/goals/0/actions/total").asInt()).isEqualTo(4);
                    assertThat(report.at("/goals/0/actions/completed").asInt()).isEqualTo(1);
                    assertThat(report.at("/goals/0/actions/cancelled").asInt()).isEqualTo(1);
                    assertThat(report.at("/goals/0/measures/0/municipalities/1/latest/value")
                                    .asDouble())
                            .isEqualTo(12.9);
                    assertThat(report.at("/goals/1/measures/0/latest/value").asDouble())
                            .isEqualTo(41);
                    assertThat(report.get("municipalities")).hasSize(2);
                });
    }

    @Test
    void jsonGroupsTheGoalsByAgeGroupWithMembersGendersActionsAndNarrative() {
        JsonNode report = json.readTree(get("json", null, null).getBody());
        assertThat(report.at("/goals/0/title").asString()).isEqualTo(TITLE);
        assertThat(report.at("/goals/1/ageGroup").asString()).isEqualTo("ELDERLY");
        assertThat(report.at("/ageGroups/0/ageGroup").asString()).isEqualTo("CHILDREN_AND_YOUTH");
        assertThat(report.at("/ageGroups/0/title").asString()).isEqualTo("Lasten ja nuorten osio");
        assertThat(report.at("/ageGroups/0/summary").asString()).isEqualTo("Lapset voivat hyvin.");
        assertThat(report.at("/ageGroups/0/goalIds/0").asString()).isEqualTo(children);
        assertThat(report.at("/ageGroups/1/ageGroup").asString()).isEqualTo("ELDERLY");
        assertThat(report.at("/plans/0/approval/reference").asString()).isEqualTo("AV § 45");

        JsonNode measure = report.at("/goals/0/measures/0");
        assertThat(measure.get("series")).hasSize(3);
        assertThat(measure.at("/byGender/male")).hasSize(3);
        assertThat(measure.at("/byGender/female")).hasSize(3);
        // 2025: women 14.0, men 9.4
        assertThat(measure.at("/genderGap/year").asInt()).isEqualTo(2025);
        assertThat(measure.at("/genderGap/gap").asDouble()).isEqualTo(4.6);
        assertThat(measure.at("/municipalities/0/region").asString()).isEqualTo("092");
        assertThat(measure.at("/municipalities/0/series")).hasSize(2);
        // 092 at 10.5 in 2025 is ahead of the path (11.33); 245 at 12.9 behind it
        assertThat(measure.at("/municipalities/0/assessment").asString()).isEqualTo("ON_TRACK");
        assertThat(measure.at("/municipalities/1/assessment").asString()).isEqualTo("OFF_TRACK");
        // 12.5 - 2 * 0.65 = 11.2 in 2025: ahead of 11.33
        assertThat(measure.get("assessment").asString()).isEqualTo("ON_TRACK");
        assertThat(report.at("/goals/1/measures/0/assessment").asString()).isEqualTo("OFF_TRACK");

        JsonNode actions = report.at("/goals/0/actions");
        assertThat(actions.get("planned").asInt()).isEqualTo(1);
        assertThat(actions.get("inProgress").asInt()).isEqualTo(1);
        assertThat(actions.get("overdue").asInt()).isEqualTo(1);
        assertThat(actions.get("owners").valueStream().map(JsonNode::asString))
                .containsExactly("hus", "kerava", "mll-uusimaa", "vantaa");
        assertThat(actions.at("/list/0/due").asString()).isEqualTo("2026-02-01");
        assertThat(actions.at("/list/0/responsiblePerson").asString()).isEqualTo("Koordinaattori");

        assertThat(report.at("/narrative/summary").asString()).isEqualTo("Vuosi 2026 oli hyvä.");
        assertThat(report.at("/goals/0/commentary").asString()).isEqualTo("Työ jatkuu.");
        assertThat(report.at("/goals/1/commentary").isNull()).isTrue();
    }

    @Test
    void theNarrativeIsAnnouncedOnTheReportTopic() {
        var records = Topics.read(
                TestInfrastructure.kafkaBootstrap(), "hyte.report.events", county + ":2026", 1, Duration.ofSeconds(30));
        JsonNode event = json.readTree(records.getFirst().value());
        assertThat(event.get("type").asString()).isEqualTo("report.narrative-written");
        assertThat(event.at("/payload/commentary/0/goalId").asString()).isEqualTo(children);
    }

    @Test
    void htmlIsWellFormedLocalisedAndHasATrendChartPerMeasure() throws Exception {
        for (var language : List.of(
                List.of("fi", "Hyvinvointikertomus 2026", "Lapset ja nuoret", "Vantaa"),
                List.of("sv-FI,sv;q=0.9", "Välfärdsberättelse 2026", "Barn och unga", "Vanda"),
                List.of("en-GB", "Welfare report 2026", "Children and young people", "Vantaa"))) {
            var response = get(null, "text/html", language.get(0));
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                    .isTrue();
            keep("report-" + language.get(0).substring(0, 2) + ".html", response.getBody());
            String html = new String(response.getBody(), StandardCharsets.UTF_8);
            assertThat(html).contains(language.get(1), language.get(2), language.get(3), TITLE);
            assertThat(html.split("<svg", -1)).hasSize(3);
            assertThat(html).contains("class=\"series\"", "class=\"path\"", "@page");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
            assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg")
                            .getLength())
                    .isEqualTo(2);
        }
        // no language asked for, or none supported: Finnish
        assertThat(new String(get("html", null, "de").getBody(), StandardCharsets.UTF_8))
                .contains("Hyvinvointikertomus");
    }

    @Test
    void pdfIsRenderedFromTheHtmlWithFinnishCharacters() throws Exception {
        var response = get(null, "application/pdf", null);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        keep("report.pdf", response.getBody());
        try (var pdf = Loader.loadPDF(response.getBody())) {
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                var image = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(page, 60);
                javax.imageio.ImageIO.write(
                        image,
                        "png",
                        java.nio.file.Path.of("target/report-samples/page-" + (page + 1) + ".png")
                                .toFile());
            }
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(TITLE, "Hyvinvointikertomus 2026", "Liikkuminen lisääntyy", "Työ jatkuu.");
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void csvHasOneRowPerGoalMeasureRegionGenderAndYear() {
        var response = get("csv", null, null);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment");
        byte[] body = response.getBody();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("ageGroup;goalId;goal;indicator;measureRegion;region;gender;year;value");
        // loneliness: the county 3 years x 3 genders + 2 members x 2 years; activity: 1 value
        assertThat(lines).hasSize(1 + 9 + 4 + 1);
        assertThat(lines[1]).contains(TITLE, ";male;2023;10;");
        assertThat(csv).contains(";092;total;2025;10.5;");
    }

    @Test
    void xlsxOpensWithGoalsValuesAndActionsSheets() throws Exception {
        var response = get("xlsx", null, "en");
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getBody()))) {
            var sheets = workbook.getSheets().map(s -> s.getName()).toList();
            assertThat(sheets).containsExactly("goals", "values", "actions");
            List<Row> goals = workbook.getSheet(0).orElseThrow().read();
            assertThat(goals).hasSize(3);
            assertThat(goals.get(1).getCellText(2)).isEqualTo(TITLE);
            assertThat(goals.get(1).getCellText(14)).isEqualTo("On track");
            assertThat(workbook.getSheet(1).orElseThrow().read()).hasSize(1 + 14);
            List<Row> actions =
                    new ArrayList<>(workbook.getSheet(2).orElseThrow().read());
            assertThat(actions).hasSize(5);
        }
    }

    @Test
    void anUnknownFormatIs406ProblemJsonNamingIt() {
        var byParameter = get("png", null, null);
        assertThat(byParameter.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(byParameter.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(byParameter.getBody()).get("field").asString()).isEqualTo("format");

        var byAccept = get(null, "image/png", null);
        assertThat(byAccept.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(byAccept.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        assertThat(get(null, "text/csv;q=0.5, application/pdf", null)
                        .getHeaders()
                        .getContentType())
                .isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(get(null, "*/*", null).getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void onlyTheRegionsCoordinatorWritesTheNarrative() {
        var response = http().put()
                .uri("/api/reports/{region}/2026/narrative", county)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator("HVA-4")))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"summary\":\"x\"}")
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var stale = http().put()
                .uri("/api/reports/{region}/2026/narrative", county)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.coordinator(county));
                    h.setIfMatch("\"n0\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"summary\":\"x\"}")
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    /** Keeps what was rendered under target/report-samples for a person to look at. */
    private static void keep(String name, byte[] content) throws java.io.IOException {
        var directory = java.nio.file.Path.of("target/report-samples");
        java.nio.file.Files.createDirectories(directory);
        java.nio.file.Files.write(directory.resolve(name), content);
    }

    private ResponseEntity<byte[]> get(String format, String accept, String language) {
        return http().get()
                .uri(b -> {
                    b.path("/api/reports/{region}/2026");
                    if (format != null) {
                        b.queryParam("format", format);
                    }
                    return b.build(county);
                })
                .headers(h -> {
                    h.setBearerAuth(TestTokens.viewer(county));
                    if (accept != null) {
                        h.set(HttpHeaders.ACCEPT, accept);
                    }
                    if (language != null) {
                        h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .retrieve()
                .toEntity(byte[].class);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {})
                .build();
    }
}
