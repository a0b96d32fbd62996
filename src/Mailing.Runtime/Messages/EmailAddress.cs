namespace Mailing;

/// <summary>An email address with an optional display name.</summary>
/// <remarks>Placeholder shape: the runtime-core work replaces this with validated parsing.</remarks>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    /// <summary>Parses <c>ann@example.com</c> or <c>Ann &lt;ann@example.com&gt;</c>.</summary>
    public static EmailAddress Parse(string value) => new(value);

    /// <summary>Converts a bare address.</summary>
    public static implicit operator EmailAddress(string address) => Parse(address);
}
