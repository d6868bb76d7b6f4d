//! The registry client: packuments (abbreviated metadata) and tarballs over one kept-alive
//! reqwest client (HTTP/2 where the registry offers it), with retries, revalidation of cached
//! metadata, `--offline`/`--prefer-offline`, and credentials from `.npmrc`.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer};
use serde_json::Value;
use tokio::sync::{OnceCell, Semaphore};

use crate::cache::Cache;
use crate::error::{err, Error, Result};
use crate::integrity::Integrity;
use crate::npmrc::Config;

const ACCEPT_ABBREV: &str =
    "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
const MAX_AGE: u64 = 300;

fn lenient_map<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, String>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match v {
        Value::Object(m) => m
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
            .collect(),
        _ => BTreeMap::new(),
    })
}

fn lenient_list<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match v {
        Value::Array(a) => a
            .into_iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect(),
        Value::String(s) => vec![s],
        _ => vec![],
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Dist {
    #[serde(default)]
    pub tarball: String,
    #[serde(default)]
    pub integrity: Option<String>,
    #[serde(default)]
    pub shasum: Option<String>,
}

/// One version's manifest as the registry serves it (the fields installs need).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct VersionMeta {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub version: String,
    #[serde(default, deserialize_with = "lenient_map")]
    pub dependencies: BTreeMap<String, String>,
    #[serde(
        default,
        rename = "optionalDependencies",
        deserialize_with = "lenient_map"
    )]
    pub optional_dependencies: BTreeMap<String, String>,
    #[serde(default, rename = "peerDependencies", deserialize_with = "lenient_map")]
    pub peer_dependencies: BTreeMap<String, String>,
    #[serde(default, rename = "peerDependenciesMeta")]
    pub peer_dependencies_meta: Option<Value>,
    #[serde(default, rename = "bundleDependencies", alias = "bundledDependencies")]
    pub bundle_dependencies: Option<Value>,
    #[serde(default)]
    pub bin: Option<Value>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub os: Vec<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub cpu: Vec<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub libc: Vec<String>,
    #[serde(default)]
    pub engines: Option<Value>,
    #[serde(default)]
    pub deprecated: Option<Value>,
    #[serde(default, rename = "hasInstallScript")]
    pub has_install_script: bool,
    #[serde(default)]
    pub scripts: Option<Value>,
    #[serde(default)]
    pub dist: Dist,
}

impl VersionMeta {
    pub fn integrity(&self) -> Option<Integrity> {
        self.dist
            .integrity
            .as_deref()
            .and_then(Integrity::parse)
            .or_else(|| self.dist.shasum.as_deref().and_then(Integrity::from_shasum))
    }
    pub fn integrity_string(&self) -> String {
        match &self.dist.integrity {
            Some(s) => s.clone(),
            None => self.integrity().map(|i| i.to_string()).unwrap_or_default(),
        }
    }
    pub fn is_deprecated(&self) -> bool {
        matches!(&self.deprecated, Some(Value::String(s)) if !s.is_empty())
    }
    pub fn install_script(&self) -> bool {
        self.has_install_script
            || self.scripts.as_ref().is_some_and(|s| {
                ["preinstall", "install", "postinstall"]
                    .iter()
                    .any(|k| s.get(k).is_some())
            })
    }
    pub fn bundled(&self) -> Vec<String> {
        match &self.bundle_dependencies {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            Some(Value::Bool(true)) => self.dependencies.keys().cloned().collect(),
            _ => vec![],
        }
    }
    pub fn peer_optional(&self, name: &str) -> bool {
        self.peer_dependencies_meta
            .as_ref()
            .and_then(|m| m.get(name))
            .and_then(|m| m.get("optional"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
    pub fn bins(&self) -> Vec<(String, String)> {
        let mut v = serde_json::json!({ "name": self.name });
        if let Some(b) = &self.bin {
            v["bin"] = b.clone();
        }
        crate::manifest::bins_of(&v)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Packument {
    #[serde(default)]
    pub name: String,
    #[serde(default, rename = "dist-tags")]
    pub dist_tags: HashMap<String, String>,
    #[serde(default)]
    pub versions: HashMap<String, VersionMeta>,
}

#[derive(Debug, Default, serde::Serialize, Deserialize)]
struct CacheMeta {
    fetched: u64,
    #[serde(default)]
    etag: Option<String>,
    #[serde(default)]
    last_modified: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    Online,
    PreferOffline,
    Offline,
}

type Shared<T> = Arc<OnceCell<std::result::Result<T, Error>>>;

pub struct Registry {
    pub http: reqwest::Client,
    pub config: Arc<Config>,
    pub cache: Cache,
    pub mode: Mode,
    pub verbose: bool,
    packuments: Mutex<HashMap<String, Shared<Arc<Packument>>>>,
    net: Arc<Semaphore>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

pub fn escape_name(name: &str) -> String {
    name.replace('/', "%2f")
}

impl Registry {
    pub fn new(config: Arc<Config>, cache: Cache, mode: Mode) -> Result<Registry> {
        let mut builder = reqwest::Client::builder();
        // Extra CAs: npm's `cafile` and node's NODE_EXTRA_CA_CERTS (corporate proxies).
        let cafiles = [
            config.get("cafile").map(String::from),
            std::env::var("NODE_EXTRA_CA_CERTS").ok(),
        ];
        for f in cafiles.into_iter().flatten() {
            if let Ok(pem) = std::fs::read(&f) {
                for cert in reqwest::Certificate::from_pem_bundle(&pem).unwrap_or_default() {
                    builder = builder.add_root_certificate(cert);
                }
            }
        }
        // npm's proxy settings (reqwest also honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY).
        for key in ["https-proxy", "proxy"] {
            if let Some(p) = config.get(key).filter(|p| !p.is_empty() && *p != "null") {
                if let Ok(proxy) = reqwest::Proxy::all(p) {
                    builder = builder.proxy(proxy);
                    break;
                }
            }
        }
        if config.get("strict-ssl") == Some("false") {
            builder = builder.danger_accept_invalid_certs(true);
        }
        let http = builder
            .user_agent(format!(
                "lode/{} npm/11.0.0 node/v20.0.0 {} {}",
                env!("CARGO_PKG_VERSION"),
                std::env::consts::OS,
                std::env::consts::ARCH
            ))
            .pool_max_idle_per_host(64)
            .connect_timeout(Duration::from_secs(15))
            .timeout(Duration::from_secs(300))
            .tcp_nodelay(true)
            .build()
            .map_err(|e| Error::new("ENETWORK", format!("could not start the HTTP client: {e}")))?;
        Ok(Registry {
            http,
            config,
            cache,
            mode,
            verbose: false,
            packuments: Mutex::new(HashMap::new()),
            net: Arc::new(Semaphore::new(48)),
        })
    }

    pub fn packument_url(&self, name: &str) -> String {
        format!("{}{}", self.config.registry_for(name), escape_name(name))
    }

    /// GET with retries (connection errors, 5xx, 429); returns the final response.
    /// The permit bounds concurrent transfers: keep it until the body is read.
    async fn get(
        &self,
        url: &str,
        headers: &[(&str, String)],
    ) -> Result<(reqwest::Response, tokio::sync::OwnedSemaphorePermit)> {
        let permit = self
            .net
            .clone()
            .acquire_owned()
            .await
            .expect("semaphore never closed");
        let mut delay = Duration::from_millis(200);
        let attempts = 3;
        for attempt in 1..=attempts {
            let mut req = self.http.get(url);
            for (k, v) in headers {
                req = req.header(*k, v);
            }
            if let Some(auth) = self.config.auth_for(url) {
                req = req.header("authorization", auth);
            }
            if self.verbose {
                eprintln!("lode http fetch GET {url}");
            }
            match req.send().await {
                Ok(resp) => {
                    let s = resp.status().as_u16();
                    if (s >= 500 || s == 429) && attempt < attempts {
                        tokio::time::sleep(delay).await;
                        delay *= 4;
                        continue;
                    }
                    return Ok((resp, permit));
                }
                Err(e) if attempt < attempts => {
                    if self.verbose {
                        eprintln!("lode http retry {url}: {e}");
                    }
                    tokio::time::sleep(delay).await;
                    delay *= 4;
                }
                Err(e) => return Err(net_error(url, &e)),
            }
        }
        unreachable!("the last attempt returns")
    }

    /// The packument of `name`, fetched once per run (concurrent callers share the request).
    /// Fetches `name` again, revalidating a cached copy (after a version was not found in it).
    pub async fn packument_fresh(&self, name: &str) -> Result<Arc<Packument>> {
        if self.mode == Mode::Offline {
            return self.packument(name).await;
        }
        let path = self
            .cache
            .packument_path(&self.config.registry_for(name), name);
        let _ = std::fs::remove_file(path.with_extension("meta"));
        self.packuments.lock().unwrap().remove(name);
        self.packument(name).await
    }

    pub async fn packument(&self, name: &str) -> Result<Arc<Packument>> {
        let cell = {
            let mut map = self.packuments.lock().unwrap();
            map.entry(name.to_string()).or_default().clone()
        };
        cell.get_or_init(|| self.fetch_packument(name))
            .await
            .clone()
    }

    async fn fetch_packument(&self, name: &str) -> Result<Arc<Packument>> {
        let url = self.packument_url(name);
        let path = self
            .cache
            .packument_path(&self.config.registry_for(name), name);
        let meta_path = path.with_extension("meta");
        let cached_meta: Option<CacheMeta> = std::fs::read(&meta_path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        let parse = |bytes: &[u8]| -> Result<Arc<Packument>> {
            serde_json::from_slice::<Packument>(bytes)
                .map(Arc::new)
                .map_err(|e| Error::new("EJSONPARSE", format!("invalid metadata from {url}: {e}")))
        };
        if let Some(meta) = &cached_meta {
            let fresh = now().saturating_sub(meta.fetched) < MAX_AGE;
            if self.mode != Mode::Online || fresh {
                if let Ok(bytes) = std::fs::read(&path) {
                    if let Ok(p) = parse(&bytes) {
                        return Ok(p);
                    }
                }
            }
        }
        if self.mode == Mode::Offline {
            return err("ENOTCACHED", format!("request to {url} failed: cache mode is 'only-if-cached' but no cached response is available."));
        }
        let mut headers = vec![("accept", ACCEPT_ABBREV.to_string())];
        if let Some(meta) = &cached_meta {
            if path.exists() {
                if let Some(e) = &meta.etag {
                    headers.push(("if-none-match", e.clone()));
                }
                if let Some(l) = &meta.last_modified {
                    headers.push(("if-modified-since", l.clone()));
                }
            }
        }
        let (resp, permit) = self.get(&url, &headers).await?;
        let status = resp.status();
        let etag = resp
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let last_modified = resp
            .headers()
            .get("last-modified")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let write_meta = |etag, last_modified| {
            let m = CacheMeta {
                fetched: now(),
                etag,
                last_modified,
            };
            let _ = std::fs::write(&meta_path, serde_json::to_vec(&m).unwrap_or_default());
        };
        if status.as_u16() == 304 {
            if let Ok(bytes) = std::fs::read(&path) {
                if let Ok(p) = parse(&bytes) {
                    write_meta(
                        cached_meta.as_ref().and_then(|m| m.etag.clone()),
                        cached_meta.as_ref().and_then(|m| m.last_modified.clone()),
                    );
                    return Ok(p);
                }
            }
            // The cached copy is gone or damaged: ask again without the validators.
            let _ = std::fs::remove_file(&meta_path);
            let _ = std::fs::remove_file(&path);
            drop(permit);
            return Box::pin(self.fetch_packument(name)).await;
        }
        if !status.is_success() {
            return Err(http_error(status, "GET", &url));
        }
        let bytes = resp.bytes().await.map_err(|e| net_error(&url, &e))?;
        drop(permit);
        let p = parse(&bytes)?;
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = path.with_extension(crate::cache::unique_suffix());
        if std::fs::write(&tmp, &bytes).is_ok() {
            let _ = std::fs::rename(&tmp, &path);
        }
        write_meta(etag, last_modified);
        Ok(p)
    }

    /// Downloads a tarball and checks it against `expected` (EINTEGRITY on mismatch) before
    /// returning it; without `expected` the sha512 of the bytes is returned.
    pub async fn tarball(
        &self,
        url: &str,
        expected: Option<&Integrity>,
    ) -> Result<(Vec<u8>, Integrity)> {
        if self.mode == Mode::Offline {
            return err("ENOTCACHED", format!("request to {url} failed: cache mode is 'only-if-cached' but no cached response is available."));
        }
        // A connection dropped in the middle of the body is retried like a failed request.
        let mut attempt = 0;
        let bytes = loop {
            attempt += 1;
            let (resp, _permit) = self.get(url, &[]).await?;
            if !resp.status().is_success() {
                return Err(http_error(resp.status(), "GET", url));
            }
            match resp.bytes().await {
                Ok(b) => break b.to_vec(),
                Err(e) if attempt >= 3 => return Err(net_error(url, &e)),
                Err(_) => tokio::time::sleep(Duration::from_millis(200 * attempt)).await,
            }
        };
        match expected {
            Some(want) => {
                if !want.verify(&bytes) {
                    let got = Integrity::compute(&want.algo, &bytes);
                    return err(
                        "EINTEGRITY",
                        format!("{want} integrity checksum failed when using {}: wanted {want} but got {got}. ({} bytes)\n(tarball {url})", want.algo, bytes.len()),
                    );
                }
                Ok((bytes, want.clone()))
            }
            None => {
                let i = Integrity::sha512(&bytes);
                Ok((bytes, i))
            }
        }
    }

    pub async fn put(&self, url: &str, body: Vec<u8>) -> Result<(u16, String)> {
        let mut req = self
            .http
            .put(url)
            .header("content-type", "application/json")
            .header("npm-command", "publish")
            .body(body);
        match self.config.auth_for(url) {
            Some(a) => req = req.header("authorization", a),
            None => {
                return err("ENEEDAUTH", format!("This command requires you to be logged in to {}\nYou need to authorize this machine using `npm adduser` or set an _authToken in .npmrc", self.config.registry()))
            }
        }
        let resp = req.send().await.map_err(|e| net_error(url, &e))?;
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        if !status.is_success() {
            let mut e = http_error(status, "PUT", url);
            if !text.is_empty() {
                e.message.push_str(&format!(" - {}", text.trim()));
            }
            return Err(e);
        }
        Ok((status.as_u16(), text))
    }
}

pub fn http_error(status: reqwest::StatusCode, method: &str, url: &str) -> Error {
    let code = match status.as_u16() {
        401 | 403 if method == "PUT" => format!("E{}", status.as_u16()),
        s => format!("E{s}"),
    };
    Error::new(
        &code,
        format!(
            "{} {} - {method} {url}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        ),
    )
}

fn net_error(url: &str, e: &reqwest::Error) -> Error {
    let code = if e.is_timeout() {
        "ETIMEDOUT"
    } else if e.is_connect() {
        "ECONNREFUSED"
    } else {
        "ENETWORK"
    };
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    Error::new(code, format!("request to {url} failed, reason: {msg}"))
}
