//! Compiled built-in modules kept between runs.
//!
//! Parsing lode's own `lib/` modules was about a third of start-up. The first run compiles
//! each built-in to a SpiderMonkey stencil, encodes it and appends it to a cache file; later
//! runs decode the stencil instead of parsing (several times faster). The file lives next to
//! the self-hosted code cache (`~/.cache/lode`), is named after the engine build and the
//! caller's key for its sources (so a rebuilt binary or changed `lib/` starts a new file), and
//! holds one entry per module, each with a checksum: a torn or corrupt entry ends the index
//! there and the module is simply compiled again. Decoding that fails falls back to compiling
//! too, so the cache can only cost speed, never behaviour.
use std::collections::HashMap;
use std::ffi::CString;
use std::io::Write as _;
use std::path::PathBuf;
use std::ptr;
use std::sync::Mutex;

use mozjs::jsapi::{JSContext, JSScript};
use mozjs::jsval::UndefinedValue;
use mozjs::rooted;

const MAGIC: u32 = 0x4c4f_4445; // "LODE"
/// A cache file past this size (a developer rebuilding often) is started afresh.
const MAX_FILE: u64 = 32 << 20;

/// mozilla::Vector<uint8_t, 0, MallocAllocPolicy> as laid out in release builds of
/// SpiderMonkey: begin, length, capacity (the allocation policy is an empty base).
#[repr(C)]
struct TranscodeBuffer {
    begin: *mut u8,
    length: usize,
    capacity: usize,
}

extern "C" {
    // JS::EncodeStencil(JSContext*, JS::Stencil*, JS::TranscodeBuffer&): public API that the
    // bindings leave out because of the Vector reference.
    #[link_name = "_ZN2JS13EncodeStencilEP9JSContextPN2js8frontend32InitialStencilAndDelazificationsERN7mozilla6VectorIhLm0ENS6_17MallocAllocPolicyEEE"]
    fn EncodeStencil(
        cx: *mut JSContext,
        stencil: *mut mozjs::jsapi::JS::Stencil,
        buffer: *mut TranscodeBuffer,
    ) -> mozjs::jsapi::JS::TranscodeResult;
}

/// The file is read with positioned reads, headers first and then only the entries a run
/// uses: reading (or mapping) all of it would add its size, megabytes once most modules are
/// in it, to every process's memory.
struct Cache {
    file: PathBuf,
    reader: Option<std::fs::File>,
    /// Module id → where its entry is.
    index: HashMap<String, Entry>,
}

#[derive(Clone, Copy)]
struct Entry {
    data_at: u64,
    data_len: usize,
    sum: u32,
}

impl Entry {
    /// The stencil bytes, when the entry is intact (checked on use: most entries of a file
    /// are not needed by a given run).
    fn data(&self, id: &str, file: &std::fs::File) -> Option<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut data = vec![0u8; self.data_len];
        file.read_exact_at(&mut data, self.data_at).ok()?;
        (checksum(&[id.as_bytes(), &data]) == self.sum).then_some(data)
    }
}

static CACHE: Mutex<Option<Option<Cache>>> = Mutex::new(None);

fn checksum(parts: &[&[u8]]) -> u32 {
    // FNV-1a: enough to notice a torn write.
    let mut h: u32 = 0x811c_9dc5;
    for p in parts {
        for &b in *p {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

fn pad8(n: usize) -> usize {
    (n + 7) & !7
}

/// Entries: magic, id length, data length, checksum (u32 LE each), the id, padding to 8, the
/// data, padding to 8. The index ends at the first entry that is not whole.
fn read_index(file: &std::fs::File) -> HashMap<String, Entry> {
    use std::os::unix::fs::FileExt;
    let mut index = HashMap::new();
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return index;
    };
    let mut at: u64 = 0;
    let mut header = [0u8; 16];
    while at + 16 <= len && file.read_exact_at(&mut header, at).is_ok() {
        let u32_at = |i: usize| u32::from_le_bytes(header[i..i + 4].try_into().unwrap());
        if u32_at(0) != MAGIC {
            break;
        }
        let (id_len, data_len, sum) = (u32_at(4) as usize, u32_at(8) as usize, u32_at(12));
        let data_at = at + 16 + pad8(id_len) as u64;
        let end = data_at + pad8(data_len) as u64;
        if end > len || id_len > 4096 {
            break;
        }
        let mut id = vec![0u8; id_len];
        if file.read_exact_at(&mut id, at + 16).is_err() {
            break;
        }
        if let Ok(id) = String::from_utf8(id) {
            index.insert(
                id,
                Entry {
                    data_at,
                    data_len,
                    sum,
                },
            );
        }
        at = end;
    }
    index
}

fn open(key: &str) -> Option<Cache> {
    let dir = crate::engine::code_cache_dir()?;
    let file = dir.join(format!(
        "builtins-{}-{key}.bin",
        env!("LODE_ENGINE_BUILD_ID")
    ));
    if std::fs::metadata(&file).is_ok_and(|m| m.len() > MAX_FILE) {
        let _ = std::fs::remove_file(&file);
    }
    let reader = std::fs::File::open(&file).ok();
    if reader.is_none() {
        // A new file: remove those of other builds or sources.
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.starts_with("builtins-") && e.path() != file {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
    let index = reader.as_ref().map(read_index).unwrap_or_default();
    Some(Cache {
        file,
        reader,
        index,
    })
}

fn append(file: &PathBuf, id: &str, data: &[u8]) {
    let mut entry = Vec::with_capacity(16 + pad8(id.len()) + pad8(data.len()));
    entry.extend_from_slice(&MAGIC.to_le_bytes());
    entry.extend_from_slice(&(id.len() as u32).to_le_bytes());
    entry.extend_from_slice(&(data.len() as u32).to_le_bytes());
    entry.extend_from_slice(&checksum(&[id.as_bytes(), data]).to_le_bytes());
    entry.extend_from_slice(id.as_bytes());
    entry.resize(16 + pad8(id.len()), 0);
    entry.extend_from_slice(data);
    entry.resize(16 + pad8(id.len()) + pad8(data.len()), 0);
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    // One write of the whole entry in append mode; a torn one is ignored when read.
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
    {
        let _ = f.write_all(&entry);
    }
}

/// Compiles `(function (params) { source })` as a script named `filename` and returns the
/// function; with `cache_key`, through the stencil cache as described in the module docs
/// (`id` names the entry). Returns `None` with an exception pending on a syntax error.
///
/// # Safety
/// `cx` must be the current context, in a realm.
pub(crate) unsafe fn compile_function(
    cx: *mut JSContext,
    cache_key: Option<&str>,
    id: &str,
    source: &str,
    filename: &str,
    params: &[&str],
) -> Option<mozjs::jsapi::Value> {
    if let Some(key) = cache_key {
        let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        let cache = guard.get_or_insert_with(|| open(key));
        if let Some(cache) = cache.as_mut() {
            if let Some(entry) = cache.index.get(id).copied() {
                let data = cache.reader.as_ref().and_then(|f| entry.data(id, f));
                if let Some(data) = data {
                    if let Some(v) = instantiate_encoded(cx, &data) {
                        return Some(v);
                    }
                }
                // Corrupt or undecodable: compile, and do not store it again.
                cache.index.remove(id);
                drop(guard);
                return compile(cx, None, id, source, filename, params);
            }
            let file = cache.file.clone();
            drop(guard);
            return compile(cx, Some(&file), id, source, filename, params);
        }
    }
    compile(cx, None, id, source, filename, params)
}

unsafe fn compile(
    cx: *mut JSContext,
    store_in: Option<&PathBuf>,
    id: &str,
    source: &str,
    filename: &str,
    params: &[&str],
) -> Option<mozjs::jsapi::Value> {
    // The header shares the first line, so line numbers are the file's.
    let wrapped = format!("(function ({}) {{{source}\n}})", params.join(", "));
    let fname = CString::new(filename.replace('\0', "")).unwrap_or_default();
    let opts = mozjs::glue::NewCompileOptions(cx, fname.as_ptr(), 1);
    let mut src = mozjs::rust::transform_str_to_source_text(&wrapped);
    let stencil = mozjs::jsapi::JS::CompileGlobalScriptToStencil(cx, opts, &mut src).mRawPtr;
    mozjs::glue::DeleteCompileOptions(opts);
    if stencil.is_null() {
        return None;
    }
    if let Some(file) = store_in {
        let mut buf = TranscodeBuffer {
            begin: std::mem::size_of::<u8>() as *mut u8,
            length: 0,
            capacity: 0,
        };
        let r = EncodeStencil(cx, stencil, &mut buf);
        if r == mozjs::jsapi::JS::TranscodeResult::Ok && buf.capacity > 0 {
            append(file, id, std::slice::from_raw_parts(buf.begin, buf.length));
        }
        if buf.capacity > 0 {
            mozjs::jsapi::JS_free(cx, buf.begin as *mut _);
        }
        // Encoding failures are not errors of the script.
        if mozjs::jsapi::JS_IsExceptionPending(cx) {
            mozjs::jsapi::JS_ClearPendingException(cx);
        }
    }
    let v = run_stencil(cx, stencil);
    mozjs::jsapi::JS::StencilRelease(stencil);
    v
}

unsafe fn instantiate_encoded(cx: *mut JSContext, bytes: &[u8]) -> Option<mozjs::jsapi::Value> {
    let options = mozjs::jsapi::JS::DecodeOptions {
        _base: mozjs::jsapi::JS::ReadOnlyDecodeOptions {
            borrowBuffer: false,
            usePinnedBytecode: false,
            introducerFilename_: mozjs::jsapi::JS::ConstUTF8CharsZ { data_: ptr::null() },
            introductionType: ptr::null(),
            introductionLineno: 0,
            introductionOffset: 0,
        },
    };
    let range = mozjs::jsapi::JS::TranscodeRange {
        _phantom_0: std::marker::PhantomData,
        mStart: mozjs::jsapi::mozilla::RangedPtr {
            _phantom_0: std::marker::PhantomData,
            mPtr: bytes.as_ptr() as *mut u8,
        },
        mEnd: mozjs::jsapi::mozilla::RangedPtr {
            _phantom_0: std::marker::PhantomData,
            mPtr: bytes.as_ptr().add(bytes.len()) as *mut u8,
        },
    };
    let mut stencil: *mut mozjs::jsapi::JS::Stencil = ptr::null_mut();
    let r = mozjs::jsapi::JS::DecodeStencil(cx, &options._base, &range, &mut stencil);
    if r != mozjs::jsapi::JS::TranscodeResult::Ok || stencil.is_null() {
        if mozjs::jsapi::JS_IsExceptionPending(cx) {
            mozjs::jsapi::JS_ClearPendingException(cx);
        }
        return None;
    }
    let v = run_stencil(cx, stencil);
    mozjs::jsapi::JS::StencilRelease(stencil);
    v
}

/// Instantiates a script stencil and runs it: its value is the wrapped function.
unsafe fn run_stencil(
    cx: *mut JSContext,
    stencil: *mut mozjs::jsapi::JS::Stencil,
) -> Option<mozjs::jsapi::Value> {
    let options = mozjs::jsapi::JS::InstantiateOptions {
        skipFilenameValidation: false,
        hideScriptFromDebugger: false,
        deferDebugMetadata: false,
        eagerDelazificationStrategy_: mozjs::jsapi::JS::DelazificationOption::OnDemandOnly,
        eagerBaselineStrategy_: mozjs::jsapi::JS::EagerBaselineOption::None,
    };
    let script = mozjs::jsapi::JS::InstantiateGlobalStencil(cx, &options, stencil, ptr::null_mut());
    if script.is_null() {
        return None;
    }
    rooted!(in(cx) let script = script as *mut JSScript);
    rooted!(in(cx) let mut rval = UndefinedValue());
    if !mozjs::jsapi::JS_ExecuteScript(cx, script.handle().into(), rval.handle_mut().into()) {
        return None;
    }
    Some(rval.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_stops_at_a_torn_or_corrupt_entry() {
        let dir = std::env::temp_dir().join(format!("lode-code-cache-{}", std::process::id()));
        let file = dir.join("c.bin");
        append(&file, "a", b"first stencil");
        append(&file, "bb", &[7u8; 13]);
        let open = |bytes: &[u8]| {
            let f = dir.join("copy.bin");
            std::fs::write(&f, bytes).unwrap();
            std::fs::File::open(&f).unwrap()
        };
        let bytes = std::fs::read(&file).unwrap();
        let f = open(&bytes);
        let index = read_index(&f);
        assert_eq!(index.len(), 2);
        assert_eq!(index["bb"].data_at % 8, 0);
        assert_eq!(index["bb"].data("bb", &f), Some(vec![7u8; 13]));
        assert_eq!(index["a"].data("a", &f), Some(b"first stencil".to_vec()));
        // Torn: the last entry cut short is not indexed.
        assert_eq!(read_index(&open(&bytes[..bytes.len() - 3])).len(), 1);
        // Corrupt: a flipped data byte fails the checksum when the entry is used.
        let mut bad = bytes.clone();
        bad[index["a"].data_at as usize] ^= 1;
        let f = open(&bad);
        assert_eq!(read_index(&f)["a"].data("a", &f), None);
        assert!(read_index(&f)["bb"].data("bb", &f).is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
