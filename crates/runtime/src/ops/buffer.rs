//! Buffer's encoders and decoders (`internalBinding('buffer')`): utf8, utf16le/ucs2, latin1,
//! ascii, base64/base64url and hex, plus the byte searches, comparisons, fills and swaps that
//! `lib/buffer.js` leaves to Rust.
//!
//! Node's decoders are deliberately lenient in ways no encoding crate offers (base64 skips
//! characters outside the alphabet, accepts both alphabets at once, stops at the first `=` and
//! reads only the low byte of each UTF-16 unit; hex stops at the first invalid pair), so those
//! rules are plain Rust here. Crates do the bulk work where they are clearly faster:
//! `base64-simd`/`hex-simd` (SIMD, detected at run time) encode, and decode text that is
//! strictly valid — which decodes identically under node's rules — with the lenient decoder as
//! the fallback; `encoding_rs` (already linked for SpiderMonkey) converts between UTF-8, UTF-16
//! and Latin-1 with node's semantics (whole characters only, lone surrogates and invalid
//! sequences as U+FFFD). Strings are read as SpiderMonkey stores them (Latin-1 or UTF-16) and
//! encoded straight into the target buffer, with no intermediate `String`.
//!
//! Write ops take `(buffer, string, offset, maxLength[, fresh])` and return the bytes written;
//! slice ops take `(buffer, start, end)` and return the string, or `undefined` when it would be
//! longer than node's `kStringMaxLength` (lib/ then throws ERR_STRING_TOO_LONG). Offsets are
//! validated in JS; the ops clamp them again so bad input can never index out of bounds.

use lode_engine::{Args, Binding, Engine, OpResult, StringChars};

/// V8's maximum string length, which node reports as `buffer.kStringMaxLength`.
pub const STRING_MAX_LENGTH: usize = (1 << 29) - 24;

/// A string code unit: Latin-1 byte or UTF-16 unit.
trait Unit: Copy {
    fn u32(self) -> u32;
    /// The low byte (what node's base64 decoder looks at).
    fn low(self) -> u8;
}

impl Unit for u8 {
    #[inline(always)]
    fn u32(self) -> u32 {
        self as u32
    }
    #[inline(always)]
    fn low(self) -> u8 {
        self
    }
}

impl Unit for u16 {
    #[inline(always)]
    fn u32(self) -> u32 {
        self as u32
    }
    #[inline(always)]
    fn low(self) -> u8 {
        self as u8
    }
}

// ---- UTF-8 ---------------------------------------------------------------------------------

pub fn utf8_len_latin1(s: &[u8]) -> usize {
    s.len() + s.iter().filter(|&&b| b >= 0x80).count()
}

/// UTF-8 length of UTF-16 text: 1, 2 or 3 bytes per unit by value (a lone surrogate is U+FFFD,
/// 3 bytes), minus 2 for every high+low surrogate pair (4 bytes, not 3 + 3). Both sums are plain
/// loops the compiler vectorizes.
pub fn utf8_len_utf16(s: &[u16]) -> usize {
    // Every unit counted alone (1, 2 or 3 bytes; a surrogate 3, as U+FFFD would be), in u16
    // lanes per chunk so that the loop vectorizes (at most 2 extra bytes per unit: 16,384 units
    // cannot overflow); then each valid surrogate pair, 6 bytes by that count, is 4.
    let mut total = s.len();
    let mut surrogates = 0usize;
    for chunk in s.chunks(16_384) {
        let mut extra: u16 = 0;
        let mut surrogate: u16 = 0;
        for &u in chunk {
            extra += (u >= 0x80) as u16 + (u >= 0x800) as u16;
            surrogate += ((u & 0xF800) == 0xD800) as u16;
        }
        total += extra as usize;
        surrogates += surrogate as usize;
    }
    if surrogates != 0 {
        let pairs = s
            .windows(2)
            .filter(|w| (w[0] & 0xFC00) == 0xD800 && (w[1] & 0xFC00) == 0xDC00)
            .count();
        total -= 2 * pairs;
    }
    total
}

/// UTF-8 of Latin-1 text into `dst`, whole characters only; returns bytes written.
pub fn utf8_write_latin1(src: &[u8], dst: &mut [u8]) -> usize {
    encoding_rs::mem::convert_latin1_to_utf8_partial(src, dst).1
}

/// UTF-8 of UTF-16 text into `dst`, whole characters only, lone surrogates as U+FFFD; returns
/// bytes written (the semantics of `TextEncoder.encodeInto`, which are node's `utf8Write`'s).
pub fn utf8_write_utf16(src: &[u16], dst: &mut [u8]) -> usize {
    encoding_rs::mem::convert_utf16_to_utf8_partial(src, dst).1
}

fn utf8_encode(chars: StringChars<'_>) -> Vec<u8> {
    match chars {
        StringChars::Latin1(s) => {
            let mut v = vec![0; utf8_len_latin1(s)];
            utf8_write_latin1(s, &mut v);
            v
        }
        StringChars::Utf16(s) => {
            let mut v = vec![0; utf8_len_utf16(s)];
            utf8_write_utf16(s, &mut v);
            v
        }
    }
}

// ---- Latin-1, ASCII and UTF-16 ---------------------------------------------------------------

fn latin1_write(chars: StringChars<'_>, dst: &mut [u8]) -> usize {
    match chars {
        StringChars::Latin1(s) => {
            let n = s.len().min(dst.len());
            dst[..n].copy_from_slice(&s[..n]);
            n
        }
        StringChars::Utf16(s) => {
            let n = s.len().min(dst.len());
            for (d, &c) in dst[..n].iter_mut().zip(s) {
                *d = c as u8;
            }
            n
        }
    }
}

/// UTF-16LE of the string into `dst`: as many whole units as fit.
fn ucs2_write(chars: StringChars<'_>, dst: &mut [u8]) -> usize {
    match chars {
        StringChars::Latin1(s) => {
            let n = s.len().min(dst.len() / 2);
            for (d, &c) in dst.chunks_exact_mut(2).zip(&s[..n]) {
                d[0] = c;
                d[1] = 0;
            }
            n * 2
        }
        StringChars::Utf16(s) => {
            let n = s.len().min(dst.len() / 2);
            for (d, &c) in dst.chunks_exact_mut(2).zip(&s[..n]) {
                d.copy_from_slice(&c.to_le_bytes());
            }
            n * 2
        }
    }
}

// ---- hex -----------------------------------------------------------------------------------

/// Nibble values; 0xFF marks a non-hex character.
const UNHEX: [u8; 256] = {
    let mut t = [0xFFu8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

#[inline(always)]
fn unhex<T: Unit>(c: T) -> u8 {
    let c = c.u32();
    if c < 256 {
        UNHEX[c as usize]
    } else {
        0xFF
    }
}

/// `UNHEX` as u16 with invalid characters flagged by bit 8, for branch-free batches.
const UNHEX16: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if UNHEX[i] == 0xFF {
            0x100
        } else {
            UNHEX[i] as u16
        };
        i += 1;
    }
    t
};

#[inline(always)]
fn unhex16<T: Unit>(c: T) -> u16 {
    let c = c.u32();
    if c < 256 {
        UNHEX16[c as usize]
    } else {
        0x100
    }
}

/// Decodes pairs of hex digits into `dst` until the first invalid pair (node's rule: an odd
/// trailing digit is ignored); returns bytes written.
fn hex_decode<T: Unit>(src: &[T], dst: &mut [u8]) -> usize {
    let n = (src.len() / 2).min(dst.len());
    let mut i = 0;
    // Eight bytes per round, checking validity once.
    while i + 8 <= n {
        let s = &src[2 * i..2 * i + 16];
        let mut out = [0u8; 8];
        let mut bad = 0u16;
        for k in 0..8 {
            let hi = unhex16(s[2 * k]);
            let lo = unhex16(s[2 * k + 1]);
            bad |= hi | lo;
            out[k] = ((hi << 4) | lo) as u8;
        }
        if bad & 0x100 != 0 {
            break;
        }
        dst[i..i + 8].copy_from_slice(&out);
        i += 8;
    }
    while i < n {
        let hi = unhex(src[2 * i]);
        let lo = unhex(src[2 * i + 1]);
        if (hi | lo) & 0xF0 != 0 {
            return i;
        }
        dst[i] = (hi << 4) | lo;
        i += 1;
    }
    n
}

/// Hex digits of `src` into `out` (`2 * src.len()` bytes), with SIMD where the CPU has it.
fn hex_encode_into(src: &[u8], out: &mut [u8]) {
    let _ = hex_simd::encode(
        src,
        hex_simd::Out::from_slice(out),
        hex_simd::AsciiCase::Lower,
    );
}

/// Hex text into `dst`: the SIMD strict decoder when the pairs to decode are all valid, else
/// the scalar decoder that stops at the first invalid pair. `fresh` as for `base64_write`.
fn hex_write(chars: StringChars<'_>, dst: &mut [u8], fresh: bool) -> usize {
    match chars {
        StringChars::Latin1(s) => {
            let n = (s.len() / 2).min(dst.len());
            let src = &s[..2 * n];
            if (fresh || hex_simd::check(src).is_ok())
                && hex_simd::decode(src, hex_simd::Out::from_slice(&mut dst[..n])).is_ok()
            {
                return n;
            }
            hex_decode(s, dst)
        }
        StringChars::Utf16(s) => hex_decode(s, dst),
    }
}

// ---- base64 --------------------------------------------------------------------------------

const B64_STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Sextet values for both alphabets at once (node decodes `+/` and `-_` alike); 0xFF marks any
/// other byte.
const UNBASE64: [u8; 256] = {
    let mut t = [0xFFu8; 256];
    let mut i = 0;
    while i < 64 {
        t[B64_STD[i] as usize] = i as u8;
        t[B64_URL[i] as usize] = i as u8;
        i += 1;
    }
    t
};

const INVALID_SEXTET: u32 = 0x8000_0000;

/// `UNBASE64` with each sextet shifted to its place in a 24-bit group (position 0 the highest);
/// characters outside the alphabets map to `INVALID_SEXTET`.
const UNBASE64_SHIFTED: [[u32; 256]; 4] = {
    let mut t = [[0u32; 256]; 4];
    let mut c = 0;
    while c < 256 {
        let v = UNBASE64[c];
        let mut k = 0;
        while k < 4 {
            t[k][c] = if v == 0xFF {
                INVALID_SEXTET
            } else {
                (v as u32) << (18 - 6 * k)
            };
            k += 1;
        }
        c += 1;
    }
    t
};

/// Node's lenient base64 decoding: characters outside both alphabets are skipped, decoding stops
/// at the first `=` (or when `dst` is full), a trailing lone sextet is dropped, and of each UTF-16
/// unit only the low byte counts. Returns bytes written.
fn base64_decode<T: Unit>(src: &[T], dst: &mut [u8]) -> usize {
    let mut i = 0;
    let mut o = 0;
    // Fast path: eight valid characters into six bytes per round, through tables holding each
    // sextet already shifted into place (invalid characters set the top bit).
    while i + 8 <= src.len() && o + 6 <= dst.len() {
        let s = &src[i..i + 8];
        let w1 = UNBASE64_SHIFTED[0][s[0].low() as usize]
            | UNBASE64_SHIFTED[1][s[1].low() as usize]
            | UNBASE64_SHIFTED[2][s[2].low() as usize]
            | UNBASE64_SHIFTED[3][s[3].low() as usize];
        let w2 = UNBASE64_SHIFTED[0][s[4].low() as usize]
            | UNBASE64_SHIFTED[1][s[5].low() as usize]
            | UNBASE64_SHIFTED[2][s[6].low() as usize]
            | UNBASE64_SHIFTED[3][s[7].low() as usize];
        if (w1 | w2) & INVALID_SEXTET != 0 {
            break;
        }
        let v = ((w1 as u64) << 40) | ((w2 as u64) << 16);
        dst[o..o + 6].copy_from_slice(&v.to_be_bytes()[..6]);
        i += 8;
        o += 6;
    }
    // Whole groups of four valid characters.
    while i + 4 <= src.len() && o + 3 <= dst.len() {
        let w = UNBASE64_SHIFTED[0][src[i].low() as usize]
            | UNBASE64_SHIFTED[1][src[i + 1].low() as usize]
            | UNBASE64_SHIFTED[2][src[i + 2].low() as usize]
            | UNBASE64_SHIFTED[3][src[i + 3].low() as usize];
        if w & INVALID_SEXTET != 0 {
            break;
        }
        dst[o..o + 3].copy_from_slice(&w.to_be_bytes()[1..]);
        i += 4;
        o += 3;
    }
    // The rest, one character at a time.
    let mut acc: u32 = 0;
    let mut n = 0; // sextets in the current group of four
    while i < src.len() && o < dst.len() {
        let ch = src[i].low();
        i += 1;
        let v = UNBASE64[ch as usize];
        if v == 0xFF {
            if ch == b'=' {
                break;
            }
            continue;
        }
        acc = (acc << 6) | v as u32;
        n += 1;
        match n {
            1 => {}
            2 => {
                dst[o] = (acc >> 4) as u8;
                o += 1;
            }
            3 => {
                dst[o] = (acc >> 2) as u8;
                o += 1;
            }
            _ => {
                dst[o] = acc as u8;
                o += 1;
                n = 0;
                acc = 0;
            }
        }
    }
    o
}

/// An upper bound of the decoded size (node's allocation estimate, ignoring up to two trailing
/// `=`).
fn base64_decoded_len_estimate<T: Unit>(src: &[T]) -> usize {
    let mut n = src.len();
    for _ in 0..2 {
        if n > 0 && src[n - 1].u32() == b'=' as u32 {
            n -= 1;
        }
    }
    n * 3 / 4
}

fn base64_encoded_len(n: usize, url: bool) -> usize {
    if url {
        (n * 4).div_ceil(3)
    } else {
        n.div_ceil(3) * 4
    }
}

/// base64 of `src` into `out` (`base64_encoded_len` bytes), with SIMD where the CPU has it.
fn base64_encode_into(src: &[u8], url: bool, out: &mut [u8]) {
    let codec = if url {
        &base64_simd::URL_SAFE_NO_PAD
    } else {
        &base64_simd::STANDARD
    };
    let _ = codec.encode(src, base64_simd::Out::from_slice(out));
}

/// Strict SIMD decoding of clean base64 text in either alphabet (`url_first` says which to try
/// first), padded or not. `None` when the text needs node's lenient rules (whitespace, other
/// characters, `=` inside, a lone trailing sextet) or `dst` cannot take all of it; strictly valid
/// text decodes the same under both rules. With `keep_on_error`, nothing is written unless the
/// whole text is valid (an extra validation pass); without, a refused text may leave garbage
/// that the lenient decoder then overwrites only as far as it gets (fine for a fresh buffer).
fn base64_decode_fast(
    src: &[u8],
    dst: &mut [u8],
    url_first: bool,
    keep_on_error: bool,
) -> Option<usize> {
    let (std, url) = if src.len() % 4 == 0 {
        (&base64_simd::STANDARD, &base64_simd::URL_SAFE)
    } else {
        (&base64_simd::STANDARD_NO_PAD, &base64_simd::URL_SAFE_NO_PAD)
    };
    let order = if url_first { [url, std] } else { [std, url] };
    for codec in order {
        let Ok(m) = codec.decoded_length(src) else {
            return None;
        };
        if m > dst.len() {
            return None;
        }
        if keep_on_error && codec.check(src).is_err() {
            continue;
        }
        if let Ok(d) = codec.decode(src, base64_simd::Out::from_slice(&mut dst[..m])) {
            return Some(d.len());
        }
    }
    None
}

// ---- searching -----------------------------------------------------------------------------

/// Node's start position for a search of a needle of `needle_len` bytes from `offset` in a
/// haystack of `len` bytes; -1 means "no match possible".
fn search_start(len: i64, offset: i64, needle_len: i64, forward: bool) -> i64 {
    if offset < 0 {
        if offset + len >= 0 {
            len + offset
        } else if forward || needle_len == 0 {
            0
        } else {
            -1
        }
    } else if offset + needle_len <= len {
        offset
    } else if needle_len == 0 {
        len
    } else if forward {
        -1
    } else {
        len - 1
    }
}

/// First (or, backwards, last) position `p` with `hay[p..]` starting with `needle`, `p >= start`
/// (or `p <= start`).
fn find<T: PartialEq + Copy>(
    hay: &[T],
    needle: &[T],
    start: usize,
    forward: bool,
) -> Option<usize> {
    let n = needle.len();
    if n == 0 || n > hay.len() {
        return None;
    }
    let last = hay.len() - n;
    let first = needle[0];
    if forward {
        (start..=last).find(|&p| hay[p] == first && hay[p..p + n] == *needle)
    } else {
        (0..=start.min(last))
            .rev()
            .find(|&p| hay[p] == first && hay[p..p + n] == *needle)
    }
}

/// Byte search with node's offset rules (`indexOf`/`lastIndexOf` of a byte sequence).
fn index_of_bytes(hay: &[u8], needle: &[u8], offset: i64, forward: bool) -> i64 {
    let start = search_start(hay.len() as i64, offset, needle.len() as i64, forward);
    if needle.is_empty() {
        return start;
    }
    if hay.is_empty() || start < 0 {
        return -1;
    }
    let start = start as usize;
    if (forward && needle.len() + start > hay.len()) || needle.len() > hay.len() {
        return -1;
    }
    if needle.len() == 1 {
        let b = needle[0];
        let r = if forward {
            hay[start..].iter().position(|&x| x == b).map(|p| p + start)
        } else {
            hay[..=start].iter().rposition(|&x| x == b)
        };
        return r.map_or(-1, |p| p as i64);
    }
    find(hay, needle, start, forward).map_or(-1, |p| p as i64)
}

/// UTF-16 search: compares whole code units, so matches start at even byte positions; `needle`
/// is UTF-16LE bytes. Node's quirks are kept: a string needle searches the haystack cut to an
/// even length, and a Buffer needle not found in an odd-length haystack yields `length - 1`
/// (node's "not found" marker is the haystack's unit count times two, compared with the byte
/// length).
fn index_of_ucs2(
    hay: &[u8],
    needle: &[u8],
    offset: i64,
    forward: bool,
    string_needle: bool,
) -> i64 {
    let hlen = if string_needle {
        hay.len() & !1
    } else {
        hay.len()
    };
    let start = search_start(hlen as i64, offset, needle.len() as i64, forward);
    if needle.is_empty() {
        return start;
    }
    if hlen == 0 || start < 0 {
        return -1;
    }
    let start = start as usize;
    if (forward && needle.len() + start > hlen) || needle.len() > hlen {
        return -1;
    }
    if hlen < 2 || needle.len() < 2 {
        return -1;
    }
    let units = |b: &[u8]| -> Vec<u16> {
        b.chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    };
    let h = units(&hay[..hlen]);
    let n = units(needle);
    let result = find(&h, &n, start / 2, forward).map_or(h.len() * 2, |p| 2 * p);
    if result == hlen {
        -1
    } else {
        result as i64
    }
}

// ---- helpers for ops -----------------------------------------------------------------------

/// `(start, end)` arguments at `i`, `i + 1` clamped to `0..=len` with `start <= end`.
fn range(args: &mut Args, i: usize, len: usize) -> Result<(usize, usize), lode_engine::Thrown> {
    let start = if args.is_undefined(i) {
        0.0
    } else {
        args.number(i)?
    };
    let end = if args.is_undefined(i + 1) {
        len as f64
    } else {
        args.number(i + 1)?
    };
    let clamp = |x: f64| {
        if x.is_nan() || x <= 0.0 {
            0
        } else if x >= len as f64 {
            len
        } else {
            x as usize
        }
    };
    let s = clamp(start);
    let e = clamp(end).max(s);
    Ok((s, e))
}

fn view_len(args: &Args, i: usize) -> usize {
    args.bytes(i).map_or(0, |b| b.len())
}

/// `bytes[s..e]`, cut to the bytes there are (a view can shrink when its buffer is detached or
/// resized between reading the arguments and reading the data).
fn sub(bytes: &[u8], s: usize, e: usize) -> &[u8] {
    let e = e.min(bytes.len());
    &bytes[s.min(e)..e]
}

fn sub_mut(bytes: &mut [u8], s: usize, e: usize) -> &mut [u8] {
    let e = e.min(bytes.len());
    &mut bytes[s.min(e)..e]
}

/// Runs a write op: `(buffer, string, offset, maxLength)`.
fn write_op(args: &mut Args, f: impl FnOnce(StringChars<'_>, &mut [u8]) -> usize) -> OpResult {
    let len = view_len(args, 0);
    let offset = args.number(2)?;
    let offset = if offset.is_nan() || offset <= 0.0 {
        0
    } else {
        (offset as usize).min(len)
    };
    let max = if args.is_undefined(3) {
        len - offset
    } else {
        let m = args.number(3)?;
        if m.is_nan() || m <= 0.0 {
            0
        } else {
            (m as usize).min(len - offset)
        }
    };
    let written = args
        .with_string_chars_and_bytes_mut(1, 0, |chars, bytes| {
            f(chars, sub_mut(bytes, offset, offset + max))
        })
        .unwrap_or(0);
    args.ret_number(written as f64);
    Ok(())
}

/// The bytes `start..end` of the view at 0, copied out (the borrow must end before a string is
/// allocated, which can GC and move small typed arrays).
fn slice_of<R>(args: &mut Args, f: impl FnOnce(&[u8]) -> R) -> Result<R, lode_engine::Thrown> {
    let len = view_len(args, 0);
    let (s, e) = range(args, 1, len)?;
    let bytes = args.bytes(0).unwrap_or(&[]);
    Ok(f(sub(bytes, s, e)))
}

// ---- ops -----------------------------------------------------------------------------------

op!(
    /// `byteLengthUtf8(string)`: the UTF-8 length (lone surrogates count 3).
    ByteLengthUtf8 = c"byteLengthUtf8" / 1, |args| {
        let n = args
            .with_string_chars(0, |c| match c {
                StringChars::Latin1(s) => utf8_len_latin1(s),
                StringChars::Utf16(s) => utf8_len_utf16(s),
            })
            .unwrap_or(0);
        args.ret_number(n as f64);
        Ok(())
    }
);

op!(Utf8Write = c"utf8Write" / 4, |args| {
    write_op(args, |chars, dst| match chars {
        StringChars::Latin1(s) => utf8_write_latin1(s, dst),
        StringChars::Utf16(s) => utf8_write_utf16(s, dst),
    })
});

op!(
    /// Latin-1 (and node's "ascii") write: each character's low byte.
    Latin1Write = c"latin1Write" / 4, |args| { write_op(args, latin1_write) }
);

op!(Ucs2Write = c"ucs2Write" / 4, |args| {
    write_op(args, ucs2_write)
});

op!(
    /// `hexWrite(buffer, string, offset, maxLength, fresh)`.
    HexWrite = c"hexWrite" / 5, |args| {
        let fresh = args.boolean(4);
        write_op(args, |chars, dst| hex_write(chars, dst, fresh))
    }
);

/// base64 into `dst`: the SIMD strict decoder when the text allows, else node's lenient one.
/// `fresh`: `dst` is a new buffer, whose bytes past the result may be left dirty.
fn base64_write(chars: StringChars<'_>, dst: &mut [u8], url_first: bool, fresh: bool) -> usize {
    match chars {
        StringChars::Latin1(s) => {
            base64_decode_fast(s, dst, url_first, !fresh).unwrap_or_else(|| base64_decode(s, dst))
        }
        StringChars::Utf16(s) => base64_decode(s, dst),
    }
}

op!(
    /// `base64Write(buffer, string, offset, maxLength, fresh)`: base64 and base64url decode
    /// alike (node's decoder accepts both alphabets); the name only says which alphabet to
    /// expect first. `fresh`: the buffer is new, so a refused fast path needs no care.
    Base64Write = c"base64Write" / 5, |args| {
        let fresh = args.boolean(4);
        write_op(args, |chars, dst| base64_write(chars, dst, false, fresh))
    }
);

op!(Base64urlWrite = c"base64urlWrite" / 5, |args| {
    let fresh = args.boolean(4);
    write_op(args, |chars, dst| base64_write(chars, dst, true, fresh))
});

thread_local! {
    /// Reused output space of the slice ops, so a small encode costs no allocation.
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Largest output kept in `SCRATCH` between calls.
const SCRATCH_KEEP: usize = 2 << 20;

/// Encodes `buffer[start..end]` (arguments 0..=2) with `encode` into `out_len(n)` bytes of
/// Latin-1 text and returns them as a string (`undefined` past kStringMaxLength).
fn latin1_slice_op(
    args: &mut Args,
    out_len: impl Fn(usize) -> usize,
    encode: impl FnOnce(&[u8], &mut [u8]),
) -> OpResult {
    let len = view_len(args, 0);
    let (s, e) = range(args, 1, len)?;
    let n = out_len(e - s);
    if n > STRING_MAX_LENGTH {
        return Ok(());
    }
    SCRATCH.with(|cell| {
        let mut fresh;
        let mut kept;
        let out: &mut Vec<u8> = if n <= SCRATCH_KEEP {
            kept = cell.borrow_mut();
            &mut kept
        } else {
            fresh = Vec::new();
            &mut fresh
        };
        if out.len() < n {
            out.resize(n, 0);
        }
        let n = {
            let bytes = args.bytes(0).unwrap_or(&[]);
            let src = sub(bytes, s, e);
            // Unchanged unless the view shrank since `n` was computed.
            let n = out_len(src.len());
            encode(src, &mut out[..n]);
            n
        };
        args.ret_string_latin1(&out[..n])
    })
}

op!(
    /// `utf8Slice(buffer, start, end)`: invalid sequences become U+FFFD (maximal subparts, as
    /// the Encoding Standard and V8 do).
    Utf8Slice = c"utf8Slice" / 3, |args| {
        let len = view_len(args, 0);
        let (s, e) = range(args, 1, len)?;
        let ascii = encoding_rs::mem::is_ascii(sub(args.bytes(0).unwrap_or(&[]), s, e));
        if ascii {
            return latin1_slice_op(args, |n| n, |src, out| out.copy_from_slice(src));
        }
        // At most one UTF-16 unit per byte (plus the one unit of slack encoding_rs asks for).
        let units = {
            let bytes = sub(args.bytes(0).unwrap_or(&[]), s, e);
            let mut units = vec![0u16; bytes.len() + 1];
            let n = encoding_rs::mem::convert_utf8_to_utf16(bytes, &mut units);
            units.truncate(n);
            units
        };
        if units.len() > STRING_MAX_LENGTH {
            return Ok(());
        }
        args.ret_string_utf16(&units)
    }
);

op!(Latin1Slice = c"latin1Slice" / 3, |args| {
    latin1_slice_op(args, |n| n, |src, out| out.copy_from_slice(src))
});

op!(
    /// Node's "ascii" decoding clears the top bit of every byte.
    AsciiSlice = c"asciiSlice" / 3, |args| {
        latin1_slice_op(args, |n| n, |src, out| {
            for (o, &b) in out.iter_mut().zip(src) {
                *o = b & 0x7F;
            }
        })
    }
);

op!(
    /// UTF-16LE: whole units only; lone surrogates are kept.
    Ucs2Slice = c"ucs2Slice" / 3, |args| {
        let units = slice_of(args, |b| {
            (b.len() / 2 <= STRING_MAX_LENGTH).then(|| {
                b.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect::<Vec<u16>>()
            })
        })?;
        match units {
            Some(v) => args.ret_string_utf16(&v),
            None => Ok(()),
        }
    }
);

op!(HexSlice = c"hexSlice" / 3, |args| {
    latin1_slice_op(args, |n| n * 2, hex_encode_into)
});

op!(Base64Slice = c"base64Slice" / 3, |args| {
    latin1_slice_op(
        args,
        |n| base64_encoded_len(n, false),
        |src, out| base64_encode_into(src, false, out),
    )
});

op!(
    /// base64url without padding.
    Base64urlSlice = c"base64urlSlice" / 3, |args| {
        latin1_slice_op(
            args,
            |n| base64_encoded_len(n, true),
            |src, out| base64_encode_into(src, true, out),
        )
    }
);

fn ordering_to_int(o: std::cmp::Ordering) -> i32 {
    match o {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

op!(
    /// `compare(a, b)`: -1, 0 or 1, bytewise then by length.
    Compare = c"compare" / 2, |args| {
        let r = {
            let a = args.bytes(0).unwrap_or(&[]);
            let b = args.bytes(1).unwrap_or(&[]);
            ordering_to_int(a.cmp(b))
        };
        args.ret_int(r);
        Ok(())
    }
);

op!(
    /// `compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd)`: compares
    /// `source[sourceStart..sourceEnd]` with `target[targetStart..targetEnd]` (ends clamped to
    /// the views). Returns 2 or 3 when sourceStart or targetStart lie past their view.
    CompareOffset = c"compareOffset" / 6, |args| {
        let ts = args.number(2)?;
        let ss = args.number(3)?;
        let te = args.number(4)?;
        let se = args.number(5)?;
        let r = {
            let src = args.bytes(0).unwrap_or(&[]);
            let tgt = args.bytes(1).unwrap_or(&[]);
            let idx = |x: f64| if x.is_nan() || x < 0.0 { 0 } else { x as usize };
            let (ts, ss, te, se) = (idx(ts), idx(ss), idx(te), idx(se));
            if ss > src.len() {
                2
            } else if ts > tgt.len() {
                3
            } else {
                let se = se.min(src.len()).max(ss);
                let te = te.min(tgt.len()).max(ts);
                ordering_to_int(src[ss..se].cmp(&tgt[ts..te]))
            }
        };
        args.ret_int(r);
        Ok(())
    }
);

op!(
    /// `indexOfNumber(buffer, byte, offset, forward)`.
    IndexOfNumber = c"indexOfNumber" / 4, |args| {
        let byte = args.number(1)? as i64 as u8;
        let offset = args.number(2)?;
        let forward = args.boolean(3);
        let r = {
            let hay = args.bytes(0).unwrap_or(&[]);
            index_of_bytes(hay, &[byte], offset as i64, forward)
        };
        args.ret_number(r as f64);
        Ok(())
    }
);

op!(
    /// `allocUninit(size)`: a Uint8Array over new memory that is not zeroed (Buffer's pool and
    /// `allocUnsafe`, whose contents node leaves undefined too).
    AllocUninit = c"allocUninit" / 1, |args| {
        let size = args.number(0)?.max(0.0) as usize;
        let mut buf = lode_engine::ByteBuf::with_capacity(size);
        // SAFETY: the bytes are handed to JS as "unsafe" (uninitialised) memory, as
        // Buffer.allocUnsafe documents; Rust never reads them.
        unsafe { buf.advance(size) };
        args.ret_byte_buf(buf)
    }
);

op!(
    /// `indexOfBytes(buffer, needleView, offset, forward, ucs2)`.
    IndexOfBytes = c"indexOfBytes" / 5, |args| {
        let offset = args.number(2)?;
        let forward = args.boolean(3);
        let ucs2 = args.boolean(4);
        let r = {
            let hay = args.bytes(0).unwrap_or(&[]);
            let needle = args.bytes(1).unwrap_or(&[]);
            if ucs2 {
                index_of_ucs2(hay, needle, offset as i64, forward, false)
            } else {
                index_of_bytes(hay, needle, offset as i64, forward)
            }
        };
        args.ret_number(r as f64);
        Ok(())
    }
);

/// Encoding numbers shared with lib/internal/buffer.js.
const ENC_UTF8: i32 = 0;
const ENC_LATIN1: i32 = 1;
const ENC_UCS2: i32 = 2;
const ENC_HEX: i32 = 3;
const ENC_BASE64: i32 = 4;

/// The string argument `i` encoded as `enc`.
fn encode_arg(args: &Args, i: usize, enc: i32) -> Vec<u8> {
    args.with_string_chars(i, |chars| match enc {
        ENC_LATIN1 => {
            let mut v = vec![0; chars_len(&chars)];
            latin1_write(chars, &mut v);
            v
        }
        ENC_UCS2 => {
            let mut v = vec![0; chars_len(&chars) * 2];
            ucs2_write(chars, &mut v);
            v
        }
        ENC_HEX => {
            let mut v = vec![0; chars_len(&chars) / 2];
            let n = match chars {
                StringChars::Latin1(s) => hex_decode(s, &mut v),
                StringChars::Utf16(s) => hex_decode(s, &mut v),
            };
            v.truncate(n);
            v
        }
        ENC_BASE64 => {
            let (mut v, n);
            match chars {
                StringChars::Latin1(s) => {
                    v = vec![0; base64_decoded_len_estimate(s)];
                    n = base64_decode(s, &mut v);
                }
                StringChars::Utf16(s) => {
                    v = vec![0; base64_decoded_len_estimate(s)];
                    n = base64_decode(s, &mut v);
                }
            }
            v.truncate(n);
            v
        }
        _ => utf8_encode(chars),
    })
    .unwrap_or_default()
}

fn chars_len(c: &StringChars<'_>) -> usize {
    match c {
        StringChars::Latin1(s) => s.len(),
        StringChars::Utf16(s) => s.len(),
    }
}

op!(
    /// `indexOfString(buffer, string, offset, forward, enc)` for utf8, latin1 and ucs2 needles.
    IndexOfString = c"indexOfString" / 5, |args| {
        let offset = args.number(2)?;
        let forward = args.boolean(3);
        let enc = args.int_or(4, ENC_UTF8);
        let needle = encode_arg(args, 1, enc);
        let r = {
            let hay = args.bytes(0).unwrap_or(&[]);
            if enc == ENC_UCS2 {
                index_of_ucs2(hay, &needle, offset as i64, forward, true)
            } else {
                index_of_bytes(hay, &needle, offset as i64, forward)
            }
        };
        args.ret_number(r as f64);
        Ok(())
    }
);

/// Fills `dst` with `pattern` repeated (the last copy cut short).
fn fill_pattern(dst: &mut [u8], pattern: &[u8]) {
    if pattern.len() == 1 {
        dst.fill(pattern[0]);
        return;
    }
    let first = pattern.len().min(dst.len());
    dst[..first].copy_from_slice(&pattern[..first]);
    let mut filled = first;
    while filled < dst.len() {
        let n = filled.min(dst.len() - filled);
        dst.copy_within(..n, filled);
        filled += n;
    }
}

op!(
    /// `fill(buffer, value, start, end, enc)`: `value` a string (encoded as `enc`) or an
    /// ArrayBufferView; returns -1 when it encodes to no bytes, else 0.
    Fill = c"fill" / 5, |args| {
        let len = view_len(args, 0);
        let (start, end) = range(args, 2, len)?;
        let pattern = if args.is_string(1) {
            encode_arg(args, 1, args.int_or(4, ENC_UTF8))
        } else {
            args.bytes(1).map(|b| b.to_vec()).unwrap_or_default()
        };
        if pattern.is_empty() {
            args.ret_int(-1);
            return Ok(());
        }
        if let Some(b) = args.bytes_mut(0) {
            fill_pattern(sub_mut(b, start, end), &pattern);
        }
        args.ret_int(0);
        Ok(())
    }
);

op!(
    /// `swap(buffer, width)`: reverses the byte order of every 2-, 4- or 8-byte group.
    Swap = c"swap" / 2, |args| {
        let width = args.int_or(1, 2).clamp(1, 8) as usize;
        if let Some(b) = args.bytes_mut(0) {
            let n = b.len() / width * width;
            for c in b[..n].chunks_exact_mut(width) {
                c.reverse();
            }
        }
        Ok(())
    }
);

op!(IsUtf8 = c"isUtf8" / 1, |args| {
    let r = std::str::from_utf8(args.bytes(0).unwrap_or(&[])).is_ok();
    args.ret_bool(r);
    Ok(())
});

op!(IsAscii = c"isAscii" / 1, |args| {
    let r = args.bytes(0).unwrap_or(&[]).is_ascii();
    args.ret_bool(r);
    Ok(())
});

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<ByteLengthUtf8>()
        .op::<Utf8Write>()
        .op::<Latin1Write>()
        .op::<Ucs2Write>()
        .op::<HexWrite>()
        .op::<Base64Write>()
        .op::<Base64urlWrite>()
        .op::<Utf8Slice>()
        .op::<Latin1Slice>()
        .op::<AsciiSlice>()
        .op::<Ucs2Slice>()
        .op::<HexSlice>()
        .op::<Base64Slice>()
        .op::<Base64urlSlice>()
        .op::<Compare>()
        .op::<CompareOffset>()
        .op::<AllocUninit>()
        .op::<IndexOfNumber>()
        .op::<IndexOfBytes>()
        .op::<IndexOfString>()
        .op::<Fill>()
        .op::<Swap>()
        .op::<IsUtf8>()
        .op::<IsAscii>();
    b.number("kStringMaxLength", STRING_MAX_LENGTH as f64);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> Vec<u8> {
        let src = s.as_bytes();
        let mut v = vec![0; base64_decoded_len_estimate(src)];
        let n = base64_decode(src, &mut v);
        v.truncate(n);
        v
    }

    #[test]
    fn base64_lenient() {
        assert_eq!(b64("YWJj"), b"abc");
        assert_eq!(b64("YW Jj\nZA=="), b"abcd");
        assert_eq!(b64("YW=Jj"), b"a");
        assert_eq!(b64("YWJ"), b"ab");
        assert_eq!(b64("Y"), b"");
        assert_eq!(b64("_-8"), [0xff, 0xef]);
        assert_eq!(b64("/+8"), [0xff, 0xef]);
        let u: Vec<u16> = "\u{159}WJj".encode_utf16().collect();
        let mut v = vec![0; 3];
        assert_eq!(base64_decode(&u, &mut v), 3);
        assert_eq!(v, b"abc");
    }

    #[test]
    fn base64_fast_path_agrees_with_lenient() {
        let mut seed = 12345u32;
        let mut next = || {
            seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
            (seed >> 16) as usize
        };
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n*";
        for _ in 0..20000 {
            let len = next() % 70;
            let s: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if r % 10 == 0 {
                        alphabet[62 + r / 10 % (alphabet.len() - 62)]
                    } else {
                        alphabet[r % 62]
                    }
                })
                .collect();
            for url_first in [false, true] {
                for cap in [s.len(), s.len() / 2] {
                    let mut a = vec![0xAAu8; cap + 8];
                    let mut b = vec![0xAAu8; cap + 8];
                    let n = base64_decode(&s, &mut a[..cap]);
                    let m = base64_write(StringChars::Latin1(&s), &mut b[..cap], url_first, false);
                    assert_eq!((n, &a), (m, &b), "{:?}", String::from_utf8_lossy(&s));
                    let mut c = vec![0xAAu8; cap + 8];
                    let k = base64_write(StringChars::Latin1(&s), &mut c[..cap], url_first, true);
                    assert_eq!(
                        (n, &a[..n]),
                        (k, &c[..k]),
                        "{:?}",
                        String::from_utf8_lossy(&s)
                    );
                }
            }
        }
    }

    #[test]
    fn base64_round_trip() {
        for n in 0..40 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            for url in [false, true] {
                let mut enc = vec![0; base64_encoded_len(data.len(), url)];
                base64_encode_into(&data, url, &mut enc);
                assert_eq!(b64(std::str::from_utf8(&enc).unwrap()), data);
            }
        }
    }

    #[test]
    fn hex_fast_path_agrees() {
        for s in [
            &b"00112233445566778899aabbccddeeffAABBCCDDEEFF0g1122"[..],
            b"abcdef0123456789ABCDEF",
            b"abc",
            b"",
            b"zz",
            b"0011223344556677889900112233445566778899x",
        ] {
            for cap in [0, 3, 32] {
                for fresh in [false, true] {
                    let mut a = vec![0xAAu8; 40];
                    let mut b = vec![0xAAu8; 40];
                    let n = hex_decode(s, &mut a[..cap]);
                    let m = hex_write(StringChars::Latin1(s), &mut b[..cap], fresh);
                    assert_eq!(n, m);
                    assert_eq!(a[..n], b[..m]);
                    if !fresh {
                        assert_eq!(a, b);
                    }
                }
            }
        }
    }

    #[test]
    fn hex_stops_at_invalid_pair() {
        let long = b"00112233445566778899aabbccddeeffAABBCCDDEEFF0g1122";
        let mut w = [0u8; 32];
        assert_eq!(hex_decode(long, &mut w), 22);
        assert_eq!(w[21], 0xFF);
        assert_eq!(w[22], 0);
        let mut v = [0u8; 4];
        assert_eq!(hex_decode(b"abcdzz12", &mut v), 2);
        assert_eq!(hex_decode(b"abc", &mut v), 1);
        let mut out = [0u8; 6];
        hex_encode_into(&[0, 0xab, 0xff], &mut out);
        assert_eq!(&out, b"00abff");
    }

    #[test]
    fn utf8_length_matches_the_encoding() {
        // Units of every width, valid and lone surrogates, across chunk boundaries.
        let mut seed = 12345u32;
        let mut units = Vec::new();
        for _ in 0..40_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            units.push(match (seed >> 16) % 6 {
                0 => 0x41,
                1 => 0xE9,
                2 => 0x65E5,
                3 => 0xD83D,
                4 => 0xDE00,
                _ => (seed >> 8) as u16,
            });
        }
        for len in [0, 1, 2, 3, 16_383, 16_384, 16_385, 40_000] {
            let s = &units[..len];
            let mut out = vec![0u8; s.len() * 3];
            assert_eq!(
                utf8_len_utf16(s),
                utf8_write_utf16(s, &mut out),
                "length {len}"
            );
        }
    }

    #[test]
    fn utf8_whole_characters() {
        let s: Vec<u16> = "a\u{1F600}".encode_utf16().collect();
        let mut v = [0u8; 4];
        assert_eq!(utf8_write_utf16(&s, &mut v), 1);
        let lone = [0xD83Du16, 0xD83D];
        assert_eq!(utf8_write_utf16(&lone, &mut v), 3);
        assert_eq!(&v[..3], [0xEF, 0xBF, 0xBD]);
        assert_eq!(utf8_len_utf16(&lone), 6);
        let mixed: Vec<u16> = "a\u{e9}\u{20ac}\u{1F600}".encode_utf16().collect();
        assert_eq!(utf8_len_utf16(&mixed), 10);
        assert_eq!(utf8_len_utf16(&[0xD83D, 0xD83D, 0xDE00, 0xDE00]), 10);
        assert_eq!(utf8_write_latin1(&[0x61, 0xE9, 0xE9], &mut v[..3]), 3);
        assert_eq!(utf8_write_latin1(&[0x61, 0xE9, 0xE9], &mut v[..4]), 3);
        assert_eq!(utf8_write_latin1(&[0x61, 0xE9, 0xE9], &mut v[..2]), 1);
        assert_eq!(utf8_write_latin1(&[0x61, 0x62], &mut v[..2]), 2);
    }

    #[test]
    fn searches() {
        assert_eq!(index_of_bytes(b"abcabc", b"bc", 0, true), 1);
        assert_eq!(index_of_bytes(b"abcabc", b"bc", 2, true), 4);
        assert_eq!(index_of_bytes(b"abcabc", b"bc", 6, false), 4);
        assert_eq!(index_of_bytes(b"abcabc", b"bc", 3, false), 1);
        assert_eq!(index_of_bytes(b"abcabc", b"", 10, true), 6);
        let mut p = [0u8; 7];
        fill_pattern(&mut p, b"abc");
        assert_eq!(&p, b"abcabca");
    }
}
