cast_and_var.stp:2:10: error: @cast needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      comm = @cast($prev, "struct task_struct", "kernel")->comm
             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
cast_and_var.stp:3:11: error: @cast needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      state = @cast($prev, "task_struct")->__state
              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
cast_and_var.stp:4:13: error: @var needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      jiffies = @var("jiffies")
                ^~~~~~~~~~~~~~~
cast_and_var.stp:5:8: error: @var needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      hz = @var("sysctl_sched_latency@kernel/sched/fair.c", "kernel")
           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
cast_and_var.stp:6:11: error: @cast needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      first = @cast($prev, "task_struct")->comm[0]
              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
cast_and_var.stp:7:10: error: taking an address with '&' needs kernel debuginfo, which Tapline does not read (it reads tracepoint fields only) [STP2011]
      addr = &@cast($prev, "task_struct")->pid
             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
