package dev.helios.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser tests' static server, without a browser: content types, 404s, and no way out of the site. */
class SiteServerTest {
  @TempDir
  Path dir;

  @Test
  void servesTheSiteFilesWithTheirTypesAndNothingElse() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>t</title>");
    Files.writeString(site.resolve("helios.js"), "export {};");
    Files.writeString(site.resolve("helios.wasm-runtime.mjs"), "export {};");
    Files.writeString(site.resolve("helios.css"), "body{}");
    Files.write(site.resolve("helios.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    Files.writeString(site.resolve("data.json"), "{}");
    Files.writeString(site.resolve("notes.txt"), "not a site file type");
    Files.writeString(dir.resolve("secret.html"), "outside the site");

    try (SiteServer server = SiteServer.start(site)) {
      HttpClient client = HttpClient.newHttpClient();
      assertType(client, server, "", "text/html");
      assertType(client, server, "index.html", "text/html");
      assertType(client, server, "helios.js", "text/javascript");
      assertType(client, server, "helios.wasm-runtime.mjs", "text/javascript");
      assertType(client, server, "helios.css", "text/css");
      assertType(client, server, "helios.wasm", "application/wasm");
      assertType(client, server, "data.json", "application/json");
      assertType(client, server, "index.html?sim=Quickstart&seed=7&run", "text/html");
      HttpResponse<byte[]> wasm = client.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "helios.wasm")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(8, wasm.body().length);

      assertEquals(404, status(client, server, "missing.js"));
      assertEquals(404, status(client, server, "notes.txt"));
      for (String escape : new String[] {"../secret.html", "%2e%2e/secret.html", "%2E%2E%2Fsecret.html", "..%2fsecret.html",
          "site/../../secret.html", "..\\secret.html", "%00index.html"}) {
        int status = rawStatus(server, "/" + escape);
        assertTrue(status == 404 || status == 400, escape + " answered " + status); // 400: the JDK's parser refused it first
      }
      assertEquals(null, server.resolve("/../secret.html"));
      assertEquals(null, server.resolve("/%2e%2e/secret.html"));
      assertEquals(site.toRealPath().resolve("index.html"), server.resolve("/"));
    }
  }

  private static void assertType(HttpClient client, SiteServer server, String path, String type) throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(contentType.startsWith(type), path + ": " + contentType);
  }

  private static int status(HttpClient client, SiteServer server, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The status of a request sent as written (an HTTP client would normalize the dots away). */
  private static int rawStatus(SiteServer server, String target) throws IOException {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1); // "HTTP/1.1 404"
      return Integer.parseInt(head.substring(9, 12));
    }
  }
}
