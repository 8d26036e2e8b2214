package fi.hyte.indicator.sotkanet;

import fi.hyte.indicator.feed.Feed;
import fi.hyte.indicator.feed.FeedIntake;
import fi.hyte.indicator.indicator.Indicators;
import fi.hyte.indicator.measured.MeasuredIndicators;
import fi.hyte.indicator.region.RegionCategory;
import fi.hyte.indicator.region.Regions;
import fi.hyte.support.event.EventContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One poll round over the indicators that goals in force measure. For each, under a claim that keeps other
 * instances off it: read {@code GET /indicators/{id}}; only if its {@code data-updated} is newer than what
 * was last fetched, fetch {@code GET /json} for every region, the configured years (within the indicator's
 * {@code range}) and all three genders, join Sotkanet's region ids to the catalogue's codes through
 * {@code GET /regions} (read once per round, when first needed), and submit the rows as a feed of
 * {@code sotkanet-connector}. A failure is logged and counted and the indicator tried again next round;
 * nothing is remembered as fetched until its feed is stored.
 */
@Service
public class SotkanetConnector {

    static final String SUBMITTER = "sotkanet-connector";
    private static final Logger log = LoggerFactory.getLogger(SotkanetConnector.class);

    private final SotkanetClient sotkanet;
    private final IndicatorFetches fetches;
    private final MeasuredIndicators measured;
    private final Indicators indicators;
    private final Regions regions;
    private final FeedIntake intake;
    private final JsonMapper json;
    private final SotkanetProperties properties;
    private final Clock clock;
    private final Counter polls;
    private final Counter fetched;
    private final Counter rowsSubmitted;
    private final Counter rowsSkipped;
    private final Counter failures;

    SotkanetConnector(
            SotkanetClient sotkanet,
            IndicatorFetches fetches,
            MeasuredIndicators measured,
            Indicators indicators,
            Regions regions,
            FeedIntake intake,
            JsonMapper json,
            SotkanetProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.sotkanet = sotkanet;
        this.fetches = fetches;
        this.measured = measured;
        this.indicators = indicators;
        this.regions = regions;
        this.intake = intake;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.polls = meters.counter("hyte.sotkanet.polls");
        this.fetched = meters.counter("hyte.sotkanet.fetches");
        this.rowsSubmitted = meters.counter("hyte.sotkanet.rows.submitted");
        this.rowsSkipped = meters.counter("hyte.sotkanet.rows.skipped");
        this.failures = meters.counter("hyte.sotkanet.failures");
    }

    /**
     * What a round did.
     *
     * @param polled indicators whose metadata this instance read
     * @param fetched indicators whose data it fetched and submitted
     * @param rowsSubmitted rows submitted in feeds
     * @param rowsSkipped rows left out because their Sotkanet region is unknown to the catalogue
     * @param failed indicators whose poll failed, to be tried again next round
     * @param feedIds the feeds submitted
     */
    public record Round(
            int polled, int fetched, int rowsSubmitted, int rowsSkipped, int failed, List<String> feedIds) {}

    /** Polls every measured indicator this instance can claim; never throws. */
    public Round pollRound() {
        var round = new RoundState();
        List<Integer> wanted;
        try {
            wanted = measured.inForce();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Sotkanet poll round skipped: the measured indicators cannot be read: {}", e.toString());
            return round.result();
        }
        for (int indicator : wanted) {
            if (!indicators.exists(indicator)) {
                log.warn("Indicator {} is measured by a goal but not in the catalogue; not polled", indicator);
                continue;
            }
            poll(indicator, round);
        }
        if (!wanted.isEmpty()) {
            log.info(
                    "Sotkanet poll round: {} indicators measured, {} polled, {} fetched, {} rows submitted, "
                            + "{} rows of unknown regions skipped, {} failed",
                    wanted.size(),
                    round.polled,
                    round.fetched,
                    round.rowsSubmitted,
                    round.rowsSkipped,
                    round.failed);
        }
        return round.result();
    }

    private void poll(int indicator, RoundState round) {
        IndicatorFetch claimed;
        try {
            claimed = fetches.claim(indicator, properties.lease()).orElse(null);
        } catch (RuntimeException e) {
            round.failed++;
            failures.increment();
            log.warn("Sotkanet indicator {} not claimed: {}", indicator, e.toString());
            return;
        }
        if (claimed == null) {
            log.debug("Sotkanet indicator {} is being polled by another instance", indicator);
            return;
        }
        try {
            round.polled++;
            polls.increment();
            SotkanetClient.Metadata metadata = sotkanet.metadata(indicator);
            if (!claimed.isNewer(metadata.dataUpdated())) {
                fetches.unchanged(claimed);
                return;
            }
            int first = Math.max(properties.yearsFrom(), orElse(metadata.firstYear(), properties.yearsFrom()));
            int last = Math.min(lastYear(), orElse(metadata.lastYear(), lastYear()));
            List<String> feedIds = first > last ? List.of() : fetchAndSubmit(indicator, first, last, round);
            round.fetched++;
            fetched.increment();
            fetches.fetched(claimed, metadata.dataUpdated(), feedIds);
            log.info(
                    "Sotkanet indicator {} (data updated {}) fetched for {}-{} as feeds {}",
                    indicator,
                    metadata.dataUpdated(),
                    first,
                    last,
                    feedIds);
        } catch (RuntimeException e) {
            round.failed++;
            failures.increment();
            log.warn("Sotkanet indicator {} failed; tried again next round: {}", indicator, e.toString());
            try {
                fetches.failed(claimed, e.toString());
            } catch (RuntimeException releaseFailure) {
                log.warn(
                        "Sotkanet indicator {} is polled again when its claim lapses: {}",
                        indicator,
                        releaseFailure.toString());
            }
        }
    }

    private List<String> fetchAndSubmit(int indicator, int first, int last, RoundState round) {
        List<SotkanetClient.Row> rows = sotkanet.data(indicator, first, last);
        Map<Integer, String> codes = round.codes();
        List<Map<String, Object>> feedRows = new ArrayList<>(rows.size());
        int skipped = 0;
        for (SotkanetClient.Row row : rows) {
            String code = codes.get(row.region());
            if (code == null) {
                skipped++;
                continue;
            }
            var feedRow = new LinkedHashMap<String, Object>();
            feedRow.put("indicator", row.indicator());
            feedRow.put("regionCode", code);
            feedRow.put("year", row.year());
            feedRow.put("gender", row.gender());
            if (row.value() != null) {
                feedRow.put("value", row.value());
            }
            if (row.absValue() != null) {
                feedRow.put("absValue", row.absValue());
            }
            feedRows.add(feedRow);
        }
        round.rowsSkipped += skipped;
        rowsSkipped.increment(skipped);
        if (skipped > 0) {
            log.info("Sotkanet indicator {}: {} rows of regions unknown to the catalogue skipped", indicator, skipped);
        }
        List<String> feedIds = new ArrayList<>();
        String correlationId = UUID.randomUUID().toString();
        for (int from = 0; from < feedRows.size(); from += properties.feedRows()) {
            var part = feedRows.subList(from, Math.min(feedRows.size(), from + properties.feedRows()));
            byte[] body = json.writeValueAsBytes(part);
            Feed[] feed = new Feed[1];
            EventContext.runAs(
                    SUBMITTER, correlationId, () -> feed[0] = intake.json(new ByteArrayInputStream(body), SUBMITTER));
            feedIds.add(feed[0].id());
            round.feedIds.add(feed[0].id());
            round.rowsSubmitted += part.size();
            rowsSubmitted.increment(part.size());
        }
        return feedIds;
    }

    private int lastYear() {
        return properties.yearsTo() != null
                ? properties.yearsTo()
                : clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    private static int orElse(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    /** Counts of one round, and Sotkanet's region ids joined to catalogue codes, read once when first needed. */
    private final class RoundState {
        int polled;
        int fetched;
        int rowsSubmitted;
        int rowsSkipped;
        int failed;
        final List<String> feedIds = new ArrayList<>();
        private Map<Integer, String> codes;

        /** Sotkanet region id to catalogue code, for every region of {@code /regions} the catalogue knows. */
        Map<Integer, String> codes() {
            if (codes == null) {
                Map<Integer, String> known = new HashMap<>();
                sotkanet.regions().values().forEach(region -> {
                    String code = RegionCategory.code(region.category(), region.code());
                    if (regions.find(code).isPresent()) {
                        known.put(region.id(), code);
                    }
                });
                codes = known;
            }
            return codes;
        }

        Round result() {
            return new Round(polled, fetched, rowsSubmitted, rowsSkipped, failed, List.copyOf(feedIds));
        }
    }
}
