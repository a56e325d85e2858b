using Microsoft.Extensions.AI;

namespace MoltBot.Sessions;

/// <summary>One transcript entry. <see cref="Kind"/> is <c>message</c> or <c>summary</c> (a compaction).</summary>
internal sealed record StoredMessage(long Id, string Kind, ChatMessage Message, bool Pending, bool Compacted, int Tokens, DateTimeOffset CreatedAt)
{
    public const string MessageKind = "message";
    public const string SummaryKind = "summary";
}
