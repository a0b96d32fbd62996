namespace Mailing.Generators.Css;

/// <summary>
/// Limits the content checks measure against; shared with the dev inbox's checks panel, which
/// compiles this file too, so build time and the inbox agree.
/// </summary>
internal static class ContentLimits
{
    /// <summary>Gmail shows "[Message clipped]" once the HTML part passes 102 KB.</summary>
    public const int GmailClipBytes = 102 * 1024;
}
