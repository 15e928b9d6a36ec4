package io.crmrecon.statement;

import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The keys of the customer's links (CONTRACT.md §5): unguessable, stored only as a SHA-256 hash, bound to one
 * statement version, working until that version is superseded or its viewing period ends.
 */
@Service
class StatementTokens {

    /** A new token for a mail of this version, stored (as its hash) in the caller's transaction. */
    String issue(Statement statement) {
        throw new UnsupportedOperationException("tokens are being built");
    }

    /** The statement version a token opens, if it still works. */
    Optional<Statement> open(String token) {
        throw new UnsupportedOperationException("tokens are being built");
    }
}
