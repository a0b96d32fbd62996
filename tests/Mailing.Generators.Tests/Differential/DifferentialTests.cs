using System.Globalization;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Differential;

/// <summary>
/// The compiled render must equal Scriban's own <c>Template.Render</c> of the same template on the
/// same data. Escaping is accounted for explicitly: the text part (never escaped) is compared on
/// hostile data full of markup; the HTML part on data without HTML-special characters, where
/// escaping is the identity. Escaping itself is covered by <c>EscapingTests</c>.
/// </summary>
public sealed class DifferentialTests
{
    public static TheoryData<string> Names => new(TemplateCorpus.Templates.Select(t => t.Name));

    public static TheoryData<string> FailingNames => new(TemplateCorpus.Failing.Select(t => t.Name));

    [Fact]
    public void Corpus_HasAtLeastThirtyTemplates() => Assert.True(TemplateCorpus.Templates.Length >= 30);

    [Theory]
    [MemberData(nameof(Names))]
    public void TextPart_OnHostileData_EqualsScribanRender(string name)
    {
        var model = CompiledCorpus.Instance.CreateModel(name, hostile: true);
        var expected = ScribanOracle.Render(Template(name), model, CompiledCorpus.PartialsByIncludeName);

        var actual = ((IEmailTemplate)model).Render().Text;

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HtmlPart_OnPlainData_EqualsScribanRender(string name)
    {
        var model = CompiledCorpus.Instance.CreateModel(name, hostile: false);
        var expected = ScribanOracle.Render(Template(name), model, CompiledCorpus.PartialsByIncludeName);

        var actual = ((IEmailTemplate)model).Render().Html;

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TextPart_InGermanCulture_EqualsScribanRenderInThatCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo("de-DE");
        var model = CompiledCorpus.Instance.CreateModel(name, hostile: false);
        var expected = ScribanOracle.Render(Template(name), model, CompiledCorpus.PartialsByIncludeName, culture);

        var actual = ((IEmailTemplate)model).Render(culture).Text;

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(FailingNames))]
    public void Render_FailsWhereScribanFails(string name)
    {
        var model = CompiledCorpus.Instance.CreateModel(name, hostile: false);
        var template = TemplateCorpus.Failing.Single(t => t.Name == name).Template;
        Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => ScribanOracle.Render(template, model));

        var failure = Record.Exception(() => ((IEmailTemplate)model).Render());

        Assert.True(failure is ArgumentException or OverflowException, $"Expected the render to fail, got {failure?.ToString() ?? "no exception"}");
    }

    [Fact]
    public void RenderHtml_WritesTheSameHtmlAsRender()
    {
        var model = CompiledCorpus.Instance.CreateModel("Loop", hostile: true);
        var writer = new StringWriter();

        ((IEmailTemplate)model).RenderHtml(writer);

        Assert.Equal(((IEmailTemplate)model).Render().Html, writer.ToString());
    }

    [Fact]
    public void GeneratedCodeForTheWholeCorpus_CompilesWithoutWarnings()
    {
        var problems = CompiledCorpus.Instance.Result.CompilationProblems.ToList();

        Assert.Empty(problems);
        Assert.Equal(TemplateCorpus.Templates.Length + TemplateCorpus.Failing.Length, CompiledCorpus.Instance.Result.RunResult.GeneratedTrees.Length);
    }

    private static string Template(string name) => TemplateCorpus.Templates.Single(t => t.Name == name).Template;
}
