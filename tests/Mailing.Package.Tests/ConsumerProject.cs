namespace Mailing.Package.Tests;

/// <summary>
/// A fresh ASP.NET project (Web SDK, whose own item rules for appsettings.json must not interfere),
/// outside the repository, that references the packed Mailing package the way
/// a user does: a PackageReference, a template class, its .sbn-html file and an appsettings.json,
/// and no MSBuild items for them (the package's buildTransitive targets add those).
/// </summary>
internal sealed class ConsumerProject
{
    public const string AppSettings = """
        {
          "Mailing": {
            "Smtp": {
              "Host": "smtp.example.com",
              "Port": 25
            }
          }
        }
        """;

    public const string WelcomeTemplate = """
        <style>p { color: #336699; }</style>
        <p>Hello {{ user.first_name }}!</p>
        """;

    private const string TemplateClass = """
        using Mailing;

        namespace Consumer.Templates;

        [EmailTemplate("Templates/WelcomeEmail.sbn-html", Subject = "Welcome, {{ user.first_name }}")]
        public sealed partial class WelcomeEmail
        {
            public required User User { get; init; }
        }

        public sealed record User(string FirstName);
        """;

    /// <summary>C# configuration the analyzers must report from the package: port 25 and a password in source.</summary>
    public const string MailSettingsSource = """
        using Mailing.Transports.Smtp;

        namespace Consumer;

        public static class MailSettings
        {
            public static SmtpOptions Relay() => new SmtpOptions { Host = "smtp.example.com", Port = 25, Password = "hunter2-literal" };
        }
        """;

    /// <summary>The environment variable through which a test hands the app an SMTP DSN to send to.</summary>
    public const string DeliveryDsnVariable = "MAILING_PACKAGE_TEST_DSN";

    // Sends through a section of its own: the appsettings.json "Mailing" section (port 25) exists to
    // be reported by the analyzer, not to be used.
    private const string Program = """
        using Consumer.Templates;
        using Mailing;

        var welcome = new WelcomeEmail { User = new User("Ann <3") };
        var email = welcome.Render();
        Console.WriteLine("SUBJECT: " + email.Subject);
        Console.WriteLine("HTML: " + email.Html);

        if (Environment.GetEnvironmentVariable("MAILING_PACKAGE_TEST_DSN") is { Length: > 0 } dsn)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Delivery:From"] = "App <app@example.com>",
                ["Delivery:Transport"] = dsn,
            });
            builder.Services.AddMailing(builder.Configuration.GetSection("Delivery"));
            using var host = builder.Build();
            await host.Services.GetRequiredService<IMailer>().SendAsync(welcome, to: "ann@example.com");
            Console.WriteLine("SENT");
        }
        """;

    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Writes the project into <paramref name="directory"/> (which must not exist yet).</summary>
    /// <param name="extraItems">MSBuild items the user lists by hand, e.g. AdditionalFiles from before the package added them.</param>
    /// <param name="mailingReference">How the project gets Mailing; by default a PackageReference to <paramref name="packageVersion"/>.</param>
    public static ConsumerProject Create(string directory, string packageVersion, string template, string extraItems = "", string? mailingReference = null)
    {
        mailingReference ??= $"""<PackageReference Include="Mailing" Version="{packageVersion}" />""";
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "Templates"));
        Write(directory, "Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                {mailingReference}
              </ItemGroup>
              <ItemGroup>{extraItems}</ItemGroup>
            </Project>
            """);
        Write(directory, "Program.cs", Program);
        Write(directory, "appsettings.json", AppSettings);
        Write(directory, "MailSettings.cs", MailSettingsSource);
        Write(directory, "Templates/WelcomeEmail.cs", TemplateClass);
        Write(directory, "Templates/WelcomeEmail.sbn-html", template);
        return new ConsumerProject(directory);
    }

    private static void Write(string directory, string relativePath, string text) =>
        File.WriteAllText(Path.Combine(directory, relativePath), text.ReplaceLineEndings("\n") + "\n");
}
