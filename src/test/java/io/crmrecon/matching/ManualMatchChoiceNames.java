package io.crmrecon.matching;

import java.util.List;

/**
 * The variables that complete a manualMatch task (CONTRACT.md §6 and the workbench), each declared on the user task
 * in manualMatchBatch.bpmn. A class of its own: the process test that also uses it builds an in-memory engine when
 * it is loaded, which must never happen inside the application's test JVM.
 */
final class ManualMatchChoiceNames {

    static final List<String> ALL = List.of("documentNos", "note", "allocations", "onAccountCustomerId",
            "customerCode", "nonCustomerCategory");

    private ManualMatchChoiceNames() {
    }
}
