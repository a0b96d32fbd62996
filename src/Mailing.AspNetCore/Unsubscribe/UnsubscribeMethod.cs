namespace Mailing;

/// <summary>How an unsubscribe reached the endpoint.</summary>
public enum UnsubscribeMethod
{
    /// <summary>
    /// A mailbox provider's one-click POST (RFC 8058): the recipient pressed Unsubscribe in Gmail, Yahoo or Apple Mail,
    /// which POSTed <c>List-Unsubscribe=One-Click</c> to the link on their behalf.
    /// </summary>
    OneClick = 0,

    /// <summary>The recipient opened the link in a browser and confirmed on the page the endpoint showed.</summary>
    Page = 1,
}
