namespace MoltBot.Memory;

/// <summary>One ranked search result: where it is, its combined score, and its parts (null when that side did not run).</summary>
internal sealed record MemoryHit(string Path, int StartLine, int EndLine, double Score, string Text, double? VectorScore, double? TextScore);
