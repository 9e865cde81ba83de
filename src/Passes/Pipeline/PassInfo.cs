namespace Tapline.Passes.Pipeline;

/// <summary>
/// A pass's name (a lower-case verb, as in reports and on the command line) and the
/// SystemTap pass number it belongs to (1 parse ... 5 run). A pass inserted between
/// two others takes the number of the pass whose work it refines.
/// </summary>
public sealed record PassInfo(int Number, string Name);
