namespace Mailing.Package.Tests;

/// <summary>
/// The Native AOT claim, tried as a user would: a console consumer of the packed Mailing publishes
/// with <c>PublishAot=true</c> without a single trim or AOT warning, and the native binary renders a
/// compiled template and delivers it over STARTTLS + AUTH.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class NativeAotTests(PackageFixture fixture)
{
    [Fact]
    public void Publishes_with_no_trim_or_AOT_warning()
    {
        var app = fixture.AotConsumer;

        Assert.True(app.Publish.Succeeded, app.Publish.ToString());
        Assert.True(File.Exists(app.Binary), $"No native binary at {app.Binary}:\n{app.Publish}");
        Assert.Empty(app.TrimAndAotWarnings);
    }

    [Fact]
    public void Native_binary_delivers_the_rendered_template_over_STARTTLS_and_AUTH()
    {
        var app = fixture.AotConsumer;

        Assert.True(app.Publish.Succeeded, app.Publish.ToString());
        Assert.NotNull(app.Run);
        Assert.True(app.Run.Succeeded, app.Run.ToString());
        var received = Assert.Single(app.Received);
        Assert.True(received.WasSecure, "The session was not encrypted.");
        Assert.Equal(PublishedAotConsumer.User, received.AuthenticatedUser);
        Assert.Equal("Receipt for Ann", received.Message.Subject);
        Assert.Contains("<h1 style=\"color: #336699\">Thanks, Ann</h1>", received.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Total 42.50", received.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"SENT {received.Message.MessageId}", app.Run.Output, StringComparison.Ordinal);
    }
}
