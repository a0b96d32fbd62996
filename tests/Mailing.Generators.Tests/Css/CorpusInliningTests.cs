using Mailing.Generators.Css;
using Mailing.Generators.Tests.Corpus;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Css;

/// <summary>
/// The differential test: for every corpus template and model, rendering the build-time-inlined
/// template gives the DOM PreMailer gives on Scriban's render of the original.
/// </summary>
public sealed class CorpusInliningTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in CorpusTemplate.All())
        {
            data.Add(template.Name, nameof(StyleBlockMode.KeepAll));
            data.Add(template.Name, nameof(StyleBlockMode.KeepMediaQueriesOnly));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InlinedTemplate_RendersTheDomPreMailerProducesOnTheRender(string name, string styleBlocks)
    {
        var template = CorpusTemplate.Get(name);
        var options = CssInliningOptions.Default with { StyleBlocks = Enum.Parse<StyleBlockMode>(styleBlocks) };

        InliningOracle.AssertMatchesPreMailer(template.Text, template.Model(), options, CorpusTemplate.Stylesheets);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InlinedTemplate_WithEveryListEmpty_StillRendersPreMailersDom(string name, string styleBlocks)
    {
        var template = CorpusTemplate.Get(name);
        var options = CssInliningOptions.Default with { StyleBlocks = Enum.Parse<StyleBlockMode>(styleBlocks) };
        var model = template.Model();
        foreach (var key in model.Keys.ToList())
        {
            if (model[key] is ScriptArray)
            {
                model[key] = new ScriptArray();
            }
        }

        InliningOracle.AssertMatchesPreMailer(template.Text, model, options, CorpusTemplate.Stylesheets);
    }

    [Fact]
    public void Corpus_HoldsEveryConvertedTemplateWithItsModelAndLicence()
    {
        var names = CorpusTemplate.All().Select(t => t.Name).ToList();

        Assert.Equal(15, names.Count);
        Assert.Contains("postmark/receipt", names);
        Assert.Contains("mailgun/billing", names);
        Assert.Contains("leemunroe/email", names);
        foreach (var folder in new[] { "postmark", "mailgun", "leemunroe" })
        {
            Assert.True(File.Exists(Path.Combine(CorpusTemplate.Directory, folder, "LICENSE")), folder + " lacks its LICENSE");
        }
    }

    [Fact]
    public void ReceiptLoopOfRows_StaysInsideItsTableWithEachRowStyled()
    {
        var receipt = CorpusTemplate.Get("postmark/receipt");

        var result = CssInliner.Inline(receipt.Text, CssInliningOptions.Default);

        var loop = result.Template.IndexOf("{{ for item in receipt_details }}", StringComparison.Ordinal);
        var row = result.Template.IndexOf("<tr>", loop, StringComparison.Ordinal);
        var cell = result.Template.Substring(row, result.Template.IndexOf("</tr>", row, StringComparison.Ordinal) - row);
        Assert.True(loop > 0);
        Assert.Contains("class=\"purchase_item\"", cell, StringComparison.Ordinal);
        Assert.Contains("style=\"", cell, StringComparison.Ordinal);
        Assert.Contains("{{ item.description }}", cell, StringComparison.Ordinal);
    }
}
