package io.crmrecon.matching;

import io.crmrecon.ledger.BankStatementImport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables paymentMatching and manualMatchBatch instances carry so that a person finds them in Cockpit by
 * what he knows of the bank statement (the business key stays the bank statement id, CONTRACT.md §6).
 */
final class StatementVariables {

    static final String FILE_NAME = "bankFileName";
    static final String STATEMENT_REF = "bankStatementRef";
    static final String ACCOUNT = "bankAccount";
    static final String FROM = "statementFrom";
    static final String TO = "statementTo";

    private StatementVariables() {
    }

    /** Strings (dates as yyyy-MM-dd), so Cockpit shows and filters them as they read; absent facts are left out. */
    static Map<String, Object> of(BankStatementImport.StatementFacts facts) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (facts == null) {
            return variables;
        }
        put(variables, FILE_NAME, facts.fileName());
        put(variables, STATEMENT_REF, facts.statementRefs());
        put(variables, ACCOUNT, facts.accounts());
        put(variables, FROM, facts.firstBooking() == null ? null : facts.firstBooking().toString());
        put(variables, TO, facts.lastBooking() == null ? null : facts.lastBooking().toString());
        return variables;
    }

    private static void put(Map<String, Object> variables, String name, String value) {
        if (value != null) {
            // Camunda keeps strings up to 4000 characters in its text column
            variables.put(name, value.length() > 4000 ? value.substring(0, 4000) : value);
        }
    }
}
