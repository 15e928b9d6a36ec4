package io.crmrecon.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' figures (CONTRACT.md §3): JSON by default, CSV or XLSX by {@code Accept} or {@code format=}. A CSV
 * holds one table (the main one, or {@code table=}); an XLSX a sheet per table. The same reports answer under
 * {@code /reports/…} for the pages' download links, which carry the login session rather than HTTP Basic.
 */
@RestController
@Tag(name = "Reports · 报表", description = "Ageing, DSO, reconciliation, disputes, payment behaviour, matching")
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FORMATS = "JSON by default; `Accept: text/csv` or the xlsx type, or `format=csv|xlsx|json`. "
            + "A CSV holds the main table (`table=` names another); an XLSX has a sheet per table.";
    /** Longest period a report covers in one request (a trend of ten years is a different question). */
    private static final int MAX_DAYS = 3 * 366;

    private final AgingReport aging;
    private final DsoReport dso;
    private final ReconciliationReport reconciliation;
    private final DisputeReport disputes;
    private final CustomerBehaviourReport customers;
    private final MatchingReport matching;
    private final PostingsReport postings;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock;

    ReportController(AgingReport aging, DsoReport dso, ReconciliationReport reconciliation, DisputeReport disputes,
            CustomerBehaviourReport customers, MatchingReport matching, PostingsReport postings, ObjectMapper json,
            MessageSource messages, Clock clock) {
        this.postings = postings;
        this.aging = aging;
        this.dso = dso;
        this.reconciliation = reconciliation;
        this.disputes = disputes;
        this.customers = customers;
        this.matching = matching;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Ageing as of a day, per customer and in total", description = """
            Per customer and currency: `customerCode, customerName, currency`, the buckets by days past the due \
            date (`current` = not yet due, `d1_30`, `d31_60`, `d61_90`, `d90_plus`; other limits with \
            `buckets=30,60,90,180`, named the same way), `total`; `total` holds one row per currency. What was \
            open on `asOf` (default today): documents from the day that puts them on a statement, cash from its \
            booking date. """ + FORMATS)
    @GetMapping({"/api/reports/aging", "/reports/aging"})
    ResponseEntity<ReportBody> aging(@Parameter(description = "yyyy-MM-dd; default today") @RequestParam(required = false)
            String asOf, @Parameter(description = "e.g. 30,60,90,180") @RequestParam(required = false) String buckets,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
            String accept) {
        LocalDate day = ReportParameters.date("asOf", asOf, LocalDate.now(clock));
        AgeBands bands = AgeBands.parse(buckets);
        String code = currency(currency);
        return respond(() -> aging.of(day, bands, code), "aging-" + day, format, table, accept);
    }

    @Operation(summary = "The open items behind one customer's ageing", description = """
            `documentNo, type, currency, issueDate, dueDate, amount, open, daysOverdue, bucket`, oldest due \
            first. """ + FORMATS)
    @GetMapping({"/api/reports/aging/{customerCode}", "/reports/aging/{customerCode}"})
    ResponseEntity<ReportBody> agingItems(@PathVariable String customerCode, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String buckets, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate day = ReportParameters.date("asOf", asOf, LocalDate.now(clock));
        AgeBands bands = AgeBands.parse(buckets);
        return respond(() -> aging.items(customerCode, day, bands), "aging-" + customerCode + "-" + day,
                format, table, accept);
    }

    @Operation(summary = "Days sales outstanding (countback)", description = """
            `customers`: per customer owing something on `to`, `balance` and `dso` (days); `beyondLookback` \
            true when the sales of the lookback (`recon.report.dso-lookback-months`, 12) do not cover the balance. \
            `overall`: per currency on `to`. `byMonth`: per currency at each month's end from `from` to `to` \
            (`balance`, the month's `sales`, `dso`). Default: the twelve months up to today. """ + FORMATS)
    @GetMapping({"/api/reports/dso", "/reports/dso"})
    ResponseEntity<ReportBody> dso(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format, @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate[] period = period(from, to);
        return respond(() -> dso.of(period[0], period[1]), "dso-" + period[0] + "-" + period[1], format, table,
                accept);
    }

    @Operation(summary = "A period's statements: sent, confirmed, disputed, overdue", description = """
            `summary`: `generated, sent, confirmed, deemedConfirmed, disputed, unanswered, overdue` (statements, each \
            number once whatever its versions), `confirmationRate` ((confirmed + deemed) / sent), `answerRate` \
            ((confirmed + disputed) / sent), `medianDaysToConfirm` (from sending to the customer's confirmation). \
            `byStatus`: the statements' newest versions by status. Default: last month. """ + FORMATS)
    @GetMapping({"/api/reports/reconciliation", "/reports/reconciliation"})
    ResponseEntity<ReportBody> reconciliation(@Parameter(description = "yyyy-MM") @RequestParam(required = false)
            String period, @RequestParam(required = false) String format, @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        YearMonth month = period == null || period.isBlank() ? YearMonth.now(clock).minusMonths(1)
                : ReportParameters.month("period", period);
        return respond(() -> reconciliation.of(month), "reconciliation-" + month, format, table, accept);
    }

    @Operation(summary = "Disputes opened in a period", description = """
            `summary`, `byReason` and `byOutcome`: `disputes, resolved, open, medianDaysToResolve, \
            averageDaysToResolve`; `adjustments`: the credit and debit notes granted, per currency. Default: the last \
            twelve months. """ + FORMATS)
    @GetMapping({"/api/reports/disputes", "/reports/disputes"})
    ResponseEntity<ReportBody> disputes(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate[] period = period(from, to);
        return respond(() -> disputes.of(period[0], period[1]), "disputes-" + period[0] + "-" + period[1],
                format, table, accept);
    }

    @Operation(summary = "Per customer: invoiced, paid, open, and how it pays", description = """
            Per customer and currency: `invoiced, credited, paid` in the period, `open` at its end, `creditLimit`, \
            over the invoices and debit notes settled in the period `invoicesPaid, averageDaysToPay, \
            averageDaysLate, shareOnTime`, `averageDaysLateBefore` (the period of the same length before), \
            `disputes` opened, `atRisk` and `riskReasons` (`OVER_CREDIT_LIMIT`, `PAYING_LATER`). Default: the last \
            twelve months. """ + FORMATS)
    @GetMapping({"/api/reports/customers", "/reports/customers"})
    ResponseEntity<ReportBody> customers(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate[] period = period(from, to);
        return respond(() -> customers.of(period[0], period[1]), "customers-" + period[0] + "-" + period[1],
                format, table, accept);
    }

    @Operation(summary = "Matching: auto-match rate by month and rule, exceptions waiting", description = """
            `byMonth`: incoming transactions by booking month, `autoMatched, matchedByClerk, unmatched, \
            autoMatchRate`; `byRule`: the automatic matches by rule and their share of the month; \
            `exceptionsWaiting`: open manualMatch tasks by how long they have waited. Default: the last twelve \
            months. """ + FORMATS)
    @GetMapping({"/api/reports/matching", "/reports/matching"})
    ResponseEntity<ReportBody> matching(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate[] period = period(from, to);
        return respond(() -> matching.of(period[0], period[1]), "matching-" + period[0] + "-" + period[1],
                format, table, accept);
    }

    @Operation(summary = "Postings for the general ledger", description = """
            Journal lines of what this system changed in the books, two per entry that balance: `date, entry, kind, \
            account, debit, credit, currency, customerCode, documentNo, reference`. Kinds: `PAYMENT` (bank to \
            receivable), `ON_ACCOUNT` (bank to the customer's advances), `OTHER_RECEIPT` (money that was no \
            customer's), `WRITE_OFF`, `NETTING` (payable against receivable), `CREDIT_NOTE` and `DEBIT_NOTE` granted on \
            disputes; `REVERSAL_OF_…` posts the other way round. Accounts: `recon.report.accounts.*`. Invoices are \
            the ERP's and not here. Default: the last twelve months. """ + FORMATS)
    @GetMapping({"/api/postings", "/reports/postings"})
    ResponseEntity<ReportBody> postings(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate[] period = period(from, to);
        return respond(() -> postings.of(period[0], period[1]), "postings-" + period[0] + "-" + period[1],
                format, table, accept);
    }

    /** {@code from} and {@code to}, by default the twelve months up to today. */
    private LocalDate[] period(String from, String to) {
        LocalDate end = ReportParameters.date("to", to, LocalDate.now(clock));
        LocalDate start = ReportParameters.date("from", from, YearMonth.from(end).minusMonths(11).atDay(1));
        ReportParameters.range(start, end, MAX_DAYS);
        return new LocalDate[] {start, end};
    }

    private static String currency(String currency) {
        if (currency == null || currency.isBlank()) {
            return null;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        if (!io.crmrecon.common.Money.isCurrency(code)) {
            throw ReportParameters.refuse("currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
        return code;
    }

    /** The format is settled before the report is worked out: a wrong one costs no query. */
    private ResponseEntity<ReportBody> respond(java.util.function.Supplier<Report> making, String fileName, String format,
            String table, String accept) {
        String kind = kind(format, accept);
        Report report = making.get();
        if (kind.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new ReportBody(out -> ReportRendering.json(report, json, out)));
        }
        Locale locale = LocaleContextHolder.getLocale();
        String total = messages.getMessage("report.total", null, "Total", locale);
        if (kind.equals("csv")) {
            Report.Table chosen = table == null || table.isBlank() ? report.tables().get(0)
                    : report.table(table.strip());
            if (chosen == null) {
                throw ReportParameters.refuse("table", "'" + table + "' is not a table of this report (" + String
                        .join(", ", report.tables().stream().map(Report.Table::name).toList()) + ")");
            }
            return file(out -> ReportRendering.csv(chosen, total, format != null, out),
                    new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                    fileName + (chosen == report.tables().get(0) ? "" : "-" + chosen.name()) + ".csv");
        }
        return file(out -> ReportRendering.xlsx(report,
                key -> messages.getMessage("report.column." + key, null, key, locale), total, out),
                MediaType.parseMediaType(XLSX), fileName + ".xlsx");
    }

    private static ResponseEntity<ReportBody> file(ReportBody.Renderer renderer, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(new ReportBody(renderer));
    }

    /** {@code format=} first (a download link), then what the client accepts; JSON when it says nothing we make. */
    private static String kind(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
                throw ReportParameters.refuse("format", "'" + format + "' is not one of json, csv, xlsx");
            }
            return f;
        }
        List<MediaType> accepted;
        try {
            accepted = accept == null ? List.of() : MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            // an Accept header nobody can read asks for nothing in particular
            accepted = List.of();
        }
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return "json";
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return "csv";
            }
            if (type.toString().startsWith(XLSX)) {
                return "xlsx";
            }
        }
        return "json";
    }
}
