package io.crmrecon.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A posted document (单据). Never changed: corrections are new documents. Written in bulk by {@link DocumentImport}. */
@Entity
@Immutable
@Table(name = "document")
public class Document {

    @Id
    private Long id;
    @Column(name = "document_no")
    private String documentNo;
    @Column(name = "customer_id")
    private Long customerId;
    @Enumerated(EnumType.STRING)
    private DocumentType type;
    @Column(name = "issue_date")
    private LocalDate issueDate;
    @Column(name = "due_date")
    private LocalDate dueDate;
    private String currency;
    private BigDecimal amount;
    private String reference;
    @Column(name = "tax_invoice_no")
    private String taxInvoiceNo;
    private String description;
    @Column(name = "posted_at")
    private Instant postedAt;

    protected Document() {
    }

    public Long getId() {
        return id;
    }

    public String getDocumentNo() {
        return documentNo;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public DocumentType getType() {
        return type;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getReference() {
        return reference;
    }

    public String getTaxInvoiceNo() {
        return taxInvoiceNo;
    }

    public String getDescription() {
        return description;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
