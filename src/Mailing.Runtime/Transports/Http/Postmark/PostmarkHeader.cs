namespace Mailing.Transports.Http.Postmark;

/// <summary>One entry of a Postmark message's <c>Headers</c> array.</summary>
/// <param name="Name">The header name, e.g. <c>List-Unsubscribe</c>.</param>
/// <param name="Value">The header value, one line.</param>
internal sealed record PostmarkHeader(string Name, string Value);
