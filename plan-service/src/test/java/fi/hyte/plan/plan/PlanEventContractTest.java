package fi.hyte.plan.plan;

import fi.hyte.testsupport.AsyncApiContract;
import org.junit.jupiter.api.Test;

class PlanEventContractTest {

    @Test
    void everyPlanEventIsDocumentedWithAllItsFields() {
        AsyncApiContract.assertDocumentsEvery(PlanEvent.class, "asyncapi.yaml");
    }
}
