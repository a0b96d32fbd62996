namespace Mailing.Runtime.Tests.Messages;

public sealed class EmailMessageTests
{
    [Theory]
    [InlineData("Hello\r\nBcc: victim@example.org")]
    [InlineData("Hello\nX-Injected: yes")]
    [InlineData("Hello\r")]
    public void Subject_WithLineBreak_ThrowsNamingSubject(string subject)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage { Subject = subject });

        Assert.Equal("Subject", error.ParamName);
    }

    [Fact]
    public void HeaderValue_WithLineBreak_ThrowsNamingTheHeader()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage().WithHeader("X-Campaign", "spring\r\nBcc: victim@example.org"));

        Assert.Equal("Headers[X-Campaign]", error.ParamName);
    }

    [Theory]
    [InlineData("X Campaign")]
    [InlineData("X-Campaign:")]
    [InlineData("X-Campaign\r\nBcc")]
    [InlineData("")]
    [InlineData("X-Kampagne-ü")]
    public void HeaderName_Invalid_ThrowsNamingHeaders(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage().WithHeader(name, "value"));

        Assert.Equal("Headers", error.ParamName);
    }

    [Theory]
    [InlineData("Bcc")]
    [InlineData("from")]
    [InlineData("Content-Type")]
    [InlineData("Message-ID")]
    public void HeaderName_WrittenByTheMessageItself_IsRefusedWithAPointerToTheProperty(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage().WithHeader(name, "x"));

        Assert.Contains("EmailMessage property", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_WithLineBreak_ThrowsNamingTags()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage().WithTag("a\nb"));

        Assert.Equal("Tags", error.ParamName);
    }

    [Fact]
    public void IdempotencyKey_WithLineBreak_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage { IdempotencyKey = "a\r\nb" });

        Assert.Equal("IdempotencyKey", error.ParamName);
    }

    [Theory]
    [InlineData("<abc@example.com>")]
    [InlineData("abc")]
    [InlineData("abc @example.com")]
    public void MessageId_Malformed_ThrowsNamingIt(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage { MessageId = id });

        Assert.Equal("MessageId", error.ParamName);
    }

    [Theory]
    [InlineData("invoice\r\n.pdf")]
    [InlineData("../../etc/passwd")]
    [InlineData("C:\\temp\\invoice.pdf")]
    [InlineData(" ")]
    public void AttachmentFileName_Unsafe_ThrowsNamingFileName(string fileName)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailAttachment(fileName, new byte[] { 1 }));

        Assert.Equal("fileName", error.ParamName);
    }

    [Fact]
    public void AttachmentContentType_NotAMimeType_ThrowsNamingContentType()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailAttachment("a.bin", new byte[] { 1 }, "pdf"));

        Assert.Equal("contentType", error.ParamName);
    }

    [Fact]
    public void AttachmentContentType_GuessedFromTheFileName()
    {
        Assert.Equal("application/pdf", new EmailAttachment("invoice.pdf", new byte[] { 1 }).ContentType);
    }

    [Theory]
    [InlineData("logo png")]
    [InlineData("<logo>")]
    [InlineData("logo\r\n")]
    public void InlineResourceContentId_Unusable_ThrowsNamingContentId(string contentId)
    {
        var error = Assert.Throws<ArgumentException>(() => new InlineResource(contentId, new byte[] { 1 }, "image/png"));

        Assert.Equal("contentId", error.ParamName);
    }

    [Fact]
    public void InlineResources_WithTheSameContentId_AreRefused()
    {
        var logo = new InlineResource("logo", new byte[] { 1 }, "image/png");

        var error = Assert.Throws<ArgumentException>(() => new EmailMessage { InlineResources = [logo, new InlineResource("LOGO", new byte[] { 2 }, "image/png")] });

        Assert.Equal("InlineResources", error.ParamName);
    }

    [Fact]
    public void Recipients_AreCopied_SoChangingTheSourceListLaterDoesNotChangeTheMessage()
    {
        var recipients = new List<EmailAddress> { "ann@example.com" };
        var message = new EmailMessage { To = recipients };

        recipients.Add("bob@example.com");

        Assert.Equal(["ann@example.com"], message.To.Select(a => a.Address));
    }

    [Fact]
    public void Headers_AreCopied_SoChangingTheSourceLaterDoesNotChangeTheMessage()
    {
        var headers = new Dictionary<string, string> { ["X-A"] = "1" };
        var message = new EmailMessage { Headers = headers };

        headers["X-A"] = "2\r\nBcc: victim@example.org";

        Assert.Equal("1", message.Headers["X-A"]);
    }

    [Fact]
    public void NullRecipient_InAList_ThrowsNamingTheList()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmailMessage { Cc = [null!] });

        Assert.Equal("Cc", error.ParamName);
    }

    [Fact]
    public void FluentMethods_ReturnNewMessagesAndLeaveTheOriginalUnchanged()
    {
        var original = new EmailMessage { Subject = "Hi" };

        var changed = original.AddTo("ann@example.com").AddCc("bob@example.com").AddBcc("carol@example.com")
            .WithHeader("X-A", "1").WithTag("welcome").WithMetadata("user", "42")
            .Attach(new EmailAttachment("a.txt", "x"u8.ToArray()));

        Assert.Empty(original.To);
        Assert.Empty(original.Headers);
        Assert.Equal(["ann@example.com", "bob@example.com", "carol@example.com"], changed.AllRecipients.Select(a => a.Address));
        Assert.Equal("1", changed.Headers["x-a"]);
        Assert.Equal(["welcome"], changed.Tags);
        Assert.Equal("42", changed.Metadata["user"]);
        Assert.Single(changed.Attachments);
    }

    [Fact]
    public void ToString_ShowsTheEnvelopeButNeitherBodiesNorMetadata()
    {
        var message = new EmailMessage
        {
            From = "shop@example.com",
            To = ["ann@example.com"],
            Bcc = ["audit@example.com"],
            Subject = "Your order",
            HtmlBody = "<p>secret reset token 12345</p>",
            TextBody = "secret reset token 12345",
            Metadata = new Dictionary<string, string> { ["token"] = "abcdef" },
        };

        var text = message.ToString();

        Assert.Contains("Your order", text, StringComparison.Ordinal);
        Assert.Contains("ann@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef", text, StringComparison.Ordinal);
        Assert.DoesNotContain("audit@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTemplate_UsesTheRenderedSubjectHtmlAndTextAndKeepsTheTemplate()
    {
        var template = new TestSupport.WelcomeEmail { User = new TestSupport.TestUser(7, "Ann") };

        var message = EmailMessage.FromTemplate(template, "ann@example.com");

        Assert.Equal("Welcome, Ann", message.Subject);
        Assert.Equal("<p>Hello <b>Ann</b>, your account 7 is ready.</p>", message.HtmlBody);
        Assert.Equal("Hello Ann, your account 7 is ready.", message.TextBody);
        Assert.Same(template, message.Template);
    }

    [Fact]
    public void AttachmentFromStream_CopiesTheContentSoItCanBeReadAgain()
    {
        using var stream = new MemoryStream([1, 2, 3]);
        var attachment = EmailAttachment.FromStream("a.bin", stream);

        Assert.Equal(new byte[] { 1, 2, 3 }, ReadAll(attachment));
        Assert.Equal(new byte[] { 1, 2, 3 }, ReadAll(attachment));
        Assert.Equal(3L, attachment.Length);
    }

    private static byte[] ReadAll(EmailAttachment attachment)
    {
        using var content = attachment.OpenRead();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
