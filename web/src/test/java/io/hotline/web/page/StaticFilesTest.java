package io.hotline.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

    private static final String ROOT = "io/hotline/web/page/teststatic/";

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;
    private URI base;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(StaticFiles files) {
        HttpRoutes routes = files.addRoutes(HttpRoutes.builder()).build();
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), routes, Authenticator.DENY_ALL,
                HttpRequestObserver.NO_OP);
        base = URI.create("http://127.0.0.1:" + server.start().getPort());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldServeTheIndexLoginAndStaticFilesWithTheirTypesAndPageHeaders() throws Exception {
        start(StaticFiles.fromClasspath(ROOT, getClass().getClassLoader()));

        HttpResponse<byte[]> index = get("/");
        HttpResponse<byte[]> login = get("/login");
        HttpResponse<byte[]> script = get("/static/app.js");
        HttpResponse<byte[]> style = get("/static/style.css");
        HttpResponse<byte[]> strings = get("/static/i18n/zh.json");
        HttpResponse<byte[]> logo = get("/static/img/logo.png");

        assertThat(List.of(index, login, script, style, strings, logo)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("etag")).hasValueSatisfying(tag -> assertThat(tag)
                    .matches("\"[A-Za-z0-9_-]{22}\""));
            assertThat(response.headers().firstValue("cache-control")).contains("no-cache");
            assertThat(response.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(response.headers().firstValue("referrer-policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'",
                            "connect-src 'self' ws://127.0.0.1:" + base.getPort() + " wss://127.0.0.1:"
                                    + base.getPort() + ";"));
        });
        assertThat(new String(index.body(), StandardCharsets.UTF_8)).contains("test desk");
        assertThat(index.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(new String(login.body(), StandardCharsets.UTF_8)).contains("test login");
        assertThat(index.headers().firstValue("content-security-policy").orElseThrow())
                .contains("script-src 'self'; style-src 'self';");
        assertThat(script.headers().firstValue("content-type")).contains("text/javascript; charset=utf-8");
        assertThat(style.headers().firstValue("content-type")).contains("text/css; charset=utf-8");
        assertThat(new String(strings.body(), StandardCharsets.UTF_8)).contains("你好");
        assertThat(logo.headers().firstValue("content-type")).contains("image/png");
        assertThat(logo.body()).containsExactly(resource(ROOT + "static/img/logo.png"));
    }

    @Test
    void shouldAnswer304WhenTheETagStillMatches() throws Exception {
        start(StaticFiles.fromClasspath(ROOT, getClass().getClassLoader()));
        String etag = get("/static/app.js").headers().firstValue("etag").orElseThrow();

        HttpResponse<byte[]> same = get("/static/app.js", "If-None-Match", "\"other\", " + etag);
        HttpResponse<byte[]> weak = get("/static/app.js", "If-None-Match", "W/" + etag);
        HttpResponse<byte[]> changed = get("/static/app.js", "If-None-Match", "\"other\"");

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("etag")).contains(etag);
        assertThat(same.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(weak.statusCode()).isEqualTo(304);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("console.log");
    }

    @Test
    void shouldServeNothingOutsideTheRootWhateverThePath() throws Exception {
        start(StaticFiles.fromClasspath(ROOT, getClass().getClassLoader()));

        for (String path : List.of("/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/..%2fsecret.txt",
                "/static/img/../../../secret.txt", "/static/../index.html",
                "/static/%2e%2e%2f%2e%2e%2fsecret.txt", "/../secret.txt",
                "/static//etc/passwd", "/static/", "/static/img", "/secret.txt", "/static/..\\secret.txt")) {
            String head = rawGet(path);
            assertThat(head).as(path).matches("HTTP/1\\.1 (404|400) .*(?s).*").doesNotContain("top secret");
        }
    }

    @Test
    void shouldLoadThePagesFromAJarAsFromADirectory(@TempDir Path temp) throws Exception {
        Path jar = temp.resolve("pages.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("index.html", "static/img/logo.png", "notes.txt")) {
                out.putNextEntry(new JarEntry("pages/" + name));
                out.write(name.equals("notes.txt") ? new byte[] {'n'} : resource(ROOT + name));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            StaticFiles files = StaticFiles.fromClasspath("pages/", loader);

            assertThat(files.paths()).containsExactly("/", "/static/img/logo.png");
            start(files);
        }
        assertThat(get("/static/img/logo.png").body()).containsExactly(resource(ROOT + "static/img/logo.png"));
        assertThat(get("/login").statusCode()).isEqualTo(404);
        assertThat(get("/static/notes.txt").statusCode()).isEqualTo(404);
        assertThat(get("/notes.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeHotlinesOwnPageAndRefuseARootWithoutIndex() throws Exception {
        StaticFiles pages = StaticFiles.hotlinePages();
        start(pages);

        assertThat(new String(get("/").body(), StandardCharsets.UTF_8)).contains("/static/app.js");
        assertThat(pages.paths()).contains("/", "/static/app.js", "/static/app.css");
        assertThat(get("/static/app.js").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> StaticFiles.fromClasspath("io/hotline/web/page/teststatic/static/img/",
                getClass().getClassLoader())).isInstanceOf(IllegalStateException.class).hasMessageContaining("index");
        assertThatThrownBy(() -> StaticFiles.fromClasspath("io/hotline/nowhere/", getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldLeaveAMalformedHostOutOfThePolicy() {
        assertThat(StaticFiles.withPageHeaders(HttpReply.of(HttpResponseStatus.OK, "text/plain", "x"),
                "evil; script-src *")
                .headers().get("Content-Security-Policy")).doesNotContain("evil").contains("connect-src 'self';");
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The response head and body of a GET sent byte for byte as given (no client normalizes the path). */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
