using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// The mail types of one compilation, resolved once at compilation start. Rules match symbols,
/// never names, so look-alike types in other namespaces stay silent.
/// </summary>
internal sealed class MailSymbols
{
    // The released FluentEmail packages declare their builder extensions in Microsoft.Extensions.DependencyInjection,
    // so apps reach them with only that using; the repository has since moved them to each package's own namespace
    // (and FluentEmailServicesBuilder to FluentEmail.Core). Both are matched until one of them is gone for good.
    private static readonly string[] FluentEmailMailKitBuilderExtensionsNames =
    [
        "Microsoft.Extensions.DependencyInjection.FluentEmailMailKitBuilderExtensions",
        "FluentEmail.MailKitSmtp.FluentEmailMailKitBuilderExtensions",
    ];

    private static readonly string[] FluentEmailSmtpBuilderExtensionsNames =
    [
        "Microsoft.Extensions.DependencyInjection.FluentEmailSmtpBuilderExtensions",
        "FluentEmail.Smtp.FluentEmailSmtpBuilderExtensions",
    ];

    private MailSymbols(Compilation compilation)
    {
        MailKitSmtpClient = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
        MailKitSmtpClientInterface = compilation.GetTypeByMetadataName("MailKit.Net.Smtp.ISmtpClient");
        MailKitMailService = compilation.GetTypeByMetadataName("MailKit.MailService");
        MailKitMailServiceInterface = compilation.GetTypeByMetadataName("MailKit.IMailService");
        SecureSocketOptions = compilation.GetTypeByMetadataName("MailKit.Security.SecureSocketOptions");
        SystemNetMailSmtpClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
        NetworkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
        ServicePointManager = compilation.GetTypeByMetadataName("System.Net.ServicePointManager");
        MailingSmtpOptions = compilation.GetTypeByMetadataName("Mailing.Transports.Smtp.SmtpOptions");
        MailingSmtpSecurity = compilation.GetTypeByMetadataName("Mailing.Transports.Smtp.SmtpSecurity");
        MailingTransportDsn = compilation.GetTypeByMetadataName("Mailing.TransportDsn");
        FluentEmailSmtpClientOptions = compilation.GetTypeByMetadataName("FluentEmail.MailKitSmtp.SmtpClientOptions");
        if (FluentEmailSmtpClientOptions is not null)
        {
            FluentEmailMailKitSender = compilation.GetTypeByMetadataName("FluentEmail.MailKitSmtp.MailKitSender");
            FluentEmailMailKitBuilderExtensions = TypesNamed(compilation, FluentEmailMailKitBuilderExtensionsNames);
        }

        FluentEmailSmtpBuilderExtensions = TypesNamed(compilation, FluentEmailSmtpBuilderExtensionsNames);
    }

    public INamedTypeSymbol? MailKitSmtpClient { get; }

    public INamedTypeSymbol? MailKitSmtpClientInterface { get; }

    public INamedTypeSymbol? MailKitMailService { get; }

    public INamedTypeSymbol? MailKitMailServiceInterface { get; }

    public INamedTypeSymbol? SecureSocketOptions { get; }

    public INamedTypeSymbol? SystemNetMailSmtpClient { get; }

    public INamedTypeSymbol? NetworkCredential { get; }

    public INamedTypeSymbol? ServicePointManager { get; }

    public INamedTypeSymbol? MailingSmtpOptions { get; }

    public INamedTypeSymbol? MailingSmtpSecurity { get; }

    public INamedTypeSymbol? MailingTransportDsn { get; }

    /// <summary>FluentEmail.MailKit's options: <c>Server</c>, <c>Port</c>, <c>UseSsl</c>, <c>SocketOptions</c>, <c>Password</c>.</summary>
    public INamedTypeSymbol? FluentEmailSmtpClientOptions { get; }

    public INamedTypeSymbol? FluentEmailMailKitSender { get; }

    /// <summary>FluentEmail.MailKit's <c>AddMailKitSender</c> class, in the namespaces of its releases and of its repository.</summary>
    public ImmutableArray<INamedTypeSymbol> FluentEmailMailKitBuilderExtensions { get; } = ImmutableArray<INamedTypeSymbol>.Empty;

    /// <summary>
    /// FluentEmail.Smtp's <c>AddSmtpSender</c> overloads, which create System.Net.Mail clients from a host and port
    /// or take one, in the namespaces of its releases and of its repository.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> FluentEmailSmtpBuilderExtensions { get; }

    /// <summary>Returns the compilation's mail types, or null when it references no mail library.</summary>
    public static MailSymbols? TryCreate(Compilation compilation)
    {
        var symbols = new MailSymbols(compilation);
        return symbols.MailKitSmtpClient is null
            && symbols.MailKitMailService is null
            && symbols.SystemNetMailSmtpClient is null
            && symbols.MailingSmtpOptions is null
            && symbols.MailingTransportDsn is null
            && symbols.FluentEmailSmtpClientOptions is null
            && symbols.FluentEmailSmtpBuilderExtensions.IsEmpty
            ? null
            : symbols;
    }

    /// <summary>True for an SMTP client of MailKit: the class, a subclass, or <c>ISmtpClient</c>.</summary>
    public bool IsMailKitSmtp(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (MailKitSmtpClientInterface is not null
            && (SymbolEqualityComparer.Default.Equals(type, MailKitSmtpClientInterface)
                || type.AllInterfaces.Contains(MailKitSmtpClientInterface, SymbolEqualityComparer.Default)))
        {
            return true;
        }

        return InheritsFrom(type, MailKitSmtpClient);
    }

    /// <summary>True for any MailKit mail service (SMTP, IMAP, POP3): they share TLS settings.</summary>
    public bool IsMailKitService(ITypeSymbol? type)
        => type is not null
            && (InheritsFrom(type, MailKitMailService)
                || (MailKitMailServiceInterface is not null
                    && (SymbolEqualityComparer.Default.Equals(type, MailKitMailServiceInterface)
                        || type.AllInterfaces.Contains(MailKitMailServiceInterface, SymbolEqualityComparer.Default))));

    /// <summary>
    /// True for the FluentEmail.MailKit members that take an <c>SmtpClientOptions</c> and only read it:
    /// <c>new MailKitSender(options)</c> and <c>AddMailKitSender(options)</c>.
    /// </summary>
    public bool IsFluentEmailSender(IMethodSymbol? method)
        => method is not null
            && ((method.MethodKind == MethodKind.Constructor && SymbolEqualityComparer.Default.Equals(method.ContainingType, FluentEmailMailKitSender))
                || (method.Name == "AddMailKitSender" && FluentEmailMailKitBuilderExtensions.Contains(method.ContainingType, SymbolEqualityComparer.Default)));

    /// <summary>The name of FluentEmail.Smtp's builder extension, all overloads.</summary>
    public const string FluentEmailSmtpSenderName = "AddSmtpSender";

    /// <summary>True for FluentEmail.Smtp's <c>AddSmtpSender</c>, any overload.</summary>
    public bool IsFluentEmailSmtpSender(IMethodSymbol method)
        => method.Name == FluentEmailSmtpSenderName && FluentEmailSmtpBuilderExtensions.Contains(method.ContainingType, SymbolEqualityComparer.Default);

    /// <summary>The types of <paramref name="metadataNames"/> the compilation knows; a name it does not know is skipped.</summary>
    private static ImmutableArray<INamedTypeSymbol> TypesNamed(Compilation compilation, string[] metadataNames)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in metadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                types.Add(type);
            }
        }

        return types.ToImmutable();
    }

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
