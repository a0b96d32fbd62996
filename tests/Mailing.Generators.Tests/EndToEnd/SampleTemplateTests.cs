using System.Globalization;
using System.Runtime.CompilerServices;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.EndToEnd;

/// <summary>The sample app's welcome email, compiled from its real files, renders as a user expects.</summary>
public sealed class SampleTemplateTests
{
    private static readonly Lazy<System.Reflection.Assembly> Compiled = new(() =>
    {
        var folder = Path.Combine(RepositoryRoot(), "samples", "Mailing.Sample", "Templates");
        var files = Directory.GetFiles(folder, "*.sbn-*")
            .Select(f => ("Templates/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();
        var factory = """
            namespace Mailing.Sample.Templates
            {
                public static class Factory
                {
                    public static global::Mailing.IEmailTemplate Create(string firstName, bool paid) => new WelcomeEmail
                    {
                        ProductName = "Acme",
                        User = new SampleUser(firstName, "ann@example.com", new System.DateTime(2024, 3, 5), new SamplePlan("Pro", paid, 12.5m)),
                        NextSteps = new[] { new NextStep("Verify your address", "https://acme.test/verify?a=1&b=2"), new NextStep("Invite your team", "https://acme.test/team") },
                    };
                }
            }
            """;
        var model = "using System;\nusing System.Collections.Generic;\n" + File.ReadAllText(Path.Combine(folder, "WelcomeEmail.cs"));
        var compilation = GeneratorHarness.CreateCompilation(model, factory);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Files(files)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GenerationResult(driver.GetRunResult(), output, diagnostics).Load();
    });

    [Fact]
    public void WelcomeEmail_RendersSubjectLayoutBodyAndText()
    {
        var email = Render("Ann", paid: true, CultureInfo.GetCultureInfo("en-US"));

        Assert.Equal("Welcome to Acme, Ann", email.Subject);
        Assert.StartsWith("<!DOCTYPE html>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>Welcome, Ann!</h1>", email.Html, StringComparison.Ordinal);
        Assert.Contains("created on 05 March 2024", email.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>Pro</strong> plan ($12.50 a month)", email.Html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://acme.test/verify?a=1&amp;b=2\">Verify your address</a></li>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://acme.test/team\">Invite your team</a></li>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"footer\">Acme ·", email.Html, StringComparison.Ordinal);
        Assert.Contains("1. Verify your address: https://acme.test/verify?a=1&b=2", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WelcomeEmail_EscapesTheUsersName_InHtmlOnly()
    {
        var email = Render("<Ann & Bob>", paid: false, CultureInfo.InvariantCulture);

        Assert.Contains("<h1>Welcome, &lt;Ann &amp; Bob&gt;!</h1>", email.Html, StringComparison.Ordinal);
        Assert.Contains("You are on the free plan.", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("Welcome, <Ann & Bob>!", email.Text, StringComparison.Ordinal);
        Assert.Equal("Welcome to Acme, <Ann & Bob>", email.Subject);
    }

    [Fact]
    public void WelcomeEmail_FormatsForTheRecipientsCulture()
    {
        var email = Render("Ann", paid: true, CultureInfo.GetCultureInfo("de-DE"));

        Assert.Contains("created on 05 März 2024", email.Html, StringComparison.Ordinal);
        Assert.Contains("(12,50 € a month)", email.Html, StringComparison.Ordinal);
    }

    private static RenderedEmail Render(string firstName, bool paid, CultureInfo culture)
    {
        var factory = Compiled.Value.GetType("Mailing.Sample.Templates.Factory")!;
        var template = (IEmailTemplate)factory.GetMethod("Create")!.Invoke(null, [firstName, paid])!;
        return template.Render(culture);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
