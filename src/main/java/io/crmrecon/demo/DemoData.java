package io.crmrecon.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

/**
 * The demo data set as the files a user would import: customers.csv, documents.csv (CONTRACT.md §2) and one CNY
 * camt.053.001.02 bank statement that pays demo invoices in the patterns a matching engine must handle, with
 * the ground truth of what each bank entry pays ({@link #expectations()}).
 *
 * <p>A Chinese company that sells automation equipment on credit: 26 customers (22 Chinese, 4 English of which
 * one invoices in USD), five of them also suppliers with bills; a few hundred documents over the three calendar
 * months before today's month and the current month up to today; a bank statement of the last three weeks.
 * Everything is a pure function of (seed, today): the same arguments give the same bytes.
 */
public final class DemoData {

    /** the company whose ledger the demo is: the owner of the bank statement's account */
    public static final String COMPANY_NAME = DemoBankStatement.COMPANY_NAME;
    /** the company's account at its bank (招商银行), the account of the demo bank statement */
    public static final String COMPANY_ACCOUNT = DemoBankStatement.COMPANY_ACCOUNT;

    private final byte[] customersCsv;
    private final byte[] documentsCsv;
    private final byte[] camt053;
    private final String bankStatementFileName;
    private final List<Expectation> expectations;

    private DemoData(byte[] customersCsv, byte[] documentsCsv, byte[] camt053, String bankStatementFileName,
                     List<Expectation> expectations) {
        this.customersCsv = customersCsv;
        this.documentsCsv = documentsCsv;
        this.camt053 = camt053;
        this.bankStatementFileName = bankStatementFileName;
        this.expectations = List.copyOf(expectations);
    }

    /** Seeded and deterministic for a given (seed, today). Dates relative to {@code today} (the company's date). */
    public static DemoData generate(long seed, LocalDate today) {
        List<DemoCustomer> customers = DemoCustomers.generate(seed);
        List<DemoDocument> documents = new ArrayList<>(DemoDocuments.generate(seed, today, customers));
        DemoDocuments.number(documents, seed, today);
        DemoBankStatement statement = DemoBankStatement.plan(seed, today, customers, documents);
        DemoDocuments.number(documents, seed, today); // the credit notes the statement added
        DemoBankStatement.Result result = statement.render(seed);
        try {
            return new DemoData(customersCsv(customers), documentsCsv(documents), camt(result),
                    "demo-bank-" + YearMonth.from(today) + ".xml", result.expectations());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** customers.csv: UTF-8, header row, the columns of CONTRACT.md §2. */
    public byte[] customersCsv() {
        return customersCsv.clone();
    }

    /** documents.csv: UTF-8, header row, the columns of CONTRACT.md §2; due_date empty on some rows. */
    public byte[] documentsCsv() {
        return documentsCsv.clone();
    }

    /** One camt.053.001.02 statement (UTF-8 XML) of the company's CNY account. */
    public byte[] bankStatementCamt053() {
        return camt053.clone();
    }

    /** A name for the bank statement file, e.g. {@code demo-bank-2026-11.xml}. */
    public String bankStatementFileName() {
        return bankStatementFileName;
    }

    /** What each entry of the bank statement pays, in the order of the file. */
    public List<Expectation> expectations() {
        return expectations;
    }

    private static byte[] customersCsv(List<DemoCustomer> customers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVPrinter csv = Csv.printer(out, Csv.CUSTOMER_COLUMNS);
        for (DemoCustomer c : customers) {
            csv.printRecord(c.code, c.name, c.email, Csv.cell(c.ccEmails), c.language, c.currency,
                    c.paymentTermsDays, Csv.cell(c.segment), c.confirmationDays, c.deemedConfirmed, c.nettingAllowed,
                    Csv.cell(c.accountManager), money(c.creditLimit), Csv.cell(c.taxId), Csv.cell(c.phone),
                    Csv.cell(c.address), Csv.cell(c.contactName),
                    String.join(";", c.accounts.stream().map(DemoCustomer.Account::number).toList()));
        }
        csv.flush();
        return out.toByteArray();
    }

    private static byte[] documentsCsv(List<DemoDocument> documents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVPrinter csv = Csv.printer(out, Csv.DOCUMENT_COLUMNS);
        for (DemoDocument d : documents) {
            csv.printRecord(d.documentNo, d.customer.code, d.type.name(), d.issueDate, Csv.cell(d.dueDate),
                    d.customer.currency, money(d.amount), Csv.cell(d.reference), Csv.cell(d.taxInvoiceNo),
                    Csv.cell(d.description));
        }
        csv.flush();
        return out.toByteArray();
    }

    private static byte[] camt(DemoBankStatement.Result result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Camt053.write(out, result.header(), result.entries().iterator());
        return out.toByteArray();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2).toPlainString();
    }
}
