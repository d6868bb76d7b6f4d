//! ES modules on SpiderMonkey's module API. Resolution, loading and the CommonJS/builtin
//! bridges live in JS (`lib/internal/modules/esm.js`); this file compiles module records and
//! connects SpiderMonkey's host hooks (load, import.meta) to two JS functions registered with
//! `setModuleHooks(load, meta)`:
//!   load(specifier, referrerURL, isJson) -> module record (or throws)
//!   meta(url, metaObject)
//! Loading is synchronous (files are read in place), so every request is finished inside the
//! hook call, for static and dynamic `import` alike.

use std::cell::RefCell;
use std::ffi::{CStr, CString};
use std::ptr;

use mozjs::glue::{DeleteCompileOptions, NewCompileOptions};
use mozjs::jsapi::{JSContext, JSObject, JSScript, Value};
use mozjs::jsval::{BooleanValue, ObjectValue, StringValue, UndefinedValue};
use mozjs::rooted;

use crate::args::{Args, Binding, Op, OpResult, Thrown};
use crate::engine::{call_function, new_js_string, Persistent};

thread_local! {
    static HOOKS: RefCell<Option<(Persistent, Persistent)>> = const { RefCell::new(None) };
}

pub(crate) fn install(b: &mut Binding) {
    b.op::<CompileModule>()
        .op::<SetModuleHooks>()
        .op::<LinkAndEvaluate>()
        .op::<GetModuleNamespace>();
}

/// The reason of a rejected promise (marking the rejection handled), or `None`.
unsafe fn rejection_of(cx: *mut JSContext, promise: mozjs::jsapi::HandleObject) -> Option<Value> {
    if promise.get().is_null()
        || mozjs::jsapi::JS::GetPromiseState(promise) != mozjs::jsapi::JS::PromiseState::Rejected
    {
        return None;
    }
    rooted!(in(cx) let mut reason = UndefinedValue());
    mozjs::glue::JS_GetPromiseResult(promise, reason.handle_mut().into());
    mozjs::jsapi::JS::SetAnyPromiseIsHandled(cx, promise);
    Some(reason.get())
}

/// The URL a module (or the script calling `import()`) was compiled with.
unsafe fn referrer_url(cx: *mut JSContext, referrer: mozjs::jsapi::Handle<*mut JSScript>) -> Value {
    if !referrer.get().is_null() {
        rooted!(in(cx) let mut private = UndefinedValue());
        mozjs::glue::JS_GetScriptPrivate(referrer.get(), private.handle_mut().into());
        if private.get().is_string() {
            return private.get();
        }
    }
    // A classic script or CommonJS function: its file name.
    let wrapper = crate::args::cx_wrapper(cx);
    match mozjs::rust::describe_scripted_caller(&wrapper) {
        Ok(caller) => new_js_string(cx, &caller.filename).unwrap_or(UndefinedValue()),
        Err(_) => UndefinedValue(),
    }
}

unsafe extern "C" fn load_hook(
    cx: *mut JSContext,
    referrer: mozjs::jsapi::Handle<*mut JSScript>,
    module_request: mozjs::jsapi::Handle<*mut JSObject>,
    _host_defined: mozjs::jsapi::Handle<Value>,
    payload: mozjs::jsapi::Handle<Value>,
    _line: u32,
    _column: mozjs::jsapi::JS::ColumnNumberOneOrigin,
) -> bool {
    let Some(load) = HOOKS.with(|h| h.borrow().as_ref().map(|(l, _)| l.get())) else {
        mozjs::jsapi::JS_ReportErrorUTF8(cx, c"ES modules are not set up".as_ptr());
        return mozjs::jsapi::JS::FinishLoadingImportedModuleFailedWithPendingException(
            cx, payload,
        );
    };
    rooted!(in(cx) let load = load);
    let specifier = mozjs::jsapi::JS::GetModuleRequestSpecifier(cx, module_request);
    if specifier.is_null() {
        return mozjs::jsapi::JS::FinishLoadingImportedModuleFailedWithPendingException(
            cx, payload,
        );
    }
    rooted!(in(cx) let specifier = StringValue(&*specifier));
    rooted!(in(cx) let referrer_url = referrer_url(cx, referrer));
    let is_json = mozjs::jsapi::JS::GetModuleRequestType(cx, module_request)
        == mozjs::jsapi::JS::ModuleType::JSON;
    match call_function(
        cx,
        load.get(),
        &[specifier.get(), referrer_url.get(), BooleanValue(is_json)],
    ) {
        Ok(v) if v.is_object() => {
            rooted!(in(cx) let module = v.to_object());
            let dynamic = payload.get().is_object() && {
                rooted!(in(cx) let p = payload.get().to_object());
                mozjs::jsapi::JS::IsPromiseObject(p.handle().into())
            };
            if dynamic {
                // `import()`: SpiderMonkey links and evaluates once the host has loaded the
                // module's dependencies; do that now (synchronously, files are local).
                rooted!(in(cx) let host = UndefinedValue());
                rooted!(in(cx) let mut loaded = ptr::null_mut::<JSObject>());
                if !mozjs::jsapi::JS::LoadRequestedModules1(
                    cx,
                    module.handle().into(),
                    host.handle().into(),
                    loaded.handle_mut().into(),
                ) {
                    return mozjs::jsapi::JS::FinishLoadingImportedModuleFailedWithPendingException(
                        cx, payload,
                    );
                }
                if let Some(reason) = rejection_of(cx, loaded.handle().into()) {
                    rooted!(in(cx) let reason = reason);
                    return mozjs::jsapi::JS::FinishLoadingImportedModuleFailed(
                        cx,
                        payload,
                        reason.handle().into(),
                    );
                }
                mozjs::jsapi::JS::FinishLoadingImportedModule(
                    cx,
                    referrer,
                    module_request,
                    payload,
                    module.handle().into(),
                    true,
                )
            } else {
                mozjs::jsapi::JS::FinishLoadingImportedModule(
                    cx,
                    referrer,
                    module_request,
                    payload,
                    module.handle().into(),
                    false,
                )
            }
        }
        Ok(_) => {
            mozjs::jsapi::JS_ReportErrorUTF8(cx, c"module loader returned no module".as_ptr());
            mozjs::jsapi::JS::FinishLoadingImportedModuleFailedWithPendingException(cx, payload)
        }
        Err(Thrown) => {
            mozjs::jsapi::JS::FinishLoadingImportedModuleFailedWithPendingException(cx, payload)
        }
    }
}

unsafe extern "C" fn meta_hook(
    cx: *mut JSContext,
    module: mozjs::jsapi::Handle<*mut JSObject>,
    meta: mozjs::jsapi::Handle<*mut JSObject>,
) -> bool {
    let Some(f) = HOOKS.with(|h| h.borrow().as_ref().map(|(_, m)| m.get())) else {
        return true;
    };
    rooted!(in(cx) let f = f);
    rooted!(in(cx) let mut url = UndefinedValue());
    mozjs::glue::JS_GetModulePrivate(module.get(), url.handle_mut().into());
    call_function(cx, f.get(), &[url.get(), ObjectValue(meta.get())]).is_ok()
}

/// `compileModule(source, url)`: a module record whose frames name `url`.
struct CompileModule;
impl Op for CompileModule {
    const NAME: &'static CStr = c"compileModule";
    const LENGTH: u32 = 2;
    fn call(args: &mut Args) -> OpResult {
        let source = args.string(0)?;
        let url = args.string(1)?;
        let cx = args.cx;
        let fname = CString::new(url.replace('\0', "")).unwrap_or_default();
        unsafe {
            let opts = NewCompileOptions(cx, fname.as_ptr(), 1);
            let utf16: Vec<u16> = source.encode_utf16().collect();
            let mut src = mozjs::rust::transform_u16_to_source_text(&utf16);
            let module = mozjs::jsapi::JS::CompileModule(cx, opts, &mut src);
            DeleteCompileOptions(opts);
            if module.is_null() {
                return Err(Thrown);
            }
            rooted!(in(cx) let module = module);
            rooted!(in(cx) let private = new_js_string(cx, &url)?);
            mozjs::jsapi::JS::SetModulePrivate(module.get(), &private.get());
            args.call.rval().set(ObjectValue(module.get()));
        }
        Ok(())
    }
}

/// `setModuleHooks(load, meta)`.
struct SetModuleHooks;
impl Op for SetModuleHooks {
    const NAME: &'static CStr = c"setModuleHooks";
    const LENGTH: u32 = 2;
    fn call(args: &mut Args) -> OpResult {
        let load = args.persistent(0);
        let meta = args.persistent(1);
        HOOKS.with(|h| *h.borrow_mut() = Some((load, meta)));
        unsafe {
            let rt = mozjs::jsapi::JS_GetRuntime(args.cx);
            mozjs::jsapi::JS::SetModuleLoadHook(rt, Some(load_hook));
            mozjs::jsapi::JS::SetModuleMetadataHook(rt, Some(meta_hook));
        }
        Ok(())
    }
}

/// Argument 0 as a module record, or a thrown error naming `op`.
fn module_arg(args: &mut Args, op: &str) -> Result<*mut JSObject, Thrown> {
    let v = args.raw(0);
    if !v.is_object() {
        return Err(args.throw_error(&format!("{op}: not a module")));
    }
    Ok(v.to_object())
}

/// `linkAndEvaluate(module)`: loads the module's dependency graph, links it and evaluates it;
/// returns the evaluation promise (settled later with top-level await).
struct LinkAndEvaluate;
impl Op for LinkAndEvaluate {
    const NAME: &'static CStr = c"linkAndEvaluate";
    const LENGTH: u32 = 1;
    fn call(args: &mut Args) -> OpResult {
        let module = module_arg(args, "linkAndEvaluate")?;
        let cx = args.cx;
        unsafe {
            rooted!(in(cx) let module = module);
            rooted!(in(cx) let host = UndefinedValue());
            rooted!(in(cx) let mut promise = ptr::null_mut::<JSObject>());
            if !mozjs::jsapi::JS::LoadRequestedModules1(
                cx,
                module.handle().into(),
                host.handle().into(),
                promise.handle_mut().into(),
            ) {
                return Err(Thrown);
            }
            // Loading finished synchronously: a rejected promise carries the load error.
            if let Some(reason) = rejection_of(cx, promise.handle().into()) {
                rooted!(in(cx) let reason = reason);
                mozjs::jsapi::JS_SetPendingException(
                    cx,
                    reason.handle().into(),
                    mozjs::jsapi::JS::ExceptionStackBehavior::DoNotCapture,
                );
                return Err(Thrown);
            }
            if !mozjs::jsapi::JS::ModuleLink(cx, module.handle().into()) {
                return Err(Thrown);
            }
            rooted!(in(cx) let mut rval = UndefinedValue());
            if !mozjs::jsapi::JS::ModuleEvaluate(
                cx,
                module.handle().into(),
                rval.handle_mut().into(),
            ) {
                return Err(Thrown);
            }
            args.call.rval().set(rval.get());
        }
        Ok(())
    }
}

/// `getModuleNamespace(module)`.
struct GetModuleNamespace;
impl Op for GetModuleNamespace {
    const NAME: &'static CStr = c"getModuleNamespace";
    const LENGTH: u32 = 1;
    fn call(args: &mut Args) -> OpResult {
        let module = module_arg(args, "getModuleNamespace")?;
        let cx = args.cx;
        unsafe {
            rooted!(in(cx) let module = module);
            let ns = mozjs::jsapi::JS::GetModuleNamespace(cx, module.handle().into());
            if ns.is_null() {
                return Err(Thrown);
            }
            args.call.rval().set(ObjectValue(ns));
        }
        Ok(())
    }
}
