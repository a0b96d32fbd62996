using System;
using System.Collections.Generic;

namespace Mailing.Generators.Css;

/// <summary>How <see cref="CssInliner"/> runs PreMailer.</summary>
/// <param name="StyleBlocks">What happens to <c>&lt;style&gt;</c> blocks.</param>
/// <param name="Stylesheets">
/// Text of stylesheets the template links to, by the <c>href</c> written in the template. A linked
/// stylesheet found here is inlined and its <c>&lt;link&gt;</c> removed; any other is left alone
/// and reported. Nothing is ever downloaded.
/// </param>
internal sealed record CssInliningOptions(StyleBlockMode StyleBlocks, IReadOnlyDictionary<string, string> Stylesheets)
{
    public static CssInliningOptions Default { get; } =
        new(StyleBlockMode.KeepAll, new Dictionary<string, string>(StringComparer.Ordinal));
}
