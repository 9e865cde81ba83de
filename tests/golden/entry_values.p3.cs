entry_values.stp:3:35: error: @entry is not supported by Tapline's translator yet [STP3001]
      elapsed <<< gettimeofday_us() - @entry(gettimeofday_us())
                                      ^~~~~~~~~~~~~~~~~~~~~~~~~
