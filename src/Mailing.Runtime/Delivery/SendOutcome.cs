namespace Mailing;

/// <summary>What became of one message of many (<see cref="O:Mailing.IMailer.SendManyAsync"/>, batch endpoints): its result, or why it failed.</summary>
public sealed record SendOutcome
{
    private SendOutcome(EmailMessage message, SendResult? result, MailDeliveryException? failure)
    {
        Message = message;
        Result = result;
        Failure = failure;
    }

    /// <summary>The message, as it was handed to the transport (with its Message-Id).</summary>
    public EmailMessage Message { get; }

    /// <summary>What the transport reported, when the message was accepted.</summary>
    public SendResult? Result { get; }

    /// <summary>Why the message was not accepted, when it was not.</summary>
    public MailDeliveryException? Failure { get; }

    /// <summary>Whether the message was accepted.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Result))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Result is not null;

    /// <summary>An accepted message.</summary>
    public static SendOutcome Sent(EmailMessage message, SendResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        return new(message, result, null);
    }

    /// <summary>A message that was not accepted.</summary>
    public static SendOutcome Failed(EmailMessage message, MailDeliveryException failure)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(failure);
        return new(message, null, failure);
    }
}
