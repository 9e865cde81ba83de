namespace Tapline.Runtime;

/// <summary>Signal numbers as the tapsets name them.</summary>
public static class Signals
{
    /// <summary>stap's signal table: SIGSTKFLT (16) is not in it, SIGIO is shown with its other name.</summary>
    private static readonly (long Number, string Name)[] Table =
    [
        (0, "SIG_0"), (1, "SIGHUP"), (2, "SIGINT"), (3, "SIGQUIT"), (4, "SIGILL"), (5, "SIGTRAP"), (6, "SIGABRT"), (7, "SIGBUS"),
        (8, "SIGFPE"), (9, "SIGKILL"), (10, "SIGUSR1"), (11, "SIGSEGV"), (13, "SIGPIPE"), (12, "SIGUSR2"), (14, "SIGALRM"),
        (15, "SIGTERM"), (17, "SIGCHLD"), (18, "SIGCONT"), (19, "SIGSTOP"), (20, "SIGTSTP"), (21, "SIGTTIN"), (22, "SIGTTOU"),
        (23, "SIGURG"), (24, "SIGXCPU"), (25, "SIGXFSZ"), (26, "SIGVTALRM"), (27, "SIGPROF"), (28, "SIGWINCH"),
        (29, "SIGIO/SIGPOLL"), (30, "SIGPWR"), (31, "SIGSYS"), (5 | 0x80, "TRACESYSGOOD"),
    ];

    /// <summary>`_signal_name`: "SIGHUP" for 1, and as stap's lookup tables give an unknown value, "0x" and its hex.</summary>
    public static string Name(long signal)
    {
        var value = (uint)signal;
        foreach (var (number, name) in Table)
        {
            if (number == value)
                return name;
        }
        return $"0x{value:x}";
    }
}
