namespace Mailing;

/// <summary>An <see cref="IUnsubscribeHandler"/> made of the delegate passed to <c>MapMailingUnsubscribe</c>.</summary>
internal sealed class DelegateUnsubscribeHandler(Func<UnsubscribeRequest, CancellationToken, Task> handler) : IUnsubscribeHandler
{
    public Task UnsubscribeAsync(UnsubscribeRequest request, CancellationToken cancellationToken) => handler(request, cancellationToken);
}
