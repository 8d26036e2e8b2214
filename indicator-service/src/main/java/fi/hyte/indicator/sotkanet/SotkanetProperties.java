package fi.hyte.indicator.sotkanet;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Sotkanet connector's settings ({@code hyte.sotkanet.*}).
 *
 * @param enabled whether poll rounds run on a schedule; off by default, since the zero-install run and the
 *     tests have no internet
 * @param baseUrl Sotkanet's REST API
 * @param interval time between the end of one poll round and the start of the next
 * @param initialDelay time from start-up to the first round
 * @param userAgent sent with every request (Sotkanet answers 403 without one); name the operator's contact
 * @param yearsFrom first statistical year fetched (narrowed further by the indicator's own {@code range})
 * @param yearsTo last statistical year fetched; the current year if not set
 * @param connectTimeout to open a connection
 * @param readTimeout to wait for a response (an indicator's data for all regions may be a few megabytes)
 * @param lease how long a claim on an indicator holds; another instance polls it only after the claim is
 *     released or has lapsed
 * @param feedRows most rows in one feed; a larger fetch is submitted as several feeds. Keep it at or below
 *     {@code hyte.feeds.max-rows}.
 */
@ConfigurationProperties("hyte.sotkanet")
record SotkanetProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://sotkanet.fi/rest/1.1") URI baseUrl,
        @DefaultValue("6h") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("Hyte/1.0 (indicator-service)") String userAgent,
        @DefaultValue("2000") int yearsFrom,
        Integer yearsTo,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("10000") int feedRows) {}
