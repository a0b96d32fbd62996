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

    /// <summary>Returns the compilation's mail types, or null when it references no mail library.</summary>
    public static MailSymbols? TryCreate(Compilation compilation)
    {
        var symbols = new MailSymbols(compilation);
        return symbols.MailKitSmtpClient is null
            && symbols.MailKitMailService is null
            && symbols.SystemNetMailSmtpClient is null
            && symbols.MailingSmtpOptions is null
            && symbols.MailingTransportDsn is null
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
