package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxiesTest {

    private final TrustedProxies filter = new TrustedProxies(List.of("10.0.0.5", "172.16.0.0/12", " "));

    @Test
    void honoursForwardedHeadersFromAConfiguredProxy() throws Exception {
        for (String proxy : List.of("10.0.0.5", "172.20.1.2")) {
            HttpServletRequest seen = pass(request(proxy));
            assertThat(seen.getRemoteAddr()).as(proxy).isEqualTo("198.51.100.23");
            assertThat(seen.getScheme()).isEqualTo("https");
            assertThat(seen.getServerName()).isEqualTo("recon.example.cn");
            assertThat(seen.getRequestURL().toString()).startsWith("https://recon.example.cn/");
        }
    }

    @Test
    void dropsThemFromAnyOtherPeer() throws Exception {
        for (String peer : List.of("203.0.113.9", "10.0.0.6", "127.0.0.1", "192.168.1.1")) {
            HttpServletRequest seen = pass(request(peer));
            assertThat(seen.getRemoteAddr()).as(peer).isEqualTo(peer);
            assertThat(seen.getScheme()).isEqualTo("http");
            assertThat(seen.getServerName()).isEqualTo("localhost");
            assertThat(seen.getHeader("X-Forwarded-For")).isNull();
            assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
        }
    }

    @Test
    void noProxyConfiguredTrustsNobody() throws Exception {
        TrustedProxies none = new TrustedProxies(List.of());
        assertThat(none.isTrusted("127.0.0.1")).isFalse();
        assertThat(none.isTrusted("10.0.0.5")).isFalse();
    }

    private static MockHttpServletRequest request(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/s/token");
        request.setRemoteAddr(peer);
        request.setServerName("localhost");
        request.addHeader("X-Forwarded-For", "198.51.100.23, " + peer);
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "recon.example.cn");
        return request;
    }

    private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}
