package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.Outcome;
import fi.hyte.indicator.value.ValueWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies a run of rows: checks each, rejects a second row for a key the feed already named, and records
 * the valid rows with one batched write. Shared by HTTP feeds (a chunk at a time) and the raw feed topic (a
 * consumed batch at a time).
 */
@Component
class RowApplier {

    private final RowValidator validator;
    private final ValueWriter writer;

    RowApplier(RowValidator validator, ValueWriter writer) {
        this.validator = validator;
        this.writer = writer;
    }

    /**
     * @param feedId the feed the rows belong to; with the row number, each row's identity in its revision
     * @param seen the keys named by earlier rows of the feed; the rows' keys are added
     */
    ChunkOutcome apply(String feedId, List<FeedRow> rows, KeySet seen) {
        List<RowError> errors = new ArrayList<>();
        List<ValueWriter.Proposal> proposals = new ArrayList<>(rows.size());
        for (FeedRow row : rows) {
            switch (validator.check(row)) {
                case RowCheck.Valid valid -> {
                    if (seen.add(valid.key().id())) {
                        proposals.add(new ValueWriter.Proposal(valid.key(), valid.observation(), feedId, row.row()));
                    } else {
                        errors.add(new RowError(
                                row.row(),
                                "duplicate: an earlier row of the feed has %s"
                                        .formatted(valid.key().id())));
                    }
                }
                case RowCheck.Rejected rejected -> errors.add(new RowError(row.row(), rejected.reason()));
            }
        }
        if (proposals.isEmpty()) {
            return new ChunkOutcome(0, 0, List.of(), errors);
        }
        List<ValueWriter.Recorded> recorded = new ArrayList<>(writer.record(proposals));
        recorded.sort(Comparator.comparingInt(r -> r.proposal().row()));
        List<ValueWriter.Recorded> changes =
                recorded.stream().filter(r -> r.outcome() == Outcome.CHANGED).toList();
        return new ChunkOutcome(changes.size(), recorded.size() - changes.size(), changes, errors);
    }

    /** Adds the keys of valid rows already processed (of chunks done before a restart) to {@code seen}. */
    void remember(List<FeedRow> rows, KeySet seen) {
        for (FeedRow row : rows) {
            if (validator.check(row) instanceof RowCheck.Valid valid) {
                seen.add(valid.key().id());
            }
        }
    }
}
