package dev.helios.examples.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The visualizer site served as a static site, as a user would serve it: the JDK's HTTP server on
 * 127.0.0.1 and an ephemeral port, the files of one directory with their content types
 * ({@code .wasm} must be {@code application/wasm} for streaming compilation, {@code .mjs}
 * {@code text/javascript} for a module import), 404 for anything else, nothing outside the directory.
 */
final class SiteServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "mjs", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "wasm", "application/wasm",
      "json", "application/json; charset=utf-8");

  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor;

  private SiteServer(Path root, HttpServer server, ExecutorService executor) {
    this.root = root;
    this.server = server;
    this.executor = executor;
  }

  /** Serves {@code root} until {@link #close()}. */
  static SiteServer start(Path root) throws IOException {
    Path realRoot = root.toRealPath();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "helios-site-server");
      thread.setDaemon(true);
      return thread;
    });
    SiteServer site = new SiteServer(realRoot, server, executor);
    server.createContext("/", site::handle);
    server.setExecutor(executor);
    server.start();
    return site;
  }

  /** The directory served. */
  Path root() {
    return root;
  }

  /** {@code http://127.0.0.1:<port>/}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The file {@code rawPath} (a request path, still percent-encoded) names, or null if none may be served. */
  Path resolve(String rawPath) {
    String path;
    try {
      path = URI.create("http://x" + rawPath).getPath(); // decodes %2e%2e and the like before the check
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.contains("\\")) {
      return null;
    }
    String relative = path.substring(1);
    if (relative.isEmpty()) {
      relative = "index.html";
    }
    Path file;
    try {
      file = root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return file;
  }

  /** The content type of {@code file}, or null if this server does not serve its kind. */
  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Path file = resolve(exchange.getRequestURI().getRawPath());
      String type = file == null ? null : contentType(file);
      if (type == null) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = Files.readAllBytes(file);
      if (method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      send(exchange, 200, type, body);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
