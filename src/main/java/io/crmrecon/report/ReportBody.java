package io.crmrecon.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * A worked-out report as an answer's body, rendered straight into the response as it is written: a report of 100,000
 * customers is not first copied into a byte array (twice, as it grows) beside its rows.
 */
record ReportBody(Renderer renderer) {

    interface Renderer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a {@link ReportBody} in the content type its controller chose. */
    static final class Converter implements HttpMessageConverter<ReportBody> {

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return ReportBody.class.isAssignableFrom(clazz);
        }

        @Override
        public List<MediaType> getSupportedMediaTypes() {
            return List.of(MediaType.ALL);
        }

        @Override
        public ReportBody read(Class<? extends ReportBody> clazz, HttpInputMessage inputMessage) {
            throw new UnsupportedOperationException("a report is only written");
        }

        @Override
        public void write(ReportBody body, MediaType contentType, HttpOutputMessage outputMessage) throws IOException {
            if (contentType != null && outputMessage.getHeaders().getContentType() == null) {
                outputMessage.getHeaders().setContentType(contentType);
            }
            // the renderers close what they write to (JSON's generator does); the response is closed by its container
            OutputStream out = outputMessage.getBody();
            body.renderer().writeTo(org.springframework.util.StreamUtils.nonClosing(out));
            out.flush();
        }
    }
}
