package io.crmrecon.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One demo document (a documents.csv row) while it is being generated; numbered once all exist. */
final class DemoDocument {

    enum Type {
        INVOICE("INV"), DEBIT_NOTE("DN"), CREDIT_NOTE("CN"), BILL("BILL");

        final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }
    }

    final int creationOrder;
    final Type type;
    final DemoCustomer customer;
    final LocalDate issueDate;
    /** null: left empty in the file, the importer defaults it to issue date + payment terms */
    LocalDate dueDate;
    BigDecimal amount;
    String description;

    // set when numbering
    String documentNo;
    int sequence;
    String reference;
    String taxInvoiceNo;

    // generation details
    boolean wantsTaxInvoice;
    /** the supplier's own tax invoice number on a BILL */
    String supplierTaxInvoiceNo;
    /** PO number of a BILL, contract number of a recurring fee */
    String fixedReference;
    /** the invoice a credit or debit note corrects */
    DemoDocument corrects;
    /** a credit note that corrects this invoice */
    DemoDocument correctedBy;
    boolean recurringFee;
    String product;
    BigDecimal unitPrice;
    int quantity;
    /** already chosen to be paid by an entry of the demo bank statement */
    boolean paid;

    DemoDocument(int creationOrder, Type type, DemoCustomer customer, LocalDate issueDate) {
        this.creationOrder = creationOrder;
        this.type = type;
        this.customer = customer;
        this.issueDate = issueDate;
    }

    boolean receivable() {
        return type == Type.INVOICE || type == Type.DEBIT_NOTE;
    }

    @Override
    public String toString() {
        return (documentNo == null ? type + "#" + creationOrder : documentNo) + " " + customer.code + " " + amount;
    }
}
