using Tapline.Passes.Pipeline;

namespace Tapline.Passes.Observers;

/// <summary>Prints the output of one chosen pass (the one `-p N` stops after), when it succeeded.</summary>
public sealed class PassPrinter(Func<PassInfo, bool> shouldPrint, TextWriter writer) : IPassObserver
{
    public void PassFinished(PassInfo pass, IPassOutput output, PassContext context)
    {
        if (shouldPrint(pass) && !context.Diagnostics.HasErrors)
            output.Print(writer);
    }
}
