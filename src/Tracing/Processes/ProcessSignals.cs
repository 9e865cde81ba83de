using System.Runtime.InteropServices;
using Tapline.Tracing.Perf;

namespace Tapline.Tracing.Processes;

/// <summary>Holding a started command until the probes are attached, and letting it go.</summary>
public static class ProcessSignals
{
    private const int SignalContinue = 18;

    /// <summary>True once the process is stopped by a signal (state T in /proc/PID/stat).</summary>
    public static bool IsStopped(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('T');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static void Continue(int pid)
    {
        if (LibC.Kill(pid, SignalContinue) != 0)
            throw new PerfException($"kill -CONT {pid}", Marshal.GetLastPInvokeError());
    }
}
