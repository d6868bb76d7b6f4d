//! UTF-8 encoding and decoding for TextEncoder/TextDecoder (and later Buffer).
use lode_engine::{Binding, Engine};

op!(
    /// `encodeUtf8(string)`: a new Uint8Array with the UTF-8 bytes (lone surrogates become
    /// U+FFFD, as the Encoding Standard requires).
    EncodeUtf8 = c"encodeUtf8" / 1, |args| {
        let s = args.string(0)?;
        args.ret_bytes(s.as_bytes())
    }
);

op!(
    /// `decodeUtf8(view, fatal, ignoreBOM)`: the decoded string; with `fatal`, `undefined` when
    /// the input is not valid UTF-8.
    DecodeUtf8 = c"decodeUtf8" / 3, |args| {
        let fatal = args.boolean(1);
        let ignore_bom = args.boolean(2);
        let text = {
            let bytes = args.bytes(0).unwrap_or(&[]);
            let bytes = if !ignore_bom && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { &bytes[3..] } else { bytes };
            if fatal {
                match std::str::from_utf8(bytes) {
                    Ok(s) => Some(s.to_owned()),
                    Err(_) => None,
                }
            } else {
                Some(String::from_utf8_lossy(bytes).into_owned())
            }
        };
        match text {
            Some(t) => args.ret_string(&t),
            None => Ok(()),
        }
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<EncodeUtf8>().op::<DecodeUtf8>();
    b
}
