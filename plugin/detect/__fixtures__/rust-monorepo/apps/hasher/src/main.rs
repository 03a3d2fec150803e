fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
}
