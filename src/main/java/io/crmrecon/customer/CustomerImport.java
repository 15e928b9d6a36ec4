package io.crmrecon.customer;

import io.crmrecon.common.Cells;
import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import io.crmrecon.common.Money;
import io.crmrecon.common.TabularFile;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * customers.csv / .xlsx: upsert by customer_code. An absent column keeps what is stored; an empty cell in an
 * optional column clears it (back to the default where the contract gives one). Any bad row: nothing stored.
 */
@Service
public class CustomerImport {

    static final String[] REQUIRED = {"customer_code", "name", "email"};
    private static final Pattern EMAIL = Pattern.compile("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+");
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,63}");

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerImport(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public record Result(int created, int updated, int unchanged) {
    }

    @Transactional
    public Result importFile(byte[] content, Charset charset) {
        return importTable(TabularFile.read(content, charset));
    }

    /** A customers file read before (an upload is read before the transaction, which then does not wait for it). */
    @Transactional
    public Result importTable(TabularFile file) {
        file.requireColumns(REQUIRED);
        List<ImportError> errors = new ArrayList<>();
        Map<String, Edit> edits = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (TabularFile.TabularRow row : file.rows()) {
            Edit edit = parse(new Cells(row, errors));
            if (edit.code == null) {
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(edit.code, row.rowNumber());
            if (earlier != null) {
                errors.add(ImportError.cell(row.rowNumber(), "customer_code", "customer.import.code-again", edit.code,
                        earlier));
                continue;
            }
            edits.put(edit.code, edit);
        }
        if (!errors.isEmpty()) {
            throw ImportException.ofRows(errors);
        }
        Map<String, Customer> existing = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(edits.keySet()), 1000)) {
            customers.findByCustomerCodeIn(chunk).forEach(c -> existing.put(c.getCustomerCode(), c));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        var now = clock.instant();
        List<Customer> toSave = new ArrayList<>();
        for (Edit edit : edits.values()) {
            Customer customer = existing.get(edit.code);
            if (customer == null) {
                customer = new Customer(edit.code, now);
                edit.applyTo(customer);
                toSave.add(customer);
                created++;
                continue;
            }
            List<Object> before = customer.state();
            edit.applyTo(customer);
            if (before.equals(customer.state())) {
                unchanged++;
            } else {
                customer.touch(now);
                toSave.add(customer);
                updated++;
            }
        }
        customers.saveAll(toSave);
        return new Result(created, updated, unchanged);
    }

    /** The changes a row asks for: one setter call per column the file has. */
    private static final class Edit {
        String code;
        final List<java.util.function.Consumer<Customer>> changes = new ArrayList<>();

        void applyTo(Customer customer) {
            changes.forEach(c -> c.accept(customer));
        }
    }

    private static Edit parse(Cells cells) {
        Edit edit = new Edit();
        String code = cells.required("customer_code");
        if (code != null && !CODE.matcher(code).matches()) {
            cells.invalid("customer_code", "customer.import.code", code);
            code = null;
        }
        edit.code = code;
        String name = cells.maxLength("name", cells.required("name"), 255);
        edit.changes.add(c -> c.setName(name));
        String email = cells.required("email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            cells.invalid("email", "customer.import.email", email);
        }
        edit.changes.add(c -> c.setEmail(email));
        if (cells.has("cc_emails")) {
            List<String> cc = new ArrayList<>();
            String text = cells.text("cc_emails");
            if (text != null) {
                for (String part : text.split("[;,]")) {
                    String address = part.trim();
                    if (address.isEmpty()) {
                        continue;
                    }
                    if (EMAIL.matcher(address).matches()) {
                        cc.add(address);
                    } else {
                        cells.invalid("cc_emails", "customer.import.email", address);
                    }
                }
            }
            edit.changes.add(c -> c.setCcEmails(cc));
        }
        if (cells.has("language")) {
            String language = cells.text("language");
            if (language != null && !List.of("zh-CN", "en").contains(language)) {
                cells.invalid("language", "customer.import.language", language);
            }
            String value = language == null ? CustomerDefaults.LANGUAGE : language;
            edit.changes.add(c -> c.setLanguage(value));
        }
        if (cells.has("currency")) {
            String currency = cells.text("currency");
            if (currency != null && !Money.isCurrency(currency)) {
                cells.invalid("currency", "import.cell.currency", currency);
            }
            String value = currency == null ? CustomerDefaults.CURRENCY : currency;
            edit.changes.add(c -> c.setCurrency(value));
        }
        optionalInt(cells, edit, "payment_terms_days", 0, 3650, CustomerDefaults.PAYMENT_TERMS_DAYS,
                Customer::setPaymentTermsDays);
        optionalInt(cells, edit, "confirmation_days", 1, 365, CustomerDefaults.CONFIRMATION_DAYS,
                Customer::setConfirmationDays);
        optionalText(cells, edit, "segment", 64, Customer::setSegment);
        optionalBool(cells, edit, "deemed_confirmed", Customer::setDeemedConfirmed);
        optionalBool(cells, edit, "netting_allowed", Customer::setNettingAllowed);
        optionalText(cells, edit, "account_manager", 64, Customer::setAccountManager);
        if (cells.has("credit_limit")) {
            // a currency sign is checked against the row's currency when it names a valid one
            String currency = cells.text("currency");
            BigDecimal limit = cells.amount("credit_limit", Money.isCurrency(currency) ? currency : null, false);
            if (limit != null && limit.signum() < 0) {
                cells.invalid("credit_limit", "customer.import.credit-limit");
            }
            edit.changes.add(c -> c.setCreditLimit(limit));
        }
        optionalText(cells, edit, "tax_id", 64, Customer::setTaxId);
        optionalText(cells, edit, "phone", 64, Customer::setPhone);
        optionalText(cells, edit, "address", 500, Customer::setAddress);
        optionalText(cells, edit, "contact_name", 255, Customer::setContactName);
        if (cells.has("bank_accounts")) {
            String text = cells.text("bank_accounts");
            List<String> accounts = text == null ? List.of()
                    : Arrays.stream(text.split(";")).map(BankAccounts::normalise).filter(a -> !a.isEmpty())
                            .distinct().toList();
            for (String a : accounts) {
                if (a.length() > 64) {
                    cells.invalid("bank_accounts", "customer.import.account-too-long", a);
                }
            }
            edit.changes.add(c -> c.setBankAccounts(accounts));
        }
        return edit;
    }

    private static void optionalText(Cells cells, Edit edit, String column, int max,
            java.util.function.BiConsumer<Customer, String> setter) {
        if (cells.has(column)) {
            String value = cells.maxLength(column, cells.text(column), max);
            edit.changes.add(c -> setter.accept(c, value));
        }
    }

    private static void optionalInt(Cells cells, Edit edit, String column, int min, int max, int fallback,
            java.util.function.ObjIntConsumer<Customer> setter) {
        if (cells.has(column)) {
            Integer value = cells.integer(column, min, max);
            int v = value == null ? fallback : value;
            edit.changes.add(c -> setter.accept(c, v));
        }
    }

    private static void optionalBool(Cells cells, Edit edit, String column,
            java.util.function.BiConsumer<Customer, Boolean> setter) {
        if (cells.has(column)) {
            Boolean value = cells.bool(column);
            boolean v = value != null && value;
            edit.changes.add(c -> setter.accept(c, v));
        }
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
