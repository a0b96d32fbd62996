namespace Mailing.Generators.Css;

/// <summary>What happens to <c>&lt;style&gt;</c> blocks once their rules are inlined.</summary>
internal enum StyleBlockMode
{
    /// <summary>
    /// PreMailer's default (<c>removeStyleElements: false</c>): every <c>&lt;style&gt;</c> stays as
    /// written, so <c>@media</c>, <c>:hover</c> and <c>@font-face</c> keep working in clients that read them.
    /// </summary>
    KeepAll,

    /// <summary>
    /// <c>removeStyleElements: true, preserveMediaQueries: true</c>: inlined rules leave the page and
    /// each block keeps only its <c>@media</c> rules (PreMailer drops <c>:hover</c> and <c>@font-face</c> here).
    /// </summary>
    KeepMediaQueriesOnly,
}
