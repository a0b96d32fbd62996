using System.Text;

namespace Mailing.Tests.Http.Mailgun;

/// <summary>One part of a <c>multipart/form-data</c> body as the server parsed it.</summary>
internal sealed record MailgunFormPart(string Name, string? FileName, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
