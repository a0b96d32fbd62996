using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>
/// One replacement a code fix makes: the expression at <see cref="Location"/> becomes
/// <see cref="Replacement"/>. Travels in the diagnostic as an additional location plus a
/// property, so the fix needs no analysis of its own.
/// </summary>
/// <remarks>
/// A replacement that starts with <see cref="AdditionPrefix"/> is not an expression: it is a member
/// assignment to add to the initializer of the object creation at the location, for a setting that
/// was never written. Several additions to one creation are all made.
/// </remarks>
internal readonly record struct FixEdit(Location Location, string Replacement)
{
    public const string SubmissionPort = "587";
    public const string True = "true";
    public const string MailKitStartTls = "MailKit.Security.SecureSocketOptions.StartTls";
    public const string MailKitSslOnConnect = "MailKit.Security.SecureSocketOptions.SslOnConnect";
    public const string MailingStartTls = "Mailing.Transports.Smtp.SmtpSecurity.StartTls";
    public const string MailingImplicitTls = "Mailing.Transports.Smtp.SmtpSecurity.ImplicitTls";

    /// <summary>FluentEmail's property that overrides <c>UseSsl</c> with a MailKit mode.</summary>
    public const string FluentEmailSocketOptions = "SocketOptions";

    public const char AdditionPrefix = '+';

    /// <summary>Adds <c>EnableSsl = true</c> to the object creation at the location.</summary>
    public const string AddEnableSsl = "+EnableSsl = true";

    /// <summary>Adds <c>Port = 587</c> to the object creation at the location.</summary>
    public const string AddSubmissionPort = "+Port = " + SubmissionPort;

    public static string PropertyName(int index) => "Edit" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A replacement that adds <c><paramref name="member"/> = <paramref name="value"/></c> to an object creation.</summary>
    public static string Add(string member, string value) => AdditionPrefix + member + " = " + value;

    public static bool IsAddition(string replacement) => replacement.Length > 0 && replacement[0] == AdditionPrefix;

    /// <summary>The text the fix writes: the member assignment of an addition, or the replacement expression.</summary>
    public static string Text(string replacement) => IsAddition(replacement) ? replacement.Substring(1) : replacement;
}
