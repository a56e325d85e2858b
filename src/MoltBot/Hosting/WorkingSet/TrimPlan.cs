namespace MoltBot.Hosting.WorkingSet;

/// <summary>Which mappings a working-set trim may drop: pure, so the rule is tested on sample <c>smaps</c> text.</summary>
internal static class TrimPlan
{
    /// <summary>
    /// Resident mappings of <paramref name="executablePath"/> and of the shared libraries it loaded (libc, OpenSSL,
    /// SQLite) that are not writable and hold no anonymous (copy-on-write) page: every page in them is an unmodified
    /// copy of the file, so dropping it loses nothing — the next touch maps it back from the page cache. Writable
    /// mappings (the runtime's data, <c>.hydrated</c>, relocations), anonymous memory and other files are never chosen.
    /// </summary>
    public static IReadOnlyList<ProcessMapping> Droppable(IEnumerable<ProcessMapping> mappings, string executablePath) =>
        [.. mappings.Where(m => (IsExecutable(m, executablePath) || IsSharedLibrary(m.Path))
            && !m.IsWritable && m.AnonymousKb == 0 && m.RssKb > 0)];

    private static bool IsExecutable(ProcessMapping mapping, string executablePath) =>
        executablePath.Length > 0 && string.Equals(mapping.Path, executablePath, StringComparison.Ordinal);

    /// <summary>A loaded library file (<c>/usr/lib/…/libc.so.6</c>, <c>…/libe_sqlite3.so</c>); not one replaced on disk since.</summary>
    private static bool IsSharedLibrary(string path) =>
        path.StartsWith('/') && !path.EndsWith(" (deleted)", StringComparison.Ordinal)
        && (path.EndsWith(".so", StringComparison.Ordinal) || path.Contains(".so.", StringComparison.Ordinal));
}
