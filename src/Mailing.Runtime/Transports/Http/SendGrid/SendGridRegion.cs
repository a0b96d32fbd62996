namespace Mailing.Transports.Http.SendGrid;

/// <summary>Which SendGrid data-residency region an account (or subuser) lives in; it decides the API host.</summary>
/// <remarks>
/// A region is fixed when a subuser is created and its API keys work only on that region's host: a key of an EU
/// regional subuser is refused by <c>https://api.sendgrid.com</c>, and a global key by <c>https://api.eu.sendgrid.com</c>.
/// </remarks>
public enum SendGridRegion
{
    /// <summary>Global accounts and subusers: <c>https://api.sendgrid.com</c>.</summary>
    Global,

    /// <summary>EU regional subusers (data residency in the European Union): <c>https://api.eu.sendgrid.com</c>.</summary>
    EU,
}
