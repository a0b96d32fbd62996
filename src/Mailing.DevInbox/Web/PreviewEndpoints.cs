using System.Globalization;
using System.Text.Json;
using Mailing.DevInbox.Previews;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mailing.DevInbox.Web;

/// <summary>The previews API (<c>{prefix}/api/previews</c>) and page (<c>{prefix}/previews</c>).</summary>
internal static class PreviewEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, string prefix)
    {
        var root = prefix.TrimEnd('/');
        var apiBase = root + "/api";
        var group = routes.MapGroup(root);
        var api = group.MapGroup("/api/previews");

        api.MapGet("/", (PreviewCatalog catalog) =>
        {
            var previews = catalog.All.Select(p => new PreviewSummary(p.TemplateName, p.Name, p.DisplayName, p.Description, UrlOf(apiBase, p))).ToArray();
            return Results.Json(new PreviewList(previews.Length, previews), DevInboxJsonContext.Default.PreviewList);
        });

        api.MapGet("/{template}/{preview}", (PreviewCatalog catalog, string template, string preview, string? culture) =>
        {
            if (!TryRender(catalog, template, preview, culture, out var rendering, out var problem))
            {
                return problem;
            }

            var email = rendering.Email!;
            var url = UrlOf(apiBase, rendering.Preview);
            var query = CultureQuery(rendering.Culture);
            return Results.Json(
                new PreviewDetail(template, preview, rendering.Preview.DisplayName, rendering.Preview.Description, rendering.Culture.Name, email.Subject, email.Html, email.Text, $"{url}/html{query}", $"{url}/send{query}"),
                DevInboxJsonContext.Default.PreviewDetail);
        });

        api.MapGet("/{template}/{preview}/html", (PreviewCatalog catalog, string template, string preview, string? culture, bool? remote, HttpContext context) =>
        {
            if (!TryRender(catalog, template, preview, culture, out var rendering, out var problem))
            {
                return problem;
            }

            // A preview has no parts for its cid: images (they are attached at send time): placeholders stand in.
            // The message viewer's policy and defusing apply all the same, remote images included.
            HtmlSandbox.Secure(context.Response, $"{context.Request.Scheme}://{context.Request.Host}{apiBase}/previews/", remote == true);
            var html = HtmlDefuser.Defuse(HtmlSandbox.ShowContentIdsAsPlaceholders(rendering.Email!.Html), remote == true);
            return Results.Text(html, "text/html; charset=utf-8");
        });

        api.MapPost("/{template}/{preview}/send", async (PreviewCatalog catalog, PreviewDelivery delivery, string template, string preview, string? culture, HttpRequest request, CancellationToken cancellationToken) =>
        {
            var (recipient, badRequest) = await RecipientOfAsync(request, cancellationToken).ConfigureAwait(false);
            if (badRequest is not null)
            {
                return badRequest;
            }

            if (!TryRender(catalog, template, preview, culture, out var rendering, out var problem))
            {
                return problem;
            }

            var sent = await delivery.SendAsync(rendering.Preview, rendering.Email!, rendering.Culture, recipient, cancellationToken).ConfigureAwait(false);
            var id = sent.ProviderMessageId!;
            return Results.Json(
                new PreviewSent(id, sent.MessageId, recipient.ToString(), $"{apiBase}/messages/{id}"),
                DevInboxJsonContext.Default.PreviewSent,
                statusCode: StatusCodes.Status201Created);
        });

        group.MapGet("/previews", (HttpContext context) => UiAssets.Serve("previews.html", context));
        group.MapGet("/previews.js", (HttpContext context) => UiAssets.Serve("previews.js", context));
        group.MapGet("/previews.css", (HttpContext context) => UiAssets.Serve("previews.css", context));
    }

    private static string UrlOf(string apiBase, EmailPreview preview) =>
        $"{apiBase}/previews/{Uri.EscapeDataString(preview.TemplateName)}/{Uri.EscapeDataString(preview.Name)}";

    private static string CultureQuery(CultureInfo culture) => culture.Name.Length == 0 ? "" : "?culture=" + Uri.EscapeDataString(culture.Name);

    private static bool TryRender(PreviewCatalog catalog, string template, string preview, string? culture, out PreviewRendering rendering, out IResult problem)
    {
        rendering = null!;
        if (catalog.Find(template, preview) is not { } found)
        {
            problem = Results.Problem($"No preview '{preview}' of template '{template}'. GET the previews list for what there is.", statusCode: StatusCodes.Status404NotFound);
            return false;
        }

        if (!PreviewCulture.TryParse(culture, out var cultureInfo, out var error))
        {
            problem = Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            return false;
        }

        rendering = PreviewRendering.Render(found, cultureInfo);
        problem = rendering.Failure is { } failure
            ? Results.Problem(failure, statusCode: StatusCodes.Status500InternalServerError, title: "The preview could not be rendered")
            : Results.Empty;
        return rendering.Failure is null;
    }

    /// <summary>The body's <c>to</c>, or the default recipient when there is no body.</summary>
    private static async Task<(EmailAddress Recipient, IResult? Problem)> RecipientOfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return (PreviewDelivery.DefaultRecipient, null);
        }

        PreviewSendRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, DevInboxJsonContext.Default.PreviewSendRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException failure)
        {
            return (PreviewDelivery.DefaultRecipient, Results.Problem($"The body is not {{ \"to\": \"address\" }}: {failure.Message}", statusCode: StatusCodes.Status400BadRequest));
        }

        if (body?.To is not { Length: > 0 } to)
        {
            return (PreviewDelivery.DefaultRecipient, null);
        }

        return EmailAddress.TryParse(to, out var parsed, out var error)
            ? (parsed!, null)
            : (PreviewDelivery.DefaultRecipient, Results.Problem($"'to' is not an address: {error}", statusCode: StatusCodes.Status400BadRequest));
    }
}
