package io.crmrecon.statement;

import java.util.List;

/**
 * One answer to a statement version as pages show it (the customer's page, the receipt, the staff page's evidence):
 * values already text, times in {@code recon.zone}, amounts with the currency's minor digits. Public because
 * FreeMarker reads only public types.
 *
 * @param kind      CONFIRMED, DISPUTED or DEEMED_CONFIRMED
 * @param reason    a dispute's reason (DisputeReason's name), else null
 * @param ranOutOn  DEEMED_CONFIRMED: the last day the customer had to answer
 * @param open      the version's open outcome; false once a rejected dispute was closed ({@code closeNote} says why)
 */
public record StatementAnswer(long id, String statementNo, int version, String currency, String closingBalance,
        String kind, String answeredAt, String confirmerName, String confirmerTitle, String clientIp, String userAgent,
        String pdfSha256, String reason, String comment, String ranOutOn, String closedAt, String closeNote,
        boolean open, List<Line> lines) {

    /** A disputed document: the amount the statement shows and what the customer believes (may be empty). */
    public record Line(String documentNo, String amount, String claimedAmount) {
    }

    public boolean isConfirmation() {
        return !"DISPUTED".equals(kind);
    }
}
