using System.Globalization;
using System.Net;

namespace Mailing.Runtime.Tests.TestSupport;

/// <summary>A hand-written template, shaped like what the generator emits, so runtime tests do not depend on it.</summary>
public sealed class WelcomeEmail : IEmailTemplate
{
    public required TestUser User { get; init; }

    public int RenderCount { get; private set; }

    public RenderedEmail Render(IFormatProvider? culture = null)
    {
        RenderCount++;
        var html = new StringWriter(CultureInfo.InvariantCulture);
        RenderHtml(html, culture);
        return new RenderedEmail($"Welcome, {User.Name}", html.ToString(), $"Hello {User.Name}, your account {User.Id} is ready.");
    }

    public void RenderHtml(TextWriter writer, IFormatProvider? culture = null) =>
        writer.Write($"<p>Hello <b>{WebUtility.HtmlEncode(User.Name)}</b>, your account {User.Id} is ready.</p>");
}

public sealed record TestUser(int Id, string Name);
