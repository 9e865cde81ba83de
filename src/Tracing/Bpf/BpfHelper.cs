namespace Tapline.Tracing.Bpf;

/// <summary>The kernel helpers Tapline's programs call, by their number in `enum bpf_func_id`.</summary>
public enum BpfHelper
{
    MapLookupElement = 1,
    MapUpdateElement = 2,
    MapDeleteElement = 3,
    KtimeGetNanoseconds = 5,
    GetCurrentPidTgid = 14,
    PerfEventOutput = 25,
    ProbeReadUser = 112,
    ProbeReadUserString = 114,
    GetAttachCookie = 174,
}

public static class BpfHelpers
{
    /// <summary>The helper's name as the kernel spells it, less `bpf_`.</summary>
    public static string Name(this BpfHelper helper) => helper switch
    {
        BpfHelper.MapLookupElement => "map_lookup_elem",
        BpfHelper.MapUpdateElement => "map_update_elem",
        BpfHelper.MapDeleteElement => "map_delete_elem",
        BpfHelper.KtimeGetNanoseconds => "ktime_get_ns",
        BpfHelper.GetCurrentPidTgid => "get_current_pid_tgid",
        BpfHelper.PerfEventOutput => "perf_event_output",
        BpfHelper.ProbeReadUser => "probe_read_user",
        BpfHelper.ProbeReadUserString => "probe_read_user_str",
        BpfHelper.GetAttachCookie => "get_attach_cookie",
        _ => $"helper#{(int)helper}",
    };
}
