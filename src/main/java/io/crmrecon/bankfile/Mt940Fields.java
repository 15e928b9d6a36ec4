package io.crmrecon.bankfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagged fields of an MT940 text ({@code :61:} with its continuation lines, and so on), in file order with
 * their line numbers. Envelopes ({@code {1:..}{2:..}{4:} ... {@code -}}), FIN framing characters, bank header
 * lines and trailing blanks are dropped here, so the reader sees only fields.
 */
final class Mt940Fields {

    private static final Pattern TAG = Pattern.compile(":(\\d{2}[A-Z]?|NS|940):(.*)", Pattern.DOTALL);
    /**
     * The tags of MT940 and MT942 (and the {@code :940:} header of older exports). Text wraps wherever it happens to
     * be, so a wrapped line may look like a tag ({@code :00:00/} of an ING time, {@code :26:37} of a German text):
     * only these start a field.
     */
    private static final Set<String> TAGS = Set.of("20", "21", "25", "25P", "28", "28C", "13", "13D", "34F", "60F",
            "60M", "61", "86", "62F", "62M", "64", "65", "90D", "90C", "NS", "940");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** "-", "-}" (SWIFT envelope) and the "-XXX" trailer ING writes. */
    private static final Pattern END_OF_MESSAGE = Pattern.compile("-(}.*|[A-Z]{0,4})");

    /** One field: its tag ("61", "NS", "940"), the line it starts on, its first line's text and continuations. */
    record Field(String tag, int line, List<String> lines) {
        String first() {
            return lines.get(0).strip();
        }
    }

    private Mt940Fields() {
    }

    /** Splits the text into tagged fields with their continuation lines; envelopes and header lines are dropped. */
    static List<Field> of(String text) {
        List<Field> fields = new ArrayList<>();
        Field current = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            // FIN transmissions wrap each message in SOH ... ETX; trailing blanks mean nothing
            String line = CONTROL.matcher(lines[i]).replaceAll("").stripTrailing();
            if (line.startsWith("{")) {
                int body = line.indexOf("{4:");
                if (body < 0) {
                    current = null;
                    continue;
                }
                line = line.substring(body + 3);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (END_OF_MESSAGE.matcher(trimmed).matches() && endsMessage(lines, i, trimmed)) {
                current = null;
                continue;
            }
            Matcher m = TAG.matcher(line);
            if (m.matches() && (TAGS.contains(m.group(1)) || current == null)) {
                current = new Field(m.group(1), number, new ArrayList<>(List.of(m.group(2))));
                fields.add(current);
            } else if (current != null) {
                current.lines.add(line);
            }
            // else: a header line between messages
        }
        return fields;
    }

    /**
     * A line of "-" ends a message, but :86: texts wrap onto lines that start with "-" too: it is the end only
     * when no field but a new statement's :20: follows before the next envelope.
     */
    private static boolean endsMessage(String[] lines, int at, String trimmed) {
        if (trimmed.startsWith("-}")) {
            return true;
        }
        for (int i = at + 1; i < lines.length; i++) {
            String next = CONTROL.matcher(lines[i]).replaceAll("").strip();
            if (next.isEmpty()) {
                continue;
            }
            Matcher m = TAG.matcher(next);
            if (m.matches()) {
                return m.group(1).equals("20") || m.group(1).equals("940");
            }
            if (next.startsWith("{")) {
                return true;
            }
        }
        return true;
    }
}
