//! Timer, immediate and nextTick bookkeeping the event loop needs from JS.
use lode_engine::{Binding, Engine};

use crate::event_loop::loop_state;

op!(
    /// `scheduleTimer(expiry)`: the nearest timer now expires at loop time `expiry` (ms).
    ScheduleTimer = c"scheduleTimer" / 1, |args| {
        let expiry = args.number(0)?;
        loop_state().timer_deadline.set(Some(expiry));
        Ok(())
    }
);

op!(
    /// `toggleTimerRef(bool)`: whether pending timers keep the process alive.
    ToggleTimerRef = c"toggleTimerRef" / 1, |args| {
        loop_state().timer_ref.set(args.boolean(0));
        Ok(())
    }
);

op!(
    /// `getLoopTime()`: the loop time in ms, brought up to date first (node's `getLibuvNow`
    /// updates libuv's clock), so a timer created late in a long callback still waits its
    /// full delay.
    GetLoopTime = c"getLoopTime" / 0, |args| {
        let s = loop_state();
        s.update_time();
        args.ret_number(s.now());
        Ok(())
    }
);

op!(
    /// `performanceNow()`: fresh milliseconds since the process started (sub-ms precision).
    PerformanceNow = c"performanceNow" / 0, |args| {
        args.ret_number(loop_state().hrtime_ms());
        Ok(())
    }
);

op!(
    /// `setImmediateCounts(count, refCount)`: queued immediates, and how many are referenced.
    SetImmediateCounts = c"setImmediateCounts" / 2, |args| {
        let s = loop_state();
        s.immediate_count.set(args.int_or(0, 0).max(0) as u32);
        s.immediate_ref_count.set(args.int_or(1, 0).max(0) as u32);
        Ok(())
    }
);

op!(
    /// `refHandle(delta)`: adds `delta` to the count of referenced handles.
    RefHandle = c"refHandle" / 1, |args| {
        let s = loop_state();
        s.ref_handles.set(s.ref_handles.get() + args.int_or(0, 0) as i64);
        Ok(())
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<ScheduleTimer>()
        .op::<ToggleTimerRef>()
        .op::<GetLoopTime>()
        .op::<PerformanceNow>()
        .op::<SetImmediateCounts>()
        .op::<RefHandle>();
    b
}
