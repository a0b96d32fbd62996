namespace Mailing.Dispatch;

/// <summary>The routing rules configuration can express: by tag, or by template class name.</summary>
internal static class MailRoutes
{
    public static Func<EmailMessage, bool> Tag(string tag) =>
        message => message.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    /// <summary>Matches the template's class name, alone (<c>WeeklyDigestEmail</c>) or with its namespace.</summary>
    public static Func<EmailMessage, bool> TemplateNamed(string name) =>
        message => message.Template?.GetType() is { } type
            && (string.Equals(type.Name, name, StringComparison.Ordinal) || string.Equals(type.FullName, name, StringComparison.Ordinal));
}
