package io.crmrecon.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the fault scenarios count and check: rows of the database, each statement's mails, the problems found. */
final class ScenarioChecks {

    private static final Pattern STATEMENT_NO = Pattern.compile("S\\d{4}-\\d+");

    private int problems;

    /** Each statement's Message-IDs among the mails received, and how many copies came. */
    record Mails(Map<String, Set<String>> ids, int copies) {

        /** Statements that went out as more than one mail (a resend keeps its Message-ID, so it is not one). */
        long sentAsTwo() {
            return ids.values().stream().filter(s -> s.size() > 1).count();
        }
    }

    void check(boolean ok, String problem) {
        if (!ok) {
            problems++;
            System.out.println("PROBLEM: " + problem);
        }
    }

    /** Prints the verdict and ends the JVM: non-zero when a check failed. */
    void exit(String clean) {
        System.out.println(problems == 0 ? clean : problems + " problem(s) found");
        System.exit(problems == 0 ? 0 : 1);
    }

    static long count(Connection db, String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The mails about the statements whose numbers {@code counted} accepts, by the number in their subject. */
    static Mails mails(GreenMail smtp, Predicate<String> counted) {
        Map<String, Set<String>> ids = new HashMap<>();
        int copies = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                Matcher number = STATEMENT_NO.matcher(m.getSubject() == null ? "" : m.getSubject());
                if (number.find() && counted.test(number.group())) {
                    ids.computeIfAbsent(number.group(), n -> new HashSet<>()).add(m.getMessageID());
                    copies++;
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("a received mail could not be read", e);
            }
        }
        return new Mails(ids, copies);
    }
}
