//! Links the functions start-up runs next to each other (`startup-order.txt`, made by
//! `bench/startup/make-order.sh`). The kernel maps a file's code into memory in 64 KiB windows
//! around each first touch, so the few thousand functions of start-up, spread over the 19 MB of
//! code, made `lode -e 0` map ~11 MB of it; grouped, they take a few windows.
//! Needs LLD, Rust's default linker on x86_64 Linux since Rust 1.90; skipped for other targets,
//! older compilers, a linker chosen in RUSTFLAGS, or with `LODE_NO_ORDER_FILE=1`.
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=startup-order.txt");
    println!("cargo:rerun-if-env-changed=LODE_NO_ORDER_FILE");
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let own_linker = flags.contains("linker") || flags.contains("link-self-contained");
    if target != "x86_64-unknown-linux-gnu"
        || own_linker
        || !rustc_links_with_lld()
        || std::env::var_os("LODE_NO_ORDER_FILE").is_some()
    {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={dir}/startup-order.txt");
    // Symbols of another build (a different optimisation level, a renamed function) are skipped.
    println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
}

/// Whether rustc is 1.90 or later, which links x86_64 Linux programs with its own LLD.
fn rustc_links_with_lld() -> bool {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("-vV").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let Some(version) = text.lines().find_map(|l| l.strip_prefix("release: ")) else {
        return false;
    };
    let mut parts = version
        .split(['.', '-'])
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (major, minor) >= (1, 90)
}
