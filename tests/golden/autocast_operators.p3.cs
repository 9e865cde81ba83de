autocast_operators.stp:5:7: error: '->' or '[' after a value (autocast) needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      a = task_current()->pid
          ^~~~~~~~~~~~~~~~~~~
autocast_operators.stp:6:7: error: '->' or '[' after a value (autocast) needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      b = (prev_pid)[1]
          ^~~~~~~~~~~~~
autocast_operators.stp:7:7: error: taking an address with '&' needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      c = &$prev_comm[0]
          ^~~~~~~~~~~~~~
autocast_operators.stp:8:7: error: '$timer' is not a context variable of 'kernel.trace("sched:sched_switch")' (it has $prev_comm $prev_pid $prev_prio $prev_state $next_comm $next_pid $next_prio $prev $prev->pid $prev->comm $prev->prio $prev->state $next $next->pid $next->comm $next->prio $$name $$vars $$parms) [STP2009]
      d = $timer->function
          ^~~~~~~~~~~~~~~~
autocast_operators.stp:9:7: error: @cast needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      e = @cast(0, "task_struct")->mm->$
          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
autocast_operators.stp:11:7: error: '@perf' cannot be used here: it reads a perf counter bound to a probe point by 'perf' probes, which Tapline does not provide [STP2033]
      g = @perf("cycles") + @uregister(0) + @uderef(4, 0)
          ^~~~~~~~~~~~~~~
autocast_operators.stp:11:25: error: '@uregister' cannot be used here: tracepoint probes are not handed the registers [STP2033]
      g = @perf("cycles") + @uregister(0) + @uderef(4, 0)
                            ^~~~~~~~~~~~~
autocast_operators.stp:11:41: error: '@uderef' cannot be used here: tracepoint probes read memory only through the tapset's typed functions [STP2033]
      g = @perf("cycles") + @uregister(0) + @uderef(4, 0)
                                            ^~~~~~~~~~~~~
