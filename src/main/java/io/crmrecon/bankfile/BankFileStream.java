package io.crmrecon.bankfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A bank file read on a thread of its own while the caller stores what was read so far: reading a large camt
 * file and writing its transactions then share the machine's cores instead of following each other. The reader
 * runs ahead by at most {@link #AHEAD} transactions.
 *
 * <p>Whatever the caller received belongs to a file that may still be refused when it is read to its end, so
 * the caller stores it in a transaction that {@link #finish()} can still roll back.
 */
public final class BankFileStream implements AutoCloseable {

    /** One transaction as read, with the position of its statement in the file (from 0). */
    public record Read(int statement, ParsedTransaction transaction) {
    }

    static final int AHEAD = 20_000;
    private static final Read END = new Read(-1, null);

    private final BlockingQueue<Read> queue = new ArrayBlockingQueue<>(AHEAD);
    private final CompletableFuture<ParsedBankFile> reading;
    private volatile boolean abandoned;
    private boolean ended;

    private BankFileStream(InputStream in, Charset charset, Executor executor, long maxMt940Size) {
        reading = CompletableFuture.supplyAsync(() -> {
            try {
                return BankFileReader.read(in, charset, (statement, t) -> put(new Read(statement, t)),
                        maxMt940Size);
            } catch (IOException e) {
                throw new UncheckedIOException("the bank file could not be read to its end", e);
            } finally {
                put(END);
            }
        }, executor);
    }

    /**
     * Starts reading {@code in} to its end on one of the executor's threads (an upload as it arrives); the
     * caller closes it once {@link #next} came back empty.
     */
    public static BankFileStream read(InputStream in, Charset charset, Executor executor, long maxMt940Size) {
        return new BankFileStream(in, charset, executor, maxMt940Size);
    }

    private void put(Read read) {
        try {
            while (abandoned || !queue.offer(read, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new CancellationException("the caller stopped taking the file's transactions");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading a bank file");
        }
    }

    /**
     * The next {@code max} transactions read (fewer only at the end of the file), waiting for them; empty when
     * the file has been read to its end (or its reading stopped: {@link #finish()} says why).
     */
    public List<Read> next(int max) throws InterruptedException {
        List<Read> batch = new ArrayList<>(Math.min(max, AHEAD));
        while (!ended && batch.size() < max) {
            batch.add(queue.take());
            queue.drainTo(batch, max - batch.size());
            if (batch.get(batch.size() - 1) == END) {
                batch.remove(batch.size() - 1);
                ended = true;
            }
        }
        return batch;
    }

    /** The whole file as read, once {@link #next} came back empty; what refused it, if anything did. */
    public ParsedBankFile finish() {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Stops the reader when the caller gives up before the end (a failed write, say), and waits for it: an
     * upload's stream must not be read once its request has been answered.
     */
    @Override
    public void close() {
        abandoned = true;
        queue.clear();
        try {
            reading.join();
        } catch (RuntimeException e) {
            // what stopped the reader was either said by finish() or is the caller's own failure
        }
    }
}
