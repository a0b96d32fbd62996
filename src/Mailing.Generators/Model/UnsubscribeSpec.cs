namespace Mailing.Generators.Model;

/// <summary>How generated code reads a template's <c>[UnsubscribeUrl]</c> member and its optional <c>[UnsubscribeMailto]</c> member.</summary>
/// <param name="UrlAccess">The C# expression that reads the URL member inside the class (<c>this.UnsubscribeUrl</c>).</param>
/// <param name="UrlIsString">Whether the URL member is a string (else a <c>System.Uri</c>).</param>
/// <param name="UrlMember">The member as run-time errors name it (<c>NewsletterEmail.UnsubscribeUrl</c>).</param>
/// <param name="MailtoAccess">The expression that reads the mailto member, if there is one.</param>
/// <param name="MailtoIsString">Whether the mailto member is a string.</param>
/// <param name="MailtoMember">The mailto member as run-time errors name it.</param>
internal sealed record UnsubscribeSpec(
    string UrlAccess,
    bool UrlIsString,
    string UrlMember,
    string? MailtoAccess,
    bool MailtoIsString,
    string? MailtoMember);
