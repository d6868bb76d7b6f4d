//! Safe extraction of npm package tarballs (gzip'd tar with one leading directory, usually
//! `package/`). Refuses absolute paths, `..` components and links that point outside the package,
//! before anything is written; extraction goes to a directory the caller renames into place.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::error::{err, Error, IoContext, Result};

/// One extracted file, recorded in the cache's index so linking needs no directory walk.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEntry {
    pub path: String,
    pub mode: u32,
    pub size: u64,
    /// `Some(target)` for a symbolic link.
    pub link: Option<String>,
}

/// Normalises a path inside the package; `None` if it is absolute or climbs out with `..`.
fn inside(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn strip_first(p: &Path) -> Result<Option<PathBuf>> {
    let raw = p.to_string_lossy();
    if raw.starts_with('/')
        || raw.starts_with('\\')
        || p.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        })
    {
        return err(
            "EBADTAR",
            format!("refusing to extract \"{raw}\": absolute path or `..` component"),
        );
    }
    let mut comps = p.components().filter(|c| !matches!(c, Component::CurDir));
    comps.next();
    let rest: PathBuf = comps.collect();
    Ok((!rest.as_os_str().is_empty()).then_some(rest))
}

/// Reads all entries first (validating every path and link), then writes them under `dest`.
pub fn extract(gz: &[u8], dest: &Path) -> Result<Vec<FileEntry>> {
    let bad = |e: std::io::Error| Error::new("EBADTAR", format!("invalid tarball: {e}"));
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(gz));
    enum Item {
        Dir(PathBuf),
        File(PathBuf, u32, Vec<u8>),
        Symlink(PathBuf, String),
        Hardlink(PathBuf, PathBuf),
    }
    let mut items = Vec::new();
    for entry in archive.entries().map_err(bad)? {
        let mut entry = entry.map_err(bad)?;
        let path = entry.path().map_err(bad)?.into_owned();
        let Some(rel) = strip_first(&path)? else {
            continue;
        };
        let kind = entry.header().entry_type();
        let mode = entry.header().mode().unwrap_or(0o644);
        if kind.is_dir() {
            items.push(Item::Dir(rel));
        } else if kind.is_symlink() || kind.is_hard_link() {
            let target = entry
                .link_name()
                .map_err(bad)?
                .map(|t| t.into_owned())
                .unwrap_or_default();
            if kind.is_symlink() {
                let resolved = rel.parent().unwrap_or(Path::new("")).join(&target);
                if target.is_absolute() || inside(&resolved).is_none() {
                    return err("EBADTAR", format!("refusing to extract link \"{}\" -> \"{}\": it points outside the package", path.display(), target.display()));
                }
                items.push(Item::Symlink(rel, target.to_string_lossy().into_owned()));
            } else {
                match strip_first(&target)? {
                    Some(t) => items.push(Item::Hardlink(rel, t)),
                    None => {
                        return err(
                            "EBADTAR",
                            format!("refusing hard link \"{}\"", path.display()),
                        )
                    }
                }
            }
        } else if kind.is_file()
            || kind == tar::EntryType::Continuous
            || kind == tar::EntryType::GNUSparse
        {
            let mut data = Vec::with_capacity(entry.size() as usize);
            entry.read_to_end(&mut data).map_err(bad)?;
            items.push(Item::File(rel, mode, data));
        }
    }
    std::fs::create_dir_all(dest).ctx("could not create", dest)?;
    let mut index = Vec::new();
    let mut made = std::collections::HashSet::new();
    let mut mk_parent = |p: &Path| -> Result<()> {
        if let Some(parent) = p.parent() {
            if made.insert(parent.to_path_buf()) {
                std::fs::create_dir_all(parent).ctx("could not create", parent)?;
            }
        }
        Ok(())
    };
    let mut seen = std::collections::HashMap::new();
    for item in items {
        match item {
            Item::Dir(rel) => {
                let p = dest.join(rel);
                std::fs::create_dir_all(&p).ctx("could not create", &p)?;
            }
            Item::File(rel, mode, data) => {
                let p = dest.join(&rel);
                mk_parent(&p)?;
                // npm normalises modes: readable by all, executable bits kept.
                let mode = (mode | 0o644) & 0o755 | if mode & 0o111 != 0 { 0o755 } else { 0 };
                write_file(&p, &data, mode)?;
                let key = rel.to_string_lossy().into_owned();
                seen.insert(key.clone(), index.len());
                index.push(FileEntry {
                    path: key,
                    mode,
                    size: data.len() as u64,
                    link: None,
                });
            }
            Item::Symlink(rel, target) => {
                let p = dest.join(&rel);
                mk_parent(&p)?;
                let _ = std::fs::remove_file(&p);
                std::os::unix::fs::symlink(&target, &p).ctx("could not link", &p)?;
                index.push(FileEntry {
                    path: rel.to_string_lossy().into_owned(),
                    mode: 0o777,
                    size: 0,
                    link: Some(target),
                });
            }
            Item::Hardlink(rel, target) => {
                let src = dest.join(&target);
                let p = dest.join(&rel);
                mk_parent(&p)?;
                std::fs::copy(&src, &p).ctx("could not copy", &src)?;
                let t = target.to_string_lossy().into_owned();
                let (mode, size) = seen
                    .get(&t)
                    .map(|i| (index[*i].mode, index[*i].size))
                    .unwrap_or((0o644, 0));
                index.push(FileEntry {
                    path: rel.to_string_lossy().into_owned(),
                    mode,
                    size,
                    link: None,
                });
            }
        }
    }
    Ok(index)
}

/// Creates (or truncates) a file with its mode set at creation: one syscall fewer than a
/// chmod afterwards, which adds up over the tens of thousands of files of a large install.
fn write_file(p: &Path, data: &[u8], mode: u32) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(p)
        .ctx("could not write", p)?;
    f.write_all(data).ctx("could not write", p)
}

pub fn set_mode(p: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).ctx("could not chmod", p)
}

/// Builds a gzip'd tarball the way `npm pack` does: `package/` prefix, fixed mtime
/// (1985-10-26T08:15:00Z), modes 0644/0755, files in the given order.
pub fn create(files: &[(String, Vec<u8>, bool)]) -> Result<Vec<u8>> {
    let enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut b = tar::Builder::new(enc);
    for (path, data, exec) in files {
        let mut h = tar::Header::new_ustar();
        h.set_size(data.len() as u64);
        h.set_mode(if *exec { 0o755 } else { 0o644 });
        h.set_mtime(499162500);
        h.set_entry_type(tar::EntryType::Regular);
        let full = format!("package/{path}");
        b.append_data(&mut h, &full, data.as_slice())
            .map_err(|e| Error::new("EIO", format!("could not pack {path}: {e}")))?;
    }
    let enc = b
        .into_inner()
        .map_err(|e| Error::new("EIO", e.to_string()))?;
    enc.finish().map_err(|e| Error::new("EIO", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw_tar(entries: &[(&str, tar::EntryType, &[u8], Option<&str>)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (path, kind, data, link) in entries {
            let mut h = tar::Header::new_gnu();
            // Write the name bytes directly: tar::Builder itself refuses `..`.
            let name = h.as_old_mut().name.as_mut();
            name[..path.len()].copy_from_slice(path.as_bytes());
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            h.set_entry_type(*kind);
            if let Some(l) = link {
                let ln = h.as_old_mut().linkname.as_mut();
                ln[..l.len()].copy_from_slice(l.as_bytes());
            }
            h.set_cksum();
            out.extend_from_slice(h.as_bytes());
            out.extend_from_slice(data);
            out.resize(out.len().div_ceil(512) * 512, 0);
        }
        out.extend_from_slice(&[0u8; 1024]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &out).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn round_trip_and_modes() {
        let tgz = create(&[
            ("package.json".into(), b"{}".to_vec(), false),
            ("bin/x".into(), b"#!/bin/sh".to_vec(), true),
        ])
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let idx = extract(&tgz, dir.path()).unwrap();
        assert_eq!(idx.len(), 2);
        assert_eq!(
            std::fs::read(dir.path().join("package.json")).unwrap(),
            b"{}"
        );
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(dir.path().join("bin/x"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o755
        );
    }

    #[test]
    fn refuses_traversal_absolute_and_escaping_links() {
        for (name, kind, link) in [
            ("package/../../evil", tar::EntryType::Regular, None),
            ("/etc/evil", tar::EntryType::Regular, None),
            ("package/l", tar::EntryType::Symlink, Some("../../outside")),
            ("package/l", tar::EntryType::Symlink, Some("/etc/passwd")),
        ] {
            let tgz = raw_tar(&[
                ("package/ok", tar::EntryType::Regular, b"1", None),
                (name, kind, b"x", link),
            ]);
            let dir = tempfile::tempdir().unwrap();
            let dest = dir.path().join("out");
            let e = extract(&tgz, &dest).unwrap_err();
            assert_eq!(e.code, "EBADTAR", "{name}");
            assert!(!dest.exists(), "nothing written for {name}");
        }
        let tgz = raw_tar(&[
            ("package/a", tar::EntryType::Regular, b"1", None),
            ("package/d/l", tar::EntryType::Symlink, b"", Some("../a")),
        ]);
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(extract(&tgz, dir.path()).unwrap().len(), 2);
    }
}
