package io.crmrecon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The HTTP API as a client sees it, logged in as one of the demo users. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate rest;
    private final String language;

    public Api(TestRestTemplate rest, String user) {
        this(user == null ? rest : rest.withBasicAuth(user, user), null, true);
    }

    private Api(TestRestTemplate rest, String language, boolean authenticated) {
        this.rest = rest;
        this.language = language;
    }

    /** The same user asking in a language ({@code Accept-Language}, e.g. "en" or "zh-CN"). */
    public Api language(String acceptLanguage) {
        return new Api(rest, acceptLanguage, true);
    }

    public Response upload(String path, String fileName, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return exchange(HttpMethod.POST, path, new HttpEntity<>(body, headers));
    }

    public Response upload(String path, String fileName, String content) {
        return upload(path, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public Response postJson(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return exchange(HttpMethod.POST, path, new HttpEntity<>(json, headers));
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, HttpEntity.EMPTY);
    }

    private Response exchange(HttpMethod method, String path, HttpEntity<?> entity) {
        if (language != null) {
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(entity.getHeaders());
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            entity = new HttpEntity<>(entity.getBody(), headers);
        }
        ResponseEntity<String> response = rest.exchange(path, method, entity, String.class);
        return new Response(response);
    }

    public record Response(ResponseEntity<String> entity) {
        public int status() {
            return entity.getStatusCode().value();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(entity.getBody() == null ? "null" : entity.getBody());
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + entity.getBody(), e);
            }
        }

        public String body() {
            return entity.getBody();
        }

        public HttpHeaders headers() {
            return entity.getHeaders();
        }
    }
}
