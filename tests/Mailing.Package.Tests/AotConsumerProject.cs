namespace Mailing.Package.Tests;

/// <summary>
/// A console app as a Native AOT user writes it: the generic host, <c>AddMailing</c> from
/// configuration, a compiled template, SMTP with STARTTLS and AUTH, published with <c>PublishAot</c>.
/// </summary>
internal static class AotConsumerProject
{
    private const string Program = """
        using AotConsumer;
        using Mailing;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddMailing(builder.Configuration.GetSection("Mailing"));
        using var host = builder.Build();
        await host.StartAsync();

        var mailer = host.Services.GetRequiredService<IMailer>();
        var result = await mailer.SendAsync(new ReceiptEmail { Customer = "Ann", Total = 42.5m, Lines = ["Tea", "Cake"] }, to: "ann@example.com");
        Console.WriteLine($"SENT {result.MessageId} via {result.TransportName}");
        await host.StopAsync();
        """;

    private const string TemplateClass = """
        using Mailing;

        namespace AotConsumer;

        [EmailTemplate(Html = "<style>h1 { color: #336699; }</style><h1>Thanks, {{ customer }}</h1><ul>{{ for line in lines }}<li>{{ line }}</li>{{ end }}</ul><p>Total {{ total | math.format \"N2\" }}</p>",
            Subject = "Receipt for {{ customer }}")]
        public sealed partial class ReceiptEmail
        {
            public required string Customer { get; init; }

            public required decimal Total { get; init; }

            public IReadOnlyList<string> Lines { get; init; } = [];
        }
        """;

    public static string Create(string directory, string packageVersion)
    {
        Directory.CreateDirectory(directory);
        Write(directory, "AotConsumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mailing" Version="{packageVersion}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        Write(directory, "Program.cs", Program);
        Write(directory, "ReceiptEmail.cs", TemplateClass);
        return directory;
    }

    private static void Write(string directory, string relativePath, string text) =>
        File.WriteAllText(Path.Combine(directory, relativePath), text.ReplaceLineEndings("\n") + "\n");
}
