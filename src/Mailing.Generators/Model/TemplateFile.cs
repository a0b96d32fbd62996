namespace Mailing.Generators.Model;

/// <summary>An additional file that holds a template: its full path and its text.</summary>
internal sealed record TemplateFile(string Path, string Text);
