//! The one error type of the package manager: an npm-style code (`E404`, `EINTEGRITY`,
//! `ETARGET`, ...) and a message, printed as `lode error code X` / `lode error msg` like npm.

use std::fmt;

#[derive(Debug, Clone)]
pub struct Error {
    pub code: String,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Error {
            code: code.to_string(),
            message: message.into(),
        }
    }
    /// Prints the error the way npm does and returns the exit code to use.
    pub fn report(&self) -> i32 {
        if !self.code.is_empty() {
            eprintln!("lode error code {}", self.code);
        }
        for line in self.message.lines() {
            eprintln!("lode error {line}");
        }
        1
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.code.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.code, self.message)
        }
    }
}

pub fn err<T>(code: &str, message: impl Into<String>) -> Result<T> {
    Err(Error::new(code, message))
}

/// Turns an I/O error on `path` into an error carrying the path and npm's code for it.
pub fn io_err(e: std::io::Error, what: &str, path: &std::path::Path) -> Error {
    let code = match e.kind() {
        std::io::ErrorKind::NotFound => "ENOENT",
        std::io::ErrorKind::PermissionDenied => "EACCES",
        std::io::ErrorKind::AlreadyExists => "EEXIST",
        _ => "EIO",
    };
    Error::new(code, format!("{what} {}: {e}", path.display()))
}

pub trait IoContext<T> {
    fn ctx(self, what: &str, path: &std::path::Path) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn ctx(self, what: &str, path: &std::path::Path) -> Result<T> {
        self.map_err(|e| io_err(e, what, path))
    }
}
