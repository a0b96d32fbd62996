using Mailing.Dispatch;

namespace Mailing.Tests.Dispatch;

public sealed class ServerlessEnvironmentTests
{
    [Theory]
    [InlineData("AWS_LAMBDA_FUNCTION_NAME", "orders-mailer", "AWS Lambda")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated", "Azure Functions")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION", "~4", "Azure Functions")]
    [InlineData("VERCEL", "1", "Vercel")]
    public void ThePlatformsOwnVariable_IsRecognised(string variable, string value, string platform)
    {
        var environment = new Dictionary<string, string> { [variable] = value };

        Assert.Equal(platform, ServerlessEnvironment.Detect(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void AnOrdinaryHost_IsNotServerless()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/root", ["VERCEL"] = "" };

        Assert.Null(ServerlessEnvironment.Detect(name => environment.GetValueOrDefault(name)));
    }
}
