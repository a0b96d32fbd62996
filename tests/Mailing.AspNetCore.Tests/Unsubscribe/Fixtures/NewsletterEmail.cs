namespace Mailing.AspNetCore.Tests.Unsubscribe.Fixtures;

/// <summary>A bulk template compiled by the Mailing generator, as in an application: its footer and its headers carry the same link.</summary>
[EmailTemplate(
    Html = "<h1>{{ title }}</h1><p>What is new this month.</p><p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p>",
    Subject = "{{ title }}",
    Kind = EmailKind.Bulk)]
public sealed partial class NewsletterEmail
{
    public required string Title { get; init; }

    [UnsubscribeUrl]
    public required Uri UnsubscribeUrl { get; init; }
}
