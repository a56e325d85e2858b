using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Memory;

internal sealed partial class MemoryIndex
{
    [LoggerMessage(EventId = 1, EventName = EventNames.MemoryIndexed, Level = LogLevel.Information,
        Message = "memory index of {AgentId}: {Indexed} file(s) re-indexed, {Removed} removed, {Embedded} chunk(s) embedded")]
    private static partial void LogIndexed(ILogger logger, string agentId, int indexed, int removed, int embedded);

    [LoggerMessage(EventId = 2, EventName = EventNames.MemoryIndexFailed, Level = LogLevel.Warning,
        Message = "memory index of {AgentId} could not be updated: {Reason}")]
    private static partial void LogIndexFailed(ILogger logger, string agentId, string reason);

    [LoggerMessage(EventId = 3, EventName = EventNames.MemoryEmbeddingsFailed, Level = LogLevel.Warning,
        Message = "memory embeddings for {AgentId} failed ({Provider}): {Reason}; keyword search only for a minute")]
    private static partial void LogEmbeddingsFailed(ILogger logger, string agentId, string provider, string reason);
}
