using System.Collections.Generic;
using Mailing.Generators.Transforming;

namespace Mailing.Generators.Css;

/// <summary>What <see cref="CssInliner.Inline"/> produced.</summary>
/// <param name="Template">The template with styles inlined, or the input unchanged when <paramref name="Inlined"/> is false.</param>
/// <param name="Inlined">False when the CSS depends on data (or something else stopped inlining); the findings say why.</param>
/// <param name="Findings">Diagnostics positioned in the input template.</param>
internal sealed record CssInliningResult(string Template, bool Inlined, IReadOnlyList<TransformFinding> Findings);
