using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mailing.Webhooks;

/// <summary>Reads <see cref="MailingWebhookOptions"/> from <c>Mailing:Webhooks</c> by key, without reflection, and checks them.</summary>
internal static class WebhookOptionsReader
{
    public const string SectionPath = "Mailing:Webhooks";

    public static MailingWebhookOptions Read(IConfiguration? configuration)
    {
        var options = new MailingWebhookOptions();
        if (configuration?.GetSection(SectionPath) is not { } section || !section.Exists())
        {
            return options;
        }

        options.SendGrid.PublicKey = Value(section, "SendGrid:PublicKey");
        options.Mailgun.SigningKey = Value(section, "Mailgun:SigningKey");
        options.Resend.Secret = Value(section, "Resend:Secret");
        options.Postmark.Username = Value(section, "Postmark:Username");
        options.Postmark.Password = Value(section, "Postmark:Password");
        options.Postmark.HeaderName = Value(section, "Postmark:HeaderName");
        options.Postmark.HeaderValue = Value(section, "Postmark:HeaderValue");
        if (Value(section, nameof(MailingWebhookOptions.TimestampTolerance)) is { } tolerance)
        {
            options.TimestampTolerance = TimeSpan.TryParse(tolerance, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"{SectionPath}:TimestampTolerance \"{tolerance}\" is not a time span: write it as hh:mm:ss, e.g. \"00:05:00\".");
        }

        if (Value(section, nameof(MailingWebhookOptions.MaxBodyBytes)) is { } maxBody)
        {
            options.MaxBodyBytes = long.TryParse(maxBody, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"{SectionPath}:MaxBodyBytes \"{maxBody}\" is not a whole number of bytes, e.g. 4194304.");
        }

        return options;
    }

    /// <exception cref="InvalidOperationException">A value is out of range, or half of a pair of Postmark settings is set.</exception>
    public static void Validate(MailingWebhookOptions options)
    {
        var problems = new List<string>();
        if (options.TimestampTolerance <= TimeSpan.Zero || options.TimestampTolerance > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionPath}:TimestampTolerance must be more than zero and at most an hour (5 minutes is the usual window); it is {options.TimestampTolerance}.");
        }

        if (options.MaxBodyBytes <= 0 || options.MaxBodyBytes > int.MaxValue)
        {
            problems.Add($"{SectionPath}:MaxBodyBytes must be a positive number of bytes below 2 GiB; it is {options.MaxBodyBytes}.");
        }

        var postmark = options.Postmark;
        if ((postmark.Username is null) != (postmark.Password is null))
        {
            problems.Add($"{SectionPath}:Postmark needs both Username and Password for basic auth; only one is set.");
        }

        if ((postmark.HeaderName is null) != (postmark.HeaderValue is null))
        {
            problems.Add($"{SectionPath}:Postmark needs both HeaderName and HeaderValue for a custom header; only one is set.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Mailing webhooks are not configured correctly: " + string.Join(" ", problems));
        }
    }

    private static string? Value(IConfiguration section, string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key];
}
