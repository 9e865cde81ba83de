using System.Globalization;

namespace Tapline.Tracing.Events;

/// <summary>
/// Process and thread names and parents, as of the event being handled: seeded from /proc
/// when a live run starts (or from a recording's synthesized records), then kept current by
/// the kernel's COMM, FORK and EXIT records, so short-lived processes keep their names. A
/// thread's name outlives its EXIT record for a while (events of its last moments may be
/// merged in after it), and in a live run a thread never seen is looked up in /proc.
/// </summary>
public sealed class ProcessTable(bool live = false)
{
    /// <summary>How many exited threads keep their names before the oldest are forgotten.</summary>
    private const int ExitedNamesKept = 65536;

    private readonly Dictionary<int, string> _threadNames = new();
    private readonly Dictionary<int, int> _parents = new();
    private readonly Dictionary<int, int> _processOfThread = new();
    private readonly Dictionary<int, string> _programs = new();
    private readonly HashSet<int> _execing = new();
    private readonly Queue<int> _exited = new();
    private readonly HashSet<int> _exitedSet = new();

    /// <summary>The name of thread <paramref name="tid"/>; in a live run read from /proc when never seen; else "".</summary>
    public string NameOf(int tid)
    {
        if (_threadNames.TryGetValue(tid, out var name))
            return name;
        if (!live || ReadComm(tid) is not { } fromProc)
            return "";
        _threadNames[tid] = fromProc;
        return fromProc;
    }

    /// <summary>A /proc file one char per byte, as the run's strings hold names (see Tapline.Runtime.ScriptBytes).</summary>
    private static string ReadBytes(string path) => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path));

    private static string? ReadComm(int tid)
    {
        try
        {
            return tid > 0 ? ReadBytes($"/proc/{tid.ToString(CultureInfo.InvariantCulture)}/comm").TrimEnd('\n') : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process thread <paramref name="tid"/> belongs to, as of the event being handled; null when it was never seen.</summary>
    public int? ProcessOf(int tid) => _processOfThread.TryGetValue(tid, out var pid) ? pid : null;

    /// <summary>The name of thread <paramref name="tid"/> as of the event being handled, without /proc; null when it was never seen.</summary>
    public string? KnownNameOf(int tid) => _threadNames.GetValueOrDefault(tid);

    /// <summary>The parent of process <paramref name="pid"/>, or 0 when it is not known.</summary>
    public int ParentOf(int pid) => _parents.GetValueOrDefault(pid);

    /// <summary>
    /// The real path of the program process <paramref name="pid"/> runs, as of the event being
    /// handled: read from /proc when the run started, inherited by a fork, and set by the first
    /// executable mapping after an exec (the kernel maps the program before its interpreter).
    /// </summary>
    public string? ProgramOf(int pid) => _programs.GetValueOrDefault(pid);

    /// <summary>The user processes known now (those with a program: kernel threads have none), by pid.</summary>
    public IEnumerable<int> UserProcesses => _programs.Keys.Where(pid => !_exitedSet.Contains(pid)).Order();

    /// <param name="exec">The name was set by an exec: the process's next executable mapping is its program.</param>
    public void OnComm(int pid, int tid, string name, bool exec = false)
    {
        _exitedSet.Remove(tid);
        _threadNames[tid] = name;
        _processOfThread[tid] = pid;
        if (exec)
        {
            _programs.Remove(pid);
            _execing.Add(pid);
        }
    }

    /// <summary>An executable mapping of <paramref name="file"/> in process <paramref name="pid"/>.</summary>
    public void OnExecutableMap(int pid, string file)
    {
        if (_execing.Remove(pid))
            _programs[pid] = file;
    }

    public void OnFork(int pid, int parentPid, int tid, int parentTid)
    {
        _exitedSet.Remove(tid);
        _processOfThread[tid] = pid;
        if (_threadNames.TryGetValue(parentTid, out var name))
            _threadNames[tid] = name;
        if (pid != tid)
            return;
        _parents[pid] = parentPid;
        if (_programs.TryGetValue(parentPid, out var program))
            _programs[pid] = program;
    }

    /// <summary>The thread is gone; its name is kept until <see cref="ExitedNamesKept"/> later exits (or its tid's reuse).</summary>
    public void OnExit(int pid, int tid)
    {
        if (!_exitedSet.Add(tid))
            return;
        _exited.Enqueue(tid);
        while (_exited.Count > ExitedNamesKept)
        {
            var oldest = _exited.Dequeue();
            if (_exitedSet.Remove(oldest))
            {
                _threadNames.Remove(oldest);
                _parents.Remove(oldest);
                _processOfThread.Remove(oldest);
                _programs.Remove(oldest);
                _execing.Remove(oldest);
            }
        }
    }

    /// <summary>Reads every thread's name and every process's parent and program from /proc (a kernel thread has no program).</summary>
    public void LoadFrom(string procDirectory = "/proc")
    {
        foreach (var processDirectory in Directory.EnumerateDirectories(procDirectory))
        {
            if (int.TryParse(Path.GetFileName(processDirectory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                LoadProcess(processDirectory, pid);
        }
    }

    private void LoadProcess(string processDirectory, int pid)
    {
        try
        {
            if (ReadParent(Path.Combine(processDirectory, "stat")) is { } parent)
                _parents[pid] = parent;
            if (new FileInfo(Path.Combine(processDirectory, "exe")).LinkTarget is { } program)
                _programs[pid] = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(program));
            foreach (var taskDirectory in Directory.EnumerateDirectories(Path.Combine(processDirectory, "task")))
            {
                if (!int.TryParse(Path.GetFileName(taskDirectory), NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
                    continue;
                _threadNames[tid] = ReadBytes(Path.Combine(taskDirectory, "comm")).TrimEnd('\n');
                _processOfThread[tid] = pid;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while it was being read: its records will not come either.
        }
    }

    /// <summary>The ppid field of /proc/PID/stat, after the parenthesised name (which may hold spaces).</summary>
    private static int? ReadParent(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        var afterName = stat.LastIndexOf(')');
        var fields = stat[(afterName + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }
}
