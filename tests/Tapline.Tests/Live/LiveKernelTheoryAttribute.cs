namespace Tapline.Tests.Live;

/// <summary>A theory that traces the live kernel; skipped with the reason where that is not possible (see <see cref="LiveKernelFactAttribute"/>).</summary>
public sealed class LiveKernelTheoryAttribute : TheoryAttribute
{
    public LiveKernelTheoryAttribute()
    {
        if (LiveKernelFactAttribute.Reason() is { } reason)
            Skip = reason;
    }
}
