using Tapline.Runtime;

namespace Tapline.Tests.Translate;

/// <summary>A probe context for tests: fixed process facts, fields from a dictionary, output to a string.</summary>
internal sealed class FakeContext(Dictionary<string, object>? fields = null) : ProbeContext
{
    private readonly Dictionary<string, object> _fields = fields ?? new();
    private readonly StringWriter _output = new();

    public bool ExitRequested { get; private set; }
    public List<string> Warnings { get; } = new();

    public override long Pid => 4242;
    public override long Tid => 4243;
    public override long ParentPid => 1;
    public override long Uid => 0;
    public override long Gid => 0;
    public override long EffectiveUid => 0;
    public override long EffectiveGid => 0;
    public override string ProcessName => "fake";
    public override long Cpu => 1;
    public override long WallClockNanoseconds => 1_700_000_000_000_000_000;
    public override long MonotonicNanoseconds => 123;
    public override TextWriter Output => _output;
    public override string TracepointName => "raw_syscalls:sys_exit";
    public string Printed => _output.ToString();

    public override long Field(string name, long index = 0) =>
        _fields[name] is long[] array ? array[index] : (long)_fields[name];

    public override string TextField(string name) => (string)_fields[name];

    public override string SetTextField(string name, string value)
    {
        _fields[name] = value;
        return value;
    }

    public override string FieldsText() => string.Join(" ", _fields.Select(f => $"{f.Key}={f.Value}"));

    /// <summary>A made-up string for any address but 0, which faults.</summary>
    public override string ReadUserString(long address) =>
        address == 0 ? throw new UserMemoryFaultException("user string copy fault at 0x0") : $"<user string at {address}>";

    public override void Exit() => ExitRequested = true;

    public override void Warn(string message) => Warnings.Add(message);
}
