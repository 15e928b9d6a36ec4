package io.crmrecon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A file upload sent as a stream of unknown length (chunked), as a client that streams a file does: the server
 * learns its size only by reading it.
 */
public record ChunkedUpload(String boundary, byte[] body) {

    /** A multipart body with part {@code file}, after a {@code charset} form field when one is given. */
    public static ChunkedUpload of(String fileName, byte[] content, String charsetField) {
        String boundary = "----recon" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (charsetField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"charset\"\r\n\r\n"
                    + charsetField + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new ChunkedUpload(boundary, body.toByteArray());
    }

    /** Posts it to {@code rootUri + path} as the clerk, answers asked in English. */
    public HttpResponse<String> post(String rootUri, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rootUri + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
