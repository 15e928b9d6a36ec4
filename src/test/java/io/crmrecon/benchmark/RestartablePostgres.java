package io.crmrecon.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An embedded PostgreSQL 16 on a data directory and port of its own, so that it can be started again on them. */
final class RestartablePostgres implements AutoCloseable {

    private final Path data = Files.createTempDirectory("recon-restart-pg-");
    final Path log = Files.createTempFile("recon-restart-pg-", ".log");
    private final int port = RunningApp.freePort();
    private EmbeddedPostgres server;

    RestartablePostgres() throws IOException, java.sql.SQLException {
        start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE recon");
        }
    }

    String url() {
        return server.getJdbcUrl("postgres", "recon") + "&reWriteBatchedInserts=true";
    }

    void start() throws IOException {
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
        server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                // zonky turns it off: a commit the app was told of could then be lost with the crash
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(toLog).setErrorRedirector(toLog).start();
    }

    /**
     * SIGQUIT to the postmaster, what {@code pg_ctl stop -m immediate} sends: every server process quits at once,
     * without a checkpoint, and the next start recovers from the WAL as after a crash. (pg_ctl itself refuses to
     * run as root, which zonky gets round with {@code unshare -U}.)
     */
    void crash() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        if (new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start().waitFor() != 0) {
            throw new IllegalStateException("kill -QUIT " + pid + " failed");
        }
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        server.close(); // its lock on the data directory, which the next start takes; nothing left to stop
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
