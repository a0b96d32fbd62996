namespace Mailing.Package.Tests;

/// <summary>
/// A fresh app referencing the packed package: the generator, its Scriban and PreMailer dlls and the
/// analyzers all load from the package's analyzers folder, and their diagnostics point at the user's files.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture fixture)
{
    [Fact]
    public void FreshApp_Builds_AndRendersSubjectAndHtmlWithCssInlinedAndDataEscaped()
    {
        var app = fixture.WorkingApp;

        Assert.True(app.Build.Succeeded, app.Build.ToString());
        Assert.NotNull(app.Run);
        Assert.True(app.Run.Succeeded, app.Run.ToString());
        var output = app.Run.Output.ReplaceLineEndings("\n");
        Assert.Contains("SUBJECT: Welcome, Ann <3\n", output, StringComparison.Ordinal);
        Assert.Contains("<p style=\"color: #336699\">Hello Ann &lt;3!</p>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FreshApp_SendsTheRenderedTemplateThroughAFailoverWhosePrimaryIsDown_AndTheMessageArrivesOnce()
    {
        var app = fixture.WorkingApp;

        Assert.True(app.Build.Succeeded, app.Build.ToString());
        Assert.True(app.Run!.Succeeded, app.Run.ToString());
        var message = Assert.Single(app.Received);
        Assert.Equal("Welcome, Ann <3", message.Subject);
        Assert.Equal("ann@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("app@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("<p style=\"color: #336699\">Hello Ann &lt;3!</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello Ann <3!", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Port25InAppSettings_IsReportedAsMail0201AtThePortValue()
    {
        var app = fixture.WorkingApp;
        var (line, column) = Position(ConsumerProject.AppSettings, "\"Port\": 25", "25");
        var expected = $"{Path.Combine(app.Project.Directory, "appsettings.json")}({line},{column}): warning MAIL0201:";

        Assert.True(app.Build.Succeeded, app.Build.ToString());
        Assert.Contains(expected, app.Build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Port25AndLiteralPasswordInCSharp_AreReportedAtTheirValues()
    {
        var app = fixture.WorkingApp;
        var file = Path.Combine(app.Project.Directory, "MailSettings.cs");
        var (portLine, portColumn) = Position(ConsumerProject.MailSettingsSource, "Port = 25", "25");
        var (secretLine, secretColumn) = Position(ConsumerProject.MailSettingsSource, "Password = \"hunter2", "\"hunter2");

        Assert.True(app.Build.Succeeded, app.Build.ToString());
        Assert.Contains($"{file}({portLine},{portColumn}): warning MAIL0201:", app.Build.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}({secretLine},{secretColumn}): warning MAIL0301:", app.Build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-literal", app.Build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltMemberInTemplate_FailsTheBuildWithMail0002AtTheTemplatesLineAndColumn()
    {
        var app = fixture.AppWithTypo;
        var template = ConsumerProject.WelcomeTemplate.Replace("user.first_name", "user.nmae", StringComparison.Ordinal);
        var (line, column) = Position(template, "user.nmae", "nmae");
        var expected = $"{Path.Combine(app.Project.Directory, "Templates", "WelcomeEmail.sbn-html")}({line},{column}): error MAIL0002: 'nmae'";

        Assert.False(app.Build.Succeeded, app.Build.ToString());
        Assert.Contains(expected, app.Build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageTargets_AddTemplatesAndAppSettings_WithoutTheProjectListingThem()
    {
        var items = fixture.EvaluateAdditionalFiles("unlisted", extraItems: "");

        Assert.Equal(["Templates/WelcomeEmail.sbn-html", "appsettings.json"], items);
    }

    [Fact]
    public void PackageTargets_DoNotAddAFileTwice_WhenTheProjectAlreadyListsIt()
    {
        var items = fixture.EvaluateAdditionalFiles("listed",
            extraItems: """<AdditionalFiles Include="Templates\**\*.sbn-html" /><AdditionalFiles Include="appsettings*.json" />""");

        Assert.Equal(["Templates/WelcomeEmail.sbn-html", "appsettings.json"], items);
    }

    [Fact]
    public void AppThatGetsMailingThroughALibrary_StillHasItsTemplatesAndAppSettingsAdded()
    {
        var library = fixture.CreateLibraryReferencingThePackage("EmailLibrary");

        var items = fixture.EvaluateAdditionalFiles("through-library", extraItems: "",
            mailingReference: $"""<ProjectReference Include="{library}" />""");

        Assert.Equal(["Templates/WelcomeEmail.sbn-html", "appsettings.json"], items);
    }

    /// <summary>1-based line and column of <paramref name="target"/> within the first line holding <paramref name="lineMarker"/>.</summary>
    private static (int Line, int Column) Position(string text, string lineMarker, string target)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(lineMarker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{lineMarker}' is not in the fixture text");
        return (index + 1, lines[index].IndexOf(lineMarker, StringComparison.Ordinal) + lineMarker.IndexOf(target, StringComparison.Ordinal) + 1);
    }
}
