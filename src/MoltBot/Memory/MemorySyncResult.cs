namespace MoltBot.Memory;

/// <summary>What one re-index did: files (re)chunked, files removed, chunks embedded.</summary>
internal sealed record MemorySyncResult(IReadOnlyList<string> Indexed, IReadOnlyList<string> Removed, int Embedded)
{
    public bool Changed => Indexed.Count > 0 || Removed.Count > 0 || Embedded > 0;
}
