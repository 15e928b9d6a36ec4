package io.crmrecon.matching;

import java.util.Map;

/** Finds the open manualMatch task of transactions, as far as the current user may see them. */
interface OpenTasks {

    /**
     * @param transactions the transactions with an open task, each with the process instance that holds it
     * @return task id per transaction id, for the tasks found
     */
    Map<Long, String> taskIds(Map<Long, String> transactions);
}
