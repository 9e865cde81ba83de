using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;

namespace Tapline.Passes.Translate;

/// <summary>
/// The syscall number a handler starts by checking (`if ($id != N) next`, as the syscall
/// aliases do), so that the run pass can reach it through a table indexed by number.
/// </summary>
internal static class SyscallGate
{
    public static long? Of(BoundProbe probe) =>
        probe.Body.Statements.FirstOrDefault() is BoundBlock { Statements: [BoundIf { Else: null, Then: BoundNext } gate, ..] }
        && gate.Condition is BoundBinary { Operator: "!=", Left: BoundContextVariable { Variable.Name: "id" }, Right: BoundLiteral { Value: long number } }
            ? number
            : null;
}
