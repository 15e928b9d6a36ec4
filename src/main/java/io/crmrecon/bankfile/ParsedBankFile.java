package io.crmrecon.bankfile;

import java.util.List;

/** A whole bank file: its format and its statements in file order. */
public record ParsedBankFile(BankFileFormat format, List<ParsedStatement> statements) {

    public ParsedBankFile {
        statements = List.copyOf(statements);
    }

    /** Every transaction of every statement, in file order. */
    public List<ParsedTransaction> transactions() {
        return statements.stream().flatMap(s -> s.transactions().stream()).toList();
    }
}
