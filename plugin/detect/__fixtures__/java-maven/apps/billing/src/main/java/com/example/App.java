class App { int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081")); }
