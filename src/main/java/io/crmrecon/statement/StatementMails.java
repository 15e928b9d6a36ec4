package io.crmrecon.statement;

import io.crmrecon.notification.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * A statement's e-mail in the customer's language: HTML and plain text, the subject naming the statement number,
 * the PDF attached, and the link to the customer's page.
 */
@Component
class StatementMails {

    /** {@code link}: {@code {recon.public-base-url}/s/{token}}. */
    OutgoingMail compose(Statement statement, MailKind kind, String link) {
        throw new UnsupportedOperationException("statement mails are being built");
    }
}
