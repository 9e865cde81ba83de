using Tapline.Tests.Parse;

namespace Tapline.Tests.Elaborate;

/// <summary>Scripts that parse but mean nothing (SystemTap's semko): each gives the right diagnostic at the marked span.</summary>
public sealed class SemanticErrorTests
{
    [Theory]
    // Probe points
    [InlineData("probe «syscall.opnat» { }", "STP2001", "did you mean 'syscall.openat'")]
    [InlineData("probe «bogus.point» { }", "STP2001", "probe point 'bogus.point' matches nothing")]
    [InlineData("probe «kernel.trace(\"sched:no_such_tracepoint\")» { }", "STP2001", "matches nothing")]
    [InlineData("probe «kernel.function(\"vfs_read\")» { }", "STP2002", "need kprobes and kernel debuginfo")]
    [InlineData("probe «kprobe.function(\"vfs_read\")» { }", "STP2002", "this kernel does not have (no CONFIG_KPROBES)")]
    [InlineData("probe «process(\"/bin/ls\").function(\"main\")» { }", "STP2002", "matches 'main' (the file is stripped")]
    [InlineData("probe «kernel.trace(\"sched:sched_switch\").return» { }", "STP2002", "tracepoints have no '.return'")]
    [InlineData("probe «kernel.trace(\"sched:sched_switch\").syscall(1)» { }", "STP2002", "tracepoints have no '.syscall'")]
    [InlineData("probe «kernel.trace(\"raw_syscalls:sys_enter\").syscall(\"read\")» { }", "STP2002", "'.syscall(N)' takes a syscall number")]
    [InlineData("probe «kernel.trace(\"raw_syscalls:sys_exit\").syscall(0).return» { }", "STP2002", "'.syscall(N)' takes a syscall number and ends the point")]
    [InlineData("probe «timer.ms» { }", "STP2002", "timer.ms(N) needs a positive number")]
    [InlineData("probe «timer.minutes(1)» { }", "STP2002", "not a timer unit")]
    [InlineData("probe a = a { }\nprobe «a» { }", "STP2020", "too deeply")]
    [InlineData("«function f() { }»", "STP2030", "no probes")]
    // Regular expressions: a literal, compiled in pass 2
    [InlineData("probe begin { if (\"x\" !~ «\"(\"») print(1) }", "STP2032", "bad regular expression")]
    [InlineData("probe begin { if (\"x\" =~ «\"a{2,1}\"») print(1) }", "STP2032", "bad regular expression")]
    // Functions
    [InlineData("probe begin { «execnam()» }", "STP2003", "did you mean 'execname'")]
    [InlineData("probe begin { x = «strlen(\"a\", \"b\")» }", "STP2004", "'strlen' takes 1 argument, but 2 were given")]
    [InlineData("function add(a, b) { return a + b }\nprobe begin { x = «add(1)» }", "STP2004", "takes 2 arguments, but 1 were given")]
    [InlineData("function f() { }\nprobe begin { x = «f()» }", "STP2019", "'f' returns no value")]
    [InlineData("function g(a) { return a }\nfunction g(a, b) { return b }\nprobe begin { x = «g(1, 2, 3)» }", "STP2004", "'g' takes 1 or 2 arguments, but 3 were given")]
    [InlineData("probe begin { «assert()» }", "STP2004", "'assert' takes 1 or 2 arguments, but 0 were given")]
    [InlineData("function g(a) { return a }\n«function g(b) { return b }»\nprobe begin { x = g(1) }", "STP2023", "function 'g' is already declared")]
    [InlineData("function f() { }\n«function f() { }»\nprobe begin { f() }", "STP2023", "function 'f' is already declared")]
    // Types
    [InlineData("probe begin { x = 1; x = «\"a\"» }", "STP2005", "'x' is used as string here, but is long (from test.stp:1:15)")]
    [InlineData("global g\nprobe begin { g = 1 }\nprobe end { g = «\"s\"» }", "STP2005", "'g' is used as string here, but is long")]
    [InlineData("global a\nprobe begin { a[1] = 1; a[«\"x\"»] = 2 }", "STP2005", "key 1 of 'a' is used as string here, but is long")]
    [InlineData("function f() { if (1) return 1; return «\"a\"» }\nprobe begin { x = f() }", "STP2005", "the result of 'f' is used as string")]
    [InlineData("probe begin { s = \"a\" . «1» }", "STP2005", "this expression is used as string here, but is long")]
    [InlineData("probe begin { printf(\"%d\\n\", «\"a\"») }", "STP2005", "is used as long here, but is string")]
    [InlineData("probe begin { if («\"a\"») x = 1 }", "STP2005", "is used as long here, but is string")]
    [InlineData("global s\nprobe begin { s <<< 1; x = «s» + 1 }", "STP2005", "'s' is used as long here, but is stats")]
    [InlineData("global n\nprobe begin { n = 1; x = @count(«n») }", "STP2005", "'n' is used as stats here, but is long")]
    // Statistics where stap refuses them
    [InlineData("global s, a\nprobe begin { s <<< 1; a[«s»] = 1 }", "STP2040", "a statistic cannot be an array index")]
    [InlineData("global s, a\nprobe begin { s <<< 1; a[1] = 1; if («s» in a) println(1) }", "STP2040", "a statistic cannot be an array index")]
    [InlineData("global s\nfunction f(x) { return x }\nprobe begin { s <<< 1; println(f(«s»)) }", "STP2040", "a statistic cannot be passed to a function ('f')")]
    [InlineData("probe begin { «x» <<< 1; println(@count(x)) }", "STP2041", "'x' is a local, and only globals can hold statistics")]
    [InlineData("global s\nprobe begin { s[1] <<< 1; «foreach (v = k in s) println(k)» }", "STP2040", "a statistic cannot be bound as the value of 'foreach'")]
    [InlineData("global a\nprobe begin { a[1,2] = 1; «foreach ([x,y] in a[1]) println(x)» }", "STP2014", "array 'a' has 2 key(s), but 1 are used here")]
    [InlineData("global «foo%»\nprobe begin { foo = 1; println(foo) }", "STP2042", "'foo' is a scalar, but is declared with '%'")]
    [InlineData("global «foo[4]»\nprobe begin { foo = 1; println(foo) }", "STP2042", "is declared with a size ([4])")]
    [InlineData("probe «timer.hz(100).randomize(10)» { }", "STP2002", "timer.hz(N) takes no further component")]
    [InlineData("probe begin { println(«y») }", "STP2006", "cannot infer the type of 'y'")]
    [InlineData("global s\nprobe begin { s <<< 1; x = «@hist_log(s)» }", "STP2025", "a histogram can only be printed")]
    // Context variables
    [InlineData("probe kernel.trace(\"sched:sched_switch\") { «$prev_pid» = 1 }", "STP2007", "needs guru mode (-g)")]
    [InlineData("probe kernel.trace(\"sched:sched_switch\") { x = «$nope» }", "STP2009", "'$nope' is not a context variable of 'kernel.trace(\"sched:sched_switch\")'")]
    [InlineData("probe begin { x = «$pid» }", "STP2009", "(it has none)")]
    [InlineData("function f() { return «$x» }\nprobe begin { y = f() }", "STP2010", "can only be read in a probe handler")]
    [InlineData("probe kernel.trace(\"sched:sched_switch\") { x = $prev_comm«->foo» }", "STP2011", "following '->' from '$prev_comm' needs kernel debuginfo")]
    [InlineData("probe begin { x = «@cast(0, \"task_struct\")->pid» }", "STP2011", "@cast needs kernel debuginfo")]
    [InlineData("probe kernel.trace(\"raw_syscalls:sys_enter\") { x = «$args» }", "STP2021", "use '$args[N]'")]
    [InlineData("probe kernel.trace(\"raw_syscalls:sys_enter\") { x = «$id[0]» }", "STP2021", "is not an array")]
    // Arrays
    [InlineData("probe begin { «a[1]» = 1 }", "STP2013", "arrays must be declared global")]
    [InlineData("global a\nprobe begin { a[1] = 1; «a[1, 2]» = 2 }", "STP2014", "has 1 key(s), but 2 are used here")]
    [InlineData("global g\nprobe begin { g = 1; «g[1]» = 2 }", "STP2015", "is a scalar, but is indexed")]
    [InlineData("global a\nprobe begin { a[1] = 1; x = «a» }", "STP2015", "is an array, but is used here without keys")]
    [InlineData("probe begin { «foreach (k in nope) { }» }", "STP2027", "'nope' is not a global array")]
    // Statements and formats
    [InlineData("«probe kernel.function(\"vfs_read\")? { }»", "STP2030", "its optional points cannot exist here: 'kernel.function(\"vfs_read\")' cannot be used: kernel.function probes need kprobes")]
    [InlineData("probe begin { x = «kernel_string(0)» }", "STP2033", "'kernel_string' cannot be used here: it reads kernel memory")]
    [InlineData("probe begin { x = «f()->y» }", "STP2011", "autocast")]
    [InlineData("global y\nprobe begin { x = «&y» }", "STP2011", "taking an address with '&'")]
    [InlineData("global s\nprobe begin { x = «@hist_log(s)[1]» }", "STP2033", "reading one bucket of a histogram")]
    [InlineData("global s\nprobe begin { foreach (b in «@hist_log(s)») { } }", "STP2033", "a foreach over a histogram's buckets")]
    [InlineData("probe begin { x = «@perf(\"cycles\")» }", "STP2033", "'@perf' cannot be used here")]
    [InlineData("probe begin { x = «@uderef(4, 0)» }", "STP2033", "'@uderef' cannot be used here")]
    [InlineData("probe begin { «printf(\"%d %d\\n\", 1)» }", "STP2016", "the format has 2 conversion(s), but 1 value(s) were given")]
    [InlineData("probe begin { printf(«\"%q\"», 1) }", "STP2016", "'%q' is not a conversion")]
    [InlineData("probe begin { «break» }", "STP2017", "'break' outside a loop")]
    [InlineData("probe begin { «1» = 2 }", "STP2029", "this cannot be assigned to")]
    public void Elaborate_MeaninglessScript_ReportsDiagnosticAtMarkedSpan(string marked, string id, string message)
    {
        var source = MarkedSource.Parse(marked);
        var (_, diagnostics) = TestPipeline.Run(source.Text, stopAfter: 2);
        source.AssertReported(diagnostics, id, message);
    }

    [Theory]
    [InlineData("probe begin { x = «@entry(pid())»; println(x) }", "STP2043", "@entry needs a return probe")]
    [InlineData("probe syscall.read.return { x = 1; println(«@entry(x)») }", "STP2044", "not the handler's locals")]
    // Histograms: checked in pass 2, so -p2 refuses what -p3 would
    [InlineData("global s, n = 5\nprobe begin { s <<< 1; print(«@hist_linear(s, 0, n, 1)») }", "STP2045", "takes literal numbers for low, high and width")]
    [InlineData("global s\nprobe begin { s <<< 1; print(@hist_log(s)); print(«@hist_linear(s, 0, 10, 1)») }", "STP2046", "statistic 's' is read as two different histograms")]
    public void Elaborate_MisusedEntry_ReportsDiagnosticAtMarkedSpan(string marked, string id, string message)
    {
        // Pass 2 refuses it: a script that -p2 accepts is not refused by -p3.
        var source = MarkedSource.Parse(marked);
        var (_, diagnostics) = TestPipeline.Run(source.Text, stopAfter: 2);
        source.AssertReported(diagnostics, id, message);
    }

    [Fact]
    public void Elaborate_WritingTracepointFieldInGuruMode_SaysItIsReadOnly()
    {
        var (_, diagnostics) = TestPipeline.Run("probe kernel.trace(\"sched:sched_switch\") { $prev_pid = 1 }", 2, guru: true);
        Assert.Equal("STP2008", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Elaborate_EmbeddedCodeInGuruMode_IsAccepted()
    {
        var (_, diagnostics) = TestPipeline.Run("probe begin { %{ /* C# */ %} }", 2, guru: true);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Elaborate_OptionalPointThatMatchesNothing_IsNoError()
    {
        var (output, diagnostics) = TestPipeline.Run("probe syscall.no_such_call ?, begin { }", 2);
        Assert.Empty(diagnostics);
        Assert.EndsWith("# probes\nbegin\n", output);
    }

    [Fact]
    public void Elaborate_ErrorInABodyOfManyExpansions_IsReportedOnce()
    {
        var (_, diagnostics) = TestPipeline.Run("probe syscall.{openat,close,read} { x = no_such_function() }", 2);
        Assert.Single(diagnostics, d => d.Id == "STP2003");
    }

    [Fact]
    public void Elaborate_SufficientPoint_StopsAtTheFirstMatch()
    {
        var (output, _) = TestPipeline.Run("probe begin !, end { }", 2);
        Assert.EndsWith("# probes\nbegin\n", output);
    }
}
