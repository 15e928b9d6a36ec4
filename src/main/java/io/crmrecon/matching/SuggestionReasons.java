package io.crmrecon.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The engine writes why it suggests something as English text (kept as it is in matching_outcome); people read
 * it in their language. Each known sentence becomes a message code of the matching bundle with its parts as
 * arguments; a sentence this class does not know is shown as the engine wrote it.
 */
final class SuggestionReasons {

    private static final String PAYER = "payer (.+) by (account|name)";

    private record Form(Pattern pattern, String code) {
    }

    /** Most specific first: the first that matches the whole sentence wins. */
    private static final List<Form> FORMS = List.of(
            form("same amount as (.+), " + PAYER + "; but the text names (.+) that is not open", "notOpen"),
            form("statement (.+) named in the text has nothing open: possible duplicate payment", "statementSettled"),
            form("(.+) named in the text is already settled: possible duplicate payment", "settled"),
            form("named (.+) with (.+) make the amount \\(such amounts are common\\)", "namedWithCommon"),
            form("named (.+) with (.+) make the amount", "namedWith"),
            form("named (.+), short by (\\S+)", "namedShort"),
            form("named in the text: (.+) \\(open (\\S+), paid (\\S+)\\)", "namedPartial"),
            form("(.+) is one typo away from '(.*)' in the text, short by (\\S+); another open item has the same amount",
                    "typoShortTwin"),
            form("(.+) is one typo away from '(.*)' in the text; another open item has the same amount", "typoTwin"),
            form("(.+) is one typo away from '(.*)' in the text, short by (\\S+)", "typoShort"),
            form("(.+) is one typo away from '(.*)' in the text, same amount", "typoSameAmount"),
            form("(.+) is one typo away from '(.*)' in the text, open (\\S+)", "typoOpen"),
            form("(.+) is one typo away from '(.*)' in the text", "typo"),
            form("same amount as (.+), " + PAYER + "; (\\d+) open items have it", "sameAmountMany"),
            form("short by (\\S+) against (.+), " + PAYER, "shortAgainst"),
            form("same amount as (.+); the payer's name or account fits (.+) and others", "sameAmountMaybe"),
            form("same amount as (.+) of (.+); payer unknown", "sameAmountUnknownPayer"),
            form("'(.*)' in the text is the number of (.+) \\(and of others\\)", "ambiguousNumber"),
            form("'(.*)' names (.+), in another currency", "otherCurrency"),
            form("(.+) make the amount, " + PAYER + "; such amounts are common", "combinationCommon"),
            form("(.+) make the amount, " + PAYER + "; search stopped at its budget", "combinationBudget"),
            form("(.+) make the amount, " + PAYER + "; other combinations do too", "combinationOthers"),
            form("(.+) make the amount, " + PAYER, "combination"));

    private SuggestionReasons() {
    }

    private static Form form(String regex, String code) {
        return new Form(Pattern.compile(regex), "matching.reason." + code);
    }

    /** The reason as a message: its code and arguments, or the text itself when the sentence is not known. */
    static MessageSourceResolvable of(String reason) {
        if (reason == null || reason.isBlank()) {
            return new DefaultMessageSourceResolvable(new String[0], null, "");
        }
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(reason);
            if (m.matches()) {
                return new DefaultMessageSourceResolvable(new String[] {f.code()}, arguments(m), reason);
            }
        }
        return new DefaultMessageSourceResolvable(new String[0], null, reason);
    }

    /** "payer X by account" becomes one argument of its own message, the payer named either way. */
    private static Object[] arguments(Matcher m) {
        List<Object> args = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            String value = m.group(g);
            if (("account".equals(value) || "name".equals(value)) && !args.isEmpty()
                    && m.pattern().pattern().contains("by (account|name)")) {
                Object payer = args.remove(args.size() - 1);
                args.add(new DefaultMessageSourceResolvable(new String[] {"matching.reason.payer." + value},
                        new Object[] {payer}, "payer " + payer + " by " + value));
                continue;
            }
            args.add(value);
        }
        return args.toArray();
    }
}
