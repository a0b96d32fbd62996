namespace Mailing.Testing;

/// <summary>
/// A Mailing test assertion failed. The message says what was expected and lists what was sent instead.
/// Test frameworks report it like any other failed assertion.
/// </summary>
public sealed class MailAssertionException : Exception
{
    /// <summary>Creates the exception with the failure description.</summary>
    /// <param name="message">What was expected and what happened instead.</param>
    public MailAssertionException(string message)
        : base(message)
    {
    }
}
