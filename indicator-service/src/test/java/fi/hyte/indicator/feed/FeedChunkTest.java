package fi.hyte.indicator.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedChunkTest {

    @Test
    void packedRowsReadBackAsSentWhateverTheirFieldsHold() {
        List<FeedRow> rows = List.of(
                new FeedRow(1, "4284", null, "HVA-4", "2024", "total", "12.5", null, null),
                new FeedRow(2, "127", "69", null, "2009", "male", "", "3", null),
                new FeedRow(3, "1:2", "~", "12:x", "  ", "ääkkönen 😀", "1,5", "~~", null),
                FeedRow.unreadable(40_000, "row: not a JSON object but STRING"));

        String packed = FeedChunk.pack(rows);

        assertThat(FeedChunk.unpack(packed)).containsExactlyElementsOf(rows);
        assertThat(FeedChunk.of("feed", 0, rows).rows()).containsExactlyElementsOf(rows);
        assertThat(FeedChunk.unpack("")).isEmpty();
    }

    @Test
    void aChunkStoredBeforeRowsWerePackedIsStillRead() {
        var chunk = new FeedChunk(
                "feed:0",
                "feed",
                0,
                null,
                List.of(Arrays.asList("1", "4284", null, "092", "2022", "total", "8.5", null, null)),
                false,
                0,
                0,
                0,
                null,
                null);

        assertThat(chunk.rows())
                .containsExactly(new FeedRow(1, "4284", null, "092", "2022", "total", "8.5", null, null));
    }
}
