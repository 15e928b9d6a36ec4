package io.crmrecon.matching;

import io.crmrecon.common.Money;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/receipts/unapplied}: the unapplied receipts as a JSON page with totals per currency, or the whole
 * filtered list as CSV or XLSX (by {@code Accept}, or {@code ?format=csv|xlsx}). The staff page's download links
 * are {@code /receipts/unapplied/export?format=…}: the same files, under the pages' login session (the API takes
 * HTTP Basic only, so a logged-in browser would be asked for a password there).
 */
@RestController
class UnappliedReceiptsController {

    static final String API = "/api/receipts/unapplied";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("transaction_id", "bank_reference", "booking_date", "age_days",
            "amount", "remaining", "currency", "payer_name", "payer_account", "remittance_info", "bank_statement_id",
            "bank_statement_file", "customer_code", "customer_name", "status", "suggested_documents",
            "suggestion_rule", "suggestion_reason", "task_id");

    private final UnappliedReceipts receipts;
    private final MessageSource messages;

    UnappliedReceiptsController(UnappliedReceipts receipts, MessageSource messages) {
        this.receipts = receipts;
        this.messages = messages;
    }

    record Suggestion(List<String> documentNos, String rule, String reason) {
    }

    record ReceiptJson(long transactionId, String bankReference, LocalDate bookingDate, long ageDays, String amount,
            String remaining, String currency, String payerName, String payerAccount, String remittanceInfo,
            long bankStatementId, String bankStatementFile, String customerCode, String customerName, String status,
            Suggestion bestSuggestion, boolean inTask, String taskId, String workbenchUrl) {

        static ReceiptJson of(UnappliedReceipts.Receipt r) {
            return new ReceiptJson(r.transactionId(), r.bankReference(), r.bookingDate(), r.ageDays(),
                    Money.format(r.amount(), r.currency()), Money.format(r.remaining(), r.currency()), r.currency(),
                    r.payerName(), r.payerAccount(), r.remittanceInfo(), r.bankStatementId(), r.bankStatementFile(),
                    r.customerCode(), r.customerName(), r.status().name(),
                    r.suggestedDocumentNos().isEmpty() ? null
                            : new Suggestion(r.suggestedDocumentNos(), r.suggestionRule(), r.suggestionReason()),
                    r.inTask(), r.taskId(), r.taskId() == null ? null : "/matching/workbench/" + r.taskId());
        }
    }

    record TotalJson(String currency, long count, String amount, String remaining) {
    }

    private static final String SUMMARY = "Unapplied receipts: every payment not fully applied";
    private static final String DESCRIPTION = "Payments received and not (fully) applied, with their age in days, "
            + "amount, what is not applied yet, payer, bank statement, status (`PARTLY_APPLIED`, `SUGGESTED`, "
            + "`UNMATCHED`, `WAITING`), the best suggestion and its `manualMatch` task. Filters: `from`, `to` (booking "
            + "date, yyyy-MM-dd), `amountMin`, `amountMax`, `customer` (code), `status`, `q` (reference, payer, "
            + "account or text); `sort=key[,desc]`, `page`, `size`. JSON is Spring's page shape plus `totals` per "
            + "currency; `Accept: text/csv` or the xlsx type (or `format=csv|xlsx|json`) gives the whole filtered "
            + "list as a file. A bad filter value is a 400 naming the parameter.";

    record PageJson(long size, long number, long totalElements, long totalPages) {
    }

    record ListJson(List<ReceiptJson> content, PageJson page, List<TotalJson> totals, LocalDate asOf) {
    }

    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(path = API, produces = MediaType.APPLICATION_JSON_VALUE)
    ListJson json(@RequestParam Map<String, String> params) {
        ReceiptFilter filter = ReceiptFilter.parse(params);
        UnappliedReceipts.Page page = receipts.page(filter);
        return new ListJson(page.content().stream().map(ReceiptJson::of).toList(),
                new PageJson(page.size(), page.number(), page.totalElements(), page.totalPages()),
                totals(page.totals()), receipts.today());
    }

    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(path = API, produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> params) {
        return csv(ReceiptFilter.parse(params), false);
    }

    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(path = API, produces = XLSX)
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam Map<String, String> params) {
        return xlsx(ReceiptFilter.parse(params));
    }

    /** {@code ?format=json}: the page, whatever the client accepts. */
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(path = API, params = "format=json", produces = MediaType.APPLICATION_JSON_VALUE)
    ListJson jsonByParameter(@RequestParam Map<String, String> params) {
        return json(params);
    }

    /** The browser's download link: whatever it accepts, the file it asked for. */
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @GetMapping(path = {API, "/receipts/unapplied/export"}, params = {"format", "format!=json"})
    ResponseEntity<StreamingResponseBody> download(@RequestParam Map<String, String> params,
            @RequestParam String format) {
        ReceiptFilter filter = ReceiptFilter.parse(params);
        return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> csv(filter, true);
            case "xlsx" -> xlsx(filter);
            default -> throw new io.crmrecon.common.BadRequestException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "format: '" + format + "' is not one of csv, xlsx, json",
                    List.of(new io.crmrecon.common.ImportError(null, "format", null,
                            "format: '" + format + "' is not one of csv, xlsx, json")));
        };
    }

    /**
     * @param forPeople a UTF-8 byte order mark first, so that Excel opening the downloaded file reads Chinese
     *        correctly; programs asking with {@code Accept: text/csv} get none
     */
    private ResponseEntity<StreamingResponseBody> csv(ReceiptFilter filter, boolean forPeople) {
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (forPeople) {
                writer.write('\uFEFF');
            }
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(COLUMNS.toArray(String[]::new)).get());
            receipts.forEach(filter, r -> {
                try {
                    printer.printRecord(values(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("csv")).body(body);
    }

    private ResponseEntity<StreamingResponseBody> xlsx(ReceiptFilter filter) {
        List<String> headers = COLUMNS.stream().map(c -> messages.getMessage("receipts.column." + c, null, c,
                LocaleContextHolder.getLocale())).toList();
        StreamingResponseBody body = out -> ReceiptsWorkbook.write(headers, out,
                rows -> receipts.forEach(filter, rows));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("xlsx")).body(body);
    }

    /** One CSV record, in the order of {@link #COLUMNS}. */
    static List<Object> values(UnappliedReceipts.Receipt r) {
        return java.util.Arrays.asList(r.transactionId(), r.bankReference(), r.bookingDate(), r.ageDays(),
                Money.format(r.amount(), r.currency()), Money.format(r.remaining(), r.currency()), r.currency(),
                r.payerName(), r.payerAccount(), r.remittanceInfo(), r.bankStatementId(), r.bankStatementFile(),
                r.customerCode(), r.customerName(), r.status().name(), String.join(";", r.suggestedDocumentNos()),
                r.suggestionRule(), r.suggestionReason(), r.taskId());
    }

    private static String attachment(String extension) {
        return ContentDisposition.attachment().filename("unapplied-receipts." + extension).build().toString();
    }

    private static List<TotalJson> totals(List<UnappliedReceipts.Total> totals) {
        return totals.stream().map(t -> new TotalJson(t.currency(), t.count(), Money.format(t.amount(), t.currency()),
                Money.format(t.remaining(), t.currency()))).toList();
    }

}
