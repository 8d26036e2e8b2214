package fi.hyte.report.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are kept and streamed.
 *
 * @param retention how long the event log keeps an event (a client resuming from an older id gets what is left)
 * @param pruneInterval how often expired events are deleted
 * @param pollInterval how often the log is read for events other instances stored (this instance's own are
 *     pushed at once)
 * @param gapWait how long a hole in the sequence (a number taken by an append not yet written) holds back
 *     later events before it is taken as permanent
 * @param heartbeat interval of comment lines that keep idle connections open through proxies
 * @param clientBuffer events queued per client; a client that falls this far behind is disconnected and
 *     resumes with {@code Last-Event-ID}
 * @param connectionTimeout a stream is closed after this long; the browser reconnects and resumes
 * @param replayBatch events read from the log per query when replaying
 */
@ConfigurationProperties("hyte.live")
record LiveProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10m") Duration pruneInterval,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("1s") Duration gapWait,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int clientBuffer,
        @DefaultValue("30m") Duration connectionTimeout,
        @DefaultValue("500") int replayBatch) {}
