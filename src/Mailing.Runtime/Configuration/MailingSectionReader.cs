using Mailing.Dispatch;
using Microsoft.Extensions.Configuration;

namespace Mailing;

/// <summary>
/// Reads the parts of the <c>Mailing</c> section that describe more than one transport — <c>Transports</c>,
/// <c>Routes</c>, <c>Dispatch</c>, <c>Staging</c> — into the registry, recording problems with their keys.
/// </summary>
internal static class MailingSectionReader
{
    public static void ReadTransports(IConfiguration section, MailingTransportRegistry registry)
    {
        foreach (var child in section.GetSection("Transports").GetChildren())
        {
            var definition = new TransportDefinition(child.Key, child.Path);
            registry.Add(child.Value is { } text ? definition with { Text = text } : definition with { Section = child });
        }
    }

    /// <summary>Reads <c>Routes</c>: an array of <c>{ "Tag": "newsletter", "Transport": "bulk" }</c> or <c>{ "Template": "WeeklyDigestEmail", ... }</c>.</summary>
    public static void ReadRoutes(IConfiguration section, MailingTransportRegistry registry)
    {
        foreach (var route in section.GetSection("Routes").GetChildren())
        {
            var transport = route["Transport"];
            var tag = route["Tag"];
            var template = route["Template"];
            if (string.IsNullOrWhiteSpace(transport) || (tag is null) == (template is null))
            {
                registry.Problems.Add($"{route.Path} must have \"Transport\" and exactly one of \"Tag\" or \"Template\", e.g. {{ \"Tag\": \"newsletter\", \"Transport\": \"bulk\" }}.");
                continue;
            }

            registry.AddRoute(tag is not null
                ? new MailRoute(transport, MailRoutes.Tag(tag), $"tag \"{tag}\"")
                : new MailRoute(transport, MailRoutes.TemplateNamed(template!), $"template {template}"));
        }
    }

    public static void ReadDispatch(IConfiguration section, MailingTransportRegistry registry)
    {
        var dispatch = section.GetSection("Dispatch");
        if (dispatch.Exists())
        {
            DispatchPolicyBinder.Bind(dispatch, registry.EnsurePolicy());
        }
    }

    /// <summary>Reads <c>Staging:RedirectTo</c> and <c>Staging:AllowedRecipients</c>; true when either is set.</summary>
    public static bool ReadStaging(IConfiguration section, MailingTransportRegistry registry)
    {
        var staging = section.GetSection("Staging");
        if (!staging.Exists())
        {
            return false;
        }

        if (staging["RedirectTo"] is { Length: > 0 } redirect)
        {
            if (EmailAddress.TryParse(redirect, out var address, out var error))
            {
                registry.Staging.RedirectTo = address;
            }
            else
            {
                registry.Problems.Add($"{staging.Path}:RedirectTo is not a valid address: {error}");
            }
        }

        foreach (var text in ConfigurationValueReader.ReadList(staging, "AllowedRecipients"))
        {
            if (RecipientPattern.TryParse(text, out var pattern, out var error))
            {
                registry.Staging.Allowed.Add(pattern!);
            }
            else
            {
                registry.Problems.Add($"{staging.Path}:AllowedRecipients: {error}");
            }
        }

        return registry.Staging.RedirectTo is not null || registry.Staging.Allowed.Count > 0;
    }
}
