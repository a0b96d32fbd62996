using Mailing.Runtime.Tests.TestSupport;
using Mailing.Testing;
using Mailing.Transports.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Mailing.Runtime.Tests.Testing;

public sealed class InMemoryTransportAssertionsTests : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public InMemoryTransportAssertionsTests()
    {
        var services = new ServiceCollection();
        services.AddMailing(o => o.From = "Shop <no-reply@shop.example>").UseInMemoryTransport();
        _provider = services.BuildServiceProvider();
    }

    private IMailer Mailer => _provider.GetRequiredService<IMailer>();

    private InMemoryTransport Mail => _provider.GetRequiredService<InMemoryTransport>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private async Task SendWelcome(int id, string name, string to) =>
        await Mailer.SendAsync(new WelcomeEmail { User = new TestUser(id, name) }, to);

    [Fact]
    public async Task SentOfTemplate_FindsTheMessageByTheTemplatesData()
    {
        await SendWelcome(1, "Ann", "ann@example.com");
        await SendWelcome(2, "Bob", "bob@example.com");

        var sent = Mail.Sent<WelcomeEmail>(e => e.User.Id == 2);

        Assert.Equal("Welcome, Bob", sent.Subject);
        Assert.Equal(2, sent.TemplateAs<WelcomeEmail>().User.Id);
        sent.To("bob@example.com").From("no-reply@shop.example").WithSubject("Welcome, Bob").WithTextContaining("account 2").WithoutAttachments();
    }

    [Fact]
    public async Task SentOfTemplate_WhenNoneMatches_ListsWhatWasSentInstead()
    {
        await SendWelcome(1, "Ann", "ann@example.com");
        await Mailer.SendAsync(new PasswordResetEmail { ResetUrl = "https://shop.example/r" }, "bob@example.com");

        var error = Assert.Throws<MailAssertionException>(() => Mail.Sent<WelcomeEmail>(e => e.User.Id == 99));

        Assert.Contains("Expected a message rendered from WelcomeEmail matching the condition, but none was sent.", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 message(s) from WelcomeEmail were sent, but none matched the condition.", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 messages were sent:", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Welcome, Ann\" to ann@example.com [WelcomeEmail]", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Reset your password\" to bob@example.com [PasswordResetEmail]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentOfTemplate_WhenSeveralMatch_AsksForANarrowerCondition()
    {
        await SendWelcome(1, "Ann", "ann@example.com");
        await SendWelcome(2, "Bob", "bob@example.com");

        var error = Assert.Throws<MailAssertionException>(() => Mail.Sent<WelcomeEmail>());

        Assert.Contains("but 2 were sent; narrow the condition or use SentAll<WelcomeEmail>()", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Mail.SentAll<WelcomeEmail>().Count);
    }

    [Fact]
    public void NothingSent_PassesWhenNothingWasSent()
    {
        Mail.NothingSent();
        Mail.NothingSent<WelcomeEmail>();
        Mail.SentExactly(0);
        Assert.Equal(0, Mail.SentCount);
    }

    [Fact]
    public async Task NothingSent_WhenSomethingWas_ListsIt()
    {
        await SendWelcome(1, "Ann", "ann@example.com");

        var any = Assert.Throws<MailAssertionException>(() => Mail.NothingSent());
        var typed = Assert.Throws<MailAssertionException>(() => Mail.NothingSent<WelcomeEmail>(e => e.User.Name == "Ann"));
        Mail.NothingSent<PasswordResetEmail>();

        Assert.Contains("Expected nothing to be sent, but 1 message was sent:", any.Message, StringComparison.Ordinal);
        Assert.Contains("\"Welcome, Ann\" to ann@example.com", typed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentExactly_WithAnotherCount_ListsWhatWasSent()
    {
        await SendWelcome(1, "Ann", "ann@example.com");

        var error = Assert.Throws<MailAssertionException>(() => Mail.SentExactly(2));

        Assert.Contains("Expected 2 message(s) to be sent, but 1 message was sent:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentTo_FindsByAnyRecipientIgnoringCase()
    {
        await Mailer.SendAsync(new EmailMessage { To = ["ann@example.com"], Bcc = ["Audit@Shop.example"], Subject = "Audit copy", TextBody = "x" });

        Assert.Equal("Audit copy", Mail.SentTo("audit@shop.example").Bcc("AUDIT@shop.example").Subject);
        var error = Assert.Throws<MailAssertionException>(() => Mail.SentTo("carol@example.com"));
        Assert.Contains("Expected a message to carol@example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageAssertions_ReportWhatTheMessageHadInstead()
    {
        await Mailer.SendAsync(
            new WelcomeEmail { User = new TestUser(1, "Ann") },
            "ann@example.com",
            m => m.Attach(new EmailAttachment("terms.pdf", new byte[] { 1 })).WithHeader("X-Campaign", "spring"));
        var sent = Mail.Sent<WelcomeEmail>();

        Assert.Contains("has the subject \"Welcome, Ann\"", Assert.Throws<MailAssertionException>(() => sent.WithSubject("Hi")).Message, StringComparison.Ordinal);
        Assert.Contains("To is [ann@example.com]", Assert.Throws<MailAssertionException>(() => sent.To("bob@example.com")).Message, StringComparison.Ordinal);
        Assert.Contains("is \"Hello Ann, your account 1 is ready.\"", Assert.Throws<MailAssertionException>(() => sent.WithTextContaining("Goodbye")).Message, StringComparison.Ordinal);
        Assert.Contains("has the attachments terms.pdf (application/pdf", Assert.Throws<MailAssertionException>(() => sent.WithAttachment("invoice.pdf")).Message, StringComparison.Ordinal);
        Assert.Contains("but it is application/pdf", Assert.Throws<MailAssertionException>(() => sent.WithAttachment("terms.pdf", "text/plain")).Message, StringComparison.Ordinal);
        Assert.Contains("\"X-Campaign: spring\"", Assert.Throws<MailAssertionException>(() => sent.WithHeader("X-Campaign", "autumn")).Message, StringComparison.Ordinal);
        Assert.Contains("rendered from PasswordResetEmail, but it was rendered from WelcomeEmail", Assert.Throws<MailAssertionException>(() => sent.TemplateAs<PasswordResetEmail>()).Message, StringComparison.Ordinal);
        sent.WithAttachment("TERMS.pdf", "application/pdf").WithHeader("x-campaign", "spring").WithHtmlContaining("<b>Ann</b>");
    }
}
