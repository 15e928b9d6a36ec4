package io.crmrecon.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Requests whose upload is read as it arrives (a bank file): their parameters come from the URL alone, because
 * asking a multipart request for a parameter makes the servlet container read and store all of its parts first.
 */
public final class StreamedUploadHandler {

    private StreamedUploadHandler() {
    }

    /** The first value of {@code name} in the request's query string, decoded; null when it has none. */
    public static String first(HttpServletRequest request, String name) {
        String value = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .getFirst(name);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The request as seen by code that asks it for a parameter: a multipart one answers from its URL only. */
    static HttpServletRequest unreadBody(HttpServletRequest request) {
        if (!isMultipart(request)) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return first(request, name);
            }
        };
    }
}
