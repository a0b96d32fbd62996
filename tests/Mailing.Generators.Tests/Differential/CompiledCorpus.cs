using System.Reflection;
using System.Text;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Differential;

/// <summary>The whole corpus compiled once: one template class per corpus entry, HTML and text from the same file.</summary>
internal sealed class CompiledCorpus
{
    private static readonly Lazy<CompiledCorpus> Shared = new(() => new CompiledCorpus());

    private CompiledCorpus()
    {
        var source = new StringBuilder(OrderModel.Source).Append("\nnamespace Shop.Templates\n{\n");
        var files = new List<(string, string)>();
        foreach (var (name, template) in TemplateCorpus.Templates.Concat(TemplateCorpus.Failing))
        {
            source.Append($"    [global::Mailing.EmailTemplate(\"Templates/{name}.sbn-html\", TextTemplate = \"Templates/{name}.sbn-txt\")]\n");
            source.Append($"    public partial class {name}Email : global::Shop.OrderModel {{ }}\n");
            files.Add(($"Templates/{name}.sbn-html", template));
            files.Add(($"Templates/{name}.sbn-txt", template));
        }

        foreach (var (name, template) in TemplateCorpus.Partials)
        {
            files.Add(($"Templates/{name}.sbn-html", template));
            files.Add(($"Templates/{name}.sbn-txt", template));
        }

        source.Append("}\n");
        Result = GeneratorHarness.Run(source.ToString(), files.ToArray());
        Assembly = Result.Load();
    }

    public static CompiledCorpus Instance => Shared.Value;

    public GenerationResult Result { get; }

    public Assembly Assembly { get; }

    public static IReadOnlyDictionary<string, string> PartialsByIncludeName =>
        TemplateCorpus.Partials.ToDictionary(p => p.Name.TrimStart('_'), p => p.Template);

    public object CreateModel(string templateName, bool hostile)
    {
        var type = Assembly.GetType($"Shop.Templates.{templateName}Email", throwOnError: true)!;
        var model = Activator.CreateInstance(type)!;
        Assembly.GetType("Shop.OrderModel")!.GetMethod("Fill")!.Invoke(null, [model, hostile]);
        return model;
    }
}
