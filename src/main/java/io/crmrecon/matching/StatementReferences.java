package io.crmrecon.matching;

import io.crmrecon.matching.engine.StatementRef;
import java.util.List;

/**
 * Statement numbers customers may quote when they pay, with the documents each stands for. Whoever issues
 * statements provides them; matching asks every provider at the start of a run.
 */
public interface StatementReferences {

    List<StatementRef> openStatements();
}
