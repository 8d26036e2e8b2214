package fi.hyte.indicator.feed;

import fi.hyte.indicator.value.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The counts of a feed being processed; keeps the first {@code maxErrors} rejections. */
final class FeedTally {

    private final int maxErrors;
    private final List<RowError> errors = new ArrayList<>();
    private int changed;
    private int unchanged;
    private int rejected;

    FeedTally(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    void count(Outcome outcome) {
        switch (outcome) {
            case CHANGED -> changed++;
            case UNCHANGED -> unchanged++;
        }
    }

    void reject(int row, String reason) {
        rejected++;
        if (errors.size() < maxErrors) {
            errors.add(new RowError(row, reason));
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
