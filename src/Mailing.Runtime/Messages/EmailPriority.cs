namespace Mailing;

/// <summary>How urgent a message claims to be; mail clients show it, servers mostly ignore it.</summary>
public enum EmailPriority
{
    /// <summary>No priority headers are written.</summary>
    Normal,

    /// <summary>Written as <c>Importance: high</c>, <c>X-Priority: 1</c> and <c>Priority: urgent</c>.</summary>
    High,

    /// <summary>Written as <c>Importance: low</c>, <c>X-Priority: 5</c> and <c>Priority: non-urgent</c>.</summary>
    Low,
}
