//! api: an axum service on tokio; serde for JSON, tracing for logs, uuid and chrono for ids and
//! times, reqwest (rustls) as the outbound client it would call other services with.
use axum::{extract::Path, routing::get, Json, Router};
use serde::Serialize;
use tower_http::trace::TraceLayer;

#[derive(Serialize)]
struct Greeting {
    id: uuid::Uuid,
    greeting: String,
    at: chrono::DateTime<chrono::Utc>,
    client: &'static str,
}

async fn greet(Path(name): Path<String>) -> Json<Greeting> {
    tracing::info!(%name, "greeted");
    let client = reqwest::Client::builder().use_rustls_tls().build().is_ok();
    Json(Greeting {
        id: uuid::Uuid::new_v4(),
        greeting: format!("Hello, {name}"),
        at: chrono::Utc::now(),
        client: if client { "reqwest+rustls" } else { "none" },
    })
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt().json().with_env_filter("info").init();
    let app = Router::new()
        .route("/health", get(|| async { Json(serde_json::json!({ "status": "ok" })) }))
        .route("/greet/{name}", get(greet))
        .layer(TraceLayer::new_for_http());
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
    let listener = tokio::net::TcpListener::bind(format!("0.0.0.0:{port}")).await.unwrap();
    tracing::info!(%port, "api listening");
    axum::serve(listener, app).await.unwrap();
}
