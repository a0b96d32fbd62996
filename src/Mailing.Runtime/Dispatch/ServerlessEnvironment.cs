namespace Mailing.Dispatch;

/// <summary>
/// Recognises serverless hosts by the environment variables their runtimes set. There, outbound SMTP is often blocked
/// or slow to open per invocation, so dispatchers prefer transports that speak a provider's HTTP API.
/// </summary>
internal static class ServerlessEnvironment
{
    /// <summary>The platform's name, or <see langword="null"/> when this does not look like a serverless host.</summary>
    public static string? Detect(Func<string, string?> getVariable)
    {
        if (!string.IsNullOrEmpty(getVariable("AWS_LAMBDA_FUNCTION_NAME")))
        {
            return "AWS Lambda";
        }

        if (!string.IsNullOrEmpty(getVariable("FUNCTIONS_WORKER_RUNTIME")) || !string.IsNullOrEmpty(getVariable("FUNCTIONS_EXTENSION_VERSION")))
        {
            return "Azure Functions";
        }

        return string.IsNullOrEmpty(getVariable("VERCEL")) ? null : "Vercel";
    }

}
