using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>
/// Prints the output of one chosen pass (the one `-p N` stops after), when it succeeded;
/// <paramref name="detailed"/> (`-v`) in its detailed form.
/// </summary>
public sealed class PassPrinter(Func<PassInfo, bool> shouldPrint, TextWriter writer, bool detailed = false) : IPassObserver
{
    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        if (!shouldPrint(pass) || context.Diagnostics.HasErrors)
            return;
        if (detailed)
            output.PrintDetailed(writer);
        else
            output.Print(writer);
    }
}
