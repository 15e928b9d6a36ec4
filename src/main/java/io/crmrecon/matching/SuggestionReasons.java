package io.crmrecon.matching;

import io.crmrecon.matching.engine.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The engine keeps why it suggests something as the English sentence of a {@link Reason} (as it is in
 * matching_outcome); people read it in their language. The sentence is read back as its reason code — a
 * message of the matching bundle — with its parts as arguments; a sentence no code has is shown as written.
 */
final class SuggestionReasons {

    private SuggestionReasons() {
    }

    /** The reason as a message: its code and arguments, or the text itself when the sentence is not known. */
    static MessageSourceResolvable of(String reason) {
        if (reason == null || reason.isBlank()) {
            return new DefaultMessageSourceResolvable(new String[0], null, "");
        }
        Optional<Reason> known = Reason.parse(reason);
        if (known.isEmpty()) {
            return new DefaultMessageSourceResolvable(new String[0], null, reason);
        }
        Reason r = known.get();
        return new DefaultMessageSourceResolvable(new String[] {r.code().messageCode()}, arguments(r), reason);
    }

    /** "payer X by account" becomes one argument of its own message, the payer named either way. */
    private static Object[] arguments(Reason r) {
        List<Object> args = new ArrayList<>(r.args());
        int at = r.code().payerArgument();
        if (at >= 0) {
            String payer = r.args().get(at);
            String how = r.args().get(at + 1);
            args.remove(at + 1);
            args.set(at, new DefaultMessageSourceResolvable(new String[] {"matching.reason.payer." + how},
                    new Object[] {payer}, "payer " + payer + " by " + how));
        }
        return args.toArray();
    }
}
