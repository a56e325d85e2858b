namespace MoltBot.Memory;

/// <summary>A piece of a memory file as indexed: its 1-based line range and text.</summary>
internal sealed record MemoryChunk(int StartLine, int EndLine, string Text)
{
    public string Hash { get; } = MemoryHash.Of(Text);
}
