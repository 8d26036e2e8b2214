package fi.hyte.indicator.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The counts of a feed being processed, summed over its done chunks; keeps the first {@code maxErrors} rejections. */
final class FeedTally {

    private final int maxErrors;
    private final List<RowError> errors = new ArrayList<>();
    private int changed;
    private int unchanged;
    private int rejected;

    FeedTally(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** Adds what a done chunk's rows did; chunks are added in row order. */
    void add(FeedChunk chunk) {
        changed += chunk.changed();
        unchanged += chunk.unchanged();
        rejected += chunk.rejected();
        for (RowError error : chunk.errors()) {
            if (errors.size() >= maxErrors) {
                break;
            }
            errors.add(error);
        }
    }

    int accepted() {
        return changed + unchanged;
    }

    int changed() {
        return changed;
    }

    int unchanged() {
        return unchanged;
    }

    int rejected() {
        return rejected;
    }

    List<RowError> errors() {
        return Collections.unmodifiableList(errors);
    }
}
