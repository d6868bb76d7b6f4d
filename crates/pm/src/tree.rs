//! The dependency tree and npm's placement algorithm (arborist's ideal tree, simplified):
//! nodes are processed breadth-first by depth then location; each unmet edge gets the version
//! npm would pick, placed at the shallowest `node_modules` on the way to the root where it
//! conflicts with nothing (no other version of that name there, and no node below relying on a
//! copy further up that it would shadow); otherwise nested under the dependent.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::error::Error;
use crate::registry::{Packument, VersionMeta};
use crate::spec::{self, Spec};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Prod,
    Dev,
    Optional,
    Peer,
    PeerOptional,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub name: String,
    pub spec: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, Default)]
pub struct Node {
    /// The folder name under node_modules (an alias's name for `npm:` specs).
    pub name: String,
    /// The package's real name.
    pub pkg: String,
    pub version: String,
    pub resolved: String,
    pub integrity: String,
    /// A symbolic link to the project-relative path in `resolved`.
    pub link: bool,
    pub edges: Vec<Edge>,
    pub bin: Vec<(String, String)>,
    pub has_install_script: bool,
    pub os: Vec<String>,
    pub cpu: Vec<String>,
    pub libc: Vec<String>,
    pub bundled: Vec<String>,
    pub parent: Option<usize>,
    pub location: String,
    pub children: BTreeMap<String, usize>,
    pub dev: bool,
    pub optional: bool,
    pub removed: bool,
    /// A project directory (the root or a workspace / linked package's folder).
    pub project: bool,
    /// Edges whose spec an override replaced: name -> the package's own spec (for the lockfile).
    pub overridden: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// package.json `overrides` (name -> spec) applied to every non-project dependent.
    pub overrides: BTreeMap<String, String>,
}

pub fn edges_of(meta: &VersionMeta) -> Vec<Edge> {
    let mut out = Vec::new();
    for (n, s) in &meta.dependencies {
        if !meta.optional_dependencies.contains_key(n) {
            out.push(Edge {
                name: n.clone(),
                spec: s.clone(),
                kind: Kind::Prod,
            });
        }
    }
    for (n, s) in &meta.optional_dependencies {
        out.push(Edge {
            name: n.clone(),
            spec: s.clone(),
            kind: Kind::Optional,
        });
    }
    for (n, s) in &meta.peer_dependencies {
        let kind = if meta.peer_optional(n) {
            Kind::PeerOptional
        } else {
            Kind::Peer
        };
        out.push(Edge {
            name: n.clone(),
            spec: s.clone(),
            kind,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.kind.cmp(&b.kind)));
    out.dedup_by(|a, b| a.name == b.name);
    out
}

pub fn child_location(parent: &Node, name: &str) -> String {
    if parent.location.is_empty() {
        format!("node_modules/{name}")
    } else {
        format!("{}/node_modules/{name}", parent.location)
    }
}

impl Tree {
    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub fn add(&mut self, mut node: Node, parent: Option<usize>) -> usize {
        let id = self.nodes.len();
        if !node.project {
            apply_overrides(&self.overrides, &mut node);
        }
        node.parent = parent;
        if let Some(p) = parent {
            if !node.project {
                node.location = child_location(&self.nodes[p], &node.name);
                if let Some(old) = self.nodes[p].children.insert(node.name.clone(), id) {
                    self.remove(old);
                }
            }
        }
        self.nodes.push(node);
        id
    }

    pub fn remove(&mut self, id: usize) {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            self.nodes[n].removed = true;
            stack.extend(self.nodes[n].children.values().copied());
        }
        if let Some(p) = self.nodes[id].parent {
            let name = self.nodes[id].name.clone();
            if self.nodes[p].children.get(&name) == Some(&id) {
                self.nodes[p].children.remove(&name);
            }
        }
    }

    /// The projects (root and workspaces) and the root's links to workspaces.
    pub fn starts(&self) -> Vec<usize> {
        let projects: BTreeSet<&str> = self
            .live()
            .filter(|(_, n)| n.project)
            .map(|(_, n)| n.location.as_str())
            .collect();
        self.live()
            .filter(|(_, n)| {
                n.project
                    || (n.link && n.parent == Some(0) && projects.contains(n.resolved.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Sets the overrides and applies them to the nodes already in the tree.
    pub fn set_overrides(&mut self, overrides: BTreeMap<String, String>) {
        self.overrides = overrides;
        for n in self.nodes.iter_mut().filter(|n| !n.project) {
            apply_overrides(&self.overrides, n);
        }
    }

    /// Node's module resolution: its own node_modules, then each ancestor's.
    pub fn resolve(&self, from: usize, name: &str) -> Option<usize> {
        let mut cur = Some(from);
        while let Some(c) = cur {
            if let Some(&id) = self.nodes[c].children.get(name) {
                return Some(id);
            }
            cur = self.nodes[c].parent;
        }
        None
    }

    /// Where an edge of `from` resolves from (peers from the dependent's parent).
    pub fn edge_from(&self, from: usize, kind: Kind) -> usize {
        if matches!(kind, Kind::Peer | Kind::PeerOptional) && !self.nodes[from].project {
            self.nodes[from].parent.unwrap_or(from)
        } else {
            from
        }
    }

    pub fn satisfies(&self, id: usize, edge: &Edge) -> bool {
        let n = &self.nodes[id];
        match Spec::parse(&edge.name, &edge.spec) {
            Spec::Range { name, range } => {
                n.pkg == name && (spec::satisfies(&n.version, &range) || (n.link && range == "*"))
            }
            Spec::Tag { name, .. } => n.pkg == name,
            Spec::Dir { .. } | Spec::Workspace { .. } => n.link,
            Spec::File { .. } | Spec::Tarball { .. } | Spec::Git { .. } => {
                n.resolved == edge.spec || n.pkg == edge.name && !n.link
            }
        }
    }

    pub fn live(&self) -> impl Iterator<Item = (usize, &Node)> {
        self.nodes.iter().enumerate().filter(|(_, n)| !n.removed)
    }

    pub fn by_location(&self) -> BTreeMap<String, usize> {
        self.live().map(|(i, n)| (n.location.clone(), i)).collect()
    }

    fn depth(&self, id: usize) -> usize {
        let mut d = 0;
        let mut cur = self.nodes[id].parent;
        while let Some(c) = cur {
            d += 1;
            cur = self.nodes[c].parent;
        }
        d
    }

    /// True if putting `version` of `name` into `at`'s node_modules shadows no dependency of a
    /// node below `at` that now resolves to a copy above `at` and that `version` would not satisfy.
    fn can_place(&self, at: usize, name: &str, version: &str, pkg: &str) -> bool {
        let probe = Node {
            name: name.to_string(),
            pkg: pkg.to_string(),
            version: version.to_string(),
            ..Default::default()
        };
        let mut stack = vec![at];
        while let Some(d) = stack.pop() {
            let node = &self.nodes[d];
            if d != at && node.children.contains_key(name) {
                // Nodes below here resolve `name` to this nested copy (or lower): unaffected,
                // except this node's own children, which we still scan for other names.
            }
            for e in &node.edges {
                if e.name != name || (e.kind == Kind::Dev && !node.project) {
                    continue;
                }
                let from = self.edge_from(d, e.kind);
                if let Some(cur) = self.resolve(from, name) {
                    if !self.is_inside(cur, at) && !self.probe_satisfies(&probe, e) {
                        return false;
                    }
                }
            }
            if d == at || !node.children.contains_key(name) {
                stack.extend(node.children.values().copied());
            }
        }
        true
    }

    fn probe_satisfies(&self, probe: &Node, e: &Edge) -> bool {
        let mut t = Tree {
            nodes: vec![probe.clone()],
            overrides: BTreeMap::new(),
        };
        t.nodes[0].parent = None;
        t.satisfies(0, e)
    }

    /// True if `id` lives in `at`'s node_modules (at any depth).
    fn is_inside(&self, id: usize, at: usize) -> bool {
        let mut cur = self.nodes[id].parent;
        while let Some(c) = cur {
            if c == at {
                return true;
            }
            cur = self.nodes[c].parent;
        }
        false
    }
}

/// Registry metadata and remote manifests the builder may use; what it lacks it reports in
/// `missing` so the caller can fetch and run it again.
#[derive(Default)]
pub struct Sources {
    pub packuments: HashMap<String, std::result::Result<Arc<Packument>, Error>>,
    /// Manifests of tarball/git/file-tarball specs, by spec string.
    pub remote: HashMap<String, std::result::Result<Arc<VersionMeta>, Error>>,
    /// Manifests of linked directories, by project-relative path.
    pub dirs: HashMap<String, Option<Arc<VersionMeta>>>,
}

pub struct Builder<'a> {
    pub tree: Tree,
    pub src: &'a Sources,
    pub missing: BTreeSet<String>,
    pub missing_remote: BTreeSet<String>,
    pub missing_dirs: BTreeSet<String>,
    pub warnings: Vec<String>,
    pub error: Option<Error>,
    /// The package whose metadata had no matching version (worth refetching if it was cached).
    pub etarget: Option<String>,
    /// Edges whose target must be re-resolved even if the current one satisfies (e.g. `lode add x@latest`).
    pub force: BTreeSet<String>,
}

fn normalize_rel(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = if base.is_empty() {
        vec![]
    } else {
        base.split('/').collect()
    };
    for c in rel.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            c => parts.push(c),
        }
    }
    parts.join("/")
}

impl<'a> Builder<'a> {
    pub fn new(tree: Tree, src: &'a Sources) -> Self {
        Builder {
            tree,
            src,
            missing: BTreeSet::new(),
            missing_remote: BTreeSet::new(),
            missing_dirs: BTreeSet::new(),
            warnings: vec![],
            error: None,
            etarget: None,
            force: BTreeSet::new(),
        }
    }

    pub fn complete(&self) -> bool {
        self.missing.is_empty() && self.missing_remote.is_empty() && self.missing_dirs.is_empty()
    }

    pub fn run(&mut self) {
        let mut queue: BTreeSet<(usize, String, usize)> = self
            .tree
            .live()
            .map(|(i, n)| (self.tree.depth(i), n.location.clone(), i))
            .collect();
        while let Some((_, _, id)) = queue.pop_first() {
            if self.tree.nodes[id].removed || self.error.is_some() {
                continue;
            }
            let edges = self.tree.nodes[id].edges.clone();
            let bundled = self.tree.nodes[id].bundled.clone();
            for e in edges {
                if (e.kind == Kind::Dev && !self.tree.nodes[id].project)
                    || bundled.contains(&e.name)
                {
                    continue;
                }
                let from = self.tree.edge_from(id, e.kind);
                let current = self.tree.resolve(from, &e.name);
                let forced = self.tree.nodes[id].project && self.force.contains(&e.name);
                if let Some(c) = current {
                    if !forced && self.tree.satisfies(c, &e) {
                        continue;
                    }
                    let peer = matches!(e.kind, Kind::Peer | Kind::PeerOptional);
                    if peer
                        && (e.kind == Kind::PeerOptional || self.tree.nodes[c].parent == Some(from))
                    {
                        let n = &self.tree.nodes[c];
                        self.warnings.push(format!(
                            "ERESOLVE overriding peer dependency: {}@{} wants {}@\"{}\" but {}@{} is installed",
                            self.tree.nodes[id].pkg, self.tree.nodes[id].version, e.name, e.spec, n.pkg, n.version
                        ));
                        continue;
                    }
                } else if e.kind == Kind::PeerOptional {
                    continue;
                }
                if let Some(new_id) = self.place_edge(id, from, &e, forced) {
                    queue.insert((
                        self.tree.depth(new_id),
                        self.tree.nodes[new_id].location.clone(),
                        new_id,
                    ));
                }
            }
        }
        self.prune();
    }

    fn fail_or_skip(&mut self, e: &Edge, err: Error) {
        if matches!(e.kind, Kind::Optional | Kind::PeerOptional) {
            self.warnings.push(format!(
                "skipping optional dependency {}@{}: {}",
                e.name, e.spec, err.message
            ));
        } else if self.error.is_none() {
            self.error = Some(err);
        }
    }

    /// Creates the node an edge needs and places it; returns the new node.
    fn place_edge(&mut self, id: usize, from: usize, e: &Edge, forced: bool) -> Option<usize> {
        let spec = Spec::parse(&e.name, &e.spec);
        let node = match &spec {
            Spec::Range { name, .. } | Spec::Tag { name, .. } => {
                let p = match self.src.packuments.get(name) {
                    None => {
                        self.missing.insert(name.clone());
                        return None;
                    }
                    Some(Err(err)) => {
                        let err = err.clone();
                        self.fail_or_skip(e, err);
                        return None;
                    }
                    Some(Ok(p)) => p.clone(),
                };
                let Some(meta) = spec::pick(&p, &spec) else {
                    let what = match &spec {
                        Spec::Tag { tag, .. } => tag.clone(),
                        _ => e.spec.trim_start_matches("npm:").to_string(),
                    };
                    if self.etarget.is_none()
                        && !matches!(e.kind, Kind::Optional | Kind::PeerOptional)
                    {
                        self.etarget = Some(name.clone());
                    }
                    let shown = if name != &e.name {
                        format!("{name}@{what}")
                    } else {
                        format!("{}@{}", e.name, what)
                    };
                    self.fail_or_skip(e, Error::new("ETARGET", format!("No matching version found for {shown}.\nIn most cases you or one of your dependencies are requesting\na package version that doesn't exist.")));
                    return None;
                };
                node_from_meta(&e.name, meta, &meta.dist.tarball, &meta.integrity_string())
            }
            Spec::Tarball { .. } | Spec::Git { .. } | Spec::File { .. } => {
                let key = remote_key(&spec, &self.tree.nodes[id].location);
                match self.src.remote.get(&key) {
                    None => {
                        self.missing_remote.insert(key);
                        return None;
                    }
                    Some(Err(err)) => {
                        let err = err.clone();
                        self.fail_or_skip(e, err);
                        return None;
                    }
                    Some(Ok(meta)) => {
                        node_from_meta(&e.name, meta, &meta.dist.tarball, &meta.integrity_string())
                    }
                }
            }
            Spec::Dir { path } => {
                let target = normalize_rel(&self.tree.nodes[id].location, path);
                self.link_node(&e.name, &target)?
            }
            Spec::Workspace { .. } => {
                let ws = self
                    .tree
                    .live()
                    .find(|(_, n)| n.project && n.pkg == e.name && !n.location.is_empty())
                    .map(|(_, n)| n.location.clone());
                match ws {
                    Some(loc) => self.link_node(&e.name, &loc)?,
                    None => {
                        self.fail_or_skip(
                            e,
                            Error::new(
                                "EWORKSPACE",
                                format!("no workspace package named {}", e.name),
                            ),
                        );
                        return None;
                    }
                }
            }
        };
        if !node.link && !spec::platform_ok(&node.os, &node.cpu, &node.libc) {
            let err = Error::new("EBADPLATFORM", format!("Unsupported platform for {}@{}: wanted {{\"os\":\"{}\",\"cpu\":\"{}\"}} (current: {{\"os\":\"{}\",\"cpu\":\"{}\"}})", node.pkg, node.version, node.os.join(","), node.cpu.join(","), std::env::consts::OS, std::env::consts::ARCH));
            self.fail_or_skip(e, err);
            return None;
        }
        // Find the shallowest place on the way up from `from` that conflicts with nothing.
        let mut target = None;
        let mut cur = Some(from);
        while let Some(c) = cur {
            if let Some(&existing) = self.tree.nodes[c].children.get(&e.name) {
                let same = self.tree.nodes[existing].pkg == node.pkg
                    && self.tree.nodes[existing].version == node.version
                    && !forced;
                if same {
                    return None;
                }
                if c == from && target.is_none() {
                    // The dependent's own copy is wrong (stale lockfile): replace it.
                    target = Some(c);
                } else if self.can_replace(existing, &node) {
                    // arborist's REPLACE: a version at least as new that still satisfies
                    // everything using the existing copy takes its place (fewer duplicates).
                    target = Some(c);
                }
                break;
            }
            if !self.tree.can_place(c, &e.name, &node.version, &node.pkg) {
                break;
            }
            target = Some(c);
            cur = self.tree.nodes[c].parent;
        }
        let Some(target) = target else {
            self.warnings.push(format!(
                "ERESOLVE could not place {}@{} for {}@{}: conflicting {} already installed",
                node.pkg,
                node.version,
                self.tree.nodes[id].pkg,
                self.tree.nodes[id].version,
                e.name
            ));
            return None;
        };
        let new_id = self.tree.add(node, Some(target));
        self.dedupe_below(target, new_id);
        Some(new_id)
    }

    /// arborist's pruneDedupable: copies of the new package further down that would now
    /// resolve to it (same version, or it is newer and satisfies all their dependents) go.
    fn dedupe_below(&mut self, target: usize, new_id: usize) {
        let name = self.tree.nodes[new_id].name.clone();
        let mut stack: Vec<usize> = self.tree.nodes[target]
            .children
            .values()
            .copied()
            .filter(|&c| c != new_id)
            .collect();
        let mut dupes = Vec::new();
        while let Some(d) = stack.pop() {
            let node = &self.tree.nodes[d];
            if node.removed {
                continue;
            }
            if node.name == name && node.parent != Some(target) {
                let holder = node.parent.expect("nested nodes have a parent");
                let above = self.tree.nodes[holder]
                    .parent
                    .and_then(|p| self.tree.resolve(p, &name));
                if above == Some(new_id) && !node.link {
                    let same = node.pkg == self.tree.nodes[new_id].pkg
                        && node.version == self.tree.nodes[new_id].version;
                    if same || self.can_replace(d, &self.tree.nodes[new_id].clone()) {
                        dupes.push(d);
                        continue;
                    }
                }
            }
            stack.extend(node.children.values().copied());
        }
        for d in dupes {
            self.tree.remove(d);
        }
    }

    fn can_replace(&self, existing: usize, new: &Node) -> bool {
        let old = &self.tree.nodes[existing];
        if old.link || new.link || old.pkg != new.pkg {
            return false;
        }
        let newer = match (
            nodejs_semver::Version::parse(&new.version),
            nodejs_semver::Version::parse(&old.version),
        ) {
            (Ok(n), Ok(o)) => n >= o,
            _ => false,
        };
        if !newer {
            return false;
        }
        let probe = Tree {
            overrides: BTreeMap::new(),
            nodes: vec![Node {
                name: new.name.clone(),
                pkg: new.pkg.clone(),
                version: new.version.clone(),
                ..Default::default()
            }],
        };
        self.tree.live().all(|(d, dn)| {
            dn.edges
                .iter()
                .filter(|e| e.name == old.name && (e.kind != Kind::Dev || dn.project))
                .all(|e| {
                    self.tree.resolve(self.tree.edge_from(d, e.kind), &e.name) != Some(existing)
                        || probe.satisfies(0, e)
                })
        })
    }

    fn link_node(&mut self, name: &str, target: &str) -> Option<Node> {
        let meta = match self.src.dirs.get(target) {
            None => {
                self.missing_dirs.insert(target.to_string());
                return None;
            }
            Some(m) => m.clone(),
        };
        let mut n = Node {
            name: name.to_string(),
            pkg: name.to_string(),
            resolved: target.to_string(),
            link: true,
            ..Default::default()
        };
        if let Some(m) = meta {
            n.pkg = if m.name.is_empty() {
                name.to_string()
            } else {
                m.name.clone()
            };
            n.version = m.version.clone();
            n.bin = m.bins();
        }
        Some(n)
    }

    /// Drops nodes nothing depends on (left over from a lockfile after package.json changed).
    fn prune(&mut self) {
        let mut keep = BTreeSet::new();
        let mut stack = self.tree.starts();
        while let Some(id) = stack.pop() {
            if !keep.insert(id) {
                continue;
            }
            let node = &self.tree.nodes[id];
            for e in &node.edges {
                if e.kind == Kind::Dev && !node.project {
                    continue;
                }
                if let Some(t) = self.tree.resolve(self.tree.edge_from(id, e.kind), &e.name) {
                    stack.push(t);
                }
            }
            for b in &node.bundled {
                if let Some(&t) = node.children.get(b) {
                    stack.push(t);
                }
            }
            if node.link {
                if let Some((pid, _)) = self
                    .tree
                    .live()
                    .find(|(_, n)| n.project && n.location == node.resolved)
                {
                    stack.push(pid);
                }
            }
        }
        let all: Vec<usize> = self.tree.live().map(|(i, _)| i).collect();
        for id in all {
            if !keep.contains(&id) && !self.tree.nodes[id].removed {
                self.tree.remove(id);
            }
        }
        self.compute_flags();
    }

    /// npm's `dev` and `optional` flags: reachable only through dev (optional) edges.
    fn compute_flags(&mut self) {
        let reach = |tree: &Tree, skip: &dyn Fn(&Node, Kind) -> bool| -> BTreeSet<usize> {
            let mut seen = BTreeSet::new();
            let mut stack = tree.starts();
            while let Some(id) = stack.pop() {
                if !seen.insert(id) {
                    continue;
                }
                let node = &tree.nodes[id];
                for e in &node.edges {
                    if skip(node, e.kind) || (e.kind == Kind::Dev && !node.project) {
                        continue;
                    }
                    if let Some(t) = tree.resolve(tree.edge_from(id, e.kind), &e.name) {
                        stack.push(t);
                    }
                }
                if node.link {
                    if let Some((pid, _)) = tree
                        .live()
                        .find(|(_, n)| n.project && n.location == node.resolved)
                    {
                        stack.push(pid);
                    }
                }
            }
            seen
        };
        let prod = reach(&self.tree, &|n, k| k == Kind::Dev && n.location.is_empty());
        let required = reach(&self.tree, &|_, k| {
            matches!(k, Kind::Optional | Kind::PeerOptional)
        });
        for (i, n) in self.tree.nodes.iter_mut().enumerate() {
            if n.removed || n.project {
                continue;
            }
            n.dev = !prod.contains(&i);
            n.optional = !required.contains(&i);
        }
    }
}

fn apply_overrides(overrides: &BTreeMap<String, String>, node: &mut Node) {
    // Undo earlier overrides first, so a changed or removed override takes effect.
    for e in node.edges.iter_mut() {
        if let Some(orig) = node.overridden.get(&e.name) {
            e.spec = orig.clone();
        }
    }
    node.overridden.clear();
    for e in node.edges.iter_mut() {
        if let Some(spec) = overrides.get(&e.name) {
            if *spec != e.spec {
                node.overridden
                    .insert(e.name.clone(), std::mem::replace(&mut e.spec, spec.clone()));
            }
        }
    }
}

pub fn remote_key(spec: &Spec, from_location: &str) -> String {
    match spec {
        Spec::File { path } => format!(
            "file:{}",
            normalize_rel(
                if from_location.starts_with("node_modules") {
                    ""
                } else {
                    from_location
                },
                path
            )
        ),
        Spec::Tarball { url } | Spec::Git { url } => url.clone(),
        _ => String::new(),
    }
}

pub fn node_from_meta(folder: &str, meta: &VersionMeta, resolved: &str, integrity: &str) -> Node {
    Node {
        name: folder.to_string(),
        pkg: if meta.name.is_empty() {
            folder.to_string()
        } else {
            meta.name.clone()
        },
        version: meta.version.clone(),
        resolved: resolved.to_string(),
        integrity: integrity.to_string(),
        edges: edges_of(meta),
        bin: meta.bins(),
        has_install_script: meta.install_script(),
        os: meta.os.clone(),
        cpu: meta.cpu.clone(),
        libc: meta.libc.clone(),
        bundled: meta.bundled(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pk(
        name: &str,
        versions: &[(&str, &[(&str, &str)])],
    ) -> (String, std::result::Result<Arc<Packument>, Error>) {
        let mut p = Packument {
            name: name.into(),
            ..Default::default()
        };
        for (v, deps) in versions {
            let mut m = VersionMeta {
                name: name.into(),
                version: v.to_string(),
                ..Default::default()
            };
            for (d, s) in deps.iter() {
                m.dependencies.insert(d.to_string(), s.to_string());
            }
            m.dist.tarball = format!("http://r/{name}-{v}.tgz");
            p.versions.insert(v.to_string(), m);
        }
        let latest = versions.last().unwrap().0.to_string();
        p.dist_tags.insert("latest".into(), latest);
        (name.into(), Ok(Arc::new(p)))
    }

    fn root(deps: &[(&str, &str)]) -> Tree {
        let mut t = Tree::default();
        let edges = deps
            .iter()
            .map(|(n, s)| Edge {
                name: n.to_string(),
                spec: s.to_string(),
                kind: Kind::Prod,
            })
            .collect();
        t.add(
            Node {
                name: "root".into(),
                pkg: "root".into(),
                project: true,
                edges,
                ..Default::default()
            },
            None,
        );
        t
    }

    fn layout(t: &Tree) -> Vec<String> {
        t.live()
            .filter(|(_, n)| !n.project)
            .map(|(_, n)| format!("{}@{}", n.location, n.version))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    #[test]
    fn hoists_and_nests_conflicts() {
        let mut src = Sources::default();
        src.packuments.extend([
            pk("a", &[("1.0.0", &[("c", "^1.0.0")])]),
            pk("b", &[("1.0.0", &[("c", "^2.0.0")])]),
            pk(
                "c",
                &[("1.0.0", &[]), ("1.5.0", &[]), ("2.0.0", &[("d", "*")])],
            ),
            pk("d", &[("1.0.0", &[])]),
        ]);
        let mut b = Builder::new(root(&[("a", "^1"), ("b", "^1")]), &src);
        b.run();
        assert!(b.complete() && b.error.is_none());
        assert_eq!(
            layout(&b.tree),
            [
                "node_modules/a@1.0.0",
                "node_modules/b/node_modules/c@2.0.0",
                "node_modules/b@1.0.0",
                "node_modules/c@1.5.0",
                "node_modules/d@1.0.0"
            ]
        );
    }

    #[test]
    fn root_dep_wins_and_missing_is_reported() {
        let mut src = Sources::default();
        src.packuments.extend([
            pk("a", &[("1.0.0", &[("c", "^2")])]),
            pk("c", &[("1.0.0", &[]), ("2.0.0", &[])]),
        ]);
        let mut b = Builder::new(root(&[("a", "1.0.0"), ("c", "1"), ("z", "^1")]), &src);
        b.run();
        assert_eq!(b.missing.iter().cloned().collect::<Vec<_>>(), ["z"]);
        assert_eq!(
            layout(&b.tree),
            [
                "node_modules/a/node_modules/c@2.0.0",
                "node_modules/a@1.0.0",
                "node_modules/c@1.0.0"
            ]
        );
    }

    #[test]
    fn a_newer_version_replaces_a_hoisted_one_when_everything_still_fits() {
        let mut src = Sources::default();
        src.packuments.extend([
            pk("a", &[("1.0.0", &[("c", "^1.0.0")])]),
            pk("b", &[("1.0.0", &[("c", "^1.5.0")])]),
            pk("c", &[("1.0.0", &[]), ("1.6.0", &[])]),
        ]);
        // As if from a lockfile: c@1.0.0 hoisted for a; then b is added.
        let mut t = root(&[("a", "1"), ("b", "1")]);
        let a = Node {
            name: "a".into(),
            pkg: "a".into(),
            version: "1.0.0".into(),
            edges: vec![Edge {
                name: "c".into(),
                spec: "^1.0.0".into(),
                kind: Kind::Prod,
            }],
            ..Default::default()
        };
        t.add(a, Some(0));
        t.add(
            Node {
                name: "c".into(),
                pkg: "c".into(),
                version: "1.0.0".into(),
                ..Default::default()
            },
            Some(0),
        );
        let mut b = Builder::new(t, &src);
        b.run();
        assert_eq!(
            layout(&b.tree),
            [
                "node_modules/a@1.0.0",
                "node_modules/b@1.0.0",
                "node_modules/c@1.6.0"
            ]
        );
    }

    #[test]
    fn etarget_and_optional_skip() {
        let mut src = Sources::default();
        src.packuments.extend([pk("a", &[("1.0.0", &[])])]);
        let mut t = root(&[("a", "^2")]);
        let mut b = Builder::new(t.clone(), &src);
        b.run();
        assert_eq!(b.error.as_ref().unwrap().code, "ETARGET");
        t.nodes[0].edges[0].kind = Kind::Optional;
        let mut b = Builder::new(t, &src);
        b.run();
        assert!(b.error.is_none());
        assert_eq!(b.warnings.len(), 1);
    }

    #[test]
    fn peers_are_installed_beside_the_dependent() {
        let mut src = Sources::default();
        let (n, p) = pk("plugin", &[("1.0.0", &[])]);
        let mut p = (*p.unwrap()).clone();
        p.versions
            .get_mut("1.0.0")
            .unwrap()
            .peer_dependencies
            .insert("host".into(), "^3".into());
        src.packuments.insert(n, Ok(Arc::new(p)));
        src.packuments.extend([
            pk("host", &[("3.1.0", &[]), ("4.0.0", &[])]),
            pk("x", &[("1.0.0", &[("plugin", "1")])]),
        ]);
        let mut b = Builder::new(root(&[("x", "1")]), &src);
        b.run();
        assert_eq!(
            layout(&b.tree),
            [
                "node_modules/host@3.1.0",
                "node_modules/plugin@1.0.0",
                "node_modules/x@1.0.0"
            ]
        );
    }
}
