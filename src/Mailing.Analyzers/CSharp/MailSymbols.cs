using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// The mail types of one compilation, resolved once at compilation start. Rules match symbols,
/// never names, so look-alike types in other namespaces stay silent.
/// </summary>
internal sealed class MailSymbols
{
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
            FluentEmailMailKitBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.FluentEmailMailKitBuilderExtensions");
        }

        // The released FluentEmail.Smtp packages declare it here, so apps reach it with only
        // `using Microsoft.Extensions.DependencyInjection;` (its repository has since moved it to FluentEmail.Smtp).
        FluentEmailSmtpBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.FluentEmailSmtpBuilderExtensions");
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

    public INamedTypeSymbol? FluentEmailMailKitBuilderExtensions { get; }

    /// <summary>FluentEmail.Smtp's <c>AddSmtpSender</c> overloads, which create System.Net.Mail clients from a host and port.</summary>
    public INamedTypeSymbol? FluentEmailSmtpBuilderExtensions { get; }

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
            && symbols.FluentEmailSmtpBuilderExtensions is null
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
                || (method.Name == "AddMailKitSender" && SymbolEqualityComparer.Default.Equals(method.ContainingType, FluentEmailMailKitBuilderExtensions)));

    /// <summary>True for FluentEmail.Smtp's <c>AddSmtpSender</c>, any overload.</summary>
    public bool IsFluentEmailSmtpSender(IMethodSymbol method)
        => method.Name == "AddSmtpSender" && SymbolEqualityComparer.Default.Equals(method.ContainingType, FluentEmailSmtpBuilderExtensions);

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
