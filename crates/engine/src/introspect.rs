//! Natives `lib/` needs that plain JS cannot express: promise state, proxy internals, the
//! builtin class of an object, the promise rejection queue, and compiling a function from source
//! with a file name (for built-in modules and CommonJS wrappers).

use std::ffi::{CStr, CString};

use mozjs::glue::{DeleteCompileOptions, NewCompileOptions};
use mozjs::jsapi::{JSObject, JS_DefineElement, JSPROP_ENUMERATE};
use mozjs::jsval::{Int32Value, ObjectValue, UndefinedValue};
use mozjs::rooted;

use crate::args::{Args, Binding, Op, OpResult, Thrown};
use crate::engine::{drop_rejections, take_rejections, RejectionKind};

pub(crate) fn install(b: &mut Binding) {
    b.op::<CompileFunction>()
        .op::<GetPromiseState>()
        .op::<GetProxyDetails>()
        .op::<GetBuiltinClass>()
        .op::<TakeRejections>()
        .op::<RunMicrotasks>()
        .op::<CollectGarbage>()
        .op::<EvalScript>()
        .op::<HeapUsed>()
        .op::<HeapTotal>();
    crate::modules::install(b);
}

unsafe fn new_array(args: &Args, items: &[mozjs::jsapi::Value]) -> Result<*mut JSObject, Thrown> {
    let cx = args.cx;
    rooted!(in(cx) let arr = mozjs::jsapi::NewArrayObject1(cx, items.len()));
    if arr.get().is_null() {
        return Err(Thrown);
    }
    for (i, v) in items.iter().enumerate() {
        rooted!(in(cx) let v = *v);
        if !JS_DefineElement(
            cx,
            arr.handle().into(),
            i as u32,
            v.handle().into(),
            JSPROP_ENUMERATE as u32,
        ) {
            return Err(Thrown);
        }
    }
    Ok(arr.get())
}

/// `compileFunction(source, filename, paramNames[], name?)`: a function whose body is `source`, whose
/// stack frames name `filename` with lines and columns as written.
struct CompileFunction;
impl Op for CompileFunction {
    const NAME: &'static CStr = c"compileFunction";
    const LENGTH: u32 = 4;
    fn call(args: &mut Args) -> OpResult {
        let source = args.string(0)?;
        let filename = args.string(1)?;
        let mut params: Vec<CString> = Vec::new();
        let list = args.raw(2);
        if list.is_object() {
            let cx = args.cx;
            unsafe {
                rooted!(in(cx) let obj = list.to_object());
                let mut len = 0u32;
                if !mozjs::jsapi::GetArrayLength(cx, obj.handle().into(), &mut len) {
                    return Err(Thrown);
                }
                for i in 0..len {
                    rooted!(in(cx) let mut v = UndefinedValue());
                    if !mozjs::jsapi::JS_GetElement(
                        cx,
                        obj.handle().into(),
                        i,
                        v.handle_mut().into(),
                    ) {
                        return Err(Thrown);
                    }
                    if !v.get().is_string() {
                        return Err(
                            args.throw_error("compileFunction: parameter names must be strings")
                        );
                    }
                    let s = crate::engine::js_string_to_rust(cx, v.get().to_string());
                    params.push(CString::new(s).unwrap_or_default());
                }
            }
        }
        let name = if args.is_undefined(3) {
            String::new()
        } else {
            args.string(3)?
        };
        let names: Vec<&str> = params.iter().map(|p| p.to_str().unwrap_or("")).collect();
        args.ret_compiled_function(&source, &filename, &names, &name)
    }
}

/// `getPromiseState(p)`: `[state, result]` with state 0 pending, 1 fulfilled, 2 rejected, or
/// `undefined` when `p` is not a promise.
struct GetPromiseState;
impl Op for GetPromiseState {
    const NAME: &'static CStr = c"getPromiseState";
    const LENGTH: u32 = 1;
    fn call(args: &mut Args) -> OpResult {
        let v = args.raw(0);
        if !v.is_object() {
            return Ok(());
        }
        let cx = args.cx;
        unsafe {
            rooted!(in(cx) let obj = v.to_object());
            if !mozjs::jsapi::JS::IsPromiseObject(obj.handle().into()) {
                return Ok(());
            }
            let state = mozjs::jsapi::JS::GetPromiseState(obj.handle().into()) as i32;
            rooted!(in(cx) let mut result = UndefinedValue());
            if state != 0 {
                mozjs::glue::JS_GetPromiseResult(obj.handle().into(), result.handle_mut().into());
            }
            let arr = new_array(args, &[Int32Value(state), result.get()])?;
            args.call.rval().set(ObjectValue(arr));
        }
        Ok(())
    }
}

/// `getProxyDetails(p)`: `[target, handler]` for a scripted Proxy (null after revocation), or
/// `undefined` when `p` is not a proxy.
struct GetProxyDetails;
impl Op for GetProxyDetails {
    const NAME: &'static CStr = c"getProxyDetails";
    const LENGTH: u32 = 1;
    fn call(args: &mut Args) -> OpResult {
        let v = args.raw(0);
        if !v.is_object() {
            return Ok(());
        }
        unsafe {
            let obj = v.to_object();
            let class = mozjs::rust::get_object_class(obj);
            if class.is_null() || ((*class).flags & mozjs::jsapi::JSCLASS_IS_PROXY) == 0 {
                return Ok(());
            }
            let mut target = UndefinedValue();
            mozjs::glue::GetProxyPrivate(obj, &mut target);
            let mut handler = UndefinedValue();
            mozjs::glue::GetProxyReservedSlot(obj, 0, &mut handler);
            let arr = new_array(args, &[target, handler])?;
            args.call.rval().set(ObjectValue(arr));
        }
        Ok(())
    }
}

/// `getBuiltinClass(v)`: SpiderMonkey's ESClass of an object (0 Object, 1 Array, 2 Number,
/// 3 String, 4 Boolean, 5 RegExp, 6 ArrayBuffer, 7 SharedArrayBuffer, 8 Date, 9 Set, 10 Map,
/// 11 Promise, 12 MapIterator, 13 SetIterator, 14 Arguments, 15 Error, 16 BigInt, 17 Function,
/// 18 other), seen through proxies; -1 for primitives.
struct GetBuiltinClass;
impl Op for GetBuiltinClass {
    const NAME: &'static CStr = c"getBuiltinClass";
    const LENGTH: u32 = 1;
    fn call(args: &mut Args) -> OpResult {
        let v = args.raw(0);
        if !v.is_object() {
            args.ret_int(-1);
            return Ok(());
        }
        let cx = args.cx;
        unsafe {
            rooted!(in(cx) let obj = v.to_object());
            let mut cls = mozjs::jsapi::js::ESClass::Other;
            if !mozjs::jsapi::JS::GetBuiltinClass(cx, obj.handle().into(), &mut cls) {
                return Err(Thrown);
            }
            args.ret_int(cls as i32);
        }
        Ok(())
    }
}

/// `takeRejections()`: `[promise, kind, promise, kind, ...]` recorded by the rejection tracker
/// since the last call; kind 0 = rejected with no handler, 1 = a handler was added later.
struct TakeRejections;
impl Op for TakeRejections {
    const NAME: &'static CStr = c"takeRejections";
    fn call(args: &mut Args) -> OpResult {
        let list = take_rejections();
        let mut vals = Vec::with_capacity(list.len() * 2);
        for r in &list {
            vals.push(r.promise.get());
            vals.push(Int32Value(if r.kind == RejectionKind::Unhandled {
                0
            } else {
                1
            }));
        }
        // `list` keeps the promises rooted until they are in the array.
        let arr = unsafe { new_array(args, &vals) };
        drop_rejections(list);
        let arr = arr?;
        args.call.rval().set(ObjectValue(arr));
        Ok(())
    }
}

/// `runMicrotasks()`: drains the promise job queue.
struct RunMicrotasks;
impl Op for RunMicrotasks {
    const NAME: &'static CStr = c"runMicrotasks";
    fn call(args: &mut Args) -> OpResult {
        unsafe { crate::engine::drain_microtasks(args.cx) }
    }
}

/// `gc()`: a full collection (for `--expose-gc` style tests and the GC stress switch).
struct CollectGarbage;
impl Op for CollectGarbage {
    const NAME: &'static CStr = c"gc";
    fn call(args: &mut Args) -> OpResult {
        unsafe { mozjs::jsapi::JS_GC(args.cx, mozjs::jsapi::GCReason::API) };
        Ok(())
    }
}

/// `evalScript(source, filename)`: runs a classic script in the global scope (like
/// `vm.runInThisContext`) and returns its completion value.
struct EvalScript;
impl Op for EvalScript {
    const NAME: &'static CStr = c"evalScript";
    const LENGTH: u32 = 2;
    fn call(args: &mut Args) -> OpResult {
        let source = args.string(0)?;
        let filename = args.string(1)?;
        let cx = args.cx;
        let fname = CString::new(filename.replace('\0', "")).unwrap();
        unsafe {
            let opts = NewCompileOptions(cx, fname.as_ptr(), 1);
            let mut src = mozjs::rust::transform_str_to_source_text(&source);
            rooted!(in(cx) let mut rval = UndefinedValue());
            let ok = mozjs::jsapi::JS::Evaluate2(cx, opts, &mut src, rval.handle_mut().into());
            DeleteCompileOptions(opts);
            if !ok {
                return Err(Thrown);
            }
            args.call.rval().set(rval.get());
        }
        Ok(())
    }
}

/// `heapUsed()`: bytes of live GC things (SpiderMonkey's GC heap).
struct HeapUsed;
impl Op for HeapUsed {
    const NAME: &'static CStr = c"heapUsed";
    fn call(args: &mut Args) -> OpResult {
        let bytes = unsafe {
            mozjs::jsapi::JS_GetGCParameter(args.cx, mozjs::jsapi::JSGCParamKey::JSGC_BYTES)
        };
        args.ret_number(bytes as f64);
        Ok(())
    }
}

/// `heapTotal()`: bytes of the GC heap's chunks, used or not.
struct HeapTotal;
impl Op for HeapTotal {
    const NAME: &'static CStr = c"heapTotal";
    fn call(args: &mut Args) -> OpResult {
        let chunks = unsafe {
            mozjs::jsapi::JS_GetGCParameter(args.cx, mozjs::jsapi::JSGCParamKey::JSGC_TOTAL_CHUNKS)
        };
        args.ret_number(chunks as f64 * 1024.0 * 1024.0);
        Ok(())
    }
}
