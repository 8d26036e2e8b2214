package fi.hyte.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.web.Problem;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.http.HttpStatus;

class PlanSizeLimitTest {

    final Plan plan = Plan.draft("HVA-4", "Suunnitelma", 2026, 2029);

    @Test
    void refusesADocumentTooLargeForMongoDb() {
        var huge = new Document("_id", plan.id()).append("title", "x".repeat(PlanSizeLimit.MAX_BYTES + 1));

        assertThatThrownBy(() -> new PlanSizeLimit().onBeforeSave(new BeforeSaveEvent<>(plan, huge, "plans")))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void letsAnOrdinaryPlanThrough() {
        var ordinary = new Document("_id", plan.id()).append("title", plan.title());

        assertThatCode(() -> new PlanSizeLimit().onBeforeSave(new BeforeSaveEvent<>(plan, ordinary, "plans")))
                .doesNotThrowAnyException();
    }
}
