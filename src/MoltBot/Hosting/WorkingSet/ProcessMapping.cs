namespace MoltBot.Hosting.WorkingSet;

/// <summary>One mapping of the process's address space, as <c>/proc/self/smaps</c> describes it (sizes in kB).</summary>
internal sealed record ProcessMapping(ulong Start, ulong End, string Permissions, string Path, long RssKb, long AnonymousKb)
{
    public ulong Length => End - Start;

    /// <summary>Writable mappings hold data the process may have changed: never dropped.</summary>
    public bool IsWritable => Permissions.Contains('w', StringComparison.Ordinal);
}
