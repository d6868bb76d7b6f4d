//! Ops: Rust functions exposed to JS as SpiderMonkey natives.
//!
//! An op is a zero-sized type implementing [`Op`]; `trampoline::<O>` is a monomorphised
//! `JSNative` that calls `O::call` directly, so a call costs the JSNative entry plus whatever the
//! op itself does — no table lookup, no boxing, no allocation.

use std::ffi::CStr;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

use mozjs::jsapi::{
    CallArgs, GCReason, JSContext, JSObject, JS_DefineFunction, JS_DefineProperty,
    JS_NewPlainObject, JS_NewUint8Array, JS_ReportErrorUTF8, Value, JS_GC,
};
use mozjs::jsval::{BooleanValue, DoubleValue, Int32Value, NullValue, ObjectValue, UndefinedValue};
use mozjs::rooted;

use crate::engine::{js_string_to_rust, new_js_string, Engine, Persistent};

pub(crate) static GC_STRESS: AtomicBool = AtomicBool::new(false);

/// An exception is pending on the context; return it to SpiderMonkey unchanged.
#[derive(Debug, Clone, Copy)]
pub struct Thrown;

pub type OpResult = Result<(), Thrown>;

/// A Rust function callable from JS.
pub trait Op {
    /// The JS-visible function name.
    const NAME: &'static CStr;
    /// The function's `length`.
    const LENGTH: u32 = 0;
    fn call(args: &mut Args) -> OpResult;
}

pub(crate) unsafe extern "C" fn trampoline<O: Op>(
    cx: *mut JSContext,
    argc: u32,
    vp: *mut Value,
) -> bool {
    // The return value defaults to undefined. It shares its slot with the callee, which is lost.
    CallArgs::from_vp(vp, argc).rval().set(UndefinedValue());
    run_op::<O>(cx, argc, vp)
}

/// As [`trampoline`], but the callee stays readable during the call (for the fallback of
/// [`Args::ret_native_with_fallback`]); an op that set no return value returns undefined.
unsafe extern "C" fn trampoline_keeping_callee<O: Op>(
    cx: *mut JSContext,
    argc: u32,
    vp: *mut Value,
) -> bool {
    let ok = run_op::<O>(cx, argc, vp);
    let rval = *vp;
    if ok
        && rval.is_object()
        && mozjs::jsapi::JS_IsNativeFunction(rval.to_object(), Some(trampoline_keeping_callee::<O>))
    {
        CallArgs::from_vp(vp, argc).rval().set(UndefinedValue());
    }
    ok
}

#[inline(always)]
unsafe fn run_op<O: Op>(cx: *mut JSContext, argc: u32, vp: *mut Value) -> bool {
    if GC_STRESS.load(Ordering::Relaxed) {
        JS_GC(cx, GCReason::API);
    }
    let mut args = Args {
        cx,
        call: CallArgs::from_vp(vp, argc),
    };
    match catch_unwind(AssertUnwindSafe(|| O::call(&mut args))) {
        Ok(Ok(())) => true,
        Ok(Err(Thrown)) => false,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let text = format!("lode internal error in {:?}: {}\0", O::NAME, msg);
            JS_ReportErrorUTF8(cx, text.as_ptr() as *const _);
            false
        }
    }
}

/// A JS string's characters as the engine stores them.
pub enum StringChars<'a> {
    Latin1(&'a [u8]),
    Utf16(&'a [u16]),
}

const _: () = assert!(
    std::mem::size_of::<usize>() == 8,
    "JSString headers keep the length in the upper half of the flags word only on 64-bit targets"
);

/// The characters of a linear string read from its header as SpiderMonkey's public inline
/// accessors do (`JS::shadow::String`: flags and length in one word, then either a pointer to
/// the characters or the characters themselves). `None` for a rope. Valid until the next GC or
/// JS call.
#[inline]
unsafe fn header_chars<'a>(s: *mut mozjs::jsapi::JSString) -> Option<StringChars<'a>> {
    use mozjs::jsapi::JS::shadow;
    let header = &*(s as *const shadow::String);
    let flags = header.flags_ as u32;
    if flags & shadow::String_LINEAR_BIT == 0 {
        return None;
    }
    let len = (header.flags_ as u64 >> 32) as usize;
    if len == 0 {
        return Some(StringChars::Latin1(&[]));
    }
    let chars: *const u8 = if flags & shadow::String_INLINE_CHARS_BIT != 0 {
        ptr::addr_of!(header.__bindgen_anon_1) as *const u8
    } else {
        header.__bindgen_anon_1.nonInlineCharsLatin1
    };
    Some(if flags & shadow::String_LATIN1_CHARS_BIT != 0 {
        StringChars::Latin1(std::slice::from_raw_parts(chars, len))
    } else {
        StringChars::Utf16(std::slice::from_raw_parts(chars as *const u16, len))
    })
}

/// The characters of a string, made linear first if it is a rope (which may GC: read other
/// GC things only after this). `None` when linearizing failed (out of memory, an exception is
/// pending). Valid until the next GC or JS call.
unsafe fn linear_chars<'a>(
    cx: *mut JSContext,
    s: *mut mozjs::jsapi::JSString,
) -> Option<StringChars<'a>> {
    let mut len = 0usize;
    if mozjs::jsapi::JS_DeprecatedStringHasLatin1Chars(s) {
        let chars = mozjs::jsapi::JS_GetLatin1StringCharsAndLength(cx, ptr::null(), s, &mut len);
        if chars.is_null() {
            return None;
        }
        Some(StringChars::Latin1(if len == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(chars, len)
        }))
    } else {
        let chars = mozjs::jsapi::JS_GetTwoByteStringCharsAndLength(cx, ptr::null(), s, &mut len);
        if chars.is_null() {
            return None;
        }
        Some(StringChars::Utf16(if len == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(chars, len)
        }))
    }
}

/// The data pointer and length of an ArrayBufferView object, or `None` for other values.
/// The pointer is valid until the next GC or JS call.
unsafe fn view_data(v: Value) -> Option<(*mut u8, usize)> {
    if !v.is_object() {
        return None;
    }
    let obj = v.to_object();
    if !mozjs::jsapi::JS_IsArrayBufferViewObject(obj) {
        return None;
    }
    let mut len = 0usize;
    let mut shared = false;
    let mut data: *mut u8 = ptr::null_mut();
    mozjs::jsapi::js::GetArrayBufferViewLengthAndData(obj, &mut len, &mut shared, &mut data);
    Some((data, if data.is_null() { 0 } else { len }))
}

/// A byte slice from a view's data, empty when there is none.
unsafe fn slice_mut<'a>(data: *mut u8, len: usize) -> &'a mut [u8] {
    if data.is_null() || len == 0 {
        &mut []
    } else {
        std::slice::from_raw_parts_mut(data, len)
    }
}

/// The arguments and return slot of one op call.
pub struct Args {
    pub(crate) cx: *mut JSContext,
    pub(crate) call: CallArgs,
}

impl Args {
    #[inline]
    pub fn len(&self) -> usize {
        self.call.argc_ as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub(crate) fn raw(&self, i: usize) -> Value {
        if i < self.len() {
            unsafe { *self.call.argv_.add(i) }
        } else {
            UndefinedValue()
        }
    }

    pub fn is_undefined(&self, i: usize) -> bool {
        self.raw(i).is_undefined()
    }

    pub fn is_null_or_undefined(&self, i: usize) -> bool {
        self.raw(i).is_null_or_undefined()
    }

    pub fn is_string(&self, i: usize) -> bool {
        self.raw(i).is_string()
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.raw(i).is_number()
    }

    /// The argument as a number (`ToNumber`).
    #[inline]
    pub fn number(&mut self, i: usize) -> Result<f64, Thrown> {
        let v = self.raw(i);
        if v.is_int32() {
            return Ok(v.to_int32() as f64);
        }
        if v.is_double() {
            return Ok(v.to_double());
        }
        self.number_slow(v)
    }

    #[cold]
    fn number_slow(&mut self, v: Value) -> Result<f64, Thrown> {
        rooted!(in(self.cx) let v = v);
        unsafe { mozjs::rust::ToNumber(&mut cx_wrapper(self.cx), v.handle()).map_err(|_| Thrown) }
    }

    /// The argument as an i32 when it is a number, else `default`.
    #[inline]
    pub fn int_or(&self, i: usize, default: i32) -> i32 {
        let v = self.raw(i);
        if v.is_int32() {
            v.to_int32()
        } else if v.is_double() {
            let d = v.to_double();
            if d.is_finite() {
                d as i64 as i32
            } else {
                default
            }
        } else {
            default
        }
    }

    /// The argument's truthiness (`ToBoolean`).
    pub fn boolean(&self, i: usize) -> bool {
        let v = self.raw(i);
        rooted!(in(self.cx) let v = v);
        unsafe { mozjs::rust::ToBoolean(v.handle()) }
    }

    /// The argument as a string (`ToString`).
    pub fn string(&mut self, i: usize) -> Result<String, Thrown> {
        let v = self.raw(i);
        rooted!(in(self.cx) let v = v);
        unsafe {
            let s = if v.get().is_string() {
                v.get().to_string()
            } else {
                mozjs::rust::ToString(&mut cx_wrapper(self.cx), v.handle())
            };
            if s.is_null() {
                return Err(Thrown);
            }
            Ok(js_string_to_rust(self.cx, s))
        }
    }

    /// The bytes of an ArrayBufferView argument (Uint8Array, Buffer, DataView, ...), or `None`.
    /// The borrow ends before anything else can run JS or GC.
    pub fn bytes(&self, i: usize) -> Option<&[u8]> {
        unsafe { view_data(self.raw(i)).map(|(data, len)| &*slice_mut(data, len)) }
    }

    /// The bytes of an ArrayBufferView argument, writable. The borrow ends before anything
    /// else can run JS or GC.
    pub fn bytes_mut(&mut self, i: usize) -> Option<&mut [u8]> {
        unsafe { view_data(self.raw(i)).map(|(data, len)| slice_mut(data, len)) }
    }

    /// Calls `f` with the argument's characters without converting them: Latin-1 bytes or
    /// UTF-16 code units, whichever the engine stores. `None` when it is not a string.
    pub fn with_string_chars<R>(
        &self,
        i: usize,
        f: impl FnOnce(StringChars<'_>) -> R,
    ) -> Option<R> {
        let v = self.raw(i);
        if !v.is_string() {
            return None;
        }
        // SAFETY: a live string in a rooted argument slot.
        unsafe { linear_chars(self.cx, v.to_string()).map(f) }
    }

    /// Calls `f` with string argument `s`'s characters (as [`Args::with_string_chars`]) and the
    /// writable bytes of ArrayBufferView argument `b` (as [`Args::bytes_mut`]), to encode a
    /// string straight into a buffer without an intermediate copy. `None` when either argument
    /// has the wrong type. The string is made linear first (which may GC); after that nothing
    /// can run JS or GC until `f` returns, so both borrows stay valid.
    pub fn with_string_chars_and_bytes_mut<R>(
        &mut self,
        s: usize,
        b: usize,
        f: impl FnOnce(StringChars<'_>, &mut [u8]) -> R,
    ) -> Option<R> {
        if !self.raw(s).is_string() || !self.raw(b).is_object() {
            return None;
        }
        unsafe {
            let sc = linear_chars(self.cx, self.raw(s).to_string())?;
            // The view is read only now: linearizing the string may have moved it.
            let (data, blen) = view_data(self.raw(b))?;
            Some(f(sc, slice_mut(data, blen)))
        }
    }

    /// Returns a string made from Latin-1 bytes (each byte one character).
    pub fn ret_string_latin1(&mut self, bytes: &[u8]) -> OpResult {
        unsafe {
            let s =
                mozjs::jsapi::JS_NewStringCopyN(self.cx, bytes.as_ptr() as *const _, bytes.len());
            if s.is_null() {
                return Err(Thrown);
            }
            self.call.rval().set(mozjs::jsval::StringValue(&*s));
        }
        Ok(())
    }

    /// Returns a string made from UTF-16 code units (unpaired surrogates kept).
    pub fn ret_string_utf16(&mut self, units: &[u16]) -> OpResult {
        unsafe {
            let s = mozjs::jsapi::JS_NewUCStringCopyN(self.cx, units.as_ptr(), units.len());
            if s.is_null() {
                return Err(Thrown);
            }
            self.call.rval().set(mozjs::jsval::StringValue(&*s));
        }
        Ok(())
    }

    /// The argument kept alive beyond this call.
    pub fn persistent(&self, i: usize) -> Persistent {
        Persistent::new(self.raw(i))
    }

    pub fn ret_undefined(&mut self) {
        self.call.rval().set(UndefinedValue());
    }

    pub fn ret_null(&mut self) {
        self.call.rval().set(NullValue());
    }

    pub fn ret_number(&mut self, n: f64) {
        let v = if n.fract() == 0.0
            && n >= i32::MIN as f64
            && n <= i32::MAX as f64
            && !(n == 0.0 && n.is_sign_negative())
        {
            Int32Value(n as i32)
        } else {
            DoubleValue(n)
        };
        self.call.rval().set(v);
    }

    #[inline]
    pub fn ret_int(&mut self, n: i32) {
        self.call.rval().set(Int32Value(n));
    }

    #[inline]
    pub fn ret_bool(&mut self, b: bool) {
        self.call.rval().set(BooleanValue(b));
    }

    pub fn ret_string(&mut self, s: &str) -> OpResult {
        let v = unsafe { new_js_string(self.cx, s) }?;
        self.call.rval().set(v);
        Ok(())
    }

    /// Returns argument `i` unchanged.
    pub fn ret_arg(&mut self, i: usize) {
        let v = self.raw(i);
        self.call.rval().set(v);
    }

    pub fn ret_persistent(&mut self, p: &Persistent) {
        self.call.rval().set(p.get());
    }

    /// Returns a new Uint8Array holding a copy of `bytes`.
    pub fn ret_bytes(&mut self, bytes: &[u8]) -> OpResult {
        unsafe {
            let arr = JS_NewUint8Array(self.cx, bytes.len());
            if arr.is_null() {
                return Err(Thrown);
            }
            if !bytes.is_empty() {
                if let Some((data, _)) = view_data(ObjectValue(arr)) {
                    ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len());
                }
            }
            self.call.rval().set(ObjectValue(arr));
        }
        Ok(())
    }

    /// Returns a new Uint8Array that takes over `buf`'s memory (no copy).
    pub fn ret_byte_buf(&mut self, buf: crate::ByteBuf) -> OpResult {
        if buf.is_empty() {
            return self.ret_bytes(&[]);
        }
        let (ptr, len) = buf.into_raw();
        unsafe {
            rooted!(in(self.cx) let ab = mozjs::jsapi::glue::NewArrayBufferWithContents(self.cx, len, ptr as *mut _));
            if ab.get().is_null() {
                // Not adopted: still ours.
                libc::free(ptr as *mut _);
                return Err(Thrown);
            }
            let arr = mozjs::jsapi::JS_NewUint8ArrayWithBuffer(
                self.cx,
                ab.handle().into(),
                0,
                len as i64,
            );
            if arr.is_null() {
                return Err(Thrown);
            }
            self.call.rval().set(ObjectValue(arr));
        }
        Ok(())
    }

    /// Returns a JS array of numbers.
    pub fn ret_numbers(&mut self, items: &[f64]) -> OpResult {
        self.ret_array(items.len(), |_, i| Ok(DoubleValue(items[i])))
    }

    /// Returns a JS array of strings.
    pub fn ret_strings<S: AsRef<str>>(&mut self, items: &[S]) -> OpResult {
        self.ret_array(items.len(), |cx, i| unsafe {
            new_js_string(cx, items[i].as_ref())
        })
    }

    /// Returns a JS array of `len` elements made by `element(cx, index)`.
    fn ret_array(
        &mut self,
        len: usize,
        mut element: impl FnMut(*mut JSContext, usize) -> Result<Value, Thrown>,
    ) -> OpResult {
        unsafe {
            rooted!(in(self.cx) let arr = mozjs::jsapi::NewArrayObject1(self.cx, len));
            if arr.get().is_null() {
                return Err(Thrown);
            }
            for i in 0..len {
                rooted!(in(self.cx) let v = element(self.cx, i)?);
                if !mozjs::jsapi::JS_DefineElement(
                    self.cx,
                    arr.handle().into(),
                    i as u32,
                    v.handle().into(),
                    mozjs::jsapi::JSPROP_ENUMERATE as u32,
                ) {
                    return Err(Thrown);
                }
            }
            self.call.rval().set(ObjectValue(arr.get()));
        }
        Ok(())
    }

    /// Compiles `source` as the body of a function with parameters `params` and returns it.
    /// Stack frames name `filename`, with lines and columns as written in `source`.
    pub fn ret_compiled_function(
        &mut self,
        source: &str,
        filename: &str,
        params: &[&str],
        name: &str,
    ) -> OpResult {
        let cx = self.cx;
        let cname = std::ffi::CString::new(name.replace('\0', "")).unwrap_or_default();
        let fname = std::ffi::CString::new(filename.replace('\0', "")).unwrap_or_default();
        let cparams: Vec<std::ffi::CString> = params
            .iter()
            .map(|p| std::ffi::CString::new(p.replace('\0', "")).unwrap_or_default())
            .collect();
        let ptrs: Vec<*const std::os::raw::c_char> = cparams.iter().map(|p| p.as_ptr()).collect();
        unsafe {
            // SpiderMonkey counts the synthesized `function (...) {` header as a line of its
            // own, so line 0 here makes the body's first line 1.
            let opts = mozjs::glue::NewCompileOptions(cx, fname.as_ptr(), 0);
            let chain = mozjs::jsapi::glue::NewEnvironmentChain(
                cx,
                mozjs::jsapi::JS::SupportUnscopables::No,
            );
            // UTF-16 source: SpiderMonkey's UTF-8 entry points for function compilation decode
            // the text as Latin-1 (seen with both `CompileFunction` overloads).
            let utf16: Vec<u16> = source.encode_utf16().collect();
            let mut src = mozjs::rust::transform_u16_to_source_text(&utf16);
            let f = mozjs::jsapi::JS::CompileFunction(
                cx,
                chain,
                opts,
                cname.as_ptr(),
                ptrs.len() as u32,
                if ptrs.is_empty() {
                    ptr::null()
                } else {
                    ptrs.as_ptr()
                },
                &mut src,
            );
            mozjs::jsapi::glue::DeleteEnvironmentChain(chain);
            mozjs::glue::DeleteCompileOptions(opts);
            if f.is_null() {
                return Err(Thrown);
            }
            self.call
                .rval()
                .set(ObjectValue(mozjs::jsapi::JS_GetFunctionObject(f)));
        }
        Ok(())
    }

    /// Returns the function `(function (params) { source })` compiled as a script named
    /// `filename`. With `cache_key` (what identifies the set of sources `id` belongs to), the
    /// compiled form is kept between runs (see `code_cache.rs`).
    pub fn ret_cached_function(
        &mut self,
        cache_key: Option<&str>,
        id: &str,
        source: &str,
        filename: &str,
        params: &[&str],
    ) -> OpResult {
        match unsafe {
            crate::code_cache::compile_function(self.cx, cache_key, id, source, filename, params)
        } {
            Some(f) => {
                self.call.rval().set(f);
                Ok(())
            }
            None => Err(Thrown),
        }
    }

    /// Returns a new function running op `O` (named `O::NAME`, `length` `O::LENGTH`, not a
    /// constructor) that holds argument `fallback` for [`Args::call_fallback`]: a built-in
    /// replaced by a faster native that hands the cases it does not handle to the original.
    pub fn ret_native_with_fallback<O: Op>(&mut self, fallback: usize) -> OpResult {
        unsafe {
            let f = mozjs::jsapi::js::NewFunctionWithReserved(
                self.cx,
                Some(trampoline_keeping_callee::<O>),
                O::LENGTH,
                0,
                O::NAME.as_ptr(),
            );
            if f.is_null() {
                return Err(Thrown);
            }
            let obj = f as *mut JSObject;
            let v = self.raw(fallback);
            mozjs::jsapi::js::SetFunctionNativeReserved(obj, 0, &v);
            self.call.rval().set(ObjectValue(obj));
        }
        Ok(())
    }

    /// Calls `f` with the characters of the `this` string and string argument `i` (as
    /// [`Args::with_string_chars`]); `Ok(None)` when either is not a string. When both are
    /// linear the characters are read straight from the strings' headers, with no engine call
    /// (this runs for every comparison of a sort); otherwise both are made linear first, since
    /// linearizing one may GC and move the other.
    #[inline]
    pub fn with_this_and_string_chars<R>(
        &mut self,
        i: usize,
        f: impl FnOnce(StringChars<'_>, StringChars<'_>) -> R,
    ) -> Result<Option<R>, Thrown> {
        let (a, b) = (self.call.thisv().get(), self.raw(i));
        if !a.is_string() || !b.is_string() {
            return Ok(None);
        }
        unsafe {
            // SAFETY: both are live strings in rooted call slots; nothing below can GC until the
            // characters are read.
            if let (Some(a), Some(b)) = (header_chars(a.to_string()), header_chars(b.to_string())) {
                return Ok(Some(f(a, b)));
            }
            for v in [self.call.thisv().get(), self.raw(i)] {
                // The call's slots are GC roots: after a GC they hold the moved strings.
                if mozjs::jsapi::JS_EnsureLinearString(self.cx, v.to_string()).is_null() {
                    return Err(Thrown);
                }
            }
            // Both are linear now: reading either's characters cannot GC.
            match (
                linear_chars(self.cx, self.call.thisv().get().to_string()),
                linear_chars(self.cx, self.raw(i).to_string()),
            ) {
                (Some(a), Some(b)) => Ok(Some(f(a, b))),
                _ => Err(Thrown),
            }
        }
    }

    /// In an op made by [`Args::ret_native_with_fallback`]: calls the fallback function with
    /// this call's `this` and arguments, and returns what it returns (or throws what it throws).
    pub fn call_fallback(&mut self) -> OpResult {
        unsafe {
            // Until the return value is set, the callee slot still holds this function.
            let callee = self.call.callee();
            rooted!(in(self.cx) let fallback = *mozjs::jsapi::js::GetFunctionNativeReserved(callee, 0));
            let args = mozjs::jsapi::JS::HandleValueArray {
                length_: self.call.argc_ as usize,
                elements_: self.call.argv_,
            };
            rooted!(in(self.cx) let mut rval = UndefinedValue());
            if !mozjs::jsapi::JS::Call(
                self.cx,
                self.call.thisv(),
                fallback.handle().into(),
                &args,
                rval.handle_mut().into(),
            ) {
                return Err(Thrown);
            }
            self.call.rval().set(rval.get());
        }
        Ok(())
    }

    /// Throws a plain `Error` with `message`; return the result from the op.
    pub fn throw_error(&mut self, message: &str) -> Thrown {
        let text = format!("{}\0", message.replace('\0', "\\0"));
        unsafe { JS_ReportErrorUTF8(self.cx, text.as_ptr() as *const _) };
        Thrown
    }
}

/// Builds a binding object: the plain JS object of ops and constants one domain exposes to
/// `lib/` (e.g. `binding('timers')`).
pub struct Binding {
    object: Persistent,
    cx: *mut JSContext,
}

impl Binding {
    pub fn new(engine: &mut Engine) -> Binding {
        let cx = engine.raw_cx();
        let obj = unsafe { JS_NewPlainObject(cx) };
        assert!(!obj.is_null(), "out of memory creating a binding object");
        Binding {
            object: Persistent::new(ObjectValue(obj)),
            cx,
        }
    }

    fn obj(&self) -> *mut JSObject {
        self.object.get().to_object()
    }

    /// Adds op `O` as a method named `O::NAME`.
    #[inline(always)]
    pub fn op<O: Op>(&mut self) -> &mut Self {
        self.define_native(O::NAME, trampoline::<O>, O::LENGTH)
    }

    /// One shared body for every op: start-up defines a few hundred, and a copy of this code per
    /// op would scatter them over the binary's pages (each first touch maps a whole neighbourhood
    /// of code into memory).
    fn define_native(
        &mut self,
        name: &CStr,
        native: unsafe extern "C" fn(*mut JSContext, u32, *mut Value) -> bool,
        length: u32,
    ) -> &mut Self {
        unsafe {
            rooted!(in(self.cx) let obj = self.obj());
            let f = JS_DefineFunction(
                self.cx,
                obj.handle().into(),
                name.as_ptr(),
                Some(native),
                length,
                mozjs::jsapi::JSPROP_ENUMERATE as u32,
            );
            assert!(!f.is_null(), "defining op {name:?} failed");
        }
        self
    }

    fn define(&mut self, name: &str, v: Value) -> &mut Self {
        let cname = std::ffi::CString::new(name).expect("property name without NUL");
        unsafe {
            rooted!(in(self.cx) let obj = self.obj());
            rooted!(in(self.cx) let v = v);
            let ok = JS_DefineProperty(
                self.cx,
                obj.handle().into(),
                cname.as_ptr(),
                v.handle().into(),
                mozjs::jsapi::JSPROP_ENUMERATE as u32,
            );
            assert!(ok, "defining {name} failed");
        }
        self
    }

    pub fn number(&mut self, name: &str, n: f64) -> &mut Self {
        self.define(name, DoubleValue(n))
    }

    pub fn boolean(&mut self, name: &str, b: bool) -> &mut Self {
        self.define(name, BooleanValue(b))
    }

    pub fn string(&mut self, name: &str, s: &str) -> &mut Self {
        let v = unsafe { new_js_string(self.cx, s) }.expect("out of memory creating a string");
        rooted!(in(self.cx) let _keep = v);
        self.define(name, v)
    }

    pub fn strings(&mut self, name: &str, items: &[String]) -> &mut Self {
        unsafe {
            rooted!(in(self.cx) let arr = mozjs::jsapi::NewArrayObject1(self.cx, items.len()));
            for (i, s) in items.iter().enumerate() {
                rooted!(in(self.cx) let v = new_js_string(self.cx, s).expect("out of memory"));
                mozjs::jsapi::JS_DefineElement(
                    self.cx,
                    arr.handle().into(),
                    i as u32,
                    v.handle().into(),
                    mozjs::jsapi::JSPROP_ENUMERATE as u32,
                );
            }
            let v = ObjectValue(arr.get());
            self.define(name, v)
        }
    }

    pub fn value(&mut self, name: &str, p: &Persistent) -> &mut Self {
        self.define(name, p.get())
    }

    pub fn binding(&mut self, name: &str, b: &Binding) -> &mut Self {
        self.define(name, b.object.get())
    }

    pub fn persistent(&self) -> &Persistent {
        &self.object
    }
}

/// A `mozjs::context::JSContext` wrapper for the few mozjs helpers that take one. Only used for
/// the duration of a single helper call on the JS thread.
pub(crate) fn cx_wrapper(cx: *mut JSContext) -> mozjs::context::JSContext {
    unsafe { mozjs::context::JSContext::from_ptr(std::ptr::NonNull::new_unchecked(cx)) }
}
