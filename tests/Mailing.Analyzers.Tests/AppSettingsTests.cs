using Mailing.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Tests;

public sealed class AppSettingsTests
{
    [Fact]
    public Task MailingSmtpPort25_IsReportedAtTheExactLineAndColumn()
        => Verify.JsonAsync("appsettings.json", """
            {
              // Comments and trailing commas are allowed, as in ASP.NET Core.
              "Mailing": {
                "Smtp": {
                  "Host": "smtp.example.com",
                  "Port": 25,
                  "Security": "StartTls",
                },
              },
            }
            """,
            Verify.Diagnostic("MAIL0201").WithSpan("appsettings.json", 6, 15, 6, 17));

    [Fact]
    public Task Message_NamesTheSectionTheFileAndTheFix()
        => Verify.JsonAsync("appsettings.json", """
            { "Email": { "Smtp": { "Host": "smtp.example.com", "Port": {|#0:25|} } } }
            """,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticDescriptors.Port25)
                .WithLocation(0)
                .WithMessage("'Email:Smtp' in appsettings.json uses port 25, which is for relay between mail servers and is blocked outbound by most cloud providers; submit on port 587 with STARTTLS")
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task CommonSectionShapes_AreRecognised()
        => Verify.JsonAsync("appsettings.Production.json", """
            {
              "Smtp": { "Host": "smtp.example.com", "Port": {|#0:25|}, "EnableSsl": {|#1:false|} },
              "Email": { "Smtp": { "Server": "smtp.example.com", "Port": "465", "Security": {|#2:"StartTls"|} } },
              "EmailSettings": { "SmtpServer": "smtp.example.com", "SmtpPort": 587, "UseSsl": {|#3:true|} }
            }
            """,
            Verify.Diagnostic("MAIL0201").WithLocation(0),
            Verify.Diagnostic("MAIL0202").WithLocation(1),
            Verify.Diagnostic("MAIL0203").WithLocation(2),
            Verify.Diagnostic("MAIL0203").WithLocation(3));

    [Fact]
    public Task DsnUnderMailing_IsReportedInsideTheString()
        => Verify.JsonAsync("appsettings.json", """
            {
              "Mailing": {
                "Transport": "{|#2:smtps|}://mailer:{|#0:s3cr3t|}@{|#1:smtp.gmail.com|}:587"
              }
            }
            """,
            Verify.Diagnostic("MAIL0203").WithLocation(2),
            Verify.Diagnostic("MAIL0301").WithLocation(0),
            Verify.Diagnostic("MAIL0302").WithLocation(1));

    [Fact]
    public Task Secrets_AreReportedInAppsettingsJson_ButNotInDevelopmentFile()
        => Task.WhenAll(
            Verify.JsonAsync("appsettings.json", """
                {
                  "Smtp": { "Host": "smtp.example.com", "Port": 587, "Password": {|#0:"hunter2"|} },
                  "SendGrid": { "ApiKey": {|#1:"SG.abc123"|} },
                  "ConnectionStrings": { "Default": "Server=db;Password=not-mail" },
                  "Redis": { "Password": "not-mail-either" },
                  "Email": { "Password": "" }
                }
                """,
                Verify.Diagnostic("MAIL0301").WithLocation(0),
                Verify.Diagnostic("MAIL0301").WithLocation(1)),
            Verify.JsonAsync("appsettings.Development.json", """
                { "Smtp": { "Host": "localhost", "Port": 25, "Password": "dev-only", "EnableSsl": false } }
                """));

    [Fact]
    public Task SecureOrUnrelatedSettings_AreSilent()
        => Verify.JsonAsync("appsettings.json", """
            {
              "Mailing": { "Smtp": { "Host": "smtp.example.com", "Port": 587, "Security": "StartTls" } },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:25" } } },
              "Redis": { "Port": 25, "EnableSsl": false },
              "Smtp": { "Host": "smtp.example.com", "Port": 465, "Security": "SslOnConnect" }
            }
            """);

    [Fact]
    public Task OtherJsonFilesAndMalformedJson_AreIgnored()
        => Task.WhenAll(
            Verify.JsonAsync("settings.json", """{ "Smtp": { "Host": "smtp.example.com", "Port": 25 } }"""),
            Verify.JsonAsync("appsettings.json", """{ "Smtp": { "Host": "smtp.example.com", "Port": 25 """));

    [Fact]
    public Task AutoInJson_IsInfoForMailKitStyleSections_ButMailingsAutoRequiresTls()
        => Verify.JsonAsync("appsettings.json", """
            {
              "Mailing": { "Smtp": { "Host": "smtp.example.com", "Port": 587, "Security": "Auto" } },
              "MailSettings": { "Host": "smtp.example.com", "Port": 587, "SecureSocketOptions": {|#0:"Auto"|} }
            }
            """,
            Verify.Diagnostic("MAIL0202", DiagnosticSeverity.Info).WithLocation(0));
}
