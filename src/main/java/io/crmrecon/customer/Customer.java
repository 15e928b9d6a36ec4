package io.crmrecon.customer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.BatchSize;

/** A counterparty (客户); may also be a supplier that sends us bills. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_code", nullable = false, updatable = false)
    private String customerCode;
    private String name;
    private String email;
    @Column(name = "cc_emails")
    private String ccEmails;
    private String language;
    private String currency;
    @Column(name = "payment_terms_days")
    private int paymentTermsDays;
    private String segment;
    @Column(name = "confirmation_days")
    private int confirmationDays;
    @Column(name = "deemed_confirmed")
    private boolean deemedConfirmed;
    @Column(name = "netting_allowed")
    private boolean nettingAllowed;
    @Column(name = "account_manager")
    private String accountManager;
    @Column(name = "credit_limit")
    private BigDecimal creditLimit;
    @Column(name = "tax_id")
    private String taxId;
    private String phone;
    private String address;
    @Column(name = "contact_name")
    private String contactName;
    // a handful per customer, needed wherever a customer is shown: fetched with it, in batches for pages
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "customer_bank_account", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "seq_no")
    @Column(name = "account_no")
    private List<String> bankAccounts = new ArrayList<>();
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Customer() {
    }

    Customer(String customerCode, Instant now) {
        this.customerCode = customerCode;
        this.language = CustomerDefaults.LANGUAGE;
        this.currency = CustomerDefaults.CURRENCY;
        this.paymentTermsDays = CustomerDefaults.PAYMENT_TERMS_DAYS;
        this.confirmationDays = CustomerDefaults.CONFIRMATION_DAYS;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A copy of the fields an import may change, to tell an updated customer from an unchanged one. */
    List<Object> state() {
        return List.of(Objects.toString(name), Objects.toString(email), Objects.toString(ccEmails), language, currency,
                paymentTermsDays, Objects.toString(segment), confirmationDays, deemedConfirmed, nettingAllowed,
                Objects.toString(accountManager),
                creditLimit == null ? "null" : creditLimit.stripTrailingZeros().toPlainString(),
                Objects.toString(taxId), Objects.toString(phone), Objects.toString(address),
                Objects.toString(contactName), List.copyOf(bankAccounts));
    }

    public Long getId() {
        return id;
    }

    public String getCustomerCode() {
        return customerCode;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public List<String> getCcEmails() {
        return ccEmails == null || ccEmails.isBlank() ? List.of() : List.of(ccEmails.split(";"));
    }

    public String getLanguage() {
        return language;
    }

    public String getCurrency() {
        return currency;
    }

    public int getPaymentTermsDays() {
        return paymentTermsDays;
    }

    public String getSegment() {
        return segment;
    }

    /** The segment as the DMN tables match it: upper case, empty when none. */
    public String segmentForRules() {
        return segment == null ? "" : segment.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public int getConfirmationDays() {
        return confirmationDays;
    }

    public boolean isDeemedConfirmed() {
        return deemedConfirmed;
    }

    public boolean isNettingAllowed() {
        return nettingAllowed;
    }

    public String getAccountManager() {
        return accountManager;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public String getContactName() {
        return contactName;
    }

    public List<String> getBankAccounts() {
        return List.copyOf(bankAccounts);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void setName(String name) {
        this.name = name;
    }

    void setEmail(String email) {
        this.email = email;
    }

    void setCcEmails(List<String> ccEmails) {
        this.ccEmails = ccEmails == null || ccEmails.isEmpty() ? null : String.join(";", ccEmails);
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    void setPaymentTermsDays(int paymentTermsDays) {
        this.paymentTermsDays = paymentTermsDays;
    }

    void setSegment(String segment) {
        this.segment = segment;
    }

    void setConfirmationDays(int confirmationDays) {
        this.confirmationDays = confirmationDays;
    }

    void setDeemedConfirmed(boolean deemedConfirmed) {
        this.deemedConfirmed = deemedConfirmed;
    }

    void setNettingAllowed(boolean nettingAllowed) {
        this.nettingAllowed = nettingAllowed;
    }

    void setAccountManager(String accountManager) {
        this.accountManager = accountManager;
    }

    void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }

    void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    void setAddress(String address) {
        this.address = address;
    }

    void setContactName(String contactName) {
        this.contactName = contactName;
    }

    void setBankAccounts(List<String> accounts) {
        this.bankAccounts.clear();
        this.bankAccounts.addAll(accounts);
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }
}
