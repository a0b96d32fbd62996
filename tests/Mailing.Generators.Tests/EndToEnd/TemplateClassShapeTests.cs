using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.EndToEnd;

/// <summary>The class forms a template may take: records, nested classes, inline templates.</summary>
public sealed class TemplateClassShapeTests
{
    [Fact]
    public void PartialRecordWithInlineTemplates_Renders()
    {
        var result = GeneratorHarness.Run("""
            namespace Shop
            {
                [global::Mailing.EmailTemplate(Html = "<p>{{ name }} owes {{ amount | math.format \"N2\" }}</p>", Subject = "Invoice for {{ name }}", Text = "{{ name }}: {{ amount }}")]
                public sealed partial record InvoiceEmail(string Name, decimal Amount);

                public static class Factory
                {
                    public static global::Mailing.IEmailTemplate Create() => new InvoiceEmail("Ann & Co", 1234.5m);
                }
            }
            """);

        var email = ((IEmailTemplate)result.Load().GetType("Shop.Factory")!.GetMethod("Create")!.Invoke(null, null)!).Render();

        Assert.Equal(new RenderedEmail("Invoice for Ann & Co", "<p>Ann &amp; Co owes 1,234.50</p>", "Ann & Co: 1234.5"), email);
    }

    [Fact]
    public void ClassInTheGlobalNamespace_WithALineBreakInTheSubjectData_RendersTheSubjectOnOneLine()
    {
        var result = GeneratorHarness.Run("""
            [global::Mailing.EmailTemplate(Html = "<p>{{ name }}</p>", Subject = "Re: {{ name }}")]
            public partial class GlobalEmail
            {
                public string Name { get; set; } = "";
            }

            public static class GlobalFactory
            {
                public static global::Mailing.IEmailTemplate Create() => new GlobalEmail { Name = "first\r\nBcc: evil@example.com" };
            }
            """);

        var email = ((IEmailTemplate)result.Load().GetType("GlobalFactory")!.GetMethod("Create")!.Invoke(null, null)!).Render();

        Assert.Equal("Re: first Bcc: evil@example.com", email.Subject);
    }
}
