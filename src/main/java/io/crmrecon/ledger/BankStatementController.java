package io.crmrecon.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.crmrecon.common.ImportProperties;
import io.crmrecon.common.StreamedUploadHandler;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bank-statements")
@Tag(name = "Bank statements · 银行流水", description = "Bank files in, transactions stored once, matching started")
class BankStatementController {

    private final BankStatementImport bankStatementImport;
    private final MessageSource messages;

    private final long maxFileSize;

    BankStatementController(BankStatementImport bankStatementImport, MessageSource messages, ImportProperties limits) {
        this.bankStatementImport = bankStatementImport;
        this.messages = messages;
        this.maxFileSize = limits.maxFileSize().toBytes();
    }

    @Operation(summary = "Import a bank file (camt.053/054, MT940 or CSV)", description = """
            Reads ISO 20022 camt.053 or camt.054 (001.02 to 001.08), SWIFT MT940 (one or several statements) or             the contract's CSV; the format is detected from the content. Transactions stored before (same account             and bank reference, or all details alike where the bank gives no reference) are counted as             `duplicates` and not stored again. New transactions start `paymentMatching`.

            CSV columns, all required but the last three: `transaction_id` (the bank's reference), `account`,             `booking_date`, `value_date`, `amount` (> 0 money in, < 0 money out), `currency`; optional             `counterparty_name`, `counterparty_account`, `remittance_info`.""")
    @ApiResponse(responseCode = "200", description = "Imported: `bankStatementId`, `format`, `transactions` newly "
            + "stored, `duplicates` skipped, the matching run the new transactions started: `matchingRunId`, "
            + "`matchingRunUrl` (null when nothing new came), and `warnings` per statement whose entries do not add up "
            + "from its opening to its closing balance (`statement`, `difference`, `currency`, `message`) or that has "
            + "entries only pending or for information, not imported (`statement`, `message`)")
    @ApiResponse(responseCode = "413", description = "The file is larger than `recon.import.max-file-size`")
    @ApiResponse(responseCode = "422", description = "Not a bank file, a DOCTYPE, bad lines or rows: problem+json "
            + "with `errors` (`line` for XML and MT940, `row`/`column` for CSV); nothing stored")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
                    requiredProperties = "file"), schemaProperties = @SchemaProperty(name = "file",
                    schema = @Schema(type = "string", format = "binary",
                            description = "The bank file: camt XML, MT940 text or CSV"))))
    @Parameter(name = "charset", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "The "
            + "text's charset when it is neither UTF-8 nor GB18030 (e.g. ISO-8859-1); the file part's content type "
            + "may name it instead")
    BankStatementImport.Result importFile(@Parameter(hidden = true) HttpServletRequest request,
            @Parameter(hidden = true) Principal user) throws IOException {
        // the body is read here as it arrives, never parsed ahead into memory or onto disk
        BankStatementImport.Result result = StreamedUploadHandler.read(request, maxFileSize, (in, charset, fileName) ->
                bankStatementImport.importFile(in, charset, fileName, user == null ? null : user.getName()));
        Locale locale = LocaleContextHolder.getLocale();
        return result.withWarnings(result.warnings().stream()
                .map(w -> w.rendered((code, args) -> messages.getMessage(code, args, w.message(), locale)))
                .toList());
    }
}
