package io.crmrecon.ledger;

import java.io.IOException;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/bank-statements")
class BankStatementController {

    private final BankStatementImport bankStatementImport;

    BankStatementController(BankStatementImport bankStatementImport) {
        this.bankStatementImport = bankStatementImport;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BankStatementImport.Result importFile(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
        return bankStatementImport.importFile(file.getBytes(), file.getOriginalFilename(),
                user == null ? null : user.getName());
    }
}
