//! Ops that exist only to measure the op boundary itself (bench/ops).
use lode_engine::{Binding, Engine};

op!(
    /// `noop()`.
    Noop = c"noop" / 0, |_args| { Ok(()) }
);

op!(
    /// `add(a, b)`: a + b.
    Add = c"add" / 2, |args| {
        let a = args.number(0)?;
        let b = args.number(1)?;
        args.ret_number(a + b);
        Ok(())
    }
);

op!(
    /// `strLen(s)`: the UTF-8 length of `s`.
    StrLen = c"strLen" / 1, |args| {
        let n = args.string(0)?.len();
        args.ret_number(n as f64);
        Ok(())
    }
);

op!(
    /// `noopAsync(req)`: an async op that does nothing on the thread pool (the round trip).
    NoopAsync = c"noopAsync" / 1, |args| {
        super::async_ops::run(args, 0, || Ok(super::async_ops::Output::Undefined))
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<Noop>().op::<Add>().op::<StrLen>().op::<NoopAsync>();
    b
}
