using Tapline.Passes.Syntax;

namespace Tapline.Tests.Parse;

/// <summary>The library index: what a quick scan finds is what a full parse declares.</summary>
public sealed class TapsetLibraryTests
{
    public static TheoryData<string> TapsetFiles() => new(Repository.TapsetScripts().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(TapsetFiles))]
    public void Index_OfEveryTapsetFile_MatchesItsParsedDeclarations(string name)
    {
        var (program, _) = TestParser.Parse("probe begin { }");
        var file = Assert.Single(program.Library.Files, f => Path.GetFileName(f.Source.FileName) == name);
        var syntax = file.Syntax;
        Assert.NotNull(syntax);

        var aliases = syntax.Declarations.OfType<ProbeAliasSyntax>()
            .SelectMany(a => a.Names).Select(n => string.Join(".", n.Components.Select(Component))).ToList();
        var functions = syntax.Declarations.OfType<FunctionSyntax>().Select(f => f.Name).ToList();
        var globals = syntax.Declarations.OfType<GlobalSyntax>().SelectMany(g => g.Variables).Select(v => v.Name).ToList();

        Assert.Equal(aliases, file.AliasNames);
        Assert.Equal(functions, file.FunctionNames);
        Assert.Equal(globals, file.GlobalNames);
    }

    [Fact]
    public void Library_IsParsedOnlyWhenAsked()
    {
        var (program, _) = TestParser.Parse("probe begin { }");
        Assert.Equal(0, program.Library.ParsedFileCount);
        _ = program.Library.Files[0].Syntax;
        Assert.Equal(1, program.Library.ParsedFileCount);
    }

    private static string Component(ProbePointComponentSyntax component) =>
        component.Argument is null ? component.Name : $"{component.Name}({SyntaxPrinter.Print(component.Argument)})";
}
