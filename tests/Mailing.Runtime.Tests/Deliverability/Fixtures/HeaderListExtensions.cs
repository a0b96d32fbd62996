using MimeKit;

namespace Mailing.Runtime.Tests.Deliverability.Fixtures;

/// <summary>Every value of one header, unfolded, as a receiver would read it.</summary>
internal static class HeaderListExtensions
{
    public static string[] Values(this HeaderList headers, string name) =>
        headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).ToArray();
}
