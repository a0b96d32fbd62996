using Mailing.Tests.Http.Fixtures;
using static Mailing.Tests.Http.Resend.ResendTestRig;

namespace Mailing.Tests.Http.Resend;

/// <summary>What Resend would refuse is refused before any request reaches it, saying what to change.</summary>
public sealed class ResendLimitsTests
{
    public static TheoryData<string, string> Unsendable => new()
    {
        { "space in a tag", "Tag 'order receipt' cannot be sent to Resend" },
        { "non-ASCII metadata value", "Metadata 'customer' cannot be sent to Resend" },
        { "tag and metadata with one name", "also a Metadata key" },
        { "51 To recipients", "at most 50 To recipients" },
        { "no To", "at least one To recipient" },
        { "long idempotency key", "idempotency keys of 1 to 256 characters" },
        { "non-ASCII idempotency key", "only printable ASCII" },
        { "long content id", "inline content ids shorter than 128 characters" },
        { "no body", "requires a body" },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task AMessageResendWouldRefuse_IsRefusedBeforeAnyRequest(string problem, string explanation)
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(MessageWith(problem), Timeout()));

        Assert.Contains(explanation, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TagsAndMetadataOfTheAllowedCharacters_AreSent()
    {
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);
        var message = Message() with
        {
            Tags = ["order-receipt", "EU_shop", "order-receipt"],
            Metadata = new Dictionary<string, string> { ["order_id"] = new string('9', 256) },
            IdempotencyKey = new string('k', 256),
        };

        await transport.SendAsync(message, Timeout());

        var tags = server.Requests[0].Json().GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Equal(["order-receipt", "EU_shop", "order_id"], tags);
    }

    [Fact]
    public async Task AnAttachmentFileThatNoLongerExists_FailsBeforeAnyRequest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailing-resend-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "%PDF");
        var message = Message() with { Attachments = [EmailAttachment.FromFile(path)] };
        File.Delete(path);
        await using var server = await LoopbackHttpServer.StartAsync(Accepted());
        using var client = new HttpClient();
        var transport = TransportFor(server, client);

        await Assert.ThrowsAsync<FileNotFoundException>(() => transport.SendAsync(message, Timeout()));

        Assert.Empty(server.Requests);
    }

    private static EmailMessage MessageWith(string problem) => problem switch
    {
        "space in a tag" => Message() with { Tags = ["order receipt"] },
        "non-ASCII metadata value" => Message() with { Metadata = new Dictionary<string, string> { ["customer"] = "Zoë" } },
        "tag and metadata with one name" => Message() with { Tags = ["order_id"], Metadata = new Dictionary<string, string> { ["order_id"] = "1042" } },
        "51 To recipients" => Message() with { To = Enumerable.Range(0, 51).Select(i => new EmailAddress($"user{i}@example.com")).ToArray() },
        "no To" => Message() with { To = [], Bcc = [new EmailAddress("ann@example.com")] },
        "long idempotency key" => Message() with { IdempotencyKey = new string('k', 257) },
        "non-ASCII idempotency key" => Message() with { IdempotencyKey = "bestellung/bücher-1042" },
        "long content id" => Message() with { InlineResources = [new InlineResource(new string('c', 128), new byte[] { 1 }, "image/png")] },
        "no body" => Message() with { HtmlBody = null, TextBody = null },
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
