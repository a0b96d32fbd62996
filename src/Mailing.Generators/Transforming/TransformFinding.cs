namespace Mailing.Generators.Transforming;

/// <summary>
/// Something a transform wants reported. <paramref name="Offset"/> and <paramref name="Length"/>
/// point into the composed template text given to <see cref="HtmlTemplateTransform.Apply"/>; the
/// generator maps them back to the file they came from.
/// </summary>
/// <param name="DiagnosticId">An id declared in <c>Diagnostics/DiagnosticDescriptors.cs</c>.</param>
/// <param name="Message">The message argument: the descriptor's format takes it as <c>{0}</c>.</param>
internal sealed record TransformFinding(string DiagnosticId, string Message, int Offset, int Length);
