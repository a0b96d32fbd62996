namespace Mailing.Queue;

/// <summary>Left in the services by <c>AddMailingWorker()</c> when it is called before <c>UseQueue</c>, which then adds the listener.</summary>
internal sealed class MailingWorkerMarker;
