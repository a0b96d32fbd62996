using System.Globalization;
using Mailing.Benchmarks.Templates;
using Scriban;
using Scriban.Runtime;

namespace Mailing.Benchmarks.Rendering;

/// <summary>
/// The receipt rendered the way a Scriban user would: the template parsed once and cached, a fresh
/// <see cref="TemplateContext"/> per message (contexts are not thread-safe), the model imported with
/// Scriban's snake_case renamer, the recipient's culture pushed for numbers and dates.
/// </summary>
internal sealed class ScribanReceipt
{
    private const string ResourceName = "ReceiptEmail.scriban-html";

    private readonly Template template;

    private ScribanReceipt(Template template) => this.template = template;

    public static ScribanReceipt Load()
    {
        using var stream = typeof(ScribanReceipt).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing; check the EmbeddedResource item in Mailing.Benchmarks.csproj.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), ResourceName);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"{ResourceName} does not parse: {string.Join("; ", template.Messages)}");
        }

        return new ScribanReceipt(template);
    }

    public string Render(ReceiptEmail email, CultureInfo culture)
    {
        var globals = new ScriptObject();
        globals.Import(email);
        var context = new TemplateContext();
        context.PushCulture(culture);
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
