using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailing;

/// <summary>
/// Answers an unsubscribe link. A POST of <c>List-Unsubscribe=One-Click</c> (RFC 8058), or the confirmation page's
/// button, unsubscribes: no cookies, no login, no further step. A GET only shows the confirmation page, because link
/// scanners and previewers open links without anyone asking to unsubscribe.
/// </summary>
internal sealed class UnsubscribeEndpoint
{
    public const string TokenParameter = "token";
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";
    public const string ConfirmField = "unsubscribe";
    public const string ConfirmValue = "confirm";

    /// <summary>
    /// How long a used link is remembered, so a repeat (a mailbox provider's retry, a second click, the page confirmed
    /// after Gmail's one-click) is answered without calling the handler again. Handlers are documented to be idempotent:
    /// after a day, or once <see cref="ReplayCapacity"/> links are remembered, a repeat is passed on again.
    /// </summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromDays(1);

    /// <summary>How many used links are remembered at most.</summary>
    public const int ReplayCapacity = 100_000;

    private readonly UnsubscribeTokens _tokens;
    private readonly ReplayGuard _replays;
    private readonly IUnsubscribeHandler? _handler;
    private readonly ILogger _logger;

    /// <summary>Answers with <paramref name="handler"/>, the one passed to <c>MapMailingUnsubscribe</c>, or with the <see cref="IUnsubscribeHandler"/> resolved per request when it is <see langword="null"/>.</summary>
    public UnsubscribeEndpoint(UnsubscribeTokens tokens, ReplayGuard replays, IUnsubscribeHandler? handler, ILogger logger)
    {
        _tokens = tokens;
        _replays = replays;
        _handler = handler;
        _logger = logger;
    }

    public Task GetAsync(HttpContext context)
    {
        UnsubscribePage.SetSafetyHeaders(context.Response);
        return Read(context) switch
        {
            (UnsubscribeTokenStatus.Valid, var token) => UnsubscribePage.ConfirmAsync(context, token!),
            (UnsubscribeTokenStatus.Expired, _) => UnsubscribePage.ExpiredAsync(context),
            _ => UnsubscribePage.InvalidAsync(context),
        };
    }

    public async Task PostAsync(HttpContext context)
    {
        UnsubscribePage.SetSafetyHeaders(context.Response);
        var (status, token) = Read(context);
        if (status != UnsubscribeTokenStatus.Valid)
        {
            await (status == UnsubscribeTokenStatus.Expired ? UnsubscribePage.ExpiredAsync(context) : UnsubscribePage.InvalidAsync(context)).ConfigureAwait(false);
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await UnsubscribePage.NotAnUnsubscribeAsync(context, StatusCodes.Status415UnsupportedMediaType).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        UnsubscribeMethod method;
        if (form[OneClickField] == OneClickValue)
        {
            method = UnsubscribeMethod.OneClick;
        }
        else if (form[ConfirmField] == ConfirmValue)
        {
            method = UnsubscribeMethod.Page;
        }
        else
        {
            await UnsubscribePage.NotAnUnsubscribeAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var request = new UnsubscribeRequest(new EmailAddress(token!.Recipient), token.List, method, token.IssuedAt, context);
        if (_replays.TryClaim(token.Id))
        {
            try
            {
                await RecordAsync(request, context.RequestAborted).ConfigureAwait(false);
            }
            catch
            {
                _replays.Release(token.Id);
                throw;
            }

            UnsubscribeLog.Unsubscribed(_logger, request.Recipient.Domain, request.List, method);
        }
        else
        {
            UnsubscribeLog.Repeated(_logger, request.Recipient.Domain, request.List);
        }

        await UnsubscribePage.DoneAsync(context, token).ConfigureAwait(false);
    }

    /// <summary>
    /// Every unsubscribe the endpoint accepts passes here, once: the one place it is recorded, in the suppression list
    /// (so no bulk mail goes to the address again, whatever the handler does) and by the application's handler.
    /// </summary>
    private async Task RecordAsync(UnsubscribeRequest request, CancellationToken cancellationToken)
    {
        var services = request.HttpContext.RequestServices;
        if (services.GetService<ISuppressionList>() is { } suppressions)
        {
            var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            await suppressions.AddAsync(request.Recipient, SuppressionReason.Unsubscribed, $"unsubscribe link ({request.List})", now, cancellationToken).ConfigureAwait(false);
        }

        var handler = _handler ?? request.HttpContext.RequestServices.GetRequiredService<IUnsubscribeHandler>();
        await handler.UnsubscribeAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private (UnsubscribeTokenStatus Status, UnsubscribeToken? Token) Read(HttpContext context)
    {
        var status = _tokens.TryRead(context.Request.Query[TokenParameter], out var token);
        switch (status)
        {
            case UnsubscribeTokenStatus.Invalid:
                UnsubscribeLog.InvalidToken(_logger, context.Request.Method, context.Request.Path);
                break;
            case UnsubscribeTokenStatus.Expired:
                UnsubscribeLog.ExpiredToken(_logger, token!.List, token.IssuedAt);
                break;
        }

        return (status, token);
    }
}
