package io.crmrecon.matching;

import io.crmrecon.matching.engine.StatementRef;
import io.crmrecon.statement.OpenStatements;
import java.util.List;
import org.springframework.stereotype.Component;

/** The statement numbers customers may quote: those of the statements still open, with their open documents. */
@Component
class StatementNumberReferences implements StatementReferences {

    private final OpenStatements statements;

    StatementNumberReferences(OpenStatements statements) {
        this.statements = statements;
    }

    @Override
    public List<StatementRef> openStatements() {
        return statements.all().stream()
                .map(s -> new StatementRef(s.statementNo(), s.customerId(), s.documentIds())).toList();
    }
}
