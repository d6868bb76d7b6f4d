//! Subresource-integrity strings (`sha512-<base64>`, several space-separated) as npm writes in
//! `dist.integrity`, with the legacy hex `shasum` (sha1) as fallback. Small enough to hand-write
//! on sha2/sha1/base64 instead of pulling in `ssri` and its error-reporting dependencies.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Integrity {
    pub algo: String,
    pub digest: Vec<u8>,
}

fn rank(algo: &str) -> u8 {
    match algo {
        "sha512" => 4,
        "sha384" => 3,
        "sha256" => 2,
        "sha1" => 1,
        _ => 0,
    }
}

impl Integrity {
    /// The strongest supported hash of an SRI string.
    pub fn parse(s: &str) -> Option<Integrity> {
        s.split_whitespace()
            .filter_map(|part| {
                let (algo, rest) = part.split_once('-')?;
                let b64 = rest.split('?').next()?;
                let digest = B64.decode(b64).ok()?;
                (rank(algo) > 0).then(|| Integrity {
                    algo: algo.to_string(),
                    digest,
                })
            })
            .max_by_key(|i| rank(&i.algo))
    }
    pub fn from_shasum(hex: &str) -> Option<Integrity> {
        let digest = decode_hex(hex)?;
        (digest.len() == 20).then(|| Integrity {
            algo: "sha1".into(),
            digest,
        })
    }
    pub fn compute(algo: &str, data: &[u8]) -> Integrity {
        let digest = match algo {
            "sha1" => Sha1::digest(data).to_vec(),
            "sha256" => Sha256::digest(data).to_vec(),
            "sha384" => Sha384::digest(data).to_vec(),
            _ => Sha512::digest(data).to_vec(),
        };
        Integrity {
            algo: if rank(algo) > 0 { algo } else { "sha512" }.to_string(),
            digest,
        }
    }
    pub fn sha512(data: &[u8]) -> Integrity {
        Self::compute("sha512", data)
    }
    pub fn verify(&self, data: &[u8]) -> bool {
        Self::compute(&self.algo, data).digest == self.digest
    }
    /// A file-name-safe key for the content-addressed cache.
    pub fn key(&self) -> String {
        format!("{}-{}", self.algo, hex(&self.digest))
    }
}

impl std::fmt::Display for Integrity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.algo, B64.encode(&self.digest))
    }
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

pub fn sha1_hex(data: &[u8]) -> String {
    hex(&Sha1::digest(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_strongest_and_verifies() {
        let data = b"hello";
        let s512 = Integrity::sha512(data).to_string();
        let s1 = Integrity::compute("sha1", data).to_string();
        let both = format!("{s1} {s512}");
        let i = Integrity::parse(&both).unwrap();
        assert_eq!(i.algo, "sha512");
        assert!(i.verify(data));
        assert!(!i.verify(b"hellO"));
        let sh = Integrity::from_shasum(&sha1_hex(data)).unwrap();
        assert!(sh.verify(data));
        assert_eq!(sh.to_string(), s1);
        assert!(Integrity::parse("md5-abc").is_none());
    }
}
