//! Links the functions start-up runs next to each other (`startup-order.txt`, made by
//! `bench/startup/make-order.sh`). The kernel maps a file's code into memory in 64 KiB windows
//! around each first touch, so the few thousand functions of start-up, spread over the 19 MB of
//! code, made `lode -e 0` map ~11 MB of it; grouped, they take a few windows.
//! Needs LLD, Rust's default linker on x86_64 Linux; `LODE_NO_ORDER_FILE=1` turns it off.
fn main() {
    println!("cargo:rerun-if-changed=startup-order.txt");
    println!("cargo:rerun-if-env-changed=LODE_NO_ORDER_FILE");
    let target = std::env::var("TARGET").unwrap_or_default();
    if target != "x86_64-unknown-linux-gnu" || std::env::var_os("LODE_NO_ORDER_FILE").is_some() {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={dir}/startup-order.txt");
    // Symbols of another build (a different optimisation level, a renamed function) are skipped.
    println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
}
