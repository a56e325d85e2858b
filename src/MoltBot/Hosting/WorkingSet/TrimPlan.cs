namespace MoltBot.Hosting.WorkingSet;

/// <summary>Which mappings a working-set trim may drop: pure, so the rule is tested on sample <c>smaps</c> text.</summary>
internal static class TrimPlan
{
    /// <summary>
    /// Resident mappings of <paramref name="executablePath"/> that are not writable and hold no anonymous (copy-on-write)
    /// page: every page in them is an unmodified copy of the file, so dropping it loses nothing — the next touch reads it
    /// back from the page cache. Writable mappings (the runtime's data, <c>.hydrated</c>, relocations) are never chosen.
    /// </summary>
    public static IReadOnlyList<ProcessMapping> Droppable(IEnumerable<ProcessMapping> mappings, string executablePath) =>
        [.. mappings.Where(m => m.Path.Length > 0 && string.Equals(m.Path, executablePath, StringComparison.Ordinal)
            && !m.IsWritable && m.AnonymousKb == 0 && m.RssKb > 0)];
}
