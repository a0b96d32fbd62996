using System.Globalization;
using Mailing.Generators.Tests.Infrastructure;

namespace Mailing.Generators.Tests.Differential;

/// <summary>
/// Property-style differential check: for many generated models (seeded, so failures reproduce),
/// the compiled text part equals Scriban's render for every corpus template.
/// </summary>
public sealed class RandomDataDifferentialTests
{
    private const int Seed = 20261128;
    private const int Cases = 40;

    [Fact]
    public void TextPart_OnRandomModels_EqualsScribanRender_ForEveryTemplate()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            foreach (var (name, template) in TemplateCorpus.Templates)
            {
                var model = CompiledCorpus.Instance.CreateModel(name, hostile: false);
                Randomize(model, random);
                var culture = random.Next(3) switch { 0 => CultureInfo.InvariantCulture, 1 => CultureInfo.GetCultureInfo("de-DE"), _ => CultureInfo.GetCultureInfo("fr-FR") };
                var expected = ScribanOracle.Render(template, model, CompiledCorpus.PartialsByIncludeName, culture);
                var actual = ((IEmailTemplate)model).Render(culture).Text;
                if (expected != actual)
                {
                    failures.Add($"case {i}, {name}, {culture.Name}:\n  scriban:  {expected}\n  compiled: {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private static void Randomize(object model, Random random)
    {
        var type = model.GetType();
        void Set(string property, object? value) => type.GetProperty(property)!.SetValue(model, value);
        Set("Count", random.Next(-20, 20));
        // Within range for the corpus's big_number * 1000 (Scriban would switch to BigInteger beyond 64 bits).
        Set("BigNumber", random.NextInt64(-9_000_000_000_000_000, 9_000_000_000_000_000) / 1000);
        Set("Total", Math.Round((decimal)(random.NextDouble() * 10000), random.Next(0, 4)));
        Set("Discount", random.Next(3) == 0 ? null : Math.Round((decimal)random.NextDouble() * 100, 2));
        Set("Ratio", Math.Round(random.NextDouble(), random.Next(1, 6)));
        Set("OptionalCount", random.Next(2) == 0 ? null : random.Next(100));
        Set("IsGift", random.Next(2) == 0);
        Set("Confirmed", random.Next(3) switch { 0 => null, 1 => true, _ => false });
        Set("PlacedAt", new DateTime(2000, 1, 1).AddMinutes(random.Next(0, 20_000_000)));
        Set("Message", random.Next(2) == 0 ? null : Text(random));
        Set("Number", Text(random));
        Set("Scores", Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(0, 6)).ToArray());
        Set("Tags", (IReadOnlyList<string>)Enumerable.Range(0, random.Next(0, 4)).Select(_ => Text(random)).ToArray());
        Set("Labels", (IList<string>)Enumerable.Range(0, random.Next(0, 4)).Select(_ => Text(random)).ToList());
        Set("Metadata", (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["plan"] = random.Next(3) == 0 ? null : Text(random),
            [Text(random)] = Text(random),
        });
        // Equal decimals of different scale (1.5, 1.50) and nulls side by side, for for.changed.
        Set("Adjustments", (IReadOnlyList<decimal?>)Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(4) switch { 0 => (decimal?)null, 1 => 1.5m, 2 => 1.50m, _ => 2m }).ToList());
        Set("Quotas", random.Next(3) == 0 ? null : new Dictionary<string, int> { ["seats"] = random.Next(-5, 50) });
        var items = (System.Collections.IList)type.GetProperty("Items")!.GetValue(model)!;
        var backorders = random.Next(3) == 0 ? null : (System.Collections.IList)Activator.CreateInstance(items.GetType())!;
        for (var i = random.Next(0, items.Count + 1); backorders is not null && i > 0; i--)
        {
            backorders.Add(items[i - 1]);
        }

        Set("Backorders", backorders);
    }

    private static string Text(Random random)
    {
        const string Alphabet = "abcXYZ 019<>&\"'-_é🎉";
        var length = random.Next(0, 12);
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var c = Alphabet[random.Next(Alphabet.Length)];
            if (char.IsSurrogate(c))
            {
                chars.Append("🎉");
            }
            else
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
