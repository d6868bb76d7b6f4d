//! A real full file system: a 64 KiB tmpfs (needs root to mount; skipped with a note
//! otherwise). Writing more than fits must fail with node's ENOSPC error and a non-zero exit
//! from an uncaught error, for the sync, callback, promise and stream forms; never silently.
//! (tests/fixtures/fs/full_disk.js covers the same errors on /dev/full without root.)

use std::process::Command;

struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn mount_small_tmpfs() -> Option<Mount> {
    let dir = std::env::temp_dir().join(format!("lode-full-disk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&dir)
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        let _ = std::fs::remove_dir(&dir);
        return None;
    }
    Some(Mount(dir))
}

fn run(script: &str, dir: &std::path::Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lode"))
        .arg("-e")
        .arg(script)
        .env("DIR", dir)
        .output()
        .expect("running lode");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn writes_to_a_full_file_system_fail_with_enospc() {
    let Some(mount) = mount_small_tmpfs() else {
        eprintln!("note: skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let dir = &mount.0;
    let big = "Buffer.alloc(1024 * 1024, 1)";
    let cases = [
        format!("try {{ require('fs').writeFileSync(process.env.DIR + '/a', {big}); }} catch (e) {{ console.log(e.code, e.syscall); }}"),
        format!("require('fs').writeFile(process.env.DIR + '/b', {big}, (e) => console.log(e.code, e.syscall));"),
        format!("require('fs').promises.writeFile(process.env.DIR + '/c', {big}).catch((e) => console.log(e.code, e.syscall));"),
        format!("const w = require('fs').createWriteStream(process.env.DIR + '/d'); w.on('error', (e) => console.log(e.code, e.syscall)); w.end({big});"),
    ];
    for script in &cases {
        let (code, out) = run(script, dir);
        assert_eq!(out.trim(), "ENOSPC write", "{script}");
        assert_eq!(code, 0, "{script}");
        for f in ["a", "b", "c", "d"] {
            let _ = std::fs::remove_file(dir.join(f));
        }
    }
    // Uncaught: node's report and exit code 1.
    let (code, _) = run(
        &format!("require('fs').writeFileSync(process.env.DIR + '/e', {big});"),
        dir,
    );
    assert_eq!(code, 1);
}
