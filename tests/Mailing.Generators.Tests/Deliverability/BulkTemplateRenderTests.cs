using System.Reflection;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Deliverability;

/// <summary>What a compiled bulk template hands the message: its kind and the unsubscribe link read from its members.</summary>
public sealed class BulkTemplateRenderTests
{
    private const string Newsletter = """
        namespace Shop
        {
            [global::Mailing.EmailTemplate(Html = "<p>{{ title }}</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>", Subject = "{{ title }}", Kind = global::Mailing.EmailKind.Bulk)]
            public partial class NewsletterEmail
            {
                public string Title { get; set; } = "";
                [global::Mailing.UnsubscribeUrl] public global::System.Uri? UnsubscribeUrl { get; set; }
                [global::Mailing.UnsubscribeMailto] public string? Mailto { get; set; }
            }

            [global::Mailing.EmailTemplate(Html = "<p>Your code</p>")]
            public partial class CodeEmail
            {
                [global::Mailing.UnsubscribeUrl] public string? NotificationSettings { get; set; }
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.Run(Newsletter).Load());

    [Fact]
    public void BulkTemplate_RendersAsBulk_WithTheLinkFromItsMembers()
    {
        var rendered = Render("Shop.NewsletterEmail", ("Title", "May news"), ("UnsubscribeUrl", new Uri("https://shop.example/unsubscribe?token=abc")), ("Mailto", "mailto:unsubscribe@shop.example"));

        Assert.Equal(EmailKind.Bulk, rendered.Kind);
        Assert.Equal(new Uri("https://shop.example/unsubscribe?token=abc"), rendered.Unsubscribe!.Url);
        Assert.Equal(new Uri("mailto:unsubscribe@shop.example"), rendered.Unsubscribe.Mailto);
        Assert.Contains("href=\"https://shop.example/unsubscribe?token=abc\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void BulkTemplate_BecomesABulkMessage_WithTheUnsubscribeTarget()
    {
        var template = Create("Shop.NewsletterEmail", ("Title", "May news"), ("UnsubscribeUrl", new Uri("https://shop.example/unsubscribe?token=abc")));

        var message = EmailMessage.FromTemplate(template, "ann@example.com");

        Assert.Equal(EmailKind.Bulk, message.Kind);
        Assert.Equal(new Uri("https://shop.example/unsubscribe?token=abc"), message.Unsubscribe!.Url);
        Assert.Null(message.Unsubscribe.Mailto);
    }

    [Fact]
    public void BulkTemplateWithAnHttpLinkAtRunTime_RefusesToRender_NamingTheMember()
    {
        var template = Create("Shop.NewsletterEmail", ("UnsubscribeUrl", new Uri("http://shop.example/unsubscribe?token=abc")));

        var error = Assert.Throws<ArgumentException>(() => template.Render());

        Assert.StartsWith("NewsletterEmail.UnsubscribeUrl: The unsubscribe URL http://shop.example/unsubscribe?… is not https", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BulkTemplateWithABadMailto_RefusesToRender_NamingTheMailtoMember()
    {
        var template = Create("Shop.NewsletterEmail", ("UnsubscribeUrl", new Uri("https://shop.example/u")), ("Mailto", "unsubscribe@shop.example"));

        var error = Assert.Throws<ArgumentException>(() => template.Render());

        Assert.Equal("NewsletterEmail.Mailto", error.ParamName);
    }

    [Fact]
    public void BulkTemplateWithoutALink_RendersForPreviews_ButCannotBeSent()
    {
        var template = Create("Shop.NewsletterEmail", ("Title", "May news"));

        var message = EmailMessage.FromTemplate(template, "ann@example.com") with { From = "shop@example.com" };

        Assert.Null(message.Unsubscribe);
        var error = Assert.Throws<ArgumentException>(() => message.ToMimeMessage());
        Assert.Contains("bulk mail (EmailKind.Bulk) but has no unsubscribe link", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set the member of NewsletterEmail marked [UnsubscribeUrl]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransactionalTemplateWithALink_StaysTransactional_AndCarriesTheLink()
    {
        var rendered = Render("Shop.CodeEmail", ("NotificationSettings", "https://shop.example/settings/notifications"));

        Assert.Equal(EmailKind.Transactional, rendered.Kind);
        Assert.Equal(new Uri("https://shop.example/settings/notifications"), rendered.Unsubscribe!.Url);
    }

    [Fact]
    public void TransactionalTemplateWithoutALinkValue_HasNoUnsubscribeTarget()
    {
        var rendered = Render("Shop.CodeEmail");

        Assert.Equal(EmailKind.Transactional, rendered.Kind);
        Assert.Null(rendered.Unsubscribe);
    }

    [Fact]
    public void StringLinkThatIsNoUrl_RefusesToRender_NamingTheMember()
    {
        var template = Create("Shop.CodeEmail", ("NotificationSettings", "/settings/notifications"));

        var error = Assert.Throws<ArgumentException>(() => template.Render());

        Assert.Equal("CodeEmail.NotificationSettings", error.ParamName);
        Assert.Contains("not an absolute URL", error.Message, StringComparison.Ordinal);
    }

    private static RenderedEmail Render(string type, params (string Name, object Value)[] values) => Create(type, values).Render();

    private static IEmailTemplate Create(string type, params (string Name, object Value)[] values)
    {
        var template = (IEmailTemplate)Activator.CreateInstance(Compiled.Value.GetType(type)!)!;
        foreach (var (name, value) in values)
        {
            template.GetType().GetProperty(name)!.SetValue(template, value);
        }

        return template;
    }
}
