using System.Globalization;

namespace Mailing.DevInbox.Previews;

/// <summary>A preview rendered in one culture, or why its sample code failed.</summary>
internal sealed record PreviewRendering(EmailPreview Preview, CultureInfo Culture, RenderedEmail? Email, string? Failure)
{
    /// <summary>Runs the preview method and the template; an exception there is the app's bug, shown rather than thrown.</summary>
    public static PreviewRendering Render(EmailPreview preview, CultureInfo culture)
    {
        try
        {
            return new PreviewRendering(preview, culture, preview.Render(culture), null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new PreviewRendering(preview, culture, null, $"{preview.TemplateName}.{preview.Name}() failed: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
