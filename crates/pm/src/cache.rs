//! The global content-addressed cache: `store/<algo>-<hex>/` holds each package's extracted
//! files, `index/<algo>-<hex>` lists them (written last, so an entry without an index is
//! unfinished and is redone), `packuments/` keeps registry metadata for `--offline` and for
//! revalidation. Installs hard-link from the store (copy where linking fails).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, IoContext, Result};
use crate::tarball::{self, FileEntry};

#[derive(Debug, Clone)]
pub struct Cache {
    pub root: PathBuf,
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

pub fn unique_suffix() -> String {
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}-{}-{}", std::process::id(), t % 1_000_000_000, n)
}

impl Cache {
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os("LODE_CACHE_DIR").filter(|d| !d.is_empty()) {
            return PathBuf::from(d);
        }
        dirs::cache_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("lode")
            .join("pm")
    }
    pub fn new(root: PathBuf) -> Cache {
        Cache { root }
    }
    pub fn store_dir(&self, key: &str) -> PathBuf {
        self.root.join("store").join(key)
    }
    fn index_path(&self, key: &str) -> PathBuf {
        self.root.join("index").join(key)
    }
    pub fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }
    pub fn packument_path(&self, registry: &str, name: &str) -> PathBuf {
        let host = registry
            .split("://")
            .nth(1)
            .unwrap_or(registry)
            .trim_end_matches('/');
        let host: String = host
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.root
            .join("packuments")
            .join(host)
            .join(format!("{}.json", name.replace('/', "%2f")))
    }

    /// The files of a stored package, or None if it is not (completely) in the cache.
    pub fn index(&self, key: &str) -> Option<Vec<FileEntry>> {
        let text = std::fs::read_to_string(self.index_path(key)).ok()?;
        let mut out = Vec::new();
        for line in text.lines() {
            let mut parts = line.splitn(4, '\t');
            let mode = u32::from_str_radix(parts.next()?, 8).ok()?;
            let size = parts.next()?.parse().ok()?;
            let link = parts.next()?;
            let path = parts.next()?.to_string();
            let link = (!link.is_empty()).then(|| link.to_string());
            out.push(FileEntry {
                path,
                mode,
                size,
                link,
            });
        }
        Some(out)
    }

    pub fn has(&self, key: &str) -> bool {
        self.index_path(key).exists()
    }

    /// Extracts a verified tarball into the store under `key`: into a temporary directory
    /// first, renamed into place, the index written last.
    pub fn insert(&self, key: &str, tgz: &[u8]) -> Result<Vec<FileEntry>> {
        let tmp = self.tmp_dir().join(unique_suffix());
        let res = tarball::extract(tgz, &tmp);
        let files = match res {
            Ok(f) => f,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&tmp);
                return Err(e);
            }
        };
        self.commit(key, &tmp, &files)?;
        Ok(files)
    }

    /// Moves a finished temporary directory into the store and writes its index.
    pub fn commit(&self, key: &str, tmp: &Path, files: &[FileEntry]) -> Result<()> {
        let dest = self.store_dir(key);
        std::fs::create_dir_all(dest.parent().unwrap()).ctx("could not create", &dest)?;
        if dest.exists() {
            std::fs::remove_dir_all(&dest).ctx("could not remove", &dest)?;
        }
        if let Err(e) = std::fs::rename(tmp, &dest) {
            let _ = std::fs::remove_dir_all(tmp);
            if !dest.exists() {
                return Err(crate::error::io_err(
                    e,
                    "could not move into the cache",
                    &dest,
                ));
            }
        }
        let mut text = String::new();
        for f in files {
            text.push_str(&format!(
                "{:o}\t{}\t{}\t{}\n",
                f.mode,
                f.size,
                f.link.as_deref().unwrap_or(""),
                f.path
            ));
        }
        let ip = self.index_path(key);
        std::fs::create_dir_all(ip.parent().unwrap()).ctx("could not create", &ip)?;
        let tmp_index = ip.with_extension(unique_suffix());
        std::fs::write(&tmp_index, text).ctx("could not write", &tmp_index)?;
        std::fs::rename(&tmp_index, &ip).ctx("could not write", &ip)?;
        Ok(())
    }

    pub fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.index_path(key));
        let _ = std::fs::remove_dir_all(self.store_dir(key));
    }

    /// Places a stored package at `dest` (which must not exist): hard links, or copies when
    /// `copy` is set or linking fails (another file system). Err(ECORRUPT) if a stored file is
    /// missing or has the wrong size, so the caller can refetch.
    pub fn link_into(&self, key: &str, files: &[FileEntry], dest: &Path, copy: bool) -> Result<()> {
        let src_root = self.store_dir(key);
        std::fs::create_dir_all(dest).ctx("could not create", dest)?;
        let mut made = std::collections::HashSet::new();
        for f in files {
            let to = dest.join(&f.path);
            if let Some(parent) = Path::new(&f.path).parent() {
                if !parent.as_os_str().is_empty() && made.insert(parent.to_path_buf()) {
                    let p = dest.join(parent);
                    std::fs::create_dir_all(&p).ctx("could not create", &p)?;
                }
            }
            if let Some(target) = &f.link {
                std::os::unix::fs::symlink(target, &to).ctx("could not link", &to)?;
                continue;
            }
            let from = src_root.join(&f.path);
            let corrupt = || {
                Error::new(
                    "ECORRUPT",
                    format!("cache entry {key} is damaged: {}", f.path),
                )
            };
            if copy {
                std::fs::copy(&from, &to).map_err(|_| corrupt())?;
                continue;
            }
            match std::fs::hard_link(&from, &to) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(corrupt()),
                Err(_) => {
                    std::fs::copy(&from, &to).map_err(|_| corrupt())?;
                }
            }
        }
        Ok(())
    }

    /// Checks every stored entry's files against its index; removes damaged entries.
    /// Returns (entries ok, entries removed).
    pub fn verify(&self) -> (usize, usize) {
        let mut ok = 0;
        let mut bad = 0;
        let Ok(rd) = std::fs::read_dir(self.root.join("index")) else {
            return (0, 0);
        };
        for e in rd.flatten() {
            let key = e.file_name().to_string_lossy().into_owned();
            let good = self.index(&key).is_some_and(|files| {
                files.iter().all(|f| {
                    let p = self.store_dir(&key).join(&f.path);
                    match &f.link {
                        Some(_) => std::fs::symlink_metadata(&p).is_ok(),
                        None => std::fs::metadata(&p).is_ok_and(|m| m.len() == f.size),
                    }
                })
            });
            if good {
                ok += 1;
            } else {
                self.remove(&key);
                bad += 1;
            }
        }
        if let Ok(rd) = std::fs::read_dir(self.root.join("store")) {
            for e in rd.flatten() {
                let key = e.file_name().to_string_lossy().into_owned();
                if !self.has(&key) {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let _ = std::fs::remove_dir_all(self.tmp_dir());
        (ok, bad)
    }
}
