using Mailing.Webhooks;
using Mailing.Webhooks.Mailgun;
using Mailing.Webhooks.Postmark;
using Mailing.Webhooks.Resend;
using Mailing.Webhooks.SendGrid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailing;

/// <summary>Maps the providers' delivery-event webhooks: <c>app.MapMailingWebhooks("/webhooks/mail")</c>.</summary>
public static class MailingWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {prefix}/sendgrid</c>, <c>/mailgun</c>, <c>/resend</c> and <c>/postmark</c>, each only when its secret is
    /// configured under <c>Mailing:Webhooks</c>. Each endpoint verifies the request as its provider documents before
    /// reading a byte of it as events, then hands every event to the suppression list and the <see cref="IMailEventHandler"/>s.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">Where the endpoints live; the URLs to paste into the providers' dashboards are this plus <c>/sendgrid</c> and so on.</param>
    /// <param name="configure">Changes the options after they are read from configuration, e.g. to set secrets from a vault.</param>
    /// <returns>The group of endpoints, for conventions such as <c>RequireHost</c> or rate limiting.</returns>
    /// <remarks>
    /// <para>
    /// Start-up logs name each provider mapped and each one left out for want of its secret. The endpoints allow anonymous
    /// requests (a fallback authorization policy must not lock providers out): the signature is their authentication.
    /// </para>
    /// <para>
    /// Answers: 200 when every event was handled; 401 for a missing or wrong signature, wrong credentials, a stale
    /// timestamp or a replay; 400 for a body that is not the provider's JSON; 413 above
    /// <see cref="MailingWebhookOptions.MaxBodyBytes"/>; 500 when a handler threw, so the provider sends the request again.
    /// Each refusal is logged with its reason; no handler runs for a refused request.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException"><c>AddMailing</c> was not called, or a setting is invalid (a key that is not a key, half a pair); the message names the key and the fix.</exception>
    public static RouteGroupBuilder MapMailingWebhooks(this IEndpointRouteBuilder endpoints, string prefix = "/webhooks/mail", Action<MailingWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IMailEventDispatcher)))
        {
            throw new InvalidOperationException("MapMailingWebhooks needs Mailing's services: call builder.Services.AddMailing(...) before building the app.");
        }

        var options = WebhookOptionsReader.Read(services.GetService<IConfiguration>());
        configure?.Invoke(options);
        WebhookOptionsReader.Validate(options);

        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("Mailing.Webhooks");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        // A signature older than the tolerance needs no memory (the staleness check refuses it); twice the tolerance covers
        // a timestamp up to the tolerance ahead of the clock as well as behind it. Per process: a replay that reaches another
        // instance is an ordinary duplicate, which handlers already recognise by MailEvent.EventId.
        var replays = new ReplayGuard(time, 2 * options.TimestampTolerance);
        var group = endpoints.MapGroup(prefix);
        group.AllowAnonymous();

        var mapped = 0;
        foreach (var (provider, webhook, missing) in Providers(options))
        {
            if (webhook is null)
            {
                WebhookLog.NotMapped(logger, provider, $"{WebhookOptionsReader.SectionPath}:{missing}");
                continue;
            }

            var endpoint = new WebhookEndpoint(webhook, options, replays, time, logger);
            group.MapPost("/" + webhook.Provider, endpoint.HandleAsync).WithDisplayName($"Mailing {webhook.Provider} webhook");
            WebhookLog.Mapped(logger, webhook.Provider, $"{prefix.TrimEnd('/')}/{webhook.Provider}", webhook.Verification);
            mapped++;
        }

        if (mapped == 0)
        {
            WebhookLog.NoProvider(logger, WebhookOptionsReader.SectionPath, prefix);
        }
        else if (services.GetService<ISuppressionList>() is InMemorySuppressionList)
        {
            WebhookLog.SuppressionInMemory(logger);
        }

        return group;
    }

    /// <summary>Each provider's webhook, or the key that is missing for it.</summary>
    private static IEnumerable<(string Provider, IMailWebhook? Webhook, string Missing)> Providers(MailingWebhookOptions options)
    {
        yield return options.SendGrid.PublicKey is { } publicKey ? ("sendgrid", Checked(() => new SendGridWebhook(publicKey)), "") : ("sendgrid", null, "SendGrid:PublicKey");
        yield return options.Mailgun.SigningKey is { } signingKey ? ("mailgun", new MailgunWebhook(signingKey), "") : ("mailgun", null, "Mailgun:SigningKey");
        yield return options.Resend.Secret is { } secret ? ("resend", Checked(() => new ResendWebhook(secret)), "") : ("resend", null, "Resend:Secret");
        var postmark = options.Postmark;
        yield return postmark.Password is not null || postmark.HeaderValue is not null
            ? ("postmark", new PostmarkWebhook(postmark), "")
            : ("postmark", null, "Postmark:Username and Password (or HeaderName and HeaderValue)");
    }

    private static IMailWebhook Checked(Func<IMailWebhook> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException(exception.Message.Split(" (Parameter", 2)[0], exception);
        }
    }
}
