namespace Mailing.Transports.Http.Postmark;

/// <summary>The API error codes Postmark puts in <c>ErrorCode</c> (its API overview lists them) that sending can meet.</summary>
internal static class PostmarkErrorCode
{
    public const int Success = 0;
    public const int BadOrMissingApiToken = 10;
    public const int Maintenance = 100;
    public const int InvalidEmailRequest = 300;
    public const int SenderSignatureNotFound = 400;
    public const int SenderSignatureNotConfirmed = 401;
    public const int InvalidJson = 402;
    public const int IncompatibleJson = 403;
    public const int NotAllowedToSend = 405;
    public const int InactiveRecipient = 406;
    public const int JsonRequired = 409;
    public const int TooManyBatchMessages = 410;
    public const int ForbiddenAttachmentType = 411;
    public const int AccountIsPending = 412;
    public const int AccountMayNotSend = 413;
    public const int RateLimitExceeded = 429;
}
