using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mailing.Benchmarks.Templates;

namespace Mailing.Benchmarks.Rendering;

/// <summary>
/// One receipt email (five order lines, escaped text, currency and dates in en-US, a style block)
/// rendered to HTML by Mailing's generated code and by what a user would pick instead.
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderingBenchmarks
{
    private readonly CultureInfo culture = ReceiptData.Culture;
    private ReceiptEmail email = null!;
    private ScribanReceipt scriban = null!;

    [GlobalSetup]
    public void VerifyEveryRendererWritesTheSameReceipt()
    {
        email = ReceiptData.Create();
        scriban = ScribanReceipt.Load();

        var expected = ReceiptEquivalence.Normalize(HandWritten());
        ReceiptEquivalence.Require("Mailing RenderHtml", ReceiptEquivalence.Normalize(MailingRenderHtml()), expected);
        ReceiptEquivalence.Require("Mailing Render", ReceiptEquivalence.Normalize(MailingRender().Html), expected);
        ReceiptEquivalence.Require("Scriban + PreMailer", ReceiptEquivalence.Normalize(ScribanThenPreMailer()), expected);

        // Scriban alone does not inline CSS: the same document minus the style attributes is what it owes.
        ReceiptEquivalence.Require(
            "Scriban (no inlining)",
            ReceiptEquivalence.Normalize(Scriban()),
            ReceiptEquivalence.Normalize(HandWritten(), withoutStyleAttributes: true));
    }

    [Benchmark(Baseline = true, Description = "Hand-written StringBuilder")]
    public string HandWritten() => HandWrittenReceipt.Render(email, culture);

    [Benchmark(Description = "Mailing RenderHtml (generated)")]
    public string MailingRenderHtml()
    {
        var html = new StringWriter(CultureInfo.InvariantCulture);
        email.RenderHtml(html, culture);
        return html.ToString();
    }

    [Benchmark(Description = "Mailing Render: subject + HTML + text")]
    public RenderedEmail MailingRender() => email.Render(culture);

    [Benchmark(Description = "Scriban, CSS not inlined")]
    public string Scriban() => scriban.Render(email, culture);

    [Benchmark(Description = "Scriban + PreMailer.MoveCssInline")]
    public string ScribanThenPreMailer() => PreMailer.Net.PreMailer.MoveCssInline(scriban.Render(email, culture)).Html;
}
