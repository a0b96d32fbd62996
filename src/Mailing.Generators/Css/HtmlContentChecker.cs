using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mailing.Generators.Transforming;

namespace Mailing.Generators.Css;

/// <summary>
/// Build-time checks of what a recipient's mail client will make of the HTML: images without alt
/// text, plain-http links, a size Gmail clips, a missing preheader.
/// </summary>
internal static class HtmlContentChecker
{
    /// <summary>Gmail shows "[Message clipped]" once the HTML part passes 102 KB.</summary>
    public const int GmailClipBytes = ContentLimits.GmailClipBytes;

    /// <summary>
    /// Warn at 80 % of the limit: the size measured is the template's static markup, and the data
    /// each message writes into it comes on top.
    /// </summary>
    public const int GmailWarningBytes = GmailClipBytes * 8 / 10;

    private static readonly Regex Hidden = new(@"display\s*:\s*none", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <param name="template">The template as given; findings are positioned in it.</param>
    /// <param name="output">The template that will be emitted (inlined), whose size is measured.</param>
    public static List<TransformFinding> Check(string template, string output)
    {
        var findings = new List<TransformFinding>();
        var mask = TemplateMasker.Mask(template);
        MarkupToken? body = null;
        var hasPreheader = false;
        foreach (var token in mask.Tokens)
        {
            if (token.Kind != MarkupTokenKind.StartTag)
            {
                continue;
            }

            if (token.Name == "body")
            {
                body = token;
            }
            else if (body is not null && !hasPreheader)
            {
                hasPreheader = Contains(template, token.Attribute("class"), "preheader")
                    || (token.Attribute("style") is { HasValue: true } style && Hidden.IsMatch(Value(template, style)));
            }

            if (token.Name == "img" && token.Attribute("alt") is null)
            {
                findings.Add(new TransformFinding(
                    ContentDiagnosticIds.ImageWithoutAlt,
                    "this <img> has no alt attribute: clients that block images show nothing in its place; use alt=\"\" for a decorative image",
                    token.Start,
                    token.End - token.Start));
            }

            foreach (var attribute in token.Attributes)
            {
                if (attribute.Name is "href" or "src" && attribute.HasValue
                    && Value(template, attribute).TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(new TransformFinding(
                        ContentDiagnosticIds.InsecureLink,
                        $"'{Value(template, attribute).Trim()}' uses http://: clients warn about or block it, and it can be read or changed in transit; use https://",
                        attribute.ValueStart,
                        attribute.ValueEnd - attribute.ValueStart));
                }
            }
        }

        if (body is not null && !hasPreheader)
        {
            findings.Add(new TransformFinding(
                ContentDiagnosticIds.MissingPreheader,
                "the email has no preheader: inboxes show the first text of the body beside the subject; add a hidden <span class=\"preheader\" style=\"display: none\"> at the top of <body>",
                body.Start,
                body.End - body.Start));
        }

        var size = StaticSize(output);
        if (size >= GmailWarningBytes)
        {
            findings.Add(new TransformFinding(
                ContentDiagnosticIds.GmailClipping,
                string.Format(CultureInfo.InvariantCulture,
                    "the HTML is {0:0.0} KB before any data is written into it; Gmail clips messages over 102 KB and hides the rest behind \"View entire message\"; move CSS the clients ignore, or split the content",
                    size / 1024.0),
                0,
                0));
        }

        return findings;
    }

    private static int StaticSize(string template)
    {
        var size = 0;
        var position = 0;
        foreach (var block in TemplateCodeScanner.Scan(template))
        {
            size += Encoding.UTF8.GetByteCount(template.Substring(position, block.Start - position));
            position = block.End;
        }

        return size + Encoding.UTF8.GetByteCount(template.Substring(position));
    }

    private static bool Contains(string template, MarkupAttribute? attribute, string word)
        => attribute is { HasValue: true } && Value(template, attribute).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    private static string Value(string template, MarkupAttribute attribute)
        => template.Substring(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart);
}
