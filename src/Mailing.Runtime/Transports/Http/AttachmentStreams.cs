namespace Mailing.Transports.Http;

/// <summary>
/// Opens a message's attachments and inline resources before a request is sent, so a file that no longer exists
/// fails the send before anything reaches the provider (as over SMTP); the request body reads them as it is written.
/// </summary>
internal static class AttachmentStreams
{
    /// <summary>Opens every attachment, then every inline resource, in that order; the caller disposes them.</summary>
    /// <exception cref="FileNotFoundException">An attachment's file no longer exists.</exception>
    public static IReadOnlyList<Stream> Open(EmailMessage message)
    {
        var streams = new List<Stream>(message.Attachments.Count + message.InlineResources.Count);
        try
        {
            streams.AddRange(message.Attachments.Select(a => a.OpenRead()));
            streams.AddRange(message.InlineResources.Select(r => r.OpenRead()));
            return streams;
        }
        catch
        {
            streams.ForEach(s => s.Dispose());
            throw;
        }
    }
}
