package io.hotline.web.page;

import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages' static files, read once from the classpath under a root ({@value #DEFAULT_ROOT} by default) and served
 * from memory: {@code GET /} is the root's {@code index.html}, {@code GET /login} its {@code login.html} (when there
 * is one), {@code GET /wallboard} its {@code wallboard.html} (when there is one), and {@code GET /static/<path>} the
 * file {@code static/<path>} under the root. Only the files found at start get a route, each by its exact path, so no
 * request path can reach anything else.
 *
 * <p>Every reply carries its content type (by extension), an {@code ETag} with {@code Cache-Control: no-cache} (the
 * browser revalidates and gets 304 when nothing changed), and the security headers {@code Content-Security-Policy}
 * (same-origin scripts, styles, images and connections, the page's WebSocket included; no framing),
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and {@code X-Frame-Options: DENY}.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class StaticFiles {

    /** Where Hotline's own pages live on the classpath. */
    public static final String DEFAULT_ROOT = "io/hotline/web/page/static/";

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String STATIC = "static/";
    /** A Host header fit to be written into the policy: a name or address and an optional port, nothing else. */
    private static final Pattern SAFE_HOST =
            Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    private final Map<String, Asset> files;

    /** One file in memory. */
    private record Asset(String contentType, byte[] content, String etag) {
    }

    private StaticFiles(Map<String, Asset> files) {
        this.files = Map.copyOf(files);
    }

    /** Hotline's own pages, from {@value #DEFAULT_ROOT}. */
    public static StaticFiles hotlinePages() {
        return fromClasspath(DEFAULT_ROOT, StaticFiles.class.getClassLoader());
    }

    /**
     * Reads every file under {@code root} (a classpath directory ending in {@code /}) from a directory or a jar.
     *
     * @throws IllegalStateException if there is no {@code index.html} under {@code root}
     * @throws UncheckedIOException  if a file cannot be read
     */
    public static StaticFiles fromClasspath(String root, ClassLoader loader) {
        if (!root.endsWith("/") || root.startsWith("/")) {
            throw new IllegalArgumentException("root must be a relative classpath directory ending in /: " + root);
        }
        // Found through its index.html: a jar need not hold entries for its directories.
        URL url = loader.getResource(root + "index.html");
        if (url == null) {
            throw new IllegalStateException("no page files on the classpath at " + root + ": no index.html");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return fromJar(uri);
            }
            return new StaticFiles(read(Path.of(uri).getParent()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("page files at an unreadable location " + url, e);
        }
    }

    private static StaticFiles fromJar(URI index) {
        String location = index.toString();
        URI jar = URI.create(location.substring(0, location.indexOf("!/")));
        FileSystem opened = null;
        FileSystem fileSystem;
        try {
            fileSystem = opened = FileSystems.newFileSystem(jar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            fileSystem = FileSystems.getFileSystem(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jar of " + index, e);
        }
        try {
            return new StaticFiles(read(fileSystem.getPath(location.substring(location.indexOf("!/") + 1))
                    .getParent()));
        } finally {
            closeQuietly(opened);
        }
    }

    private static void closeQuietly(FileSystem fileSystem) {
        if (fileSystem != null) {
            try {
                fileSystem.close();
            } catch (IOException e) {
                // Everything was read already; a jar that does not close costs nothing more.
            }
        }
    }

    private static Map<String, Asset> read(Path root) {
        Map<String, Asset> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                files.put(relative, new Asset(contentType(relative), content, etag(content)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page files under " + root, e);
        }
        return files;
    }

    /** The content type of a file name by its extension; {@code application/octet-stream} when unknown. */
    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, OCTET_STREAM);
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The paths served, sorted: {@code /}, {@code /login} when there is a login page, {@code /static/...}. */
    public Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        files.keySet().forEach(file -> urlPath(file).ifPresent(paths::add));
        return paths;
    }

    /** Where a file under the root is served, if it is. */
    private static Optional<String> urlPath(String file) {
        if (file.equals("index.html")) {
            return Optional.of("/");
        }
        if (file.equals("login.html")) {
            return Optional.of("/login");
        }
        if (file.equals("wallboard.html")) {
            return Optional.of("/wallboard");
        }
        return file.startsWith(STATIC) ? Optional.of("/" + file) : Optional.empty();
    }

    /**
     * Adds the public routes {@code GET /} ({@code page_index}), {@code GET /login} ({@code page_login}, when there
     * is a {@code login.html}) and {@code GET /static/<path>} ({@code page_static}) for every file under
     * {@code static/}.
     */
    public HttpRoutes.Builder addRoutes(HttpRoutes.Builder routes) {
        files.forEach((file, asset) -> urlPath(file).ifPresent(path -> routes.get(path, routeName(path),
                Access.PUBLIC, handler(asset))));
        return routes;
    }

    private static String routeName(String path) {
        if (path.equals("/")) {
            return "page_index";
        }
        if (path.equals("/wallboard")) {
            return "page_wallboard";
        }
        return path.equals("/login") ? "page_login" : "page_static";
    }

    private static RouteHandler handler(Asset asset) {
        return RouteHandler.of(request -> reply(asset, request));
    }

    private static HttpReply reply(Asset asset, RouteRequest request) {
        HttpReply reply;
        if (matches(request.headers().get("If-None-Match"), asset.etag())) {
            // The length the full reply would have, as RFC 9110 15.4.5 allows, rather than the 0 of an empty body.
            reply = HttpReply.bytes(HttpResponseStatus.NOT_MODIFIED, asset.contentType(), new byte[0])
                    .withHeader("Content-Length", Integer.toString(asset.content().length));
        } else {
            reply = HttpReply.bytes(HttpResponseStatus.OK, asset.contentType(), asset.content());
        }
        return withPageHeaders(reply, request.headers().get("Host")).withHeader("ETag", asset.etag())
                .withHeader("Cache-Control", "no-cache");
    }

    /** Whether an {@code If-None-Match} value ({@code *}, or a list of possibly weak tags) names {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code reply} with the security headers of a page: the content security policy (allowing the WebSocket of
     * {@code host} where the Host header is well formed), no MIME sniffing, no referrer, no framing.
     */
    public static HttpReply withPageHeaders(HttpReply reply, String host) {
        String connect = "'self'";
        if (host != null && SAFE_HOST.matcher(host).matches()) {
            // 'self' covers ws: and wss: in CSP 3 browsers; older ones need the URLs spelled out.
            connect += " ws://" + host + " wss://" + host;
        }
        return reply
                .withHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self' data:; connect-src " + connect + "; object-src 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'; form-action 'self'")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("X-Frame-Options", "DENY");
    }
}
