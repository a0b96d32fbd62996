namespace Mailing.DevInbox.Web;

/// <summary>One finding of the checks panel.</summary>
/// <param name="Id">The generator's MAIL01xx id when the rule is shared with it, else a DEVnnn id of the inbox's own.</param>
/// <param name="Severity"><c>warning</c> or <c>info</c>.</param>
/// <param name="Title">What is wrong.</param>
/// <param name="Detail">Where, and what to do about it.</param>
internal sealed record MessageCheck(string Id, string Severity, string Title, string Detail);
