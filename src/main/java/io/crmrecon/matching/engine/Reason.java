package io.crmrecon.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the engine suggests something: a {@link Code} with its arguments (document numbers, amounts, the text a
 * payer wrote, a payer's name). People read it in their language through the message
 * {@code matching.reason.<key>} of the matching bundle; {@link #text()} is the English sentence kept with the
 * outcome, which {@link #parse} reads back.
 *
 * @param args in the order of the code's template; for a code that names the payer, the payer's name is followed
 *             by {@code account} or {@code name}: how the payer was recognised
 */
public record Reason(Code code, List<String> args) {

    /** a template's placeholder (here, not in {@link Code}: an enum's constants are built before its statics) */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[qmnp]?}");

    /**
     * The reasons and their English sentences. In a template {@code {}} stands for any text, {@code {q}} for text
     * the payer wrote (quoted), {@code {m}} for an amount, {@code {n}} for a count and {@code {p}} for the payer
     * ("payer NAME by account|name", two arguments). Most specific first: {@link #parse} takes the first whose
     * template matches the whole sentence.
     */
    public enum Code {
        NOT_OPEN("notOpen", "same amount as {}, {p}; but the text names {} that is not open"),
        STATEMENT_SETTLED("statementSettled",
                "statement {} named in the text has nothing open: possible duplicate payment"),
        SETTLED("settled", "{} named in the text is already settled: possible duplicate payment"),
        NAMED_WITH_COMMON("namedWithCommon", "named {} with {} make the amount (such amounts are common)"),
        NAMED_WITH("namedWith", "named {} with {} make the amount"),
        NAMED_SHORT("namedShort", "named {}, short by {m}"),
        NAMED_PARTIAL("namedPartial", "named in the text: {} (open {m}, paid {m})"),
        TYPO_SHORT_TWIN("typoShortTwin",
                "{} is one typo away from '{q}' in the text, short by {m}; another open item has the same amount"),
        TYPO_TWIN("typoTwin", "{} is one typo away from '{q}' in the text; another open item has the same amount"),
        TYPO_SHORT("typoShort", "{} is one typo away from '{q}' in the text, short by {m}"),
        TYPO_SAME_AMOUNT("typoSameAmount", "{} is one typo away from '{q}' in the text, same amount"),
        TYPO_OPEN("typoOpen", "{} is one typo away from '{q}' in the text, open {m}"),
        TYPO("typo", "{} is one typo away from '{q}' in the text"),
        SHORTENED("shortened", "{} is what '{q}' in the text shortens, open {m}"),
        SAME_AMOUNT_MANY("sameAmountMany", "same amount as {}, {p}; {n} open items have it"),
        SHORT_AGAINST("shortAgainst", "short by {m} against {}, {p}"),
        SAME_AMOUNT_MAYBE("sameAmountMaybe", "same amount as {}; the payer's name or account fits {} and others"),
        SAME_AMOUNT_UNKNOWN_PAYER("sameAmountUnknownPayer", "same amount as {} of {}; payer unknown"),
        AMBIGUOUS_NUMBER("ambiguousNumber", "'{q}' in the text is the number of {} (and of others)"),
        OTHER_CURRENCY("otherCurrency", "'{q}' names {}, in another currency"),
        COMBINATION_COMMON("combinationCommon", "{} make the amount, {p}; such amounts are common"),
        COMBINATION_BUDGET("combinationBudget", "{} make the amount, {p}; search stopped at its budget"),
        COMBINATION_OTHERS("combinationOthers", "{} make the amount, {p}; other combinations do too"),
        COMBINATION("combination", "{} make the amount, {p}");

        private final String key;
        private final String template;
        private final Pattern pattern;

        Code(String key, String template) {
            this.key = key;
            this.template = template;
            this.pattern = compile(template);
        }

        /** The message code of the matching bundle that renders this reason. */
        public String messageCode() {
            return "matching.reason." + key;
        }

        /** The position of the payer's name among the arguments, -1 when the reason does not name the payer. */
        public int payerArgument() {
            int at = template.indexOf("{p}");
            if (at < 0) {
                return -1;
            }
            Matcher m = PLACEHOLDER.matcher(template.substring(0, at));
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        private static Pattern compile(String template) {
            StringBuilder regex = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start())));
                regex.append(switch (m.group()) {
                    case "{q}" -> "(.*)";
                    case "{m}" -> "(\\S+)";
                    case "{n}" -> "(\\d+)";
                    case "{p}" -> "payer (.+) by (account|name)";
                    default -> "(.+)";
                });
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return Pattern.compile(regex.toString());
        }

        String render(List<String> args) {
            StringBuilder b = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(template);
            int last = 0;
            int a = 0;
            while (m.find()) {
                b.append(template, last, m.start());
                if (m.group().equals("{p}")) {
                    b.append("payer ").append(args.get(a++)).append(" by ").append(args.get(a++));
                } else {
                    b.append(args.get(a++));
                }
                last = m.end();
            }
            return b.append(template, last, template.length()).toString();
        }
    }

    public Reason {
        args = List.copyOf(args);
    }

    /** A reason from its code and arguments; an argument that is a {@code String[]} counts as its elements. */
    static Reason of(Code code, Object... parts) {
        List<String> args = new ArrayList<>(parts.length + 1);
        for (Object part : parts) {
            if (part instanceof String[] several) {
                args.addAll(List.of(several));
            } else {
                args.add(String.valueOf(part));
            }
        }
        return new Reason(code, args);
    }

    /** The English sentence. */
    public String text() {
        return code.render(args);
    }

    /** The reason an English sentence of {@link #text()} stands for; empty for a sentence no code has. */
    public static Optional<Reason> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Code c : Code.values()) {
            Matcher m = c.pattern.matcher(text);
            if (m.matches()) {
                List<String> args = new ArrayList<>(m.groupCount());
                for (int g = 1; g <= m.groupCount(); g++) {
                    args.add(m.group(g));
                }
                return Optional.of(new Reason(c, args));
            }
        }
        return Optional.empty();
    }
}
