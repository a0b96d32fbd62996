using System.Globalization;
using Mailing.Runtime.Tests.TestSupport;

namespace Mailing.Runtime.Tests.Templates;

public sealed class EmailPreviewTests
{
    [Fact]
    public void Preview_WithoutADisplayName_IsShownUnderItsName_AndRendersANewInstanceEachTime()
    {
        var created = 0;
        var preview = new EmailPreview("WelcomeEmail", "Ann", () =>
        {
            created++;
            return new WelcomeEmail { User = new TestUser(7, "Ann") };
        });

        var first = preview.Render(CultureInfo.GetCultureInfo("de-DE"));
        preview.Render();

        Assert.Equal("Ann", preview.DisplayName);
        Assert.Null(preview.Description);
        Assert.Equal("Welcome, Ann", first.Subject);
        Assert.Equal(2, created);
    }

    [Fact]
    public void Catalog_RegisteringASourceTwice_ListsItsPreviewsOnce()
    {
        var source = new Source(new EmailPreview("WelcomeEmail", "Twice", () => new WelcomeEmail { User = new TestUser(1, "T") }, "Twice over"));

        EmailPreviewCatalog.Register(source);
        EmailPreviewCatalog.Register(source);

        Assert.Single(EmailPreviewCatalog.Sources, s => ReferenceEquals(s, source));
        Assert.Single(EmailPreviewCatalog.Previews, p => p.DisplayName == "Twice over");
    }

    [Fact]
    public void ToMimeMessage_IsTheMimeTreeTransportsWrite()
    {
        var message = new EmailMessage { From = "shop@example.com", To = ["ann@example.com"], Subject = "Hi", HtmlBody = "<p>Hi <b>Ann</b></p>" };

        using var mime = message.ToMimeMessage();

        Assert.Equal("Hi", mime.Subject);
        Assert.Equal("multipart/alternative", mime.Body!.ContentType.MimeType);
        Assert.Contains("Hi Ann", mime.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("@example.com", mime.MessageId, StringComparison.Ordinal);
    }

    private sealed class Source(params EmailPreview[] previews) : IEmailPreviewSource
    {
        public IReadOnlyList<EmailPreview> Previews => previews;
    }
}
