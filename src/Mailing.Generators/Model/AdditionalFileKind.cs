namespace Mailing.Generators.Model;

/// <summary>What an <see cref="AdditionalFile"/> holds, which decides what may refer to it.</summary>
internal enum AdditionalFileKind
{
    /// <summary>A Scriban template (<c>.sbn-html</c>, <c>.sbn-txt</c>, <c>.sbn</c>): an HTML or text template, a layout or a partial.</summary>
    Template,

    /// <summary>A <c>.css</c> file: only ever the target of a <c>&lt;link rel="stylesheet"&gt;</c>, never a template.</summary>
    Stylesheet,
}
