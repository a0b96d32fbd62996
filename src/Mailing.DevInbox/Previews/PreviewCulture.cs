using System.Globalization;

namespace Mailing.DevInbox.Previews;

/// <summary>Reads the <c>culture</c> a preview is rendered in: a name such as <c>de-DE</c>, or nothing for the invariant culture.</summary>
internal static class PreviewCulture
{
    public static bool TryParse(string? name, out CultureInfo culture, out string? error)
    {
        culture = CultureInfo.InvariantCulture;
        error = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        try
        {
            // predefinedOnly: a typo such as "de-DX" is an error, not a made-up culture that formats like invariant.
            culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            error = $"'{name}' is not a culture this machine knows; use a name such as en-US, de-DE or ja-JP.";
            return false;
        }
    }
}
