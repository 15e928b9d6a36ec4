package io.crmrecon;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that touches the database: one shared Spring context on PostgreSQL (a unique engine name,
 * the job executor off so that tests drive jobs themselves). Subclasses add no context configuration of their
 * own, so the context is built once per test JVM. Mail goes to a real SMTP server ({@link TestMailServer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
        TestMailServer.register(registry);
    }
}
