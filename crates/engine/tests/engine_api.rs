//! The engine's safe API end to end. SpiderMonkey initialises once per process, so this is a
//! single test exercising the pieces in order.

use std::ffi::CStr;

use lode_engine::{Arg, Args, Binding, Engine, Op, OpResult, Returned};

struct Add;
impl Op for Add {
    const NAME: &'static CStr = c"add";
    const LENGTH: u32 = 2;
    fn call(args: &mut Args) -> OpResult {
        let a = args.number(0)?;
        let b = args.number(1)?;
        args.ret_number(a + b);
        Ok(())
    }
}

struct Shout;
impl Op for Shout {
    const NAME: &'static CStr = c"shout";
    const LENGTH: u32 = 1;
    fn call(args: &mut Args) -> OpResult {
        let s = args.string(0)?;
        if s.is_empty() {
            return Err(args.throw_error("empty"));
        }
        args.ret_string(&s.to_uppercase())
    }
}

struct Panics;
impl Op for Panics {
    const NAME: &'static CStr = c"panics";
    fn call(_args: &mut Args) -> OpResult {
        panic!("boom");
    }
}

#[test]
fn engine_api() {
    let mut engine = Engine::new();

    // Evaluation and calls.
    let f = engine
        .eval("(function (a, b) { return a * b; })", "t.js")
        .unwrap();
    assert!(f.is_function());
    assert_eq!(
        engine
            .call(&f, &[Arg::Number(6.0), Arg::Number(7.0)])
            .unwrap(),
        Returned::Number(42.0)
    );

    // Ops on a binding object; strings cross in both directions with non-ASCII text.
    let mut b = Binding::new(&mut engine);
    b.op::<Add>()
        .op::<Shout>()
        .op::<Panics>()
        .number("answer", 42.0)
        .string("name", "lødé");
    let use_it = engine
        .eval(
            "(function (b) { return b.add(2, 3) === 5 && b.shout('héllo') === 'HÉLLO' && b.answer === 42 && b.name === 'lødé'; })",
            "t.js",
        )
        .unwrap();
    assert_eq!(
        engine.call(&use_it, &[Arg::Value(b.persistent())]).unwrap(),
        Returned::Bool(true)
    );

    // An op that throws, and one that panics, become JS exceptions.
    let thrower = engine
        .eval(
            "(function (b) { try { b.shout(''); } catch (e) { return e.message === 'empty'; } })",
            "t.js",
        )
        .unwrap();
    assert_eq!(
        engine
            .call(&thrower, &[Arg::Value(b.persistent())])
            .unwrap(),
        Returned::Bool(true)
    );
    let panicker = engine
        .eval("(function (b) { try { b.panics(); return false; } catch (e) { return /boom/.test(e.message); } })", "t.js")
        .unwrap();
    assert_eq!(
        engine
            .call(&panicker, &[Arg::Value(b.persistent())])
            .unwrap(),
        Returned::Bool(true)
    );

    // Uncaught exceptions are taken by Rust.
    assert!(engine.eval("throw new Error('x')", "t.js").is_err());
    assert!(engine.take_exception().is_some());
    assert!(engine.take_exception().is_none());

    // Microtasks run only when drained; persistent values survive a GC.
    let log = engine
        .eval(
            "globalThis.log = []; Promise.resolve().then(() => log.push('job')); log",
            "t.js",
        )
        .unwrap();
    engine.gc();
    let len = engine
        .eval("(function (l) { return l.length; })", "t.js")
        .unwrap();
    assert_eq!(
        engine.call(&len, &[Arg::Value(&log)]).unwrap(),
        Returned::Number(0.0)
    );
    engine.run_microtasks().unwrap();
    assert_eq!(
        engine.call(&len, &[Arg::Value(&log)]).unwrap(),
        Returned::Number(1.0)
    );

    // Unhandled rejections are recorded.
    engine.eval("Promise.reject(1)", "t.js").unwrap();
    engine.run_microtasks().unwrap();
    assert!(engine.has_pending_rejections());

    // String arguments.
    let concat = engine
        .eval("(function (a, b) { return (a + b).length; })", "t.js")
        .unwrap();
    assert_eq!(
        engine
            .call(&concat, &[Arg::Str("ab"), Arg::Str("ü")])
            .unwrap(),
        Returned::Number(3.0)
    );
}
