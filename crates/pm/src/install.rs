//! `lode install`: load the project, build the ideal tree (from the lockfile where it still
//! fits, fetching metadata concurrently for the rest), then reify: fetch and store every needed
//! tarball concurrently, hard-link new packages into temporary directories renamed into place,
//! remove what is gone, link `.bin`, run install scripts, write `lode.lock` and the
//! `node_modules/.lode-state.json` record that lets an unchanged second install return at once.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use futures_util::stream::{self, StreamExt};
use serde_json::Value;
use tokio::sync::OnceCell;

use crate::cache::{unique_suffix, Cache};
use crate::error::{err, Error, IoContext, Result};
use crate::integrity::Integrity;
use crate::lockfile::{self, Lock, LOCKFILE};
use crate::manifest::Manifest;
use crate::npmrc::Config;
use crate::output::Progress;
use crate::registry::{Mode, Registry, VersionMeta};
use crate::spec::{self, Spec};
use crate::tarball::FileEntry;
use crate::tree::{self, Builder, Edge, Kind, Node, Sources, Tree};

pub const STATE_FILE: &str = ".lode-state.json";

#[derive(Debug, Clone, Default)]
pub struct Opts {
    pub omit_dev: bool,
    pub omit_optional: bool,
    pub frozen: bool,
    pub ignore_scripts: bool,
    pub offline: bool,
    pub prefer_offline: bool,
    pub silent: bool,
    pub verbose: bool,
    pub foreground_scripts: bool,
    /// Root dependencies to re-resolve even if the locked version still satisfies.
    pub force: BTreeSet<String>,
    /// Skip the "nothing changed" shortcut (after `add`/`remove` rewrote package.json).
    pub no_shortcut: bool,
}

/// The root project and its workspaces.
pub struct Project {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// (project-relative path, manifest)
    pub workspaces: Vec<(String, Manifest)>,
}

pub fn find_project_dir() -> Result<PathBuf> {
    let cwd = std::env::current_dir()
        .map_err(|e| Error::new("ENOENT", format!("no current directory: {e}")))?;
    let mut d = Some(cwd.as_path());
    while let Some(p) = d {
        if p.join("package.json").exists() {
            return Ok(p.to_path_buf());
        }
        d = p.parent();
    }
    Ok(cwd)
}

/// The directory installs happen in: the nearest package.json's, or the workspace root whose
/// `workspaces` include it (npm installs a workspace's dependencies from the root).
pub fn find_install_root() -> Result<PathBuf> {
    let nearest = find_project_dir()?;
    let mut d = nearest.parent();
    while let Some(p) = d {
        if let Ok(m) = Manifest::read(&p.join("package.json")) {
            let rel = nearest
                .strip_prefix(p)
                .map(|r| r.to_string_lossy().into_owned())
                .unwrap_or_default();
            if expand_workspaces(p, &m.workspaces()).contains(&rel) {
                return Ok(p.to_path_buf());
            }
        }
        d = p.parent();
    }
    Ok(nearest)
}

/// Expands workspace patterns: literal paths and a trailing `*` / `**` segment.
pub fn expand_workspaces(dir: &Path, patterns: &[String]) -> Vec<String> {
    let mut out = BTreeSet::new();
    for pat in patterns {
        let pat = pat.trim_start_matches("./").trim_end_matches('/');
        if let Some(base) = pat.strip_suffix("/*").or_else(|| pat.strip_suffix("/**")) {
            if let Ok(rd) = std::fs::read_dir(dir.join(base)) {
                for e in rd.flatten() {
                    if e.path().join("package.json").exists() {
                        out.insert(format!("{base}/{}", e.file_name().to_string_lossy()));
                    }
                }
            }
        } else if dir.join(pat).join("package.json").exists() {
            out.insert(pat.to_string());
        }
    }
    out.into_iter().collect()
}

impl Project {
    pub fn load(dir: &Path) -> Result<Project> {
        let manifest = Manifest::read(&dir.join("package.json"))?;
        let mut workspaces = Vec::new();
        for rel in expand_workspaces(dir, &manifest.workspaces()) {
            workspaces.push((
                rel.clone(),
                Manifest::read(&dir.join(&rel).join("package.json"))?,
            ));
        }
        Ok(Project {
            dir: dir.to_path_buf(),
            manifest,
            workspaces,
        })
    }

    pub fn project_node(m: &Manifest, location: &str) -> Node {
        let mut edges: Vec<Edge> = Vec::new();
        let mut seen = BTreeSet::new();
        for (kind, key) in [
            (Kind::Prod, "dependencies"),
            (Kind::Optional, "optionalDependencies"),
            (Kind::Dev, "devDependencies"),
            (Kind::Peer, "peerDependencies"),
        ] {
            for (n, s) in m.deps(key) {
                if seen.insert(n.clone()) {
                    edges.push(Edge {
                        name: n,
                        spec: s,
                        kind,
                    });
                }
            }
        }
        edges.sort_by(|a, b| a.name.cmp(&b.name));
        Node {
            name: m.name().to_string(),
            pkg: m.name().to_string(),
            version: m.version().to_string(),
            location: location.to_string(),
            project: true,
            edges,
            bin: m.bins(),
            bundled: vec![],
            ..Default::default()
        }
    }

    fn workspace_nodes(&self) -> Vec<Node> {
        self.workspaces
            .iter()
            .map(|(rel, m)| Project::project_node(m, rel))
            .collect()
    }

    fn fresh_tree(&self) -> Tree {
        let mut t = Tree::default();
        t.add(Project::project_node(&self.manifest, ""), None);
        for n in self.workspace_nodes() {
            t.add(n, Some(0));
        }
        self.add_workspace_links(&mut t);
        t
    }

    fn add_workspace_links(&self, t: &mut Tree) {
        for (rel, m) in &self.workspaces {
            let name = if m.name().is_empty() {
                rel.rsplit('/').next().unwrap_or(rel)
            } else {
                m.name()
            };
            let exists = t.nodes[0]
                .children
                .get(name)
                .is_some_and(|&c| t.nodes[c].link && t.nodes[c].resolved == *rel);
            if !exists {
                t.add(
                    Node {
                        name: name.to_string(),
                        pkg: name.to_string(),
                        version: m.version().to_string(),
                        resolved: rel.clone(),
                        link: true,
                        bin: m.bins(),
                        ..Default::default()
                    },
                    Some(0),
                );
            }
        }
    }

    /// package.json `overrides`: `"name": "spec"`, `"$name"` for the root's own spec, and
    /// `"name": { ".": "spec" }`; nested per-dependent overrides are not applied.
    pub fn overrides(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let Some(Value::Object(m)) = self.manifest.json.get("overrides") else {
            return out;
        };
        let root_spec = |name: &str| {
            [
                "dependencies",
                "devDependencies",
                "optionalDependencies",
                "peerDependencies",
            ]
            .iter()
            .find_map(|k| {
                self.manifest
                    .json
                    .get(*k)
                    .and_then(|d| d.get(name))
                    .and_then(Value::as_str)
                    .map(String::from)
            })
        };
        for (k, v) in m {
            let name = crate::spec::split_name_spec(k).0;
            let spec = match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get(".").and_then(Value::as_str).map(String::from),
                _ => None,
            };
            let spec = match spec {
                Some(s) if s.starts_with('$') => root_spec(&s[1..]),
                other => other,
            };
            if let Some(s) = spec {
                out.insert(name, s);
            }
        }
        out
    }

    /// Hash of everything an install's result depends on.
    pub fn fingerprint(&self, opts: &Opts) -> String {
        let mut data = Vec::new();
        data.extend_from_slice(
            format!(
                "lode-pm {} {} {} {}\n",
                env!("CARGO_PKG_VERSION"),
                opts.omit_dev,
                opts.omit_optional,
                opts.ignore_scripts
            )
            .as_bytes(),
        );
        let mut files = vec![self.dir.join("package.json"), self.dir.join(LOCKFILE)];
        files.extend(
            self.workspaces
                .iter()
                .map(|(r, _)| self.dir.join(r).join("package.json")),
        );
        for f in files {
            data.extend_from_slice(f.to_string_lossy().as_bytes());
            data.extend_from_slice(&std::fs::read(&f).unwrap_or_default());
        }
        crate::integrity::sha1_hex(&data)
    }
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct State {
    pub fingerprint: String,
    pub packages: BTreeMap<String, String>,
}

pub fn read_state(dir: &Path) -> Option<State> {
    let bytes = std::fs::read(dir.join("node_modules").join(STATE_FILE)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The stored copy of one tarball.
#[derive(Clone)]
pub struct Stored {
    pub key: String,
    pub integrity: String,
    pub files: Arc<Vec<FileEntry>>,
}

type Cell = Arc<OnceCell<std::result::Result<Stored, Error>>>;

/// Downloads each tarball once per run (by integrity, else URL) into the cache.
pub struct Fetcher {
    pub reg: Arc<Registry>,
    cells: Mutex<HashMap<String, Cell>>,
    pub progress: Progress,
}

impl Fetcher {
    pub fn new(reg: Arc<Registry>, progress: Progress) -> Arc<Fetcher> {
        Arc::new(Fetcher {
            reg,
            cells: Mutex::new(HashMap::new()),
            progress,
        })
    }

    pub async fn ensure(self: &Arc<Self>, url: &str, integrity: &str) -> Result<Stored> {
        let want = Integrity::parse(integrity);
        let id = want
            .as_ref()
            .map(|w| w.key())
            .unwrap_or_else(|| url.to_string());
        let cell = {
            let mut cells = self.cells.lock().unwrap();
            if !cells.contains_key(&id) {
                self.progress.queued();
            }
            cells.entry(id).or_default().clone()
        };
        let this = self.clone();
        cell.get_or_init(|| async move { this.fetch(url, want).await })
            .await
            .clone()
    }

    /// Starts fetching in the background (metadata resolution goes on meanwhile).
    pub fn prefetch(self: &Arc<Self>, url: String, integrity: String) {
        let this = self.clone();
        tokio::spawn(async move {
            let _ = this.ensure(&url, &integrity).await;
        });
    }

    async fn fetch(&self, url: &str, want: Option<Integrity>) -> Result<Stored> {
        let cache = self.reg.cache.clone();
        if let Some(w) = &want {
            let key = w.key();
            if let Some(files) = cache.index(&key) {
                self.progress.extracted();
                return Ok(Stored {
                    key,
                    integrity: w.to_string(),
                    files: Arc::new(files),
                });
            }
        }
        if url.is_empty() {
            return err("ENOTARBALL", "no tarball URL in the metadata or lockfile");
        }
        let (bytes, got) = if let Some(path) = url.strip_prefix("file:") {
            let bytes = std::fs::read(path).ctx("could not read", Path::new(path))?;
            if let Some(w) = &want {
                if !w.verify(&bytes) {
                    return err(
                        "EINTEGRITY",
                        format!("{w} integrity checksum failed for {url}"),
                    );
                }
            }
            let i = want.clone().unwrap_or_else(|| Integrity::sha512(&bytes));
            (bytes, i)
        } else {
            self.reg.tarball(url, want.as_ref()).await?
        };
        self.progress.downloaded();
        let key = got.key();
        let integrity = match &want {
            Some(w) => w.to_string(),
            None => got.to_string(),
        };
        let files =
            tokio::task::spawn_blocking(move || cache.insert(&key, &bytes).map(|f| (key, f)))
                .await
                .map_err(|e| Error::new("EIO", e.to_string()))??;
        self.progress.extracted();
        Ok(Stored {
            key: files.0,
            integrity,
            files: Arc::new(files.1),
        })
    }

    pub fn forget(&self, url: &str, integrity: &str) {
        let id = Integrity::parse(integrity)
            .map(|w| w.key())
            .unwrap_or_else(|| url.to_string());
        self.cells.lock().unwrap().remove(&id);
    }
}

fn meta_from_manifest(m: &Value, resolved: &str, integrity: &str) -> VersionMeta {
    let mut meta: VersionMeta = serde_json::from_value(m.clone()).unwrap_or_default();
    meta.dist.tarball = resolved.to_string();
    meta.dist.integrity = Some(integrity.to_string());
    if meta.scripts.as_ref().is_some_and(|s| {
        ["preinstall", "install", "postinstall"]
            .iter()
            .any(|k| s.get(k).is_some())
    }) {
        meta.has_install_script = true;
    }
    meta
}

/// Fetches packuments for `seeds` and, following the versions npm would pick, for everything
/// they depend on; starts each picked tarball's download as soon as it is known.
async fn prefetch(fetcher: &Arc<Fetcher>, seeds: Vec<(String, String)>, src: &mut Sources) {
    let reg = fetcher.reg.clone();
    let mut pending: HashMap<String, Vec<String>> = HashMap::new();
    let mut done: BTreeSet<(String, String)> = BTreeSet::new();
    let mut tasks = tokio::task::JoinSet::new();
    let mut requested: BTreeSet<String> = src.packuments.keys().cloned().collect();
    let mut queue: Vec<(String, String)> = seeds;
    loop {
        while let Some((folder, s)) = queue.pop() {
            let parsed = Spec::parse(&folder, &s);
            let Some(name) = parsed.registry_name().map(String::from) else {
                continue;
            };
            if !done.insert((name.clone(), s.clone())) {
                continue;
            }
            if let Some(Ok(p)) = src.packuments.get(&name) {
                if let Some(m) = spec::pick(p, &parsed) {
                    if !reg
                        .cache
                        .has(&m.integrity().map(|i| i.key()).unwrap_or_default())
                        && reg.mode != Mode::Offline
                    {
                        fetcher.prefetch(m.dist.tarball.clone(), m.integrity_string());
                    }
                    let bundled = m.bundled();
                    for e in tree::edges_of(m) {
                        if e.kind != Kind::PeerOptional && !bundled.contains(&e.name) {
                            queue.push((e.name, e.spec));
                        }
                    }
                }
                continue;
            }
            pending.entry(name.clone()).or_default().push(s);
            if requested.insert(name.clone()) {
                let reg = reg.clone();
                tasks.spawn(async move {
                    let r = reg.packument(&name).await;
                    (name, r)
                });
            }
        }
        let Some(res) = tasks.join_next().await else {
            break;
        };
        let Ok((name, r)) = res else { continue };
        fetcher.progress.resolved();
        src.packuments.insert(name.clone(), r);
        for s in pending.remove(&name).unwrap_or_default() {
            done.remove(&(name.clone(), s.clone()));
            queue.push((name.clone(), s));
        }
    }
}

/// Builds the ideal tree, fetching what the builder asks for until it has everything.
pub async fn build_tree(
    project: &Project,
    lock: Option<&Lock>,
    fetcher: &Arc<Fetcher>,
    opts: &Opts,
) -> Result<(Tree, Vec<String>)> {
    let start = match lock {
        Some(l) => {
            let mut t = l.to_tree(
                Project::project_node(&project.manifest, ""),
                &project.workspace_nodes(),
            );
            project.add_workspace_links(&mut t);
            t
        }
        None => project.fresh_tree(),
    };
    let mut start = start;
    start.set_overrides(project.overrides());
    let mut src = Sources::default();
    for (rel, m) in &project.workspaces {
        let meta = meta_from_manifest(&m.json, "", "");
        src.dirs.insert(rel.clone(), Some(Arc::new(meta)));
    }
    if lock.is_none() {
        let seeds: Vec<(String, String)> = start
            .live()
            .filter(|(_, n)| n.project)
            .flat_map(|(_, n)| n.edges.iter().map(|e| (e.name.clone(), e.spec.clone())))
            .collect();
        prefetch(fetcher, seeds, &mut src).await;
    }
    let mut refreshed: BTreeSet<String> = BTreeSet::new();
    for _round in 0..50 {
        let mut b = Builder::new(start.clone(), &src);
        b.force = opts.force.clone();
        b.run();
        if let Some(e) = b.error.take() {
            // Cached metadata may predate the version asked for: refetch once, like pacote.
            match b.etarget.take() {
                Some(name) if e.code == "ETARGET" && refreshed.insert(name.clone()) => {
                    drop(b);
                    let r = fetcher.reg.packument_fresh(&name).await;
                    src.packuments.insert(name, r);
                    continue;
                }
                _ => return Err(e),
            }
        }
        if b.complete() {
            return Ok((b.tree, b.warnings));
        }
        let missing = std::mem::take(&mut b.missing);
        let missing_remote = std::mem::take(&mut b.missing_remote);
        let missing_dirs = std::mem::take(&mut b.missing_dirs);
        // Also fetch what the tree's unmet edges point at, so one round usually suffices.
        let mut seeds: Vec<(String, String)> = Vec::new();
        for (_, n) in b.tree.live() {
            for e in &n.edges {
                if missing.contains(Spec::parse(&e.name, &e.spec).registry_name().unwrap_or("")) {
                    seeds.push((e.name.clone(), e.spec.clone()));
                }
            }
        }
        drop(b);
        if !seeds.is_empty() {
            prefetch(fetcher, seeds, &mut src).await;
        }
        for n in &missing {
            if !src.packuments.contains_key(n) {
                let r = fetcher.reg.packument(n).await;
                fetcher.progress.resolved();
                src.packuments.insert(n.clone(), r);
            }
        }
        for key in &missing_remote {
            let r = fetch_remote(fetcher, &project.dir, key).await.map(Arc::new);
            src.remote.insert(key.clone(), r);
        }
        for rel in &missing_dirs {
            let p = project.dir.join(rel).join("package.json");
            let meta = std::fs::read(&p)
                .ok()
                .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
                .map(|v| Arc::new(meta_from_manifest(&v, "", "")));
            src.dirs.insert(rel.clone(), meta);
        }
    }
    err("ERESOLVE", "could not resolve the dependency tree")
}

/// Manifest of a tarball URL, a `file:` tarball or a git repository, stored in the cache.
async fn fetch_remote(fetcher: &Arc<Fetcher>, root: &Path, key: &str) -> Result<VersionMeta> {
    let (url, resolved) = if let Some(p) = key.strip_prefix("file:") {
        let abs = root.join(p);
        (format!("file:{}", abs.display()), key.to_string())
    } else if key.starts_with("http://") || key.starts_with("https://") {
        (key.to_string(), key.to_string())
    } else {
        let (tgz_path, resolved) = crate::git::fetch_git(key, &fetcher.reg.cache)?;
        (format!("file:{}", tgz_path.display()), resolved)
    };
    let stored = fetcher.ensure(&url, "").await?;
    let pj = fetcher
        .reg
        .cache
        .store_dir(&stored.key)
        .join("package.json");
    let (json, _) = crate::manifest::read_json(&pj)?;
    Ok(meta_from_manifest(&json, &resolved, &stored.integrity))
}

pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub up_to_date: bool,
}

fn identity(n: &Node) -> String {
    if n.link {
        format!("link:{}", n.resolved)
    } else {
        format!("{}@{}|{}|{}", n.pkg, n.version, n.integrity, n.resolved)
    }
}

fn parent_location(loc: &str) -> Option<&str> {
    let i = loc.rfind("node_modules/")?;
    Some(loc[..i].trim_end_matches('/'))
}

fn remove_path(p: &Path) {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => {
            let _ = std::fs::remove_dir_all(p);
        }
        Ok(_) => {
            let _ = std::fs::remove_file(p);
        }
        Err(_) => {}
    }
}

fn link_target(loc: &str, resolved: &str) -> PathBuf {
    let ups = Path::new(loc)
        .parent()
        .map(|p| p.components().count())
        .unwrap_or(0);
    let mut t = PathBuf::new();
    for _ in 0..ups {
        t.push("..");
    }
    t.push(resolved);
    t
}

pub struct Installer {
    pub project: Project,
    pub config: Arc<Config>,
    pub cache: Cache,
    pub opts: Opts,
    pub progress: Progress,
}

impl Installer {
    pub fn new(dir: &Path, opts: Opts) -> Result<Installer> {
        let project = Project::load(dir)?;
        let config = Arc::new(Config::load(dir));
        let cache = Cache::new(Cache::default_dir());
        let progress = Progress::new(opts.silent);
        Ok(Installer {
            project,
            config,
            cache,
            opts,
            progress,
        })
    }

    /// True when the last install's record matches the project exactly.
    pub fn up_to_date(&self) -> bool {
        let Some(state) = read_state(&self.project.dir) else {
            return false;
        };
        if state.fingerprint != self.project.fingerprint(&self.opts) {
            return false;
        }
        let nm = self.project.dir.join("node_modules");
        state
            .packages
            .keys()
            .filter(|l| {
                l.strip_prefix("node_modules/")
                    .is_some_and(|r| !r.contains("/node_modules/"))
            })
            .all(|l| std::fs::symlink_metadata(self.project.dir.join(l)).is_ok())
            && nm.exists()
    }

    pub fn registry(&self) -> Result<Arc<Registry>> {
        let mode = if self.opts.offline {
            Mode::Offline
        } else if self.opts.prefer_offline {
            Mode::PreferOffline
        } else {
            Mode::Online
        };
        let mut reg = Registry::new(self.config.clone(), self.cache.clone(), mode)?;
        reg.verbose = self.opts.verbose;
        Ok(Arc::new(reg))
    }

    pub async fn install(&self) -> Result<Summary> {
        let dir = &self.project.dir;
        let loaded = lockfile::load(dir)?;
        if self.opts.frozen && loaded.is_none() {
            return err("ELOCKFILE", "--frozen-lockfile needs a lockfile (lode.lock or package-lock.json), and there is none");
        }
        let reg = self.registry()?;
        let fetcher = Fetcher::new(reg.clone(), self.progress.clone());
        let t0 = Instant::now();
        let (tree, warnings) = build_tree(
            &self.project,
            loaded.as_ref().map(|l| &l.0),
            &fetcher,
            &self.opts,
        )
        .await?;
        if self.opts.verbose {
            eprintln!("lode timing resolve {}", format_duration(t0));
        }
        for w in warnings {
            // npm skips optional dependencies silently; say so only with --verbose.
            if self.opts.verbose || !w.starts_with("skipping optional") {
                self.progress.warn(&w);
            }
        }
        let new_lock = Lock::from_tree(&tree);
        if self.opts.frozen {
            let (old, file) = loaded.as_ref().unwrap();
            let root_changed = |l: &Lock| {
                l.packages.get("").map(|p| {
                    (
                        p.dependencies.clone(),
                        p.dev_dependencies.clone(),
                        p.optional_dependencies.clone(),
                    )
                })
            };
            let same_root = file != LOCKFILE || root_changed(old) == root_changed(&new_lock);
            if old.identity() != new_lock.identity() || !same_root {
                return err("ELOCKFILE", format!("{file} is out of date with package.json: the frozen lockfile would change.\nRun `lode install` to update it."));
            }
        }
        let t1 = Instant::now();
        let summary = self.reify(&tree, &fetcher).await?;
        if self.opts.verbose {
            eprintln!("lode timing reify {}", format_duration(t1));
        }
        let text = new_lock.to_text();
        let lock_path = dir.join(LOCKFILE);
        // A frozen install from npm's lockfile leaves the project's files as they were.
        let from_npm_lock = loaded.as_ref().is_some_and(|l| l.1 != LOCKFILE);
        if !(self.opts.frozen && from_npm_lock)
            && std::fs::read_to_string(&lock_path).ok().as_deref() != Some(text.as_str())
        {
            std::fs::write(&lock_path, text).ctx("could not write", &lock_path)?;
        }
        self.write_state(&tree)?;
        Ok(summary)
    }

    fn wanted<'t>(&self, tree: &'t Tree) -> BTreeMap<String, (usize, &'t Node)> {
        tree.live()
            .filter(|(_, n)| {
                !n.project
                    && !(self.opts.omit_dev && n.dev)
                    && !(self.opts.omit_optional && n.optional)
                    && !(n.optional && !crate::spec::platform_ok(&n.os, &n.cpu, &n.libc))
            })
            .map(|(i, n)| (n.location.clone(), (i, n)))
            .collect()
    }

    pub fn write_state(&self, tree: &Tree) -> Result<()> {
        let state = State {
            fingerprint: self.project.fingerprint(&self.opts),
            packages: self
                .wanted(tree)
                .into_iter()
                .map(|(l, (_, n))| (l, identity(n)))
                .collect(),
        };
        let nm = self.project.dir.join("node_modules");
        std::fs::create_dir_all(&nm).ctx("could not create", &nm)?;
        let p = nm.join(STATE_FILE);
        let tmp = nm.join(format!(".lode-state-{}", unique_suffix()));
        std::fs::write(&tmp, serde_json::to_vec_pretty(&state).unwrap())
            .ctx("could not write", &tmp)?;
        std::fs::rename(&tmp, &p).ctx("could not write", &p)
    }

    async fn reify(&self, tree: &Tree, fetcher: &Arc<Fetcher>) -> Result<Summary> {
        let dir = self.project.dir.clone();
        let nm = dir.join("node_modules");
        let old = read_state(&dir);
        let known = old.is_some();
        let old = old.map(|s| s.packages).unwrap_or_default();
        let want = self.wanted(tree);
        // Locations to place: new, changed, or under a replaced package.
        let mut place: BTreeSet<String> = BTreeSet::new();
        for (loc, (_, n)) in &want {
            if old.get(loc) != Some(&identity(n)) {
                place.insert(loc.clone());
            }
        }
        let mut removed_only = 0;
        let mut to_remove: Vec<String> = Vec::new();
        for loc in old.keys() {
            if !want.contains_key(loc) {
                removed_only += 1;
                to_remove.push(loc.clone());
            } else if place.contains(loc) {
                to_remove.push(loc.clone());
            }
        }
        for loc in want.keys() {
            let mut p = parent_location(loc);
            while let Some(pl) = p.filter(|pl| !pl.is_empty()) {
                if place.contains(pl) || to_remove.iter().any(|r| r == pl) {
                    place.insert(loc.clone());
                    break;
                }
                p = parent_location(pl);
            }
        }
        if place.is_empty() && to_remove.is_empty() && known {
            return Ok(Summary {
                added: 0,
                removed: 0,
                changed: 0,
                up_to_date: true,
            });
        }
        let _ = std::fs::remove_file(nm.join(STATE_FILE));
        // npm's hidden lockfile would describe a tree that is about to change.
        let _ = std::fs::remove_file(nm.join(".package-lock.json"));
        remove_leftovers(&nm);
        let changed = place.iter().filter(|l| old.contains_key(*l)).count();
        let added = place.len() - changed;
        if !known {
            // No record of what is there (another tool's install, or an interrupted one):
            // remove top-level packages the tree does not have, as npm prunes extraneous ones.
            removed_only += remove_extraneous(&nm, &want);
        }
        // Start every download now; placement below waits for each as needed.
        let mut needed: Vec<(String, String)> = Vec::new();
        for loc in &place {
            let n = want[loc].1;
            if !n.link {
                needed.push((n.resolved.clone(), n.integrity.clone()));
            }
        }
        for (url, integ) in &needed {
            fetcher.prefetch(url.clone(), integ.clone());
        }
        // Remove what is gone or replaced (deepest first).
        to_remove.sort_by_key(|l| std::cmp::Reverse(l.len()));
        for loc in &to_remove {
            remove_path(&dir.join(loc));
        }
        // Group placements under their topmost placed ancestor.
        let mut units: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for loc in &place {
            let mut top = loc.as_str();
            let mut p = parent_location(loc);
            while let Some(pl) = p.filter(|pl| !pl.is_empty()) {
                if place.contains(pl) {
                    top = pl;
                }
                p = parent_location(pl);
            }
            units.entry(top.to_string()).or_default().push(loc.clone());
        }
        let results: Vec<Result<()>> = stream::iter(units.into_iter().map(|(top, locs)| {
            let dir = dir.clone();
            let want = &want;
            async move {
                let mut parts = Vec::new();
                for loc in &locs {
                    let n = want[loc].1;
                    let rel = loc[top.len()..].trim_start_matches('/').to_string();
                    if n.link {
                        parts.push((
                            rel,
                            None,
                            link_target(loc, &n.resolved),
                            false,
                            n.pkg.clone(),
                            n.optional,
                        ));
                    } else {
                        match fetcher.ensure(&n.resolved, &n.integrity).await {
                            Ok(s) => parts.push((
                                rel,
                                Some(s),
                                PathBuf::new(),
                                n.has_install_script,
                                n.pkg.clone(),
                                n.optional,
                            )),
                            Err(e) if n.optional => {
                                self.progress.warn(&format!(
                                    "skipping optional dependency {}@{}: {}",
                                    n.pkg, n.version, e.message
                                ));
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
                let cache = self.cache.clone();
                let top2 = top.clone();
                let res =
                    tokio::task::spawn_blocking(move || place_unit(&cache, &dir, &top2, &parts))
                        .await
                        .map_err(|e| Error::new("EIO", e.to_string()))?;
                match res {
                    Err(e) if e.code == "ECORRUPT" => {
                        // A damaged cache entry: drop it, fetch again, place again.
                        self.progress
                            .warn(&format!("{}; fetching it again", e.message));
                        let mut parts = Vec::new();
                        for loc in &locs {
                            let n = want[loc].1;
                            let rel = loc[top.len()..].trim_start_matches('/').to_string();
                            if n.link {
                                parts.push((
                                    rel,
                                    None,
                                    link_target(loc, &n.resolved),
                                    false,
                                    n.pkg.clone(),
                                    n.optional,
                                ));
                                continue;
                            }
                            if let Some(i) = Integrity::parse(&n.integrity) {
                                self.cache.remove(&i.key());
                            }
                            fetcher.forget(&n.resolved, &n.integrity);
                            let s = fetcher.ensure(&n.resolved, &n.integrity).await?;
                            parts.push((
                                rel,
                                Some(s),
                                PathBuf::new(),
                                n.has_install_script,
                                n.pkg.clone(),
                                n.optional,
                            ));
                        }
                        let cache = self.cache.clone();
                        let dir = self.project.dir.clone();
                        tokio::task::spawn_blocking(move || place_unit(&cache, &dir, &top, &parts))
                            .await
                            .map_err(|e| Error::new("EIO", e.to_string()))?
                    }
                    other => other,
                }
            }
        }))
        .buffer_unordered(16)
        .collect()
        .await;
        for r in results {
            r?;
        }
        self.progress.finish();
        // .bin links for every node_modules folder.
        let mut by_nm: BTreeMap<String, Vec<&Node>> = BTreeMap::new();
        for (loc, (_, n)) in &want {
            if let Some(p) = parent_location(loc) {
                by_nm
                    .entry(if p.is_empty() {
                        "node_modules".to_string()
                    } else {
                        format!("{p}/node_modules")
                    })
                    .or_default()
                    .push(n);
            }
        }
        for (nm_loc, nodes) in &by_nm {
            link_bins(&dir.join(nm_loc), nodes)?;
        }
        // Install scripts of placed packages, deepest first; then the root's.
        if !self.opts.ignore_scripts {
            let env =
                crate::scripts::ScriptEnv::new(&self.cache.root, (*self.config).clone(), "install");
            let mut scripted: Vec<&String> = place
                .iter()
                .filter(|l| {
                    want[*l].1.has_install_script && !want[*l].1.link && dir.join(l).exists()
                })
                .collect();
            scripted.sort_by_key(|l| {
                (
                    std::cmp::Reverse(l.matches("node_modules/").count()),
                    (*l).clone(),
                )
            });
            for loc in scripted {
                let n = want[loc].1;
                let pdir = dir.join(loc);
                let Ok((json, _)) = crate::manifest::read_json(&pdir.join("package.json")) else {
                    continue;
                };
                for ev in ["preinstall", "install", "postinstall"] {
                    let Some(cmd) = json
                        .get("scripts")
                        .and_then(|s| s.get(ev))
                        .and_then(Value::as_str)
                    else {
                        continue;
                    };
                    if self.opts.verbose {
                        eprintln!("lode info run {}@{} {ev} {loc} {cmd}", n.pkg, n.version);
                    }
                    if let Err(e) = env.run(&pdir, &json, ev, cmd, self.opts.foreground_scripts) {
                        if n.optional {
                            self.progress.warn(&format!(
                                "optional dependency {}@{} failed its {ev} script; removed it",
                                n.pkg, n.version
                            ));
                            remove_path(&pdir);
                            break;
                        }
                        return Err(e);
                    }
                }
            }
        }
        Ok(Summary {
            added,
            removed: removed_only,
            changed,
            up_to_date: false,
        })
    }

    /// The root project's own install-time scripts (after its dependencies are in place).
    pub fn run_root_scripts(&self) -> Result<()> {
        if self.opts.ignore_scripts {
            return Ok(());
        }
        let env =
            crate::scripts::ScriptEnv::new(&self.cache.root, (*self.config).clone(), "install");
        let json = &self.project.manifest.json;
        for ev in [
            "preinstall",
            "install",
            "postinstall",
            "prepublish",
            "preprepare",
            "prepare",
            "postprepare",
        ] {
            if let Some(cmd) = self.project.manifest.script(ev) {
                if !self.opts.silent {
                    crate::outln!(
                        "\n> {}@{} {ev}\n> {cmd}\n",
                        self.project.manifest.name(),
                        self.project.manifest.version()
                    );
                }
                let code = env.run(&self.project.dir, json, ev, &cmd, true)?;
                if code != 0 {
                    return err(
                        "ELIFECYCLE",
                        format!(
                            "{}@{} {ev}: `{cmd}`\nExit status {code}",
                            self.project.manifest.name(),
                            self.project.manifest.version()
                        ),
                    );
                }
            }
        }
        Ok(())
    }
}

/// Removes packages (folders with a package.json) directly in `nm` that are not wanted.
fn remove_extraneous(nm: &Path, want: &BTreeMap<String, (usize, &Node)>) -> usize {
    let mut n = 0;
    let mut check = |dir: &Path, rel: String| {
        if !want.contains_key(&rel) && dir.join("package.json").exists() {
            remove_path(dir);
            n += 1;
        }
    };
    let Ok(rd) = std::fs::read_dir(nm) else {
        return 0;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if name.starts_with('@') {
            if let Ok(rd) = std::fs::read_dir(e.path()) {
                for s in rd.flatten() {
                    let sub = s.file_name().to_string_lossy().into_owned();
                    check(&s.path(), format!("node_modules/{name}/{sub}"));
                }
            }
        } else {
            check(&e.path(), format!("node_modules/{name}"));
        }
    }
    n
}

/// Removes temporary directories an interrupted install left in node_modules (and scopes).
fn remove_leftovers(nm: &Path) {
    let Ok(rd) = std::fs::read_dir(nm) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".lode-tmp-") || name.starts_with(".lode-state-") {
            remove_path(&e.path());
        } else if name.starts_with('@') {
            if let Ok(rd) = std::fs::read_dir(e.path()) {
                for s in rd.flatten() {
                    if s.file_name().to_string_lossy().starts_with(".lode-tmp-") {
                        remove_path(&s.path());
                    }
                }
            }
        }
    }
}

type Part = (String, Option<Stored>, PathBuf, bool, String, bool);

/// Places one package (and the nested packages under it) into a temporary directory beside
/// its final location, then renames it into place, so no half-placed package is ever visible.
fn place_unit(cache: &Cache, root: &Path, top: &str, parts: &[Part]) -> Result<()> {
    let final_path = root.join(top);
    let parent = final_path.parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&parent).ctx("could not create", &parent)?;
    if parts.len() == 1 && parts[0].1.is_none() {
        remove_path(&final_path);
        std::os::unix::fs::symlink(&parts[0].2, &final_path).ctx("could not link", &final_path)?;
        return Ok(());
    }
    let tmp = parent.join(format!(".lode-tmp-{}", unique_suffix()));
    let result = (|| -> Result<()> {
        for (rel, stored, target, copy, _, _) in parts {
            let dest = if rel.is_empty() {
                tmp.clone()
            } else {
                tmp.join(rel)
            };
            match stored {
                Some(s) => cache.link_into(&s.key, &s.files, &dest, *copy)?,
                None => {
                    std::fs::create_dir_all(dest.parent().unwrap())
                        .ctx("could not create", &dest)?;
                    std::os::unix::fs::symlink(target, &dest).ctx("could not link", &dest)?;
                }
            }
        }
        remove_path(&final_path);
        std::fs::rename(&tmp, &final_path).ctx("could not move into place", &final_path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// Recreates `<node_modules>/.bin`: one relative symlink per bin, targets made executable.
fn link_bins(nm: &Path, nodes: &[&Node]) -> Result<()> {
    let bin_dir = nm.join(".bin");
    let mut links: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for n in nodes {
        for (name, path) in &n.bin {
            let name = name.rsplit('/').next().unwrap_or(name);
            if name.is_empty() || name.contains("..") {
                continue;
            }
            let rel = path.trim_start_matches("./");
            // A bin must stay inside its package (it is made executable below).
            let mut depth = 0i32;
            let escapes = rel.starts_with('/')
                || rel.split('/').any(|c| {
                    depth += match c {
                        ".." => -1,
                        "" | "." => 0,
                        _ => 1,
                    };
                    depth < 0
                });
            if escapes {
                continue;
            }
            let target = format!("../{}/{}", n.name, rel);
            let owner = n.pkg.rsplit('/').next() == Some(name);
            match links.get(name) {
                Some((_, true)) => {}
                Some(_) if !owner => {}
                _ => {
                    links.insert(name.to_string(), (target, owner));
                }
            }
        }
    }
    if links.is_empty() {
        if bin_dir.exists() {
            let _ = std::fs::remove_dir_all(&bin_dir);
        }
        return Ok(());
    }
    std::fs::create_dir_all(&bin_dir).ctx("could not create", &bin_dir)?;
    let mut existing: BTreeSet<String> = std::fs::read_dir(&bin_dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    for (name, (target, _)) in &links {
        existing.remove(name);
        let link = bin_dir.join(name);
        if std::fs::read_link(&link).ok().as_deref() == Some(Path::new(target)) {
            continue;
        }
        remove_path(&link);
        std::os::unix::fs::symlink(target, &link).ctx("could not link", &link)?;
        let real = bin_dir.join(target);
        if let Ok(m) = std::fs::metadata(&real) {
            use std::os::unix::fs::PermissionsExt;
            let mode = m.permissions().mode();
            if mode & 0o111 != 0o111 {
                let _ = crate::tarball::set_mode(&real, mode | 0o111);
            }
        }
    }
    for stale in existing {
        remove_path(&bin_dir.join(stale));
    }
    Ok(())
}

/// Runs a future on a multi-threaded runtime (the package manager's commands are async inside).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(f)
}

pub fn format_duration(start: Instant) -> String {
    let ms = start.elapsed().as_millis();
    if ms < 1000 {
        format!("{ms}ms")
    } else {
        format!("{:.1}s", ms as f64 / 1000.0)
    }
}

pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

pub fn summary_line(s: &Summary, start: Instant) -> String {
    if s.up_to_date || (s.added == 0 && s.removed == 0 && s.changed == 0) {
        return format!("up to date in {}", format_duration(start));
    }
    let mut parts = Vec::new();
    if s.added > 0 {
        parts.push(format!("added {}", plural(s.added, "package")));
    }
    if s.removed > 0 {
        parts.push(format!("removed {}", plural(s.removed, "package")));
    }
    if s.changed > 0 {
        parts.push(format!("changed {}", plural(s.changed, "package")));
    }
    let text = match parts.len() {
        1 => parts[0].clone(),
        2 => format!("{}, and {}", parts[0], parts[1]),
        _ => format!("{}, {}, and {}", parts[0], parts[1], parts[2]),
    };
    format!("{text} in {}", format_duration(start))
}
