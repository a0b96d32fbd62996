using System.Text;
using System.Text.Json;
using Mailing.DevInbox.Smtp;
using Mailing.DevInbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Mailing.DevInbox.Web;

/// <summary>The REST API and the web inbox's pages, mapped under a prefix.</summary>
internal static class InboxEndpoints
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    public static void Map(IEndpointRouteBuilder routes, string prefix)
    {
        var root = prefix.TrimEnd('/');
        var apiBase = root + "/api";
        var group = routes.MapGroup(root);
        var api = group.MapGroup("/api");

        api.MapGet("/messages", (MessageInbox inbox, string? query, int? limit) =>
        {
            var matches = inbox.List(MessageQuery.Parse(query));
            var page = matches.Take(limit is > 0 ? limit.Value : int.MaxValue).Select(MessageView.Summarize).ToArray();
            return Results.Json(new MessageList(matches.Count, page.Length, inbox.Capacity, inbox.StorageDescription, page), DevInboxJsonContext.Default.MessageList);
        });

        api.MapDelete("/messages", async (MessageInbox inbox, CancellationToken cancellationToken) =>
        {
            await inbox.ClearAsync(cancellationToken).ConfigureAwait(false);
            return Results.NoContent();
        });

        // Declared before {id} so "wait" is never read as an id.
        api.MapGet("/messages/wait", async (MessageInbox inbox, string? query, string? to, string? subject, double? timeout, CancellationToken cancellationToken) =>
        {
            var patience = timeout is > 0 ? TimeSpan.FromSeconds(Math.Min(timeout.Value, LongestWait.TotalSeconds)) : DefaultWait;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(patience);
            var message = await inbox.WaitAsync(MessageQuery.From(query, to, subject), deadline.Token).ConfigureAwait(false);
            return message is null
                ? Results.Problem($"No message matched within {patience.TotalSeconds} s.", statusCode: StatusCodes.Status408RequestTimeout)
                : Results.Json(new MessageView(message, apiBase).Detail(), DevInboxJsonContext.Default.MessageDetail);
        });

        api.MapGet("/messages/{id}", (MessageInbox inbox, string id) =>
            Find(inbox, id, apiBase) is { } view ? Results.Json(view.Detail(), DevInboxJsonContext.Default.MessageDetail) : NotFound(id));

        api.MapDelete("/messages/{id}", async (MessageInbox inbox, string id, CancellationToken cancellationToken) =>
            await inbox.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? Results.NoContent() : NotFound(id));

        api.MapGet("/messages/{id}/raw", (MessageInbox inbox, string id, HttpContext context) =>
        {
            if (inbox.Find(id) is not { } message)
            {
                return NotFound(id);
            }

            Harden(context.Response);
            return Results.File(message.Raw, "message/rfc822", fileDownloadName: $"{id}.eml");
        });

        api.MapGet("/messages/{id}/source", (MessageInbox inbox, string id, HttpContext context) =>
        {
            if (inbox.Find(id) is not { } message)
            {
                return NotFound(id);
            }

            Harden(context.Response);
            return Results.Bytes(message.Raw, "text/plain; charset=utf-8");
        });

        api.MapGet("/messages/{id}/html", (MessageInbox inbox, string id, bool? remote, HttpContext context) =>
        {
            if (Find(inbox, id, apiBase) is not { } view)
            {
                return NotFound(id);
            }

            var cidPath = $"{apiBase}/messages/{id}/cid/";
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            var html = HtmlDefuser.Defuse(HtmlSandbox.RewriteContentIds(view.HtmlPart?.Text ?? "", cidPath), remote == true);
            HtmlSandbox.Secure(context.Response, origin + cidPath, remote == true);
            return Results.Text(html, "text/html; charset=utf-8");
        });

        api.MapGet("/messages/{id}/text", (MessageInbox inbox, string id, HttpContext context) =>
        {
            if (Find(inbox, id, apiBase) is not { } view)
            {
                return NotFound(id);
            }

            Harden(context.Response);
            return Results.Text(view.TextPart?.Text ?? "", "text/plain; charset=utf-8");
        });

        api.MapGet("/messages/{id}/parts/{index:int}", (MessageInbox inbox, string id, int index, HttpContext context) =>
            Find(inbox, id, apiBase)?.Part(index) is { } part ? Download(part, context) : NotFound(id));

        api.MapGet("/messages/{id}/cid/{contentId}", (MessageInbox inbox, string id, string contentId, HttpContext context) =>
            Find(inbox, id, apiBase)?.ByContentId(Uri.UnescapeDataString(contentId)) is { } part ? Inline(part, context) : NotFound(id));

        api.MapGet("/messages/{id}/links", (MessageInbox inbox, string id) =>
            Find(inbox, id, apiBase) is { } view
                ? Results.Json(LinkExtractor.Extract(view.HtmlPart?.Text), DevInboxJsonContext.Default.IReadOnlyListMessageLink)
                : NotFound(id));

        api.MapGet("/messages/{id}/checks", (MessageInbox inbox, string id) =>
            Find(inbox, id, apiBase) is { } view
                ? Results.Json(MessageChecker.Check(view), DevInboxJsonContext.Default.IReadOnlyListMessageCheck)
                : NotFound(id));

        api.MapGet("/chaos", (ChaosMode chaos) => Results.Json(StateOf(chaos.Rule), DevInboxJsonContext.Default.ChaosState));

        api.MapPut("/chaos", async (ChaosMode chaos, HttpRequest request, CancellationToken cancellationToken) =>
        {
            var state = await JsonSerializer.DeserializeAsync(request.Body, DevInboxJsonContext.Default.ChaosState, cancellationToken).ConfigureAwait(false);
            if (state is null or { Enabled: false })
            {
                chaos.Rule = null;
            }
            else
            {
                try
                {
                    chaos.Rule = ChaosRule.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.Step}:{state.Code}:{state.Rate ?? 1}"));
                }
                catch (FormatException failure)
                {
                    return Results.Problem(failure.Message, statusCode: StatusCodes.Status400BadRequest);
                }
            }

            return Results.Json(StateOf(chaos.Rule), DevInboxJsonContext.Default.ChaosState);
        });

        api.MapDelete("/chaos", (ChaosMode chaos) =>
        {
            chaos.Rule = null;
            return Results.Json(StateOf(null), DevInboxJsonContext.Default.ChaosState);
        });

        api.MapGet("/events", ServerSentEventsAsync);

        group.MapGet("/", (HttpContext context) =>
        {
            if (!context.Request.Path.HasValue || !context.Request.Path.Value!.EndsWith('/'))
            {
                // The page loads its script and styles by relative URL, which needs the trailing slash.
                return Results.Redirect(context.Request.PathBase + context.Request.Path + "/");
            }

            return UiAssets.Serve("index.html", context);
        });
        group.MapGet("/live.js", (HttpContext context) => UiAssets.Serve("live.js", context));
        group.MapGet("/inbox.js", (HttpContext context) => UiAssets.Serve("inbox.js", context));
        group.MapGet("/inbox.css", (HttpContext context) => UiAssets.Serve("inbox.css", context));
    }

    private static async Task ServerSentEventsAsync(HttpContext context, MessageInbox inbox, ChaosMode chaos, IHostApplicationLifetime lifetime)
    {
        // An open inbox tab must not hold up shutdown until the host's timeout: the stream ends when the app stops.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = inbox.Subscribe();
        void OnChaos() => inbox.Publish(new InboxEvent("chaos", null));
        chaos.Changed += OnChaos;
        try
        {
            await context.Response.WriteAsync(": connected\n\n", cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var change in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var data = change.Message is { } message
                    ? JsonSerializer.Serialize(MessageView.Summarize(message), DevInboxJsonContext.Default.MessageSummary)
                    : JsonSerializer.Serialize(StateOf(chaos.Rule), DevInboxJsonContext.Default.ChaosState);
                await context.Response.WriteAsync($"event: {change.Kind}\ndata: {data}\n\n", cancellationToken).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away, or the inbox is stopping.
        }
        finally
        {
            chaos.Changed -= OnChaos;
        }
    }

    private static MessageView? Find(MessageInbox inbox, string id, string apiBase) =>
        inbox.Find(id) is { } message ? new MessageView(message, apiBase) : null;

    private static IResult NotFound(string id) => Results.Problem($"No message with id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static ChaosState StateOf(ChaosRule? rule) => rule is null
        ? new ChaosState(false, null, null, null)
        : new ChaosState(true, rule.Step switch { ChaosStep.Auth => "auth", ChaosStep.MailFrom => "mail", ChaosStep.RcptTo => "rcpt", _ => "data" }, rule.Code, rule.Rate);

    private static IResult Download(MimeEntity part, HttpContext context)
    {
        Harden(context.Response);
        var name = (part as MimePart)?.FileName ?? $"part-{part.ContentId ?? "content"}";
        // Always a download, never rendered in the inbox's origin: an attachment is untrusted content.
        return Results.File(MessageView.Content(part), "application/octet-stream", fileDownloadName: name);
    }

    private static IResult Inline(MimeEntity part, HttpContext context)
    {
        Harden(context.Response);
        var type = part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase) ? part.ContentType.MimeType : "application/octet-stream";
        return Results.File(MessageView.Content(part), type);
    }

    private static void Harden(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
        response.Headers.CacheControl = "no-store";
        // Chromium resolves the host names of links it sees before anyone clicks; the lookup alone tells a tracker.
        response.Headers["X-DNS-Prefetch-Control"] = "off";
    }

}
