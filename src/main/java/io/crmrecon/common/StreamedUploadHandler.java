package io.crmrecon.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * File uploads (multipart/form-data, part {@code file}) read as they arrive, never gathered into memory or onto disk
 * by the servlet container first. Such requests' parameters come from the URL alone, because asking a multipart
 * request for a parameter makes the container read and store all of its parts. A file is refused with 413 as soon
 * as more than the limit has been read of it.
 */
public final class StreamedUploadHandler {

    private StreamedUploadHandler() {
    }

    /** Reads the file part; {@code charset} is the one the user named, or null. */
    @FunctionalInterface
    public interface PartReader<T> {
        T read(InputStream file, Charset charset, String fileName) throws IOException;
    }

    /**
     * Hands the part {@code file} to {@code reader}. The charset is taken from the URL's {@code charset}, else a
     * {@code charset} form field sent before the file, else the file part's content type.
     */
    public static <T> T read(HttpServletRequest request, long maxFileSize, PartReader<T> reader) throws IOException {
        Charset named = TabularFile.charsetNamed(first(request, "charset"));
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        // the file itself is limited as it is read (Limited); this bounds what comes beside it
        upload.setSizeMax(maxFileSize + 64 * 1024);
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField() && "charset".equals(part.getFieldName()) && named == null) {
                    try (InputStream in = part.getInputStream()) {
                        named = TabularFile.charsetNamed(new String(in.readNBytes(64), StandardCharsets.US_ASCII));
                    }
                } else if (!part.isFormField() && "file".equals(part.getFieldName())) {
                    Charset charset = named != null ? named : charsetOf(part.getContentType());
                    try (InputStream in = new Limited(part.getInputStream(), maxFileSize)) {
                        return reader.read(in, charset, part.getName());
                    }
                }
            }
        } catch (FileUploadSizeException e) {
            throw new MaxUploadSizeExceededException(maxFileSize, e);
        } catch (FileUploadException e) {
            throw new BadRequestException("the upload is not a readable multipart/form-data body: " + e.getMessage());
        }
        throw new BadRequestException("the upload has no part named 'file'");
    }

    /** The {@code charset} parameter of the part's content type; a content type that cannot be read names none. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException e) {
            // InvalidMediaTypeException, or an unknown charset name
            return null;
        }
    }

    /** Refuses an upload (413) as soon as more than the limit has been read of it. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                // unchecked: an XML parser turns an IOException into a syntax error
                throw new MaxUploadSizeExceededException(limit);
            }
        }
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
