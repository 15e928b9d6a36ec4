package io.crmrecon.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two import tables of CONTRACT.md §2, written as UTF-8 CSV (RFC 4180, CRLF, header row). */
final class Csv {

    static final List<String> CUSTOMER_COLUMNS = List.of(
            "customer_code", "name", "email", "cc_emails", "language", "currency", "payment_terms_days", "segment",
            "confirmation_days", "deemed_confirmed", "netting_allowed", "account_manager", "credit_limit", "tax_id",
            "phone", "address", "contact_name", "bank_accounts");

    static final List<String> DOCUMENT_COLUMNS = List.of(
            "document_no", "customer_code", "type", "issue_date", "due_date", "currency", "amount", "reference",
            "tax_invoice_no", "description");

    private Csv() {
    }

    /** A printer on {@code out} with the header written; flush it, do not close it (that closes {@code out}). */
    static CSVPrinter printer(OutputStream out, List<String> columns) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new))
                .get());
    }

    /** null becomes an empty cell */
    static String cell(Object value) {
        return value == null ? "" : value.toString();
    }
}
