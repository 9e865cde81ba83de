namespace Tapline.Tracing.Files;

/// <summary>
/// Standard input, output and error that the caller closed (`tapline ... >&amp;-`) are opened on
/// /dev/null at start, so no file the run opens later takes descriptor 1 and receives the output.
/// </summary>
public static class StandardDescriptors
{
    /// <summary>Fills each closed descriptor of 0, 1 and 2 with /dev/null; returns those that were closed.</summary>
    public static IReadOnlySet<int> ReserveClosed()
    {
        var closed = new HashSet<int>();
        for (var fd = 0; fd <= 2; fd++)
        {
            if (FileCalls.Fcntl(fd, FileCalls.GetFlags, 0) >= 0)
                continue;
            closed.Add(fd);
            var opened = FileCalls.Open("/dev/null", fd == 0 ? FileCalls.ReadOnly : FileCalls.WriteOnly, 0);
            if (opened >= 0 && opened != fd)
            {
                FileCalls.Dup2(opened, fd);
                Perf.LibC.Close(opened);
            }
        }
        return closed;
    }
}
