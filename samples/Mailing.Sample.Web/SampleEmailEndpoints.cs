using System.Globalization;

namespace Mailing.Sample.Web;

/// <summary><c>POST /emails/{name}?to=...&amp;culture=...</c>: sends one sample email, for a button or for curl.</summary>
public static class SampleEmailEndpoints
{
    public static void MapSampleEmails(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/emails", () => SampleEmails.All.Select(sample => new SampleEmailLink(sample.Name, sample.Description, $"/emails/{sample.Name}")).ToArray());
        routes.MapPost("/emails/{name}", SendAsync);
    }

    private static async Task<IResult> SendAsync(string name, string? to, string? culture, SampleEmailSender sender, CancellationToken cancellationToken)
    {
        if (SampleEmails.Find(name) is not { } sample)
        {
            return Results.Problem($"There is no sample email '{name}'. Try one of: {string.Join(", ", SampleEmails.All.Select(s => s.Name))}.", statusCode: StatusCodes.Status404NotFound);
        }

        var recipient = StartupRun.Recipient;
        if (to is not null && !EmailAddress.TryParse(to, out recipient, out var reason))
        {
            return Results.Problem($"'{to}' is not an email address: {reason}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!TryCulture(culture, sample, out var recipientCulture))
        {
            return Results.Problem($"'{culture}' is not a culture name; use one such as en-US or de-DE.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var delivery = await sender.SendAsync(sample, recipient!, recipientCulture, cancellationToken);
            return Results.Ok(new SendReceipt(sample.Name, recipient!.ToString(), delivery.Message.Subject ?? "", delivery.Result.MessageId, delivery.Result.TransportName));
        }
        catch (MailDeliveryException exception)
        {
            // The message names the problem and what to do; it never holds credentials.
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status502BadGateway, title: $"Sending failed ({exception.Kind})");
        }
    }

    private static bool TryCulture(string? name, SampleEmail sample, out CultureInfo culture)
    {
        culture = StartupRun.CultureOf(sample);
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        try
        {
            culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>One row of <c>GET /emails</c>.</summary>
public sealed record SampleEmailLink(string Name, string Description, string Send);

/// <summary>The answer to <c>POST /emails/{name}</c>.</summary>
public sealed record SendReceipt(string Sample, string To, string Subject, string MessageId, string Transport);

/// <summary>The sample's JSON, generated at build time so the published app needs no reflection.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(SampleEmailLink[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SendReceipt))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class SampleJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
