using Mailing.Tests.Http.Fixtures;
using static Mailing.Tests.Http.SendGrid.SendGridTestRig;

namespace Mailing.Tests.Http.SendGrid;

/// <summary>What SendGrid would refuse is refused before any request reaches it, saying what to change.</summary>
public sealed class SendGridLimitsTests
{
    public static TheoryData<string, string> Unsendable => new()
    {
        { "eleven tags", "at most 10 tags" },
        { "no To", "at least one To recipient" },
        { "reserved header", "x-sg-id" },
        { "comma in a name", "',' or ';' in recipient names" },
        { "too much metadata", "less than 10000 bytes of Metadata" },
        { "empty subject", "requires a subject" },
        { "no body", "requires a body" },
        { "too many recipients", "at most 1000 recipients" },
        { "long tag", "at most 255 characters" },
        { "unicode sender", "Unicode in the From address" },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task AMessageSendGridWouldRefuse_IsRefusedBeforeAnyRequest(string problem, string explanation)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(MessageWith(problem), Timeout()));

        Assert.Contains(explanation, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TooManyTags_SaysHowManyThereAreAndWhereTheRestCanGo()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(MessageWith("eleven tags"), Timeout()));

        Assert.Contains("this message has 11", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("move the rest into Metadata", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenTagsAndMetadataJustUnderTheLimit_AreSent()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with
        {
            Tags = Enumerable.Range(1, 10).Select(i => $"tag-{i}").ToArray(),
            Metadata = new Dictionary<string, string> { ["blob"] = new string('x', 9_000) },
        };

        await transport.SendAsync(message, Timeout());

        Assert.Equal(10, server.Requests[0].Json().GetProperty("categories").GetArrayLength());
    }

    private static EmailMessage MessageWith(string problem) => problem switch
    {
        "eleven tags" => Message() with { Tags = Enumerable.Range(1, 11).Select(i => $"tag-{i}").ToArray() },
        "no To" => Message() with { To = [], Bcc = [new EmailAddress("ann@example.com")] },
        "reserved header" => Message() with { Headers = new Dictionary<string, string> { ["X-SG-ID"] = "1" } },
        "comma in a name" => Message() with { Cc = [new EmailAddress("bob@example.com", "Smith, Bob")] },
        "too much metadata" => Message() with { Metadata = new Dictionary<string, string> { ["blob"] = new string('x', 10_000) } },
        "empty subject" => Message(subject: ""),
        "no body" => Message() with { HtmlBody = null, TextBody = null },
        "too many recipients" => Message() with { Bcc = Enumerable.Range(0, 1000).Select(i => new EmailAddress($"user{i}@example.com")).ToArray() },
        "long tag" => Message() with { Tags = [new string('t', 256)] },
        "unicode sender" => Message() with { From = new EmailAddress("jürgen@example.com") },
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
