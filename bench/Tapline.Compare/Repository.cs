namespace Tapline.Compare;

internal static class Repository
{
    /// <summary>The repository root: the first directory above the program holding Pipeline.sln.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no Pipeline.sln above {start}");
    }
}
