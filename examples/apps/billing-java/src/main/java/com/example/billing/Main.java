package com.example.billing;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** GET /health and GET /invoices on PORT (default 8080): the JDK's HTTP server, JSON by gson. */
public final class Main {
  private static final Gson GSON = new Gson();

  private Main() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
    server.createContext("/health", exchange -> reply(exchange, 200, Map.of("status", "ok", "service", "billing-java")));
    server.createContext("/invoices", exchange -> reply(exchange, 200, Map.of("invoices", List.of(
        Map.of("id", "INV-1", "amountCents", 1250),
        Map.of("id", "INV-2", "amountCents", 4999)))));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("billing-java listening on " + port);
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] payload = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, payload.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(payload);
    }
  }
}
