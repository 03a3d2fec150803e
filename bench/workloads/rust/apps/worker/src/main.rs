//! worker: a sibling service; the bench's "another project's dependency change" adds a crate to it.
fn main() {
    loop {
        println!("worker tick");
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}
