namespace Tapline.Tracing.Bpf;

/// <summary>A place in a program a jump goes to, bound to an instruction by <see cref="BpfProgramBuilder.Mark"/>.</summary>
public readonly record struct BpfLabel(int Id, string Name);
