using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Infrastructure;

/// <summary>Renders a template with Scriban's own runtime: the reference the compiled code must match.</summary>
internal static class ScribanOracle
{
    public static string Render(string text, object model, IReadOnlyDictionary<string, string>? partials = null, CultureInfo? culture = null)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));
        var context = new TemplateContext
        {
            MemberRenamer = StandardMemberRenamer.Default,
            // The generated code is null-safe on member access; Scriban is when this is on.
            EnableRelaxedTargetAccess = true,
            TemplateLoader = new DictionaryLoader(partials ?? new Dictionary<string, string>()),
        };
        if (culture is not null)
        {
            context.PushCulture(culture);
        }

        // html.raw is Mailing's explicit no-escape marker; for Scriban it is the identity.
        var html = (ScriptObject)context.BuiltinObject["html"]!;
        html.Import("raw", new Func<object?, object?>(value => value));
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private sealed class DictionaryLoader(IReadOnlyDictionary<string, string> partials) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            partials.TryGetValue(templatePath, out var text) ? text : throw new InvalidOperationException("No partial " + templatePath);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
