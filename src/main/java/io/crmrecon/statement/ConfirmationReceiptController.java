package io.crmrecon.statement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Staff download the same confirmation receipt the customer got, from the statement's page (evidence.ftlh). */
@Controller
class ConfirmationReceiptController {

    private final StatementRepository statements;
    private final ConfirmationReceipts receipts;

    ConfirmationReceiptController(StatementRepository statements, ConfirmationReceipts receipts) {
        this.statements = statements;
        this.receipts = receipts;
    }

    @GetMapping("/statements/{statementNo}/v/{version}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String statementNo, @PathVariable int version) {
        Statement statement = statements.findByStatementNoAndVersion(statementNo, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] pdf = receipts.of(statement).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return CustomerStatementPage.pdf(pdf, ConfirmationReceipts.fileName(statement));
    }
}
