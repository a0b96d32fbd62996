using Mailing.Analyzers.CSharp;
using Mailing.Analyzers.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mailing.Analyzers.Tests.Infrastructure;

/// <summary>Runs the analyzers and fixes on a snippet together with the MailKit, Mailing and FluentEmail stand-ins.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity? severity = null)
    {
        // Messages are asserted where they matter; edits travel as additional locations and are
        // asserted through the code fixes that apply them.
        var descriptor = new MailConfigurationAnalyzer().SupportedDiagnostics.First(d => d.Id == id);
        return new DiagnosticResult(id, severity ?? descriptor.DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    public static Task CSharpAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<MailConfigurationAnalyzer>();
        Prepare(test.TestState, source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Analyzes <paramref name="source"/> with one more stand-in than usual, such as <see cref="StandIns.FluentEmailRepositoryLayout"/>.</summary>
    public static Task CSharpWithAsync(string standIn, string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<MailConfigurationAnalyzer>();
        Prepare(test.TestState, source);
        test.TestState.Sources.Add(("StandIns.Extra.cs", standIn));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Analyzes a Program.cs with top-level statements, the shape of most new apps.</summary>
    public static Task ProgramAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<MailConfigurationAnalyzer>();
        Prepare(test.TestState, source);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task JsonAsync(string fileName, string json, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<AppSettingsAnalyzer>();
        Prepare(test.TestState, "class Program { }");
        test.TestState.AdditionalFiles.Add((fileName, json));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task FixAsync<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
        => FixAsync<TFix>(source, fixedSource, iterations: null, expected);

    /// <summary>
    /// <paramref name="iterations"/>: how many fixes one at a time, and how many Fix All passes (one per
    /// diagnostic id), it takes to reach the fixed source; null when each is one.
    /// </summary>
    public static Task FixAsync<TFix>(string source, string fixedSource, (int Incremental, int FixAll)? iterations, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new FixTest<TFix>();
        Prepare(test.TestState, source);
        test.FixedState.Sources.Add(fixedSource);

        // Markup in the fixed source lists what stays reported, fixable ids included (a finding whose fix
        // is not offered, such as AddSmtpSender(host, port)'s missing TLS, is still there after Fix All).
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        AddStandIns(test.FixedState);
        test.ExpectedDiagnostics.AddRange(expected);
        if (iterations is { } n)
        {
            test.NumberOfIncrementalIterations = n.Incremental;
            test.NumberOfFixAllIterations = n.FixAll;
        }

        return test.RunAsync();
    }

    private static void Prepare(SolutionState state, string source)
    {
        state.Sources.Add(source);
        AddStandIns(state);
        state.ReferenceAssemblies = TestReferences.None;
        TestReferences.Apply(state);
    }

    private static void AddStandIns(SolutionState state)
    {
        state.Sources.Add(("StandIns.MailKit.cs", StandIns.MailKit));
        state.Sources.Add(("StandIns.Mailing.cs", StandIns.Mailing));
        state.Sources.Add(("StandIns.FluentEmail.cs", StandIns.FluentEmail));
        state.Sources.Add(("StandIns.FluentEmailSmtp.cs", StandIns.FluentEmailSmtp));
    }

    private sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
    }

    private sealed class FixTest<TFix> : CSharpCodeFixTest<MailConfigurationAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
    }
}
