package io.crmrecon.bankfile;

import io.crmrecon.common.Cells;
import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import io.crmrecon.common.TabularFile;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contract's bank CSV (also accepted as .xlsx, like every table people import): one row per transaction,
 * columns in any order, unknown columns ignored. Every bad cell of every row is reported in one answer.
 */
final class BankCsvReader {

    static final List<String> COLUMNS = List.of("transaction_id", "account", "booking_date", "value_date", "amount",
            "currency", "counterparty_name", "counterparty_account", "remittance_info");

    private BankCsvReader() {
    }

    static ParsedBankFile read(byte[] content) {
        return read(content, null);
    }

    static ParsedBankFile read(byte[] content, Charset charset) {
        return read(TabularFile.read(content, charset));
    }

    static ParsedBankFile read(TabularFile table) {
        table.requireColumns("account", "booking_date", "amount", "currency");
        List<ImportError> errors = new ArrayList<>();
        List<ParsedTransaction> transactions = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        for (TabularFile.TabularRow row : table.rows()) {
            Cells cells = new Cells(row, errors);
            int before = errors.size();
            String account = cells.required("account");
            LocalDate booking = cells.date("booking_date");
            if (cells.text("booking_date") == null) {
                cells.invalid("booking_date", "import.cell.required");
            }
            LocalDate value = cells.date("value_date");
            String currency = cells.required("currency");
            if (currency != null) {
                String code = currency.toUpperCase(Locale.ROOT);
                if (BankAmounts.currencyProblem(code) != null) {
                    cells.invalid("currency", "import.cell.currency", currency);
                    currency = null;
                } else {
                    currency = code;
                }
            }
            cells.required("amount");
            BigDecimal amount = cells.amount("amount", currency, false);
            if (amount != null && amount.signum() == 0) {
                cells.invalid("amount", "import.bank.csv.amount-zero");
            }
            if (errors.size() > before) {
                continue;
            }
            accounts.add(account);
            currencies.add(currency);
            transactions.add(new ParsedTransaction(account, BankReferences.meaningful(cells.text("transaction_id")), booking, value, amount,
                    currency, cells.text("counterparty_name"), cells.text("counterparty_account"),
                    cells.text("remittance_info"), null, null, null));
        }
        if (!errors.isEmpty()) {
            throw ImportException.ofRows(errors);
        }
        return new ParsedBankFile(BankFileFormat.CSV, List.of(new ParsedStatement(null,
                accounts.size() == 1 ? accounts.iterator().next() : null,
                currencies.size() == 1 ? currencies.iterator().next() : null, null, null, transactions)));
    }
}
