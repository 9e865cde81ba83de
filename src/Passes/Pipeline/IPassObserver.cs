namespace Tapline.Passes.Pipeline;

/// <summary>
/// Instrumentation on the runner (timing, printing, dumping). The runner tells
/// observers of a starting pass in reverse registration order and of a finished
/// pass in registration order, so the first observer registered (the timer)
/// measures the pass alone, not the other observers' work.
/// </summary>
public interface IPassObserver
{
    void PassStarting(PassInfo pass) { }

    void PassFinished(PassInfo pass, IPassOutput output, PassContext context) { }
}
