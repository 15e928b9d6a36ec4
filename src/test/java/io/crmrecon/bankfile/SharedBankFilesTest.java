package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests read copies of the shared bank files from the classpath; where the shared folder sits beside the
 * project (../shared/data/bankfiles, as in CI), every shared file must have its identical copy here, so that a
 * file added or corrected there is not silently left untested.
 */
class SharedBankFilesTest {

    private static final Path SHARED = Path.of("..", "shared", "data", "bankfiles");

    @Test
    void everySharedBankFileIsCopiedUnchanged() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "no ../shared/data/bankfiles beside the project");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SHARED)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String relative = SHARED.relativize(file).toString().replace('\\', '/');
            assertThat(bankFile(relative)).as(relative).isEqualTo(Files.readAllBytes(file));
        }
    }
}
