using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Tapline.Passes.Build;

/// <summary>
/// Checks that bytes from the build cache are a whole .NET assembly before they are loaded:
/// a truncated or scribbled entry is refused here instead of failing inside the loader.
/// </summary>
internal static class ImageCheck
{
    /// <summary>Why <paramref name="image"/> is not a complete assembly, or null.</summary>
    public static string? Problem(byte[] image)
    {
        try
        {
            using var reader = new PEReader(new MemoryStream(image, writable: false));
            if (!reader.HasMetadata)
                return "it is not a .NET assembly";
            foreach (var section in reader.PEHeaders.SectionHeaders)
            {
                if ((long)section.PointerToRawData + section.SizeOfRawData > image.Length)
                    return "it is truncated";
            }
            var metadata = reader.GetMetadataReader();
            return metadata.IsAssembly ? null : "it is not an assembly";
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            return "it is not a .NET assembly";
        }
    }
}
