using System.Collections.Immutable;

namespace Tapline.Passes.Pipeline;

/// <summary>The options that passes read, set once from the command line.</summary>
public sealed record PipelineOptions
{
    /// <summary>The words after the script on the command line: $1 @1 ... and $#.</summary>
    public ImmutableArray<string> ScriptArguments { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Tapset library directories, searched in order (`-I DIR`, then the default library).</summary>
    public ImmutableArray<string> LibraryDirectories { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>`-D NAME=VALUE` settings, as given; the passes read them through <see cref="Limits"/> (and plug-ins by name).</summary>
    public ImmutableDictionary<string, string> Defines
    {
        get => _defines;
        init
        {
            _defines = value;
            Limits = ScriptLimits.From(value);
        }
    }

    private readonly ImmutableDictionary<string, string> _defines = ImmutableDictionary<string, string>.Empty;

    /// <summary>What the `-D` settings set (MAXMAPENTRIES, MAXERRORS, MAXACTION...), parsed once when they are given.</summary>
    public ScriptLimits Limits { get; private init; } = ScriptLimits.Default;

    /// <summary>`-u`: keep unreferenced functions and globals and side-effect-free code (no optimization).</summary>
    public bool KeepUnused { get; init; }

    /// <summary>`--disable-cache`: build without reading or writing the build cache.</summary>
    public bool DisableCache { get; init; }

    /// <summary>`--poison-cache`: build anew and overwrite what the cache holds.</summary>
    public bool PoisonCache { get; init; }

    /// <summary>The build cache's directory; null for $XDG_CACHE_HOME/tapline or ~/.cache/tapline.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Guru mode (`-g`): embedded code blocks are allowed.</summary>
    public bool GuruMode { get; init; }

    /// <summary>`-G NAME=VALUE`: initial values for the script's scalar globals, overriding their initializers.</summary>
    public ImmutableDictionary<string, string> GlobalValues { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>`--skip-badvars`: a context variable the probe point lacks reads as 0 instead of being an error.</summary>
    public bool SkipBadVariables { get; init; }

    /// <summary>
    /// `--late-user-reads`: user memory that cannot be copied while the event fires (no BPF here,
    /// an address that is not a field) is read afterwards, and the run says so.
    /// </summary>
    public bool LateUserReads { get; init; }

    /// <summary>What preprocessor conditions compare against (kernel version, arch, config).</summary>
    public TargetDescription Target { get; init; } = TargetDescription.Fixed;

    /// <summary>How pass 5 runs the module (`-T`, `-c`, `-x`, `-s`, `--input`).</summary>
    public RunOptions Run { get; init; } = new();
}
