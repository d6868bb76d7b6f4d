//! The fast path of `String.prototype.localeCompare` (`lib/internal/locale_compare.js`): two
//! ASCII strings compared by the root collation ICU applies when no locale or options are given,
//! without going through ICU, which costs SpiderMonkey several times V8's time in sort-heavy
//! code. Anything else is left to the engine's ICU implementation.
use lode_engine::{Binding, Engine, StringChars};

/// Primary weights of ASCII characters; 0 = ignorable (control characters). As ICU's root
/// collation orders them: whitespace < punctuation < symbols < currency < digits < letters,
/// letters case-insensitively.
const ORDER: &[u8] =
    b"\t\n\x0b\x0c\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

const PRIMARY: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < ORDER.len() {
        table[ORDER[i] as usize] = i as u8 + 1;
        i += 1;
    }
    let mut c = b'A';
    while c <= b'Z' {
        table[c as usize] = table[(c + 32) as usize];
        c += 1;
    }
    table
};

/// The next character with a primary weight at or after `*at`, and that weight; weight 0 when the
/// string has none left. `None` on a non-ASCII character.
#[inline]
fn next_weighted<T: Copy + Into<u32>>(s: &[T], at: &mut usize) -> Option<(u32, u8)> {
    while *at < s.len() {
        let c = s[*at].into();
        *at += 1;
        if c >= 128 {
            return None;
        }
        let weight = PRIMARY[c as usize];
        if weight != 0 {
            return Some((c, weight));
        }
    }
    Some((0, 0))
}

fn all_ascii<T: Copy + Into<u32>>(s: &[T]) -> bool {
    s.iter().all(|&c| c.into() < 128)
}

/// -1, 0 or 1 as the root collation orders `a` and `b`, or `None` if either is not ASCII. Primary
/// differences (the first non-ignorable characters that differ case-insensitively) decide; then
/// tertiary ones: at the first position differing only in case, lowercase sorts first.
fn compare<A: Copy + Into<u32>, B: Copy + Into<u32>>(a: &[A], b: &[B]) -> Option<i32> {
    // A common prefix decides nothing (same characters, same weights, no case difference), so
    // the walk starts after it; it still has to be ASCII.
    let prefix = a
        .iter()
        .zip(b)
        .take_while(|&(&x, &y)| x.into() == y.into())
        .count();
    if !all_ascii(&a[..prefix]) {
        return None;
    }
    let (mut i, mut j) = (prefix, prefix);
    let mut tertiary = 0;
    loop {
        let (ca, pa) = next_weighted(a, &mut i)?;
        let (cb, pb) = next_weighted(b, &mut j)?;
        if pa != pb || pa == 0 {
            // Decided here, unless the rest of either string is not ASCII (ICU's order then).
            if !all_ascii(&a[i..]) || !all_ascii(&b[j..]) {
                return None;
            }
            return Some(match pa.cmp(&pb) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Greater => 1,
                std::cmp::Ordering::Equal => tertiary,
            });
        }
        if tertiary == 0 && ca != cb {
            tertiary = if ca > cb { -1 } else { 1 };
        }
    }
}

fn compare_chars(a: StringChars<'_>, b: StringChars<'_>) -> Option<i32> {
    match (a, b) {
        (StringChars::Latin1(a), StringChars::Latin1(b)) => compare(a, b),
        (StringChars::Latin1(a), StringChars::Utf16(b)) => compare(a, b),
        (StringChars::Utf16(a), StringChars::Latin1(b)) => compare(a, b),
        (StringChars::Utf16(a), StringChars::Utf16(b)) => compare(a, b),
    }
}

op!(
    /// `localeCompare(that, locales, options)`, the method: ASCII strings without locale or
    /// options compared here, anything else by the engine's original method (the fallback given
    /// to `createLocaleCompare`).
    LocaleCompare = c"localeCompare" / 1, |args| {
        if args.is_undefined(1) && args.is_undefined(2) {
            if let Some(Some(r)) = args.with_this_and_string_chars(0, compare_chars)? {
                args.ret_int(r);
                return Ok(());
            }
        }
        args.call_fallback()
    }
);

op!(
    /// `createLocaleCompare(original)`: the `localeCompare` method above, falling back to
    /// `original`.
    CreateLocaleCompare = c"createLocaleCompare" / 1, |args| {
        args.ret_native_with_fallback::<LocaleCompare>(0)
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<CreateLocaleCompare>();
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> Option<i32> {
        compare(a.as_bytes(), b.as_bytes())
    }

    #[test]
    fn orders_like_the_root_collation() {
        assert_eq!(cmp("a", "b"), Some(-1));
        assert_eq!(cmp("p10", "p9"), Some(-1));
        assert_eq!(cmp("a", "A"), Some(-1));
        assert_eq!(cmp("B", "a"), Some(1));
        assert_eq!(cmp("ab", "Ab"), Some(-1));
        assert_eq!(cmp("", ""), Some(0));
        assert_eq!(cmp("", "a"), Some(-1));
        assert_eq!(cmp("a-b", "a b"), Some(1));
        assert_eq!(cmp("1", "a"), Some(-1));
        assert_eq!(cmp("$", "0"), Some(-1));
        // Control characters are ignorable.
        assert_eq!(cmp("a\u{1}b", "ab"), Some(0));
        assert_eq!(cmp("same", "same"), Some(0));
    }

    #[test]
    fn leaves_non_ascii_to_icu() {
        assert_eq!(cmp("é", "e"), None);
        assert_eq!(cmp("a", "b\u{301}"), None);
        assert_eq!(cmp("ab", "abé"), None);
        let utf16: Vec<u16> = "abc".encode_utf16().collect();
        assert_eq!(compare("abd".as_bytes(), &utf16[..]), Some(1));
    }
}
