//! Gives each build of the engine an identifier, so that code caches written by one build
//! (SpiderMonkey's self-hosted stencil) are never read by another.
fn main() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    println!("cargo:rustc-env=LODE_ENGINE_BUILD_ID={now:x}");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
}
