using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>
/// One replacement a code fix makes: the expression at <see cref="Location"/> becomes
/// <see cref="Replacement"/>. Travels in the diagnostic as an additional location plus a
/// property, so the fix needs no analysis of its own.
/// </summary>
internal readonly record struct FixEdit(Location Location, string Replacement)
{
    public const string SubmissionPort = "587";
    public const string True = "true";
    public const string MailKitStartTls = "MailKit.Security.SecureSocketOptions.StartTls";
    public const string MailKitSslOnConnect = "MailKit.Security.SecureSocketOptions.SslOnConnect";
    public const string MailingStartTls = "Mailing.Transports.Smtp.SmtpSecurity.StartTls";
    public const string MailingImplicitTls = "Mailing.Transports.Smtp.SmtpSecurity.ImplicitTls";

    /// <summary>Not an expression: adds <c>EnableSsl = true</c> to the object creation at the location.</summary>
    public const string AddEnableSsl = "+EnableSsl";

    public static string PropertyName(int index) => "Edit" + index.ToString(CultureInfo.InvariantCulture);
}
