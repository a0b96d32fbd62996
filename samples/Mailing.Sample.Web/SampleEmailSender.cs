using System.Globalization;

namespace Mailing.Sample.Web;

/// <summary>Renders a sample email for a recipient in their culture and sends it, with the layout's inline logo.</summary>
public sealed class SampleEmailSender(IMailer mailer, IHostEnvironment environment)
{
    private readonly string _logoPath = Path.Combine(environment.ContentRootPath, "Emails", "logo.png");

    public EmailMessage Compose(SampleEmail sample, EmailAddress to, CultureInfo culture) =>
        EmailMessage.FromTemplate(sample.Create(), to, culture)
            .Embed(InlineResource.FromFile("logo", _logoPath))
            .WithTag(sample.Name);

    public async Task<SampleDelivery> SendAsync(SampleEmail sample, EmailAddress to, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var message = Compose(sample, to, culture);
        return new SampleDelivery(sample, message, await mailer.SendAsync(message, cancellationToken));
    }
}

/// <summary>A sample email that was sent: what was sent and what the transport answered.</summary>
public sealed record SampleDelivery(SampleEmail Sample, EmailMessage Message, SendResult Result);
