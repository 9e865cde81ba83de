namespace Tapline.Runtime;

/// <summary>Block devices named as the block tracepoints give them: the kernel's dev_t (MAJOR &lt;&lt; 20 | MINOR).</summary>
public static class BlockDevices
{
    /// <summary>The device's name from /sys/dev/block/MAJOR:MINOR/uevent ("sda1"), or "N/A" as stap's ioblock tapset gives an unknown one.</summary>
    public static string Name(long device)
    {
        var path = $"/sys/dev/block/{device >> 20}:{device & 0xFFFFF}/uevent";
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("DEVNAME=", StringComparison.Ordinal))
                    return line["DEVNAME=".Length..];
            }
        }
        catch (IOException)
        {
        }
        return "N/A";
    }
}
