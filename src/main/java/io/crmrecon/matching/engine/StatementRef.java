package io.crmrecon.matching.engine;

import java.util.List;

/** A statement number customers quote when they pay "what the statement says": it stands for those documents. */
public record StatementRef(String statementNo, long customerId, List<Long> documentIds) {
}
