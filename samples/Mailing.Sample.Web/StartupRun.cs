using System.Globalization;

namespace Mailing.Sample.Web;

/// <summary>Sends every sample email once when the app starts, and says what happened to each.</summary>
public static class StartupRun
{
    public static readonly EmailAddress Recipient = EmailAddress.Parse("Ann Example <ann@example.com>");

    /// <summary>The culture each sample is sent in: the digest shows dates and money the German way.</summary>
    public static CultureInfo CultureOf(SampleEmail sample) =>
        CultureInfo.GetCultureInfo(sample.Name == "weekly-digest" ? "de-DE" : "en-US");

    public static async Task<StartupReport> SendAllAsync(SampleEmailSender sender, TextWriter output, CancellationToken cancellationToken)
    {
        var deliveries = new List<SampleDelivery>();
        var failures = 0;
        foreach (var sample in SampleEmails.All)
        {
            try
            {
                var delivery = await sender.SendAsync(sample, Recipient, CultureOf(sample), cancellationToken);
                deliveries.Add(delivery);
                output.WriteLine($"  sent {sample.Name,-15} via {delivery.Result.TransportName} in {delivery.Result.Duration.TotalMilliseconds,4:F0} ms  \"{delivery.Message.Subject}\"");
            }
            catch (MailDeliveryException exception)
            {
                failures++;
                output.WriteLine($"  FAILED {sample.Name}: {exception.Message}");
            }
        }

        return new StartupReport(deliveries, failures);
    }
}

/// <summary>The start-up run's outcome.</summary>
public sealed record StartupReport(IReadOnlyList<SampleDelivery> Deliveries, int Failures)
{
    public bool AllSent => Failures == 0;
}
