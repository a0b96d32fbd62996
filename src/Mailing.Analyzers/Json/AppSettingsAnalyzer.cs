using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Mailing.Analyzers.Smtp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.Json;

/// <summary>
/// Finds insecure or broken mail configuration in appsettings*.json files given to the compiler as
/// AdditionalFiles, and reports it at the offending value's line and column.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] HostKeys = ["Host", "HostName", "Server", "SmtpServer", "SmtpHost", "MailServer"];
    private static readonly string[] PortKeys = ["Port", "SmtpPort"];
    private static readonly string[] SecurityKeys = ["Security", "SecureSocketOptions", "SocketOptions", "SecurityMode"];
    private static readonly string[] SecretKeys = ["Password", "Pass", "SmtpPassword", "ApiKey", "ApiToken", "ServerToken", "Secret", "ClientSecret", "SecretKey"];

    // Sections of email APIs whose keys are secrets though their names mention neither mail nor SMTP.
    private static readonly string[] ProviderSections = ["SendGrid", "Postmark", "SparkPost", "Resend", "Brevo", "Sendinblue", "AmazonSes", "Ses"];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.Port25,
        DiagnosticDescriptors.NoTls,
        DiagnosticDescriptors.PortTlsMismatch,
        DiagnosticDescriptors.SecretInSource,
        DiagnosticDescriptors.GmailSmtp);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(AnalyzeFile);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var fileName = Path.GetFileName(context.AdditionalFile.Path);
        if (!fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            || !fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || context.AdditionalFile.GetText(context.CancellationToken) is not { } text
            || JsonParser.TryParse(text.ToString()) is not { } root)
        {
            return;
        }

        var file = new JsonFile(context, text, fileName);
        Visit(file, root, [], isMailSection: false, isProviderSection: false);
    }

    private static void Visit(JsonFile file, JsonValue node, List<string> path, bool isMailSection, bool isProviderSection)
    {
        if (node.Kind is JsonValueKind.Object && isMailSection)
        {
            AnalyzeEndpoint(file, node, path);
        }

        foreach (var property in node.Properties)
        {
            path.Add(property.Name);
            var value = property.Value;
            var mail = isMailSection || property.Name.IndexOf("mail", StringComparison.OrdinalIgnoreCase) >= 0 || property.Name.IndexOf("smtp", StringComparison.OrdinalIgnoreCase) >= 0;
            var provider = isProviderSection || ProviderSections.Contains(property.Name, StringComparer.OrdinalIgnoreCase);
            switch (value.Kind)
            {
                case JsonValueKind.Object or JsonValueKind.Array:
                    Visit(file, value, path, mail, provider);
                    break;

                case JsonValueKind.String when SmtpDsn.TryParse(value.Text!) is { } dsn:
                    AnalyzeDsn(file, value, dsn);
                    break;

                case JsonValueKind.String when (mail || provider) && Is(property.Name, SecretKeys) && !file.IsDevelopment && SecretValues.LooksLikeSecret(value.Text):
                    file.Report(Diagnostic.Create(
                        DiagnosticDescriptors.SecretInSource,
                        file.Location(value.Span),
                        $"'{string.Join(":", path)}'",
                        file.FileName));
                    break;
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private static void AnalyzeEndpoint(JsonFile file, JsonValue section, List<string> path)
    {
        // Mail sections often hold the IMAP/POP3 settings of the same mailbox; their ports and TLS
        // modes follow other rules (143/993, 110/995).
        if (path.Any(segment => segment.IndexOf("imap", StringComparison.OrdinalIgnoreCase) >= 0 || segment.IndexOf("pop3", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return;
        }

        var host = Find(section, HostKeys);
        var port = Find(section, PortKeys);
        var security = Find(section, SecurityKeys);
        var enableSsl = Find(section, ["EnableSsl", "EnableTls"]);
        var useSsl = Find(section, ["UseSsl", "UseTls"]);
        if (host is null && port is null && security is null && enableSsl is null && useSsl is null)
        {
            return;
        }

        SmtpSetting<TlsMode>? mode = null;
        var isMailingSection = path.Count > 0 && path[0].Equals("Mailing", StringComparison.OrdinalIgnoreCase);
        if (security is { Kind: JsonValueKind.String, Text: { } name } && ModeNamed(name, isMailingSection) is { } named)
        {
            mode = new SmtpSetting<TlsMode>(named, file.Location(security.Span), IsLiteral: false);
        }
        else if (enableSsl is { Kind: JsonValueKind.False })
        {
            mode = new SmtpSetting<TlsMode>(TlsMode.None, file.Location(enableSsl.Span), IsLiteral: false);
        }
        else if (useSsl is { Kind: JsonValueKind.True or JsonValueKind.False })
        {
            // Read the way MailKit's Connect(host, port, useSsl) reads it: true is implicit TLS,
            // false is STARTTLS only when offered.
            mode = new SmtpSetting<TlsMode>(useSsl.Kind == JsonValueKind.True ? TlsMode.Implicit : TlsMode.Opportunistic, file.Location(useSsl.Span), IsLiteral: false);
        }

        int? portNumber = port is { Kind: JsonValueKind.Number or JsonValueKind.String, Text: { } portText }
            && int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;

        var endpoint = new SmtpEndpoint
        {
            Source = $"'{string.Join(":", path)}' in {file.FileName}",
            Host = host is { Kind: JsonValueKind.String, Text: { } hostName } ? new SmtpSetting<string>(hostName, file.Location(host.Span), IsLiteral: false) : null,
            Port = portNumber is { } number ? new SmtpSetting<int>(number, file.Location(port!.Span), IsLiteral: false) : null,
            PortIsUnknown = port is not null && portNumber is null,
            Mode = mode,
            AllowsPort25 = Find(section, ["AllowPort25"]) is { Kind: JsonValueKind.True },
            SendsCredentials = Find(section, ["Username"]) is not null || Find(section, ["UserName"]) is not null || Find(section, ["User"]) is not null || Find(section, ["Password"]) is not null,
        };

        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            file.Report(finding.ToDiagnostic());
        }
    }

    private static void AnalyzeDsn(JsonFile file, JsonValue value, SmtpDsn dsn)
    {
        Location At(TextSpan span) => value.IsVerbatim
            ? file.Location(new TextSpan(value.Span.Start + 1 + span.Start, span.Length))
            : file.Location(value.Span);

        var endpoint = dsn.ToEndpoint($"The DSN in {file.FileName}", At);

        foreach (var finding in SmtpEndpointRules.Evaluate(endpoint))
        {
            file.Report(finding.ToDiagnostic());
        }

        if (!file.IsDevelopment && SecretValues.LooksLikeSecret(dsn.Password))
        {
            file.Report(Diagnostic.Create(DiagnosticDescriptors.SecretInSource, At(dsn.PasswordSpan), "The SMTP password in the DSN", file.FileName));
        }
    }

    /// <summary>
    /// Reads a mode by name. Under <c>Mailing</c> it is Mailing's <c>SmtpSecurity</c>, whose <c>Auto</c>
    /// requires TLS; elsewhere the names are MailKit's <c>SecureSocketOptions</c>, whose <c>Auto</c> does not.
    /// </summary>
    private static TlsMode? ModeNamed(string name, bool isMailingSection) => name.Trim().ToUpperInvariant() switch
    {
        "NONE" => TlsMode.None,
        "AUTO" when isMailingSection => null,
        "AUTO" => TlsMode.Auto,
        "STARTTLS" => TlsMode.StartTls,
        "STARTTLSWHENAVAILABLE" => TlsMode.Opportunistic,
        "SSLONCONNECT" or "IMPLICITTLS" => TlsMode.Implicit,
        _ => null,
    };

    private static JsonValue? Find(JsonValue section, string[] keys)
        => section.Properties.FirstOrDefault(p => Is(p.Name, keys))?.Value;

    private static bool Is(string name, string[] keys) => keys.Contains(name, StringComparer.OrdinalIgnoreCase);
}
