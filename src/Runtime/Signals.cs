namespace Tapline.Runtime;

/// <summary>Signal numbers as the tapsets name them.</summary>
public static class Signals
{
    private static readonly string[] Names =
    [
        "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    /// <summary>`_signal_name`: "SIGHUP" for 1, and as stap's lookup tables give an unknown value, "0x" and its hex.</summary>
    public static string Name(long signal) =>
        signal >= 1 && signal <= Names.Length ? Names[signal - 1] : $"0x{signal:x}";
}
