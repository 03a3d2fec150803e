//! search-rust: a tiny search service (std::net, one small crate) for nx-dockerize's examples.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

const WORDS: [&str; 5] = ["tea", "teapot", "cup", "saucer", "kettle"];

fn respond(stream: &mut TcpStream, status: &str, body: &str) {
    let mut length = itoa::Buffer::new();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        length.format(body.len())
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
}

fn search(query: &str) -> String {
    let hits: Vec<String> = WORDS.iter().filter(|word| word.contains(query)).map(|word| format!("\"{word}\"")).collect();
    let mut count = itoa::Buffer::new();
    format!("{{\"query\":\"{}\",\"count\":{},\"hits\":[{}]}}", query.replace('"', ""), count.format(hits.len()), hits.join(","))
}

fn handle(mut stream: TcpStream) {
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    match (line.starts_with("GET "), path) {
        (true, "/health") => respond(&mut stream, "200 OK", "{\"status\":\"ok\",\"service\":\"search-rust\"}"),
        (true, "/search") => {
            let q = query.split('&').find_map(|pair| pair.strip_prefix("q=")).unwrap_or("");
            respond(&mut stream, "200 OK", &search(q))
        }
        _ => respond(&mut stream, "404 Not Found", "{\"error\":\"not found\"}"),
    }
}

/// The image's HEALTHCHECK: distroless has no shell or curl, so the binary asks itself.
fn probe(port: &str) -> i32 {
    let Ok(mut stream) = TcpStream::connect(format!("127.0.0.1:{port}")) else { return 1 };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
    let _ = stream.write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    let mut status = String::new();
    let _ = BufReader::new(&stream).read_line(&mut status);
    if status.starts_with("HTTP/1.1 200") { 0 } else { 1 }
}

fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8081".to_string());
    if std::env::args().any(|arg| arg == "--healthcheck") {
        std::process::exit(probe(&port));
    }
    let listener = TcpListener::bind(format!("0.0.0.0:{port}")).expect("bind PORT");
    println!("search-rust listening on :{port}");
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || handle(stream));
    }
}
