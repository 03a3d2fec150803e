fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8088".into());
    if std::env::args().any(|a| a == "--healthcheck") {}
    let _ = port;
}
