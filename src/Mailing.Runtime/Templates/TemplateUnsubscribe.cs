using System.ComponentModel;

namespace Mailing.Templates;

/// <summary>Turns a template's <see cref="UnsubscribeUrlAttribute"/> and <see cref="UnsubscribeMailtoAttribute"/> members into an <see cref="UnsubscribeTarget"/>.</summary>
/// <remarks>Used by code the Mailing source generator emits; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateUnsubscribe
{
    /// <summary>The value of a <see cref="string"/> member as a URI.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="member">The member, as <c>Class.Member</c>, for the error message.</param>
    /// <returns>The absolute URI, or <see langword="null"/> when <paramref name="value"/> is null or empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not an absolute URI.</exception>
    public static Uri? Uri(string? value, string member)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return UnsubscribeTarget.TryParseAbsolute(value, out var uri)
            ? uri
            : throw new ArgumentException($"{member} is \"{value.Split('?', 2)[0]}\", which is not an absolute URL: set it to the recipient's whole https unsubscribe link, e.g. https://shop.example/unsubscribe?token=...", member);
    }

    /// <summary>The unsubscribe target of a rendered template.</summary>
    /// <param name="url">The <see cref="UnsubscribeUrlAttribute"/> member's value.</param>
    /// <param name="mailto">The <see cref="UnsubscribeMailtoAttribute"/> member's value, if the template has one.</param>
    /// <param name="urlMember">The URL member, as <c>Class.Member</c>, for error messages.</param>
    /// <param name="mailtoMember">The mailto member, as <c>Class.Member</c>, for error messages.</param>
    /// <returns>The target, or <see langword="null"/> when <paramref name="url"/> is null (a bulk message is then refused when sent).</returns>
    /// <exception cref="ArgumentException">The URL is not https, or the mailto value is not a mailto: URI; the message names the member.</exception>
    public static UnsubscribeTarget? Create(Uri? url, Uri? mailto, string urlMember, string? mailtoMember)
    {
        if (url is null)
        {
            return null;
        }

        try
        {
            return new UnsubscribeTarget(url, mailto);
        }
        catch (ArgumentException exception)
        {
            var member = exception.ParamName == "mailto" ? mailtoMember ?? urlMember : urlMember;
            throw new ArgumentException($"{member}: {exception.Message.Split(" (Parameter", 2)[0]}", member, exception);
        }
    }
}
