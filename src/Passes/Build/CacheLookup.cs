namespace Tapline.Passes.Build;

/// <summary>
/// What the build cache holds under a key: an image to load, nothing, or an entry it refused
/// (with the path it refused and why), which the build pass reports and builds anew.
/// </summary>
public sealed record CacheLookup(string? Path, byte[]? Image, string? Problem)
{
    public static CacheLookup Miss { get; } = new(null, null, null);

    public static CacheLookup Hit(string path, byte[] image) => new(path, image, null);

    public static CacheLookup Refused(string path, string problem) => new(path, null, problem);
}
