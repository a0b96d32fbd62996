namespace Mailing.Transports.Smtp;

/// <summary>One SMTP reply: the code and, when it was kept, the text of its lines (joined with LF, codes removed).</summary>
/// <remarks>The text is read only when it is needed (a refusal, a challenge, the final reply): a 250 to MAIL FROM costs no string.</remarks>
internal readonly record struct SmtpReply(int Code, string? Text)
{
    public bool IsPositiveCompletion => Code is >= 200 and < 300;

    public override string ToString() => $"{Code} {Text}";
}
