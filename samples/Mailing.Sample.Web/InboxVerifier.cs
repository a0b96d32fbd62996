using System.Text.Json;

namespace Mailing.Sample.Web;

/// <summary>
/// Checks, through the dev inbox's REST API as a user's integration test would, that every sample
/// email arrived: the same Message-Id, an HTML and a text part, and the inline logo.
/// </summary>
public static class InboxVerifier
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(15);

    /// <param name="site">A client whose base address is the app's, with the inbox under <c>/_mailing/</c>.</param>
    /// <param name="report">What the start-up run sent.</param>
    /// <param name="output">Where a line per email goes.</param>
    /// <param name="patience">How long to wait for each email to arrive.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task<bool> VerifyAsync(HttpClient site, StartupReport report, TextWriter output, TimeSpan patience, CancellationToken cancellationToken)
    {
        var problems = 0;
        foreach (var delivery in report.Deliveries)
        {
            var problem = await ProblemWithAsync(site, delivery, patience, cancellationToken);
            output.WriteLine(problem is null ? $"  arrived {delivery.Sample.Name}" : $"  MISSING {delivery.Sample.Name}: {problem}");
            problems += problem is null ? 0 : 1;
        }

        var verdict = problems == 0 && report.AllSent;
        output.WriteLine(verdict
            ? $"All {report.Deliveries.Count} sample emails arrived in the dev inbox."
            : $"{problems + report.Failures} of {SampleEmails.All.Count} sample emails did not arrive intact.");
        return verdict;
    }

    private static async Task<string?> ProblemWithAsync(HttpClient http, SampleDelivery delivery, TimeSpan patience, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString($"subject:\"{delivery.Message.Subject}\"");
        var seconds = patience.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await http.GetAsync($"_mailing/api/messages/wait?query={query}&timeout={seconds}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return $"the inbox answered {(int)response.StatusCode} waiting for \"{delivery.Message.Subject}\"";
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var detail = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = detail.RootElement;
        var messageId = root.GetProperty("headers").EnumerateArray()
            .FirstOrDefault(header => header.GetProperty("name").GetString()!.Equals("Message-Id", StringComparison.OrdinalIgnoreCase))
            .GetProperty("value").GetString();
        if (messageId?.Trim('<', '>') != delivery.Result.MessageId)
        {
            return $"Message-Id {messageId} is not the <{delivery.Result.MessageId}> the transport reported";
        }

        if (string.IsNullOrEmpty(root.GetProperty("html").GetString()) || string.IsNullOrEmpty(root.GetProperty("text").GetString()))
        {
            return "the HTML or the text part is missing";
        }

        var hasLogo = root.GetProperty("parts").EnumerateArray().Any(part => part.GetProperty("contentId").GetString() == "logo" && part.GetProperty("isInline").GetBoolean());
        return hasLogo ? null : "the inline logo (cid:logo) is missing";
    }
}
