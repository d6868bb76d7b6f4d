//! Access to the built-in JS sources embedded from `lib/`.
use lode_engine::{Binding, Engine};

op!(
    /// `source(id)`: the source of built-in module `id`, or undefined.
    Source = c"source" / 1, |args| {
        let id = args.string(0)?;
        match crate::builtins::source(&id) {
            Some(src) => args.ret_string(src),
            None => Ok(()),
        }
    }
);

op!(
    /// `compile(id)`: built-in module `id` compiled as a function of
    /// (exports, require, module, internalBinding), from the embedded source or, after the
    /// first run, from the compiled-code cache.
    Compile = c"compile" / 1, |args| {
        let id = args.string(0)?;
        match crate::builtins::source(&id) {
            Some(src) => args.ret_cached_function(
                crate::builtins::cache_key(),
                &id,
                src,
                &format!("node:{id}"),
                &["exports", "require", "module", "internalBinding"],
            ),
            None => Err(args.throw_error(&format!("No such built-in module: {id}"))),
        }
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    let ids: Vec<String> = crate::builtins::sources()
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    b.op::<Source>().op::<Compile>().strings("ids", &ids);
    b
}
