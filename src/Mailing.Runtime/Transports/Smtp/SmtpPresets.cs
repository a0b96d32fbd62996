using System.Text.RegularExpressions;

namespace Mailing.Transports.Smtp;

/// <summary>Ready-made <see cref="SmtpOptions"/> for the SMTP relays people actually use: right host, port and TLS mode.</summary>
/// <remarks>
/// Every preset uses port 587 with STARTTLS required. For configuration, set <c>Mailing:Smtp:Provider</c>
/// (and <c>Region</c> where needed) instead; <see cref="Apply"/> fills in what is missing.
/// </remarks>
public static partial class SmtpPresets
{
    /// <summary>The names accepted in <see cref="SmtpOptions.Provider"/>.</summary>
    public static IReadOnlyList<string> ProviderNames { get; } = ["SendPigeon", "SendGrid", "Postmark", "Mailgun", "AmazonSes", "Resend", "Brevo", "Microsoft365", "Gmail", "Generic"];

    /// <summary>SendPigeon: <c>smtp.sendpigeon.dev:587</c> with STARTTLS.</summary>
    /// <param name="username">The SMTP user name from the SendPigeon dashboard.</param>
    /// <param name="password">The SMTP password or API key SendPigeon gives for it.</param>
    public static SmtpOptions SendPigeon(string username, string password) =>
        Create("smtp.sendpigeon.dev", Required(username, nameof(username)), Required(password, nameof(password)));

    /// <summary>Resend: <c>smtp.resend.com:587</c> with STARTTLS; the user name is literally <c>resend</c>, the password is an API key.</summary>
    /// <param name="apiKey">A Resend API key (<c>re_...</c>) with sending access.</param>
    public static SmtpOptions Resend(string apiKey) =>
        Create("smtp.resend.com", "resend", Required(apiKey, nameof(apiKey)));

    /// <summary>Brevo (formerly Sendinblue): <c>smtp-relay.brevo.com:587</c>; the login e-mail shown under SMTP &amp; API, and an SMTP key.</summary>
    /// <param name="login">The SMTP login shown under Settings → SMTP &amp; API → SMTP.</param>
    /// <param name="smtpKey">An SMTP key from the same page — not the v3 API key, which does not authenticate over SMTP.</param>
    public static SmtpOptions Brevo(string login, string smtpKey) =>
        Create("smtp-relay.brevo.com", Required(login, nameof(login)), Required(smtpKey, nameof(smtpKey)));

    /// <summary>Microsoft 365 / Exchange Online: <c>smtp.office365.com:587</c> with STARTTLS, as the mailbox.</summary>
    /// <remarks>
    /// SMTP AUTH must be enabled for the mailbox (it is off by default in new tenants), and Microsoft is retiring basic
    /// authentication: prefer <see cref="SmtpOptions.AccessTokenProvider"/> with an OAuth2 token over a password.
    /// </remarks>
    /// <param name="mailbox">The mailbox address that sends, e.g. <c>notifications@contoso.com</c>.</param>
    /// <param name="password">Its password or app password; <see langword="null"/> when an access token provider is set instead.</param>
    public static SmtpOptions Microsoft365(string mailbox, string? password = null) =>
        Create("smtp.office365.com", Required(mailbox, nameof(mailbox)), password);

    /// <summary>SendGrid: <c>smtp.sendgrid.net:587</c>; the user name is literally <c>apikey</c>, the password is the API key.</summary>
    /// <param name="apiKey">A SendGrid API key with "Mail Send" permission.</param>
    public static SmtpOptions SendGrid(string apiKey) =>
        Create("smtp.sendgrid.net", "apikey", Required(apiKey, nameof(apiKey)));

    /// <summary>Postmark: <c>smtp.postmarkapp.com:587</c>; the server API token is both user name and password.</summary>
    /// <param name="serverToken">The Postmark server API token (not the account token).</param>
    public static SmtpOptions Postmark(string serverToken) =>
        Create("smtp.postmarkapp.com", Required(serverToken, nameof(serverToken)), serverToken);

    /// <summary>Mailgun: <c>smtp.mailgun.org:587</c>, or <c>smtp.eu.mailgun.org</c> for EU domains.</summary>
    /// <param name="username">The domain's SMTP login, e.g. <c>postmaster@mg.example.com</c>.</param>
    /// <param name="password">The SMTP password for that login.</param>
    /// <param name="region"><c>us</c> (default) or <c>eu</c>, matching where the sending domain was created.</param>
    public static SmtpOptions Mailgun(string username, string password, string region = "us") =>
        Create(MailgunHost(region), Required(username, nameof(username)), Required(password, nameof(password)));

    /// <summary>Amazon SES: <c>email-smtp.{region}.amazonaws.com:587</c>.</summary>
    /// <param name="region">The SES region the identity is verified in, e.g. <c>eu-west-1</c>.</param>
    /// <param name="smtpUsername">The SES SMTP user name (not the IAM access key id of an ordinary user).</param>
    /// <param name="smtpPassword">The SES SMTP password derived for that user.</param>
    public static SmtpOptions AmazonSes(string region, string smtpUsername, string smtpPassword) =>
        Create(AmazonSesHost(region), Required(smtpUsername, nameof(smtpUsername)), Required(smtpPassword, nameof(smtpPassword)));

    /// <summary>Gmail / Google Workspace: <c>smtp.gmail.com:587</c>.</summary>
    /// <remarks>Needs an app password (2-step verification on) and allows about 500 messages a day: for personal tools, not applications.</remarks>
    /// <param name="address">The Gmail address.</param>
    /// <param name="appPassword">An app password, not the account password.</param>
    public static SmtpOptions Gmail(string address, string appPassword) =>
        Create("smtp.gmail.com", Required(address, nameof(address)), Required(appPassword, nameof(appPassword)));

    /// <summary>Any submission server on port 587 with STARTTLS required.</summary>
    /// <param name="host">The server's host name.</param>
    /// <param name="username">The user name, or <see langword="null"/> for no authentication.</param>
    /// <param name="password">The password.</param>
    public static SmtpOptions Generic(string host, string? username = null, string? password = null) =>
        Create(Required(host, nameof(host)), username, password);

    /// <summary>
    /// Fills the host, port, security and (where the provider fixes it) the user name of <paramref name="options"/>
    /// from <see cref="SmtpOptions.Provider"/>, leaving anything already set alone.
    /// </summary>
    /// <param name="options">Options bound from configuration.</param>
    /// <exception cref="ArgumentException">The provider name or region is not known; the message lists the accepted values.</exception>
    public static void Apply(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Provider))
        {
            return;
        }

        var provider = options.Provider.Trim();
        string? host;
        string? username = null;
        switch (Parse(provider))
        {
            case SmtpProvider.SendGrid:
                host = "smtp.sendgrid.net";
                username = "apikey";
                break;
            case SmtpProvider.Postmark:
                host = "smtp.postmarkapp.com";
                username = options.Password;
                break;
            case SmtpProvider.Mailgun:
                host = MailgunHost(options.Region ?? "us");
                break;
            case SmtpProvider.AmazonSes:
                host = AmazonSesHost(options.Region ?? throw new ArgumentException("Provider AmazonSes needs Region, e.g. \"eu-west-1\": the SES SMTP endpoint depends on it.", nameof(options)));
                break;
            case SmtpProvider.Gmail:
                host = "smtp.gmail.com";
                break;
            case SmtpProvider.SendPigeon:
                host = "smtp.sendpigeon.dev";
                break;
            case SmtpProvider.Resend:
                host = "smtp.resend.com";
                username = "resend";
                break;
            case SmtpProvider.Brevo:
                host = "smtp-relay.brevo.com";
                break;
            case SmtpProvider.Microsoft365:
                host = "smtp.office365.com";
                break;
            case SmtpProvider.Other:
                host = null;
                break;
            default:
                throw new ArgumentException($"Provider '{provider}' is not known. Use one of: {string.Join(", ", ProviderNames)}; or leave Provider out and set Host, Port and Security yourself.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Host) && host is not null)
        {
            options.Host = host;
        }

        options.Username ??= username;
    }

    /// <summary>The provider a <see cref="SmtpOptions.Provider"/> name stands for (any case; <c>Ses</c> too), or null for an unknown name.</summary>
    internal static SmtpProvider? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "sendgrid" => SmtpProvider.SendGrid,
        "postmark" => SmtpProvider.Postmark,
        "mailgun" => SmtpProvider.Mailgun,
        "amazonses" or "ses" => SmtpProvider.AmazonSes,
        "gmail" => SmtpProvider.Gmail,
        "sendpigeon" => SmtpProvider.SendPigeon,
        "resend" => SmtpProvider.Resend,
        "brevo" or "sendinblue" => SmtpProvider.Brevo,
        "microsoft365" or "office365" or "m365" => SmtpProvider.Microsoft365,
        "generic" => SmtpProvider.Other,
        _ => null,
    };

    private static SmtpOptions Create(string host, string? username, string? password) => new()
    {
        Host = host,
        Port = SmtpOptions.SubmissionPort,
        Security = SmtpSecurity.StartTls,
        Username = username,
        Password = password,
    };

    private static string MailgunHost(string region) => region.ToLowerInvariant() switch
    {
        "us" => "smtp.mailgun.org",
        "eu" => "smtp.eu.mailgun.org",
        _ => throw new ArgumentException($"Mailgun region '{region}' is not known. Use \"us\" or \"eu\", matching where the sending domain was created.", nameof(region)),
    };

    private static string AmazonSesHost(string region)
    {
        if (!AwsRegion().IsMatch(region))
        {
            throw new ArgumentException($"'{region}' is not an AWS region name. Use the SES region the identity is verified in, e.g. \"us-east-1\" or \"eu-west-1\".", nameof(region));
        }

        return $"email-smtp.{region}.amazonaws.com";
    }

    private static string Required(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is empty; the provider needs it to authenticate.", name);
        }

        return value;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegion();
}
