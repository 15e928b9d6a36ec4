package io.crmrecon.statement;

/**
 * What a statement's e-mail says, every value already a string in the customer's language. Public because
 * FreeMarker reads only public types.
 *
 * @param language       {@code zh} or {@code en}
 * @param kind           FIRST, REMINDER or RESEND
 * @param closingCredit  the closing balance is in the customer's favour
 * @param answerDue      the last day to answer, as the customer's language writes dates
 * @param deemedConfirmed silence until {@code answerDue} counts as confirmation for this customer
 * @param disputeOutcome  ACCEPTED (this version corrects the disputed one), REJECTED (the dispute of this version
 *                        was not accepted), or null when the mail answers no dispute
 * @param disputeNote     what we tell the customer about its dispute, or null
 */
public record StatementMailView(String language, String kind, String contactName, String customerName,
        String customerCode, String statementNo, int version, String period, String closing, boolean closingCredit,
        String answerDue, boolean deemedConfirmed, String link, String attachmentName, String companyName,
        String companyContact, String companyAddress, String disputeOutcome, String disputeNote) {

    public boolean disputeAccepted() {
        return "ACCEPTED".equals(disputeOutcome);
    }

    public boolean disputeRejected() {
        return "REJECTED".equals(disputeOutcome);
    }

    public boolean reminder() {
        return "REMINDER".equals(kind);
    }

    public boolean resend() {
        return "RESEND".equals(kind);
    }

    public boolean replacesEarlierVersion() {
        return version > 1;
    }
}
