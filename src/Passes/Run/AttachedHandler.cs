using Tapline.Passes.Attachments;
using Tapline.Runtime;

namespace Tapline.Passes.Run;

/// <summary>A handler of the module and what pass 3 said to attach it to.</summary>
internal sealed record AttachedHandler<TAttachment>(ProbeHandler Handler, TAttachment Attachment) where TAttachment : ProbeAttachment;
