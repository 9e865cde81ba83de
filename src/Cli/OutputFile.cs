namespace Tapline.Cli;

/// <summary>
/// `-o FILE`: output written to a temporary file beside FILE and renamed over it only when
/// kept, so a failed run leaves no half-written file and never clobbers an old one.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    private OutputFile(string path)
    {
        Path = path;
        _temporary = $"{path}.{Environment.ProcessId}.tmp";
        Writer = new StreamWriter(_temporary);
    }

    public string Path { get; }

    public StreamWriter Writer { get; }

    public static OutputFile Create(string path) => new(path);

    public void Commit()
    {
        Writer.Flush();
        Writer.Close();
        File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Writer.Dispose();
        if (!_committed)
            File.Delete(_temporary);
    }
}
