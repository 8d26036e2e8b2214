package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.ValueWriter;
import java.util.List;

/**
 * What the rows of a chunk did.
 *
 * @param changes the recorded changes, whose events are sent before the chunk is done
 * @param errors every rejected row of the chunk, in row order
 */
record ChunkOutcome(int changed, int unchanged, List<ValueWriter.Recorded> changes, List<RowError> errors) {}
