using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>
/// MAIL0201, MAIL0202, MAIL0203 and MAIL0302 for one endpoint. C# and JSON front ends both
/// describe what they found as an <see cref="SmtpEndpoint"/>, so the rules agree everywhere.
/// </summary>
internal static class SmtpEndpointRules
{
    public static IEnumerable<SmtpFinding> Evaluate(SmtpEndpoint endpoint)
    {
        var isLoopback = endpoint.Host is { } host && SmtpHostNames.IsLoopback(host.Value);
        var port = endpoint.Port?.Value;

        if (endpoint.Host is { } gmail && SmtpHostNames.IsGmail(gmail.Value))
        {
            yield return new SmtpFinding(DiagnosticDescriptors.GmailSmtp, gmail.Location, DiagnosticSeverity.Info, [gmail.Value.Trim()]);
        }

        if (endpoint.Port is { Value: SmtpPorts.Relay } relay && !endpoint.AllowsPort25 && !isLoopback)
        {
            var edits = new List<FixEdit>();
            if (relay.IsLiteral || relay.IsDefault)
            {
                edits.Add(new FixEdit(relay.Location, relay.IsDefault ? FixEdit.AddSubmissionPort : FixEdit.SubmissionPort));
                if (endpoint.Mode is { } mode && mode.Value != TlsMode.StartTls && Edit(endpoint, TlsMode.StartTls) is { } startTls)
                {
                    edits.AddRange(startTls);
                }
            }

            yield return new SmtpFinding(DiagnosticDescriptors.Port25, relay.Location, DiagnosticSeverity.Warning, [endpoint.Source], edits);
        }

        if (!endpoint.SupportsImplicitTls && endpoint.Port is { Value: SmtpPorts.ImplicitTlsSubmission } implicitPort)
        {
            yield return new SmtpFinding(
                DiagnosticDescriptors.PortTlsMismatch,
                implicitPort.Location,
                DiagnosticSeverity.Warning,
                [endpoint.Source, SmtpPorts.ImplicitTlsSubmission, "STARTTLS, the only mode it supports", "the server expects a TLS handshake first, so the connection hangs until it times out; use port 587 with EnableSsl = true"],
                implicitPort.IsLiteral ? [new FixEdit(implicitPort.Location, FixEdit.SubmissionPort)] : null);
        }

        if (endpoint.Mode is not { } configured)
        {
            yield break;
        }

        switch (configured.Value)
        {
            case TlsMode.None when !isLoopback:
                yield return new SmtpFinding(
                    DiagnosticDescriptors.NoTls,
                    configured.Location,
                    DiagnosticSeverity.Warning,
                    [endpoint.Source, endpoint.PlainTextMessage ?? PlainText(endpoint.SendsCredentials)],
                    Edit(endpoint, port == SmtpPorts.ImplicitTlsSubmission ? TlsMode.Implicit : TlsMode.StartTls));
                break;

            case TlsMode.Auto or TlsMode.Opportunistic when port != SmtpPorts.ImplicitTlsSubmission:
                if (!isLoopback && !endpoint.PortIsUnknown)
                {
                    yield return new SmtpFinding(
                        DiagnosticDescriptors.NoTls,
                        configured.Location,
                        DiagnosticSeverity.Info,
                        [endpoint.Source, "uses STARTTLS only when the server offers it, and an attacker who removes the offer gets plain text; require STARTTLS"],
                        Edit(endpoint, TlsMode.StartTls));
                }

                break;

            case TlsMode.Opportunistic or TlsMode.StartTls when port == SmtpPorts.ImplicitTlsSubmission && endpoint.SupportsImplicitTls:
                yield return new SmtpFinding(
                    DiagnosticDescriptors.PortTlsMismatch,
                    configured.Location,
                    DiagnosticSeverity.Warning,
                    [endpoint.Source, SmtpPorts.ImplicitTlsSubmission, "STARTTLS", "the server expects a TLS handshake first, so the connection hangs until it times out; use implicit TLS"],
                    Edit(endpoint, TlsMode.Implicit));
                break;

            case TlsMode.Implicit when port is { } plainGreetingPort && SmtpPorts.ExpectsStartTls(plainGreetingPort):
                yield return new SmtpFinding(
                    DiagnosticDescriptors.PortTlsMismatch,
                    configured.Location,
                    DiagnosticSeverity.Warning,
                    [endpoint.Source, plainGreetingPort, "implicit TLS", "the server greets in plain text, so the TLS handshake fails; use STARTTLS"],
                    Edit(endpoint, TlsMode.StartTls));
                break;
        }
    }

    // A message must be true wherever it fires: the password is named only where one is known to be sent.
    private static string PlainText(bool sendsCredentials) => sendsCredentials
        ? "sends the password and every message in plain text; require STARTTLS (port 587) or implicit TLS (port 465)"
        : "sends every message in plain text; require STARTTLS (port 587) or implicit TLS (port 465)";

    private static FixEdit[]? Edit(SmtpEndpoint endpoint, TlsMode target)
    {
        if (endpoint.ModeSyntax == ModeSyntax.FluentEmailUseSsl)
        {
            return FluentEmailEdit(endpoint, target);
        }

        return endpoint.Mode is { IsLiteral: true } mode && ModeReplacement(endpoint.ModeSyntax, target) is { } replacement
            ? [new FixEdit(mode.Location, replacement)]
            : null;
    }

    /// <summary>
    /// FluentEmail hands <c>UseSsl</c> to MailKit's <c>useSsl</c>, where false is STARTTLS *when available*:
    /// required STARTTLS needs <c>SocketOptions</c>, which wins over <c>UseSsl</c>. So <c>UseSsl = false</c>
    /// becomes <c>SocketOptions = StartTls</c>, and a missing mode gets <c>SocketOptions</c> added.
    /// </summary>
    private static FixEdit[]? FluentEmailEdit(SmtpEndpoint endpoint, TlsMode target)
    {
        var socketOptions = target switch
        {
            TlsMode.StartTls => FixEdit.MailKitStartTls,
            TlsMode.Implicit => FixEdit.MailKitSslOnConnect,
            _ => null,
        };

        return endpoint.Mode switch
        {
            _ when socketOptions is null => null,
            { IsDefault: true } missing => [new FixEdit(missing.Location, FixEdit.Add(FixEdit.FluentEmailSocketOptions, socketOptions))],
            { IsLiteral: true } useSsl when target == TlsMode.Implicit => [new FixEdit(useSsl.Location, FixEdit.True)],
            { IsLiteral: true } useSsl when endpoint.ModeNameLocation is { } name => [new FixEdit(name, FixEdit.FluentEmailSocketOptions), new FixEdit(useSsl.Location, socketOptions)],
            _ => null,
        };
    }

    private static string? ModeReplacement(ModeSyntax syntax, TlsMode target) => (syntax, target) switch
    {
        (ModeSyntax.SecureSocketOptions or ModeSyntax.UseSslFlag, TlsMode.StartTls) => FixEdit.MailKitStartTls,
        (ModeSyntax.SecureSocketOptions, TlsMode.Implicit) => FixEdit.MailKitSslOnConnect,
        (ModeSyntax.UseSslFlag, TlsMode.Implicit) => FixEdit.True,
        (ModeSyntax.SmtpSecurity, TlsMode.StartTls) => FixEdit.MailingStartTls,
        (ModeSyntax.SmtpSecurity, TlsMode.Implicit) => FixEdit.MailingImplicitTls,
        (ModeSyntax.EnableSsl, TlsMode.StartTls) => FixEdit.True,
        _ => null,
    };
}
