using Microsoft.Playwright;

namespace Mailing.DevInbox.Tests.Browser;

/// <summary>Screenshots the browser tests leave behind: every run's, and on request the one the docs show.</summary>
internal static class Screenshots
{
    /// <summary>Set to 1 to refresh docs/images/dev-inbox.png from the test run.</summary>
    public const string UpdateDocsVariable = "MAILING_UPDATE_DOCS_SCREENSHOTS";

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ArtifactsDirectory, name) });

    /// <summary>Saves the docs' screenshot to the artifacts, and to docs/images only when asked, so a test run leaves the tree clean.</summary>
    public static async Task SaveForDocsAsync(IPage page)
    {
        await SaveAsync(page, "dev-inbox.png");
        if (Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot(), "docs", "images", "dev-inbox.png") });
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mailing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Mailing.sln not found above " + AppContext.BaseDirectory);
    }
}
