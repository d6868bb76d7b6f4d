//! [`ByteBuf`]: bytes in memory from `malloc`, which a Uint8Array can take over without a copy
//! ([`crate::Args::ret_byte_buf`]). SpiderMonkey frees ArrayBuffer contents with `js_free`,
//! which in this build (no mozjemalloc) is the C library's `free`.

/// A growable-once byte buffer allocated with `malloc`. It can be filled on any thread (it is
/// `Send`) and handed to JS on the JS thread.
pub struct ByteBuf {
    ptr: *mut u8,
    len: usize,
    cap: usize,
}

// SAFETY: the buffer is plain memory owned by this value alone.
unsafe impl Send for ByteBuf {}

impl ByteBuf {
    /// A buffer with room for `cap` bytes and length 0 (contents uninitialised until filled).
    pub fn with_capacity(cap: usize) -> ByteBuf {
        let cap = cap.max(1);
        // SAFETY: malloc of a non-zero size; null is handled.
        let ptr = unsafe { libc::malloc(cap) } as *mut u8;
        if ptr.is_null() {
            std::alloc::handle_alloc_error(std::alloc::Layout::array::<u8>(cap).unwrap());
        }
        ByteBuf { ptr, len: 0, cap }
    }

    /// A copy of `bytes`.
    pub fn from_slice(bytes: &[u8]) -> ByteBuf {
        let mut b = ByteBuf::with_capacity(bytes.len());
        // SAFETY: `cap >= bytes.len()`, regions do not overlap.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), b.ptr, bytes.len()) };
        b.len = bytes.len();
        b
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// The unfilled room after the contents, for a syscall such as `read(2)` to write into.
    pub fn spare_ptr(&mut self) -> (*mut u8, usize) {
        // SAFETY: `len <= cap`, within the allocation.
        (unsafe { self.ptr.add(self.len) }, self.cap - self.len)
    }

    /// Marks `n` more bytes (written through [`ByteBuf::spare_ptr`]) as contents.
    ///
    /// # Safety
    /// Those bytes must have been initialised and `n` must fit the spare room.
    pub unsafe fn advance(&mut self, n: usize) {
        assert!(n <= self.cap - self.len);
        self.len += n;
    }

    /// Grows the room to at least `cap` bytes.
    pub fn reserve_total(&mut self, cap: usize) {
        if cap <= self.cap {
            return;
        }
        // SAFETY: realloc of our own malloc'd pointer; null is handled (the old block stays).
        let p = unsafe { libc::realloc(self.ptr as *mut libc::c_void, cap) } as *mut u8;
        if p.is_null() {
            std::alloc::handle_alloc_error(std::alloc::Layout::array::<u8>(cap).unwrap());
        }
        self.ptr = p;
        self.cap = cap;
    }

    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the first `len` bytes are initialised.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// Gives up the memory: (pointer, length), with the block shrunk to the length when much of
    /// it is unused. The caller must free it (or hand it to SpiderMonkey).
    pub(crate) fn into_raw(self) -> (*mut u8, usize) {
        let mut me = std::mem::ManuallyDrop::new(self);
        if me.len > 0 && me.len < me.cap / 2 {
            // SAFETY: shrinking realloc of our own block; on failure the old one is kept.
            let p = unsafe { libc::realloc(me.ptr as *mut libc::c_void, me.len) } as *mut u8;
            if !p.is_null() {
                me.ptr = p;
            }
        }
        (me.ptr, me.len)
    }
}

impl Drop for ByteBuf {
    fn drop(&mut self) {
        // SAFETY: our own malloc'd block, freed once.
        unsafe { libc::free(self.ptr as *mut libc::c_void) };
    }
}

impl std::fmt::Debug for ByteBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ByteBuf({} bytes)", self.len)
    }
}
