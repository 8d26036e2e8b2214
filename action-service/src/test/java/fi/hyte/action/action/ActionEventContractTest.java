package fi.hyte.action.action;

import fi.hyte.testsupport.AsyncApiContract;
import org.junit.jupiter.api.Test;

class ActionEventContractTest {

    @Test
    void everyActionEventIsDocumentedWithAllItsFields() {
        AsyncApiContract.assertDocumentsEvery(ActionEvent.class, "asyncapi.yaml");
    }
}
