package io.crmrecon.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (restarted, failed over, the pool waited in vain for a connection): not the
 * caller's fault and not a bug, so the answer is 503 with a Retry-After, and the log says so in one line.
 */
public final class DatabaseOutage {

    /** How long a client is asked to wait: a restarted PostgreSQL is back in seconds, the pool then in a few more. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** Whether {@code e}, or what caused it, says that no connection to the database could be had or kept. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            // a rollback fails only on a connection that is gone; what failed before it is kept beside it, if at all
            if (t instanceof TransactionSystemException tse && isCause(tse.getApplicationException())
                    || t instanceof org.hibernate.TransactionException && t.getMessage() != null
                    && t.getMessage().startsWith("Unable to rollback")) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached right now. Nothing was changed; please try again shortly.");
        problem.setTitle("Service unavailable");
        return problem;
    }
}
