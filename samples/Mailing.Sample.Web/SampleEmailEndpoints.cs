using System.Globalization;

namespace Mailing.Sample.Web;

/// <summary><c>POST /emails/{name}?to=...&amp;culture=...</c>: sends one sample email, for a button or for curl.</summary>
public static class SampleEmailEndpoints
{
    public static void MapSampleEmails(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/emails", () => SampleEmails.All.Select(sample => new { sample.Name, sample.Description, Send = $"/emails/{sample.Name}" }));
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
            return Results.Ok(new { sample = sample.Name, to = recipient!.ToString(), subject = delivery.Message.Subject, messageId = delivery.Result.MessageId, transport = delivery.Result.TransportName });
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
