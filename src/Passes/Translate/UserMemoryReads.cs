using System.Collections.Immutable;
using Tapline.Passes.Binding;
using Tapline.Passes.Elaborate;
using Tapline.Passes.Text;

namespace Tapline.Passes.Translate;

/// <summary>
/// Where a handler reads the traced process's memory: every call of an embedded function marked
/// `/* user_string */` (whose first argument is the string's address) in the handler and in the
/// functions it calls, with the tracepoint field that address comes from. An address is a
/// field when it is one (`$args[1]`, a uprobe's register as `pointer_arg(1)` or `register("rdi")`
/// reads it), or a local every assignment of which gives the same field,
/// or a parameter its caller passed such a value in; any other read is unplanned.
/// </summary>
internal static class UserMemoryReads
{
    /// <summary>How deep calls are followed: deeper reads are unplanned.</summary>
    private const int CallDepth = 8;

    public static ImmutableArray<UserMemoryRead> Of(BoundProbe probe, IReadOnlyDictionary<FunctionSymbol, FunctionDefinition> functions)
    {
        var reads = ImmutableArray.CreateBuilder<UserMemoryRead>();
        new Finder(functions, reads, new Scope(probe.Body, ImmutableDictionary<ParameterSymbol, FieldAddress?>.Empty), 0).Walk(probe.Body);
        return reads.ToImmutable();
    }

    /// <summary>A body's locals and, in a function, what its caller passed.</summary>
    private sealed class Scope(BoundStatement body, ImmutableDictionary<ParameterSymbol, FieldAddress?> parameters)
    {
        private Dictionary<LocalSymbol, List<BoundAssignment>>? _assignments;
        private readonly HashSet<LocalSymbol> _resolving = [];

        public FieldAddress? AddressOf(BoundExpression expression) => expression switch
        {
            BoundContextVariable { Indexes.Length: 0 } field => new FieldAddress(field.Variable.FieldName, field.Variable.Element ?? 0),
            BoundContextVariable { Indexes: [BoundLiteral { Value: long index }], Variable.Element: null } field => new FieldAddress(field.Variable.FieldName, index),
            BoundCall { Function.ReadsArgument: true, Arguments: [BoundLiteral { Value: long position }] } =>
                Runtime.Registers.OfArgument(position) is { } register ? new FieldAddress(register, 0) : null,
            BoundCall { Function.ReadsRegister: true, Arguments: [BoundLiteral { Value: string name }] } =>
                Runtime.Registers.Canonical(name) is { } register ? new FieldAddress(register, 0) : null,
            BoundVariable { Symbol: ParameterSymbol parameter } => parameters.GetValueOrDefault(parameter),
            BoundVariable { Symbol: LocalSymbol local } => AddressOf(local),
            _ => null,
        };

        private FieldAddress? AddressOf(LocalSymbol local)
        {
            _assignments ??= Assignments(body);
            if (!_assignments.TryGetValue(local, out var assigned) || !_resolving.Add(local))
                return null;
            try
            {
                var addresses = assigned.Select(a => a.Operator == "=" ? AddressOf(a.Value) : null).Distinct().ToList();
                return addresses is [{ } only] ? only : null;
            }
            finally
            {
                _resolving.Remove(local);
            }
        }

        private static Dictionary<LocalSymbol, List<BoundAssignment>> Assignments(BoundStatement body)
        {
            var collector = new AssignmentCollector();
            collector.Walk(body);
            return collector.Assignments;
        }
    }

    private sealed class AssignmentCollector : BoundTreeWalker
    {
        public Dictionary<LocalSymbol, List<BoundAssignment>> Assignments { get; } = [];

        protected override void VisitExpression(BoundExpression expression)
        {
            if (expression is BoundAssignment { Target: BoundVariable { Symbol: LocalSymbol local } } assignment)
            {
                if (!Assignments.TryGetValue(local, out var list))
                    Assignments[local] = list = [];
                list.Add(assignment);
            }
            else if (expression is BoundIncrement { Target: BoundVariable { Symbol: LocalSymbol counter } } increment)
            {
                // `p++` is no field: an assignment that no address resolves to makes the local unplanned.
                if (!Assignments.TryGetValue(counter, out var list))
                    Assignments[counter] = list = [];
                list.Add(new BoundAssignment(increment.Syntax, increment.Target, "+=", increment.Target));
            }
        }
    }

    private sealed class Finder(
        IReadOnlyDictionary<FunctionSymbol, FunctionDefinition> functions, ImmutableArray<UserMemoryRead>.Builder reads, Scope scope, int depth)
        : BoundTreeWalker
    {
        protected override void VisitExpression(BoundExpression expression)
        {
            if (expression is not BoundCall call)
                return;
            if (call.Function.ReadsUserString)
            {
                var address = call.Arguments.Length > 0 ? scope.AddressOf(call.Arguments[0]) : null;
                reads.Add(new UserMemoryRead(call.Syntax.Span, call.Function.Name, address));
                return;
            }
            if (functions.GetValueOrDefault(call.Function) is not { Body: { } body } function)
                return;
            var passed = function.Parameters.Select((p, i) => (p, address: i < call.Arguments.Length ? scope.AddressOf(call.Arguments[i]) : null))
                .ToImmutableDictionary(pair => pair.p, pair => pair.address);
            if (depth < CallDepth)
                new Finder(functions, reads, new Scope(body, passed), depth + 1).Walk(body);
            else if (UsesUserMemory(body))
                reads.Add(new UserMemoryRead(call.Syntax.Span, call.Function.Name, null));
        }

        private bool UsesUserMemory(BoundStatement body)
        {
            var inner = ImmutableArray.CreateBuilder<UserMemoryRead>();
            new Finder(new Dictionary<FunctionSymbol, FunctionDefinition>(), inner, scope, CallDepth).Walk(body);
            return inner.Count > 0;
        }
    }
}

/// <summary>Element <paramref name="Index"/> of tracepoint field <paramref name="Field"/> (`args`, 1), which holds an address.</summary>
internal sealed record FieldAddress(string Field, long Index)
{
    public override string ToString() => Index == 0 && !Field.Equals("args", StringComparison.Ordinal) ? Field : $"{Field}[{Index}]";
}

/// <summary>A call of <paramref name="Reader"/> at <paramref name="Location"/> that reads user memory at <paramref name="Address"/> (null: not a field).</summary>
internal sealed record UserMemoryRead(SourceSpan Location, string Reader, FieldAddress? Address);
