package io.crmrecon.statement;

/** Why a statement's mail goes out: every one carries a working link to the same version. */
enum MailKind {
    FIRST, REMINDER, RESEND
}
