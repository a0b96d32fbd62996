using System.Net;

namespace Mailing.Runtime.Tests.TestSupport;

/// <summary>A second hand-written template whose text is derived from its HTML (empty Text), like a template without a .sbn-txt.</summary>
public sealed class PasswordResetEmail : IEmailTemplate
{
    public required string ResetUrl { get; init; }

    public RenderedEmail Render(IFormatProvider? culture = null)
    {
        var html = new StringWriter();
        RenderHtml(html, culture);
        return new RenderedEmail("Reset your password", html.ToString(), "");
    }

    public void RenderHtml(TextWriter writer, IFormatProvider? culture = null) =>
        writer.Write($"<html><head><style>p {{ color: red; }}</style></head><body><p>Click <a href=\"{WebUtility.HtmlEncode(ResetUrl)}\">reset my password</a>.</p></body></html>");
}
