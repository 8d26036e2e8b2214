package fi.hyte.plan.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.web.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Reading If-Match (RFC 9110): the revision a change was made on. */
class PlanAccessTest {

    static HttpStatus status(Throwable problem) {
        return ((Problem) problem).status();
    }

    @Test
    void noIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> PlanAccess.basedOn(null, 3))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> PlanAccess.basedOn(" ", 3))
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }

    @Test
    void theCurrentETagOrAnyMatches() {
        assertThat(PlanAccess.basedOn("\"3\"", 3)).isEqualTo(3);
        assertThat(PlanAccess.basedOn("\"1\", \"3\"", 3)).isEqualTo(3);
        assertThat(PlanAccess.basedOn("*", 3)).isEqualTo(3);
        assertThat(PlanAccess.basedOn("\"p7\"", "p", 7)).isEqualTo(7);
    }

    @Test
    void aStaleETagIsReturnedForTheCallerToRefuse() {
        assertThat(PlanAccess.basedOn("\"2\"", 3)).isEqualTo(2);
    }

    @Test
    void weakForeignOrMalformedETagsNeverMatch() {
        for (String ifMatch : new String[] {"W/\"3\"", "\"p3\"", "\"abc\""}) {
            assertThatThrownBy(() -> PlanAccess.basedOn(ifMatch, 3))
                    .as(ifMatch)
                    .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        }
        assertThatThrownBy(() -> PlanAccess.basedOn("\"3\"", "p", 3))
                .as("a goal's ETag is not a plan's")
                .satisfies(p -> assertThat(status(p)).isEqualTo(HttpStatus.PRECONDITION_FAILED));
    }
}
