package io.crmrecon.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.ImportProperties;
import io.crmrecon.common.StreamedUploadHandler;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import io.crmrecon.common.TabularFile;
import java.nio.charset.Charset;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

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
            + "from its opening to its closing balance (`statement`, `difference`, `currency`, `message`)")
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
        // the body is read here as it arrives, never parsed ahead into memory or onto disk: nothing may read the
        // request's parameters before (that makes the servlet container read every part)
        Charset named = TabularFile.charsetNamed(StreamedUploadHandler.first(request, "charset"));
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        // the file itself is limited as it is read (UploadLimit); this bounds what comes beside it
        upload.setSizeMax(maxFileSize + 64 * 1024);
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField() && "charset".equals(part.getFieldName()) && named == null) {
                    try (InputStream in = part.getInputStream()) {
                        named = TabularFile.charsetNamed(new String(in.readNBytes(64), StandardCharsets.US_ASCII));
                    }
                } else if (!part.isFormField() && "file".equals(part.getFieldName())) {
                    Charset charset = named != null ? named : charsetOf(part.getContentType());
                    BankStatementImport.Result result;
                    try (InputStream in = new UploadLimit(part.getInputStream(), maxFileSize)) {
                        result = bankStatementImport.importFile(in, charset, part.getName(),
                                user == null ? null : user.getName());
                    }
                    Locale locale = LocaleContextHolder.getLocale();
                    return result.withWarnings(result.warnings().stream()
                            .map(w -> w.rendered((code, args) -> messages.getMessage(code, args, w.message(), locale)))
                            .toList());
                }
            }
        } catch (FileUploadSizeException e) {
            throw new MaxUploadSizeExceededException(maxFileSize, e);
        } catch (FileUploadException e) {
            throw new BadRequestException("the upload is not a readable multipart/form-data body: " + e.getMessage());
        }
        throw new BadRequestException("the upload has no part named 'file'");
    }

    /** Refuses an upload (413) as soon as more than the limit has been read of it. */
    private static final class UploadLimit extends FilterInputStream {
        private final long limit;
        private long read;

        UploadLimit(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                // unchecked: an XML parser turns an IOException into a syntax error
                throw new MaxUploadSizeExceededException(limit);
            }
        }
    }

    /** The {@code charset} parameter of the part's content type; a content type that cannot be read names none. */
    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException e) {
            // InvalidMediaTypeException, or an unknown charset name
            return null;
        }
    }
}
