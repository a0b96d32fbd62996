using System.Runtime.CompilerServices;
using Mailing.Generators.Emitting;
using Mailing.Generators.Tests.Differential;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Snapshots;

/// <summary>The generated source for representative templates, reviewed and committed as *.verified.cs.</summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Theory]
    [InlineData("Members")]
    [InlineData("LoopVariables")]
    [InlineData("IfElse")]
    [InlineData("Case")]
    [InlineData("Capture")]
    [InlineData("Locals")]
    [InlineData("Partial")]
    [InlineData("Html")]
    [InlineData("Indexers")]
    [InlineData("LoopLengthAndChanged")]
    public void CorpusTemplate(string name) => Verify(CompiledCorpus.Instance.Result, $"Shop.Templates.{name}Email.g.cs", name);

    [Fact]
    public void LayoutSubjectAndNestedClass()
    {
        var result = GeneratorHarness.Run(
            """
            namespace Shop
            {
                public sealed record User(string FirstName, System.DateTime JoinedAt);

                public static partial class Emails
                {
                    [global::Mailing.EmailTemplate("Templates/Welcome.sbn-html", Subject = "Welcome, {{ user.first_name }}", Text = "Hi {{ user.first_name }}", Layout = "Templates/_Layout.sbn-html")]
                    public sealed partial class Welcome
                    {
                        public User User { get; set; } = new("Ann", default);
                    }
                }
            }
            """,
            ("Templates/_Layout.sbn-html", "<html><body>\n{{ content }}\n</body></html>"),
            ("Templates/Welcome.sbn-html", "<h1>Welcome, {{ user.first_name }}</h1>\n<p>Since {{ user.joined_at | date.to_string \"%B %Y\" }}</p>"));

        result.Load();
        Verify(result, "Shop.Emails.Welcome.g.cs", null);
    }

    [Fact]
    public void BulkTemplateWithUnsubscribeMembers()
    {
        var result = GeneratorHarness.Run(
            """
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>{{ title }}</p>", Subject = "{{ title }}", Kind = global::Mailing.EmailKind.Bulk)]
                public sealed partial class NewsletterEmail
                {
                    public string Title { get; set; } = "";
                    [global::Mailing.UnsubscribeUrl] public required global::System.Uri UnsubscribeUrl { get; init; }
                    [global::Mailing.UnsubscribeMailto] public static string Mailto => "mailto:unsubscribe@shop.example";
                }
            }
            """);

        result.Load();
        Verify(result, "Shop.NewsletterEmail.g.cs", null);
    }

    private static void Verify(GenerationResult result, string hintName, string? parameter, [CallerMemberName] string method = "")
    {
        var source = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
        // Keeps snapshots stable across versions, like Verify.SourceGenerators' scrubbers.
        source = source.Replace($"\"{ClassEmitter.GeneratorVersion}\"", "\"{Version}\"", StringComparison.Ordinal);
        var name = parameter is null ? method : $"{method}_{parameter}";
        Snapshot.Match($"//HintName: {hintName}\n{source}", $"{nameof(GeneratedSourceSnapshotTests)}.{name}#{hintName.Replace(".g.cs", string.Empty, StringComparison.Ordinal)}.{{kind}}.cs");
    }
}
