package io.crmrecon.statement;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A stored statement version shown again: its body for the staff page and its Excel workbook, both from the frozen
 * snapshot and in the statement's own language, and its PDF as it was sent.
 */
@Component
class StatementRenditions {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatementDocuments documents;
    private final StatementQueries queries;
    private final CompanyDetails company;
    private final MessageSource messages;
    private final StatementSnapshots snapshots;
    private final StatementPdfs pdfs;
    private final Clock clock;

    StatementRenditions(StatementDocuments documents, StatementQueries queries, CompanyDetails company,
            MessageSource messages, StatementSnapshots snapshots, StatementPdfs pdfs, Clock clock) {
        this.documents = documents;
        this.pdfs = pdfs;
        this.queries = queries;
        this.company = company;
        this.messages = messages;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    Optional<byte[]> pdf(Statement statement) {
        return statement.hasPdf() ? pdfs.of(statement.id()) : Optional.empty();
    }

    byte[] xlsx(Statement statement) {
        Locale locale = statement.language();
        return new StatementWorkbook(snapshots.of(statement), header(statement), company,
                clock.getZone(), code -> messages.getMessage(code, null, code, locale)).render();
    }

    /** The document's body and its style, to be placed inside a staff page. */
    Body body(Statement statement) {
        StatementView view = documents.view(snapshots.of(statement), header(statement));
        String xhtml = documents.xhtml(view, statement.language());
        return new Body(scoped(between(xhtml, "<style>", "</style>"), ".statement-document"),
                between(xhtml, "<body>", "</body>"));
    }

    /**
     * The document's style for use inside a page: page rules (print only) left out, every selector under
     * {@code scope}, {@code body} being the scope itself, so the page around it keeps its own look.
     */
    static String scoped(String css, String scope) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < css.length()) {
            int open = css.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String selectors = css.substring(i, open).strip();
            int depth = 1;
            int close = open + 1;
            while (close < css.length() && depth > 0) {
                char c = css.charAt(close++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (!selectors.startsWith("@")) {
                StringBuilder scopedSelectors = new StringBuilder();
                for (String selector : selectors.split(",")) {
                    String one = selector.strip();
                    scopedSelectors.append(scopedSelectors.isEmpty() ? "" : ", ")
                            .append("body".equals(one) ? scope : scope + " " + one);
                }
                out.append(scopedSelectors).append(' ').append(css, open, close).append('\n');
            }
            i = close;
        }
        return out.toString();
    }

    record Body(String style, String html) {
    }

    StatementView.Header header(Statement statement) {
        return StatementView.Header.of(statement, queries.customer(statement), statement.language());
    }

    static String fileName(Statement statement, String extension) {
        return statement.statementNo() + (statement.version() > 1 ? "-v" + statement.version() : "") + "." + extension;
    }

    private static String between(String text, String open, String close) {
        int from = text.indexOf(open);
        int to = text.lastIndexOf(close);
        return from < 0 || to < from ? "" : text.substring(from + open.length(), to);
    }
}
