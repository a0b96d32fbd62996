using Mailing.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Generators.Tests.Deliverability;

/// <summary>The bulk-mail rule at build time: MAIL0020 (no unsubscribe link), MAIL0021 (constant link not https), MAIL0022 (member misused).</summary>
public sealed class UnsubscribeDiagnosticTests
{
    [Fact]
    public void BulkTemplateWithoutUnsubscribeMember_IsAnErrorAtTheClassName()
    {
        var result = Run("""
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>News</p>", Kind = global::Mailing.EmailKind.Bulk)]
                public partial class NewsletterEmail { }
            }
            """);

        var diagnostic = Single(result, "MAIL0020");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, 4, 26);
        Assert.Contains("'NewsletterEmail' is a bulk template", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("[UnsubscribeUrl]", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/MAIL0020.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public void BulkTemplateWithoutUnsubscribeMember_IsTheOnlyError_CodeUsingTheTemplateStillCompiles()
    {
        var result = Run("""
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>{{ title }}</p>", Kind = global::Mailing.EmailKind.Bulk)]
                public partial class NewsletterEmail { public string Title { get; set; } = ""; }

                static class Use { static string Html() => new NewsletterEmail().Render().Html; }
            }
            """);

        Assert.Equal(["MAIL0020"], result.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void TransactionalTemplateWithoutUnsubscribeMember_IsFine()
    {
        var result = Run("""
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>Receipt</p>", Kind = global::Mailing.EmailKind.Transactional)]
                public partial class ReceiptEmail { }
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public string UnsubscribeUrl { get; init; } = {|"http://shop.example/unsubscribe"|};""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public global::System.Uri UnsubscribeUrl => new global::System.Uri({|"http://shop.example/unsubscribe"|});""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public global::System.Uri UnsubscribeUrl { get; } = new({|"http://shop.example/unsubscribe"|});""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public const string UnsubscribeUrl = {|"http://shop.example/unsubscribe"|};""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public string UnsubscribeUrl { get { return {|Base + "/unsubscribe"|}; } } private const string Base = "http://shop.example";""")]
    public void ConstantHttpLink_IsAnErrorAtTheConstant(string member)
    {
        var (source, line, column) = Mark(Bulk(member));

        var diagnostic = Single(Run(source), "MAIL0021");

        AssertAt(diagnostic, line, column);
        Assert.Contains("\"http://shop.example/unsubscribe\" is not an https:// URL", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public string UnsubscribeUrl { get; init; } = "https://shop.example/unsubscribe";""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public required global::System.Uri UnsubscribeUrl { get; init; }""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public string? UnsubscribeUrl { get; set; }""")]
    [InlineData("""[global::Mailing.UnsubscribeUrl] public global::System.Uri? UnsubscribeUrl;""")]
    public void HttpsOrRunTimeLink_IsFine(string member)
    {
        Assert.Empty(Run(Bulk(member)).GeneratorDiagnostics);
    }

    [Fact]
    public void LinkMemberOfAnotherType_IsAnErrorAtTheMember()
    {
        var (source, line, column) = Mark(Bulk("[global::Mailing.UnsubscribeUrl] public int {|Unsubscribe|} { get; set; }"));

        var diagnostic = Single(Run(source), "MAIL0022");

        AssertAt(diagnostic, line, column);
        Assert.Contains("[UnsubscribeUrl] 'NewsletterEmail.Unsubscribe' is of type int; it must be a System.Uri or a string", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteOnlyLinkMember_IsAnErrorAtTheMember()
    {
        var (source, line, column) = Mark(Bulk("[global::Mailing.UnsubscribeUrl] public string {|Unsubscribe|} { set { } }"));

        var diagnostic = Single(Run(source), "MAIL0022");

        AssertAt(diagnostic, line, column);
        Assert.Contains("cannot be read", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoLinkMembers_IsAnErrorAtTheSecond()
    {
        var (source, line, column) = Mark(Bulk("[global::Mailing.UnsubscribeUrl] public string? A { get; set; } [global::Mailing.UnsubscribeUrl] public string? {|B|} { get; set; }"));

        var diagnostic = Single(Run(source), "MAIL0022");

        AssertAt(diagnostic, line, column);
        Assert.Contains("more than one [UnsubscribeUrl] member ('A' and 'B')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MailtoWithoutLink_IsAnErrorAtTheMailto_AndTheBulkRuleStillApplies()
    {
        var (source, line, column) = Mark(Bulk("[global::Mailing.UnsubscribeMailto] public string {|Mailto|} { get; set; } = \"mailto:unsubscribe@shop.example\";"));

        var result = Run(source);

        AssertAt(Single(result, "MAIL0022"), line, column);
        Single(result, "MAIL0020");
    }

    [Fact]
    public void ConstantMailtoThatIsNotAMailtoUri_IsAnErrorAtTheConstant()
    {
        var (source, line, column) = Mark(Bulk("[global::Mailing.UnsubscribeUrl] public string? Url { get; set; } [global::Mailing.UnsubscribeMailto] public string Mailto { get; } = {|\"unsubscribe@shop.example\"|};"));

        var diagnostic = Single(Run(source), "MAIL0022");

        AssertAt(diagnostic, line, column);
        Assert.Contains("\"unsubscribe@shop.example\" is not a mailto: URI", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void LinkMemberInABaseClass_Counts()
    {
        var result = Run("""
            namespace Shop
            {
                public abstract class BulkBase { [global::Mailing.UnsubscribeUrl] public global::System.Uri? UnsubscribeUrl { get; set; } }

                [global::Mailing.EmailTemplate(Html = "<p>News</p>", Kind = global::Mailing.EmailKind.Bulk)]
                public partial class NewsletterEmail : BulkBase { }
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        result.Load();
    }

    [Fact]
    public void PositionalRecordWithAPropertyTargetedAttribute_Counts()
    {
        var result = Run("""
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>{{ title }}</p>", Kind = global::Mailing.EmailKind.Bulk)]
                public sealed partial record NewsletterEmail(string Title, [property: global::Mailing.UnsubscribeUrl] global::System.Uri UnsubscribeUrl);
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        var type = result.Load().GetType("Shop.NewsletterEmail")!;
        var rendered = ((IEmailTemplate)Activator.CreateInstance(type, "News", new Uri("https://shop.example/u?t=1"))!).Render();
        Assert.Equal(new Uri("https://shop.example/u?t=1"), rendered.Unsubscribe!.Url);
    }

    private static string Bulk(string member) => $$"""
        namespace Shop
        {
            [global::Mailing.EmailTemplate(Html = "<p>News</p>", Kind = global::Mailing.EmailKind.Bulk)]
            public partial class NewsletterEmail
            {
                {{member}}
            }
        }
        """;

    /// <summary>Removes the <c>{|...|}</c> marker and returns the 1-based line and column where its content starts.</summary>
    private static (string Source, int Line, int Column) Mark(string marked)
    {
        var start = marked.IndexOf("{|", StringComparison.Ordinal);
        var end = marked.IndexOf("|}", start, StringComparison.Ordinal);
        var source = marked[..start] + marked[(start + 2)..end] + marked[(end + 2)..];
        var before = marked[..start];
        var line = before.Count(c => c == '\n') + 1;
        var column = start - (before.LastIndexOf('\n') + 1) + 1;
        return (source, line, column);
    }

    private static GenerationResult Run(string source) => GeneratorHarness.Run(source);

    private static Diagnostic Single(GenerationResult result, string id)
    {
        var matching = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: " + string.Join("\n", result.GeneratorDiagnostics));
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(
            span.Path.EndsWith("Source0.cs", StringComparison.Ordinal) && span.StartLinePosition.Line + 1 == line && span.StartLinePosition.Character + 1 == column,
            $"Expected Source0.cs({line},{column}) but got {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic}");
    }
}
