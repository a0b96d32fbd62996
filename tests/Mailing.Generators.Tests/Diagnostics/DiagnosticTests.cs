using Mailing.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Generators.Tests.Diagnostics;

/// <summary>Every diagnostic id, asserted with its file, line and column (all 1-based here, as an IDE shows them).</summary>
public sealed class DiagnosticTests
{
    private const string Models = """
        namespace Shop
        {
            public sealed record Person(string FirstName, string? Nickname, int Age);

            [global::Mailing.EmailTemplate("Templates/Mail.sbn-html")]
            public partial class MailEmail
            {
                public Person Person { get; set; } = new("Ann", null, 30);
                public string Name { get; set; } = "";
                public int Count { get; set; }
                public global::System.Collections.Generic.List<Person> People { get; set; } = new();
                public global::System.Collections.Generic.IEnumerable<int> Visits { get; set; } = new int[0];
                public global::System.Collections.Generic.Dictionary<int, string> ByNumber { get; set; } = new();
            }
        }
        """;

    [Fact]
    public void SyntaxError_IsReportedAtTheTemplateLine_WithScribansMessage()
    {
        var diagnostic = Single(Run("<p>Hello</p>\n<p>{{ if Name }}</p>\n"), "MAIL0001");

        // Scriban reports a missing 'end' where the text after the unclosed block starts.
        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 17);
        Assert.Contains("The <end> statement was not found", diagnostic.GetMessage());
    }

    [Fact]
    public void TypoInMemberName_IsReportedAtTheMember_WithDidYouMean()
    {
        var diagnostic = Single(Run("<h1>Hi</h1>\n  <p>{{ person.frist_name }}</p>"), "MAIL0002");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 16);
        Assert.Contains("did you mean 'first_name'?", diagnostic.GetMessage());
    }

    [Fact]
    public void TemplateError_IsTheOnlyBuildError_CodeCallingRenderStillCompiles()
    {
        var source = Models + "\nnamespace App { static class Use { static string Html() => new Shop.MailEmail().Render().Html; } }";
        var result = GeneratorHarness.Run(source, ("Templates/Mail.sbn-html", "{{ nmae }}"));

        Assert.Equal(["MAIL0002"], result.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void UnknownRootName_SuggestsTheSnakeCaseSpellingOfAMember()
    {
        var diagnostic = Single(Run("{{ Count }}"), "MAIL0002");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 4);
        Assert.Contains("did you mean 'count'?", diagnostic.GetMessage());
    }

    [Fact]
    public void TypoInsideAPartial_IsReportedInThePartialFile()
    {
        var diagnostics = Run(
            "<p>start</p>\n{{ include 'footer' }}",
            ("Templates/_footer.sbn-html", "<footer>\n{{ nme }}\n</footer>"));

        AssertAt(Single(diagnostics, "MAIL0002"), "Templates/_footer.sbn-html", 2, 4);
    }

    [Fact]
    public void LoopOverANumber_IsReportedAtTheCollectionExpression()
    {
        AssertAt(Single(Run("{{ for p in count }}{{ p }}{{ end }}"), "MAIL0003"), "Templates/Mail.sbn-html", 1, 13);
    }

    [Fact]
    public void UnknownFunction_IsReportedWithTheClosestBuiltIn()
    {
        var diagnostic = Single(Run("\n{{ name | string.upcsae }}"), "MAIL0004");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 11);
        Assert.Contains("did you mean 'string.upcase'?", diagnostic.GetMessage());
    }

    [Fact]
    public void WrongArgumentCount_CountsThePipedValue()
    {
        var diagnostic = Single(Run("{{ name | string.replace \"a\" }}"), "MAIL0005");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 11);
        Assert.Contains("takes 3 arguments", diagnostic.GetMessage());
    }

    [Fact]
    public void MissingTemplateFile_IsReportedAtTheAttributeArgument()
    {
        var result = GeneratorHarness.Run(Models);

        var diagnostic = Single(result.GeneratorDiagnostics, "MAIL0006");
        AssertAt(diagnostic, "Source0.cs", 5, 36);
    }

    [Fact]
    public void MissingPartial_IsReportedAtTheInclude_WithThePathsTried()
    {
        var diagnostic = Single(Run("a\n {{ include 'nav' }}"), "MAIL0006");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 5);
        Assert.Contains("Templates/_nav.sbn-html", diagnostic.GetMessage());
    }

    [Fact]
    public void StylesheetFile_IsNotAPartial()
    {
        var diagnostic = Single(Run("{{ include 'email.css' }}", ("Templates/email.css", "p { color: red; }")), "MAIL0006");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 4);
    }

    [Fact]
    public void StylesheetFile_IsNotATemplate()
    {
        var source = Models.Replace("\"Templates/Mail.sbn-html\"", "\"Templates/Mail.css\"");
        var result = GeneratorHarness.Run(source, ("Templates/Mail.css", "p { color: red; }"));

        AssertAt(Single(result.GeneratorDiagnostics, "MAIL0006"), "Source0.cs", 5, 36);
    }

    [Fact]
    public void LinkedStylesheetNotInTheBuild_IsReportedAtTheLink_WithTheItemToAdd()
    {
        var diagnostic = Single(Run("<html><head>\n  <link rel=\"stylesheet\" href=\"styles/email.css\"></head><body>{{ name }}</body></html>"), "MAIL0101");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 3);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("'/project/Templates/styles/email.css'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("<AdditionalFiles Include=\"Emails/**/*.css\" />", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cdn.example.com/email.css", "nothing is downloaded")]
    [InlineData("//cdn.example.com/email.css", "nothing is downloaded")]
    [InlineData("data:text/css,p{color:red}", "nothing is downloaded")]
    [InlineData("/css/email.css", "a path from the root")]
    [InlineData("{{ name }}.css", "template code writes its href")]
    public void LinkedStylesheetThatIsNoFileOfTheBuild_IsReportedAtTheLink(string href, string reason)
    {
        var diagnostic = Single(Run($"<p>x</p>\n<link rel=\"stylesheet\" href=\"{href}\"><p>{{{{ name }}}}</p>", ("Templates/email.css", "p { color: red; }")), "MAIL0101");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 1);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[global::Mailing.EmailTemplate(Html = \"x\")] public class Plain { }", "MAIL0007", "Plain")]
    [InlineData("[global::Mailing.EmailTemplate(Html = \"x\")] public partial class Generic<T> { }", "MAIL0008", "Generic")]
    [InlineData("public class Outer { [global::Mailing.EmailTemplate(Html = \"x\")] public partial class Inner { } }", "MAIL0009", "Inner")]
    public void ClassShapeProblems_AreReportedAtTheClassName(string declaration, string id, string className)
    {
        var result = GeneratorHarness.Run("namespace N {\n" + declaration + "\n}");

        var diagnostic = Single(result.GeneratorDiagnostics, id);
        AssertAt(diagnostic, "Source0.cs", 2, declaration.IndexOf("class " + className, StringComparison.Ordinal) + "class ".Length + 1);
    }

    [Fact]
    public void UnsupportedStatement_IsNamed()
    {
        var diagnostic = Single(Run("x\n{{ while count > 0 }}y{{ end }}"), "MAIL0010");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 2, 4);
        Assert.Contains("'while'", diagnostic.GetMessage());
    }

    [Fact]
    public void IndexingASequenceThatIsNotAList_IsUnsupported_AndSaysWhatCanBeIndexed()
    {
        var diagnostic = Single(Run("<p>{{ visits[0] }}</p>"), "MAIL0010");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 7);
        Assert.Contains("Indexing 'visits', a sequence that is not a list", diagnostic.GetMessage());
        Assert.Contains("IReadOnlyList<T>", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("{{ person[0] }}", "Indexing 'person' (of type Shop.Person)")]
    [InlineData("{{ count[0] }}", "Indexing 'count' (an integer)")]
    [InlineData("{{ by_number[1] }}", "Indexing 'by_number', a sequence that is not a list")]
    public void IndexingWhatCannotBeIndexed_IsUnsupported_AndNamesTheTarget(string template, string message)
    {
        var diagnostic = Single(Run(template), "MAIL0010");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 4);
        Assert.Contains(message, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("{{ people[\"ann\"] }}", 11, "'people[...]' needs a whole-number position, but got a value a string")]
    [InlineData("{{ people[1.5] }}", 11, "needs a whole-number position, but got a value a double")]
    [InlineData("{{ name[person] }}", 9, "needs a whole-number position, but got a value of type Shop.Person")]
    public void IndexOfTheWrongType_IsAnIncompatibleTypesError_AtTheIndex(string template, int column, string message)
    {
        var diagnostic = Single(Run(template), "MAIL0013");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, column);
        Assert.Contains(message, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("{{ name | string.slice \"1\" }}", "MAIL0013", 24, "string.slice needs a whole-number start")]
    [InlineData("{{ name | string.pad_left person.age_text }}", "MAIL0002", 34, "age_text")]
    [InlineData("{{ name | string.pad_left name }}", "MAIL0013", 27, "string.pad_left needs a whole-number width")]
    [InlineData("{{ name | string.pluralize \"item\" \"items\" }}", "MAIL0013", 4, "string.pluralize needs a whole-number count")]
    [InlineData("{{ count | string.pluralize \"item\" }}", "MAIL0005", 12, "'string.pluralize' takes 3 arguments")]
    [InlineData("{{ string.contains name }}", "MAIL0005", 4, "'string.contains' takes 2 arguments")]
    [InlineData("{{ name | math.floor }}", "MAIL0013", 4, "math.floor needs a number")]
    [InlineData("{{ person | math.plus 1 }}", "MAIL0013", 13, "'math.plus' needs numbers")]
    [InlineData("{{ people | array.sort }}", "MAIL0004", 13, "'array.sort' is not a supported function")]
    public void NewBuiltIns_CheckTheirArguments(string template, string id, int column, string message)
    {
        var diagnostic = Single(Run(template), id);

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, column);
        Assert.Contains(message, diagnostic.GetMessage());
    }

    [Fact]
    public void NegativeArgumentWithoutParentheses_IsExplained()
    {
        var diagnostic = Single(Run("{{ name | string.slice -2 }}"), "MAIL0010");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 11);
        Assert.Contains("write a negative argument in parentheses, string.slice (-2)", diagnostic.GetMessage());
    }

    [Fact]
    public void LoopValueOutsideALoop_IsUnsupported()
    {
        var diagnostic = Single(Run("{{ for.length }}"), "MAIL0010");

        Assert.Contains("'for.length' outside a loop", diagnostic.GetMessage());
    }

    [Fact]
    public void RawMarker_IsAnInfoAtTheExpression()
    {
        var diagnostic = Single(Run("<div>{{ name | html.raw }}</div>", allowErrors: false), "MAIL0011");

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 16);
        Assert.StartsWith("'name' is written without HTML escaping", diagnostic.GetMessage());
    }

    [Fact]
    public void AttributeWithoutTemplate_IsReported()
    {
        var result = GeneratorHarness.Run("namespace N {\n[global::Mailing.EmailTemplate] public partial class NoTemplate { }\n}");

        AssertAt(Single(result.GeneratorDiagnostics, "MAIL0012"), "Source0.cs", 2, 2);
    }

    [Fact]
    public void ArithmeticOnText_IsAnIncompatibleTypesError()
    {
        var diagnostic = Single(Run("{{ name * 2 }}"), "MAIL0013");

        AssertAt(diagnostic, "Templates/Mail.sbn-html", 1, 4);
    }

    [Fact]
    public void LayoutWithoutContent_IsAWarningOnTheLayout()
    {
        var source = Models.Replace("[global::Mailing.EmailTemplate(\"Templates/Mail.sbn-html\")]", "[global::Mailing.EmailTemplate(\"Templates/Mail.sbn-html\", Layout = \"Templates/_Layout.sbn-html\")]");
        var result = GeneratorHarness.Run(source, ("Templates/Mail.sbn-html", "body"), ("Templates/_Layout.sbn-html", "<html></html>"));

        var diagnostic = Single(result.GeneratorDiagnostics, "MAIL0014");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        AssertAt(diagnostic, "Templates/_Layout.sbn-html", 1, 1);
    }

    [Fact]
    public void ErrorInAnInlineSubject_IsReportedInsideTheCSharpStringLiteral()
    {
        var source = Models.Replace("[global::Mailing.EmailTemplate(\"Templates/Mail.sbn-html\")]", "[global::Mailing.EmailTemplate(\"Templates/Mail.sbn-html\", Subject = \"Hi {{ nmae }}\")]");
        var result = GeneratorHarness.Run(source, ("Templates/Mail.sbn-html", "body"));

        var diagnostic = Single(result.GeneratorDiagnostics, "MAIL0002");
        // Subject = "Hi {{ nmae }}" : the name starts 7 characters after the opening quote.
        var literalColumn = Models.Split('\n')[4].IndexOf("\"Templates", StringComparison.Ordinal) + "\"Templates/Mail.sbn-html\", Subject = \"".Length;
        AssertAt(diagnostic, "Source0.cs", 5, literalColumn + 7);
    }

    [Fact]
    public void EveryGeneratorPageInTheDocs_BelongsToADescriptor_WithTheSharedHelpLink()
    {
        var descriptors = Mailing.Generators.Diagnostics.DiagnosticDescriptors.All.ToDictionary(d => d.Id);
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs", "diagnostics"), "MAIL*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(id => id.StartsWith("MAIL00", StringComparison.Ordinal) || id.StartsWith("MAIL01", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(descriptors.ContainsKey(page!), $"docs/diagnostics/{page}.md belongs to no generator diagnostic."));
        Assert.All(descriptors.Values, d => Assert.Equal(global::Mailing.Diagnostics.DocumentationLinks.Diagnostic(d.Id), d.HelpLinkUri));
    }

    [Fact]
    public void EveryDescriptor_HasADocsPage_AndAHelpLink()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        foreach (var descriptor in Mailing.Generators.Diagnostics.DiagnosticDescriptors.All.Where(d => string.CompareOrdinal(d.Id, "MAIL0100") < 0))
        {
            Assert.True(File.Exists(Path.Combine(docs, descriptor.Id + ".md")), "No docs page for " + descriptor.Id);
            Assert.EndsWith("docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<Diagnostic> Run(string template, params (string Path, string Text)[] extra) => Run(template, true, extra);

    private static IReadOnlyList<Diagnostic> Run(string template, bool allowErrors, params (string Path, string Text)[] extra)
    {
        var result = GeneratorHarness.Run(Models, [("Templates/Mail.sbn-html", template), .. extra]);
        if (!allowErrors)
        {
            result.Load();
        }

        return result.GeneratorDiagnostics;
    }

    private static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string id)
    {
        var list = diagnostics.ToList();
        var matching = list.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: " + string.Join("\n", list));
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string file, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(
            span.Path.EndsWith(file, StringComparison.Ordinal) && span.StartLinePosition.Line + 1 == line && span.StartLinePosition.Character + 1 == column,
            $"Expected {file}({line},{column}) but got {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic}");
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
