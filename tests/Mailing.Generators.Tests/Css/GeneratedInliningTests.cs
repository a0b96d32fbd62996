using System.Reflection;
using Mailing.Generators.Css;
using Mailing.Generators.Tests.Corpus;
using Mailing.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>
/// Through the generator: the compiled Render() of a real template writes what PreMailer writes on
/// Scriban's render, and the generated code does no CSS work at run time.
/// </summary>
public sealed class GeneratedInliningTests
{
    private const string Source = """
        using System.Collections.Generic;

        namespace Shop
        {
            public sealed class LineItem
            {
                public required string Description { get; init; }
                public required string Amount { get; init; }
            }

            [Mailing.EmailTemplate("Templates/Receipt.sbn-html")]
            public partial class ReceiptEmail
            {
                public required string PurchaseDate { get; init; }
                public required string Name { get; init; }
                public required string CreditCardBrand { get; init; }
                public required string CreditCardLastFour { get; init; }
                public required string BillingUrl { get; init; }
                public required string ExpirationDate { get; init; }
                public required string ReceiptId { get; init; }
                public required string Date { get; init; }
                public required string Total { get; init; }
                public required string SupportUrl { get; init; }
                public required string ActionUrl { get; init; }
                public required List<LineItem> ReceiptDetails { get; init; }
            }
        }
        """;

    // The receipt has content warnings (an @import, an http:// link) that the shared harness would
    // turn into errors; here they are reported as a user's build reports them.
    private static readonly Lazy<(GenerationResult Result, Assembly Assembly)> Compiled = new(() =>
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var files = GeneratorHarness.Files(("Templates/Receipt.sbn-html", CorpusTemplate.Get("postmark/receipt").Text));
        var driver = GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = new GenerationResult(driver.GetRunResult(), output, diagnostics);
        return (result, result.Load());
    });

    [Fact]
    public void CompiledReceipt_RendersTheDomPreMailerProducesOnScribansRender()
    {
        var values = Values();
        var email = CreateEmail(values);

        var rendered = Render(email);

        var model = new ScriptObject();
        foreach (var (name, value) in values)
        {
            model[name] = value;
        }

        var expected = InliningOracle.PreMailerOnRendered(InliningOracle.Render(CorpusTemplate.Get("postmark/receipt").Text, model), CssInliningOptions.Default);
        InliningOracle.AssertSameDom(expected, (string)rendered.GetType().GetProperty("Html")!.GetValue(rendered)!);
    }

    [Fact]
    public void GeneratedCode_CarriesTheInlinedStylesAndNoCssEngine()
    {
        var generated = string.Join("\n", Compiled.Value.Result.RunResult.GeneratedTrees.Select(t => t.ToString()));

        Assert.Contains("purchase_item", generated, StringComparison.Ordinal);
        Assert.Contains("style=\\\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("PreMailer", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("AngleSharp", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(Compiled.Value.Assembly.GetReferencedAssemblies(), a => a.Name is "PreMailer.Net" or "AngleSharp");
    }

    [Fact]
    public void CompiledReceipt_HasADerivedTextPartWithOneLinePerItem()
    {
        var rendered = Render(CreateEmail(Values()));

        var text = (string)rendered.GetType().GetProperty("Text")!.GetValue(rendered)!;

        Assert.Contains("Description | Amount\nTea | 3.00\nCake | 4.50\nTotal | ", text, StringComparison.Ordinal);
        Assert.Contains("Hi Ann Lee,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiptFindings_AreReportedAtTheTemplatesLines()
    {
        var diagnostics = Compiled.Value.Result.GeneratorDiagnostics;

        var unused = diagnostics.Where(d => d.Id == ContentDiagnosticIds.UnusedStyleRule).ToList();
        Assert.NotEmpty(unused);
        Assert.All(unused, d => Assert.EndsWith("Templates/Receipt.sbn-html", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == ContentDiagnosticIds.InsecureLink && d.GetMessage().Contains("http://example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == ContentDiagnosticIds.CssDependsOnData);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static List<(string Name, object Value)> Values() =>
    [
        ("purchase_date", "28 November 2026"), ("name", "Ann Lee"), ("credit_card_brand", "Visa"),
        ("credit_card_last_four", "4242"), ("billing_url", "https://example.com/billing"),
        ("expiration_date", "1 January 2027"), ("receipt_id", "R-1042"), ("date", "28 November 2026"),
        ("total", "7.50"), ("support_url", "https://example.com/support"), ("action_url", "https://example.com/receipt.pdf"),
        ("receipt_details", new ScriptArray
        {
            new ScriptObject { ["description"] = "Tea", ["amount"] = "3.00" },
            new ScriptObject { ["description"] = "Cake", ["amount"] = "4.50" },
        }),
    ];

    private static object CreateEmail(List<(string Name, object Value)> values)
    {
        var assembly = Compiled.Value.Assembly;
        var email = Activator.CreateInstance(assembly.GetType("Shop.ReceiptEmail", throwOnError: true)!)!;
        var itemType = assembly.GetType("Shop.LineItem", throwOnError: true)!;
        foreach (var (name, value) in values)
        {
            var property = email.GetType().GetProperty(string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))!;
            if (value is ScriptArray items)
            {
                var list = (System.Collections.IList)Activator.CreateInstance(property.PropertyType)!;
                foreach (var item in items.Cast<ScriptObject>())
                {
                    var line = Activator.CreateInstance(itemType)!;
                    itemType.GetProperty("Description")!.SetValue(line, item["description"]);
                    itemType.GetProperty("Amount")!.SetValue(line, item["amount"]);
                    list.Add(line);
                }

                property.SetValue(email, list);
            }
            else
            {
                property.SetValue(email, value);
            }
        }

        return email;
    }

    private static object Render(object email)
        => email.GetType().GetMethod("Render", [typeof(IFormatProvider)])!.Invoke(email, [null])!;
}
