namespace Tapline.Passes.Pipeline;

/// <summary>An output that holds files of its own (pass 3's C#, pass 4's assembly), which `-k` keeps.</summary>
public interface IArtifactOutput
{
    IReadOnlyList<PassArtifact> Artifacts { get; }
}

/// <summary>One file an output holds: its name (`errno.cs`) and its bytes.</summary>
public sealed record PassArtifact(string FileName, ReadOnlyMemory<byte> Content);
