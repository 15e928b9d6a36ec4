package io.crmrecon.statement;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests a minute from one client to the customer's pages: a bucket per address that
 * holds a minute's worth and fills again at that rate, so a customer who opens the page, downloads the PDF and
 * answers never meets it, and a script that tries tokens or floods the pages gets a refusal that costs the server
 * next to nothing. An IPv6 client counts by its /64, the block one subscriber is given (it could otherwise take a
 * new address for every request). Each node of a cluster counts for itself.
 */
final class PageRateLimit {

    private static final long MINUTE_MS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    /** {@code perMinute}: 0 turns the limit off. */
    PageRateLimit(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("recon.statement.page-rate-limit must be 0 (off) or more, not "
                    + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.nextSweep = clock.millis() + MINUTE_MS;
    }

    boolean enabled() {
        return perMinute > 0;
    }

    /** 0 when the request may go on; otherwise the whole seconds until the client may ask again. */
    long waitSeconds(String address) {
        if (!enabled()) {
            return 0;
        }
        long now = clock.millis();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(client(address), a -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perMs = perMinute / (double) MINUTE_MS;
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
            bucket.at = Math.max(bucket.at, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMs / 1000));
        }
    }

    /** How many clients are counted now (a bucket is forgotten a minute after its last request: it is full again). */
    int clients() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + MINUTE_MS;
        buckets.values().removeIf(b -> {
            synchronized (b) {
                return now - b.at >= MINUTE_MS;
            }
        });
    }

    /** The address an IPv4 client is counted by, or an IPv6 client's /64. */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        // only a literal reaches getByName, which then never asks DNS
        if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder(20);
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
